//! The checks of the standalone examples, `examples-<runtime>/examples/<program>.rs`: the
//! copy-paste form of every program, which must print what its measured binary
//! (`src/bin/<program>.rs`) prints and build in a new project with nothing but the dependency
//! lines its header lists. A runtime's `tests/examples.rs` and `tests/standalone.rs` call these
//! with the [`Runtime`]; which programs and modes there are comes from the catalogue, so a new
//! example file is checked as soon as it exists.
//!
//! What "prints the same" means: the example runs with the seed's durations, and its stdout is
//! checked against the binary's transcript ([`expect::transcript`]) with the same tie rules.
//! Which lines report a measured time (and so may differ in their numbers) is learnt from the
//! binary itself: it runs once at `--scale 0.01 --trace`, whose trace marks those lines, and an
//! example line whose shape (numbers masked) is one of theirs is a timing line. Where the
//! transcript depends on the scheduler, what is certain is asserted, as the binaries' tests do.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

use super::run_bin;
use crate::catalogue::{Mode, Ordering, Program, Runtime, makerandom};
use crate::expect;
use crate::out::Event;

/// The workspace's root: the parent of `shared/`.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("shared/ lies in the workspace")
}

fn package(runtime: Runtime) -> &'static str {
    runtime
        .package()
        .unwrap_or_else(|| panic!("{runtime} is not a workspace member"))
}

/// The folder of `runtime`'s examples, `examples-<runtime>/examples/`.
pub fn examples_dir(runtime: Runtime) -> PathBuf {
    workspace_root().join(package(runtime)).join("examples")
}

/// Every program of the catalogue that `runtime` has: the seed programs, then the concepts.
pub fn programs(runtime: Runtime) -> Vec<Program> {
    Program::ALL
        .into_iter()
        .chain(Program::CONCEPTS)
        .filter(|p| !p.modes(runtime).is_empty())
        .collect()
}

/// The source of `program`'s example under `runtime`, if it has one yet.
pub fn example_source(runtime: Runtime, program: Program) -> Option<PathBuf> {
    let path = examples_dir(runtime).join(format!("{program}.rs"));
    path.exists().then_some(path)
}

/// `target/<profile>`, from the running test (`target/<profile>/deps/<test>`).
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    exe.parent()
        .and_then(Path::parent)
        .expect("a test runs from target/<profile>/deps/")
        .to_path_buf()
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Builds `runtime`'s examples in this build's profile, once per test process: a moment when
/// `cargo test` has just built them, and needed when only `--test examples` was built.
fn build_examples(runtime: Runtime) {
    static BUILT: Mutex<BTreeSet<Runtime>> = Mutex::new(BTreeSet::new());
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if built.contains(&runtime) {
        return;
    }
    let profile = profile_dir();
    let mut command = Command::new(cargo());
    command.current_dir(workspace_root()).args([
        "build",
        "--quiet",
        "--package",
        package(runtime),
        "--examples",
    ]);
    match profile.file_name().and_then(|n| n.to_str()) {
        Some("debug") => {}
        Some("release") => {
            command.arg("--release");
        }
        Some(other) => {
            command.args(["--profile", other]);
        }
        None => panic!("no profile in {}", profile.display()),
    }
    let output = command.output().expect("cannot run cargo");
    assert!(
        output.status.success(),
        "cargo build --examples failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    built.insert(runtime);
}

/// The built example of `program` (after [`build_examples`]).
fn example_exe(program: Program) -> String {
    let exe = profile_dir().join("examples").join(program.name());
    exe.to_str().expect("a UTF-8 path").to_string()
}

/// The measured binary of `program` (which `cargo test` builds for the crate's tests).
fn binary_exe(program: Program) -> String {
    let exe = profile_dir().join(program.name());
    exe.to_str().expect("a UTF-8 path").to_string()
}

/// `Task One elapsed time: 15.0012` → `Task One elapsed time: #`: a line with every number
/// masked, the same from run to run.
pub fn shape(line: &str) -> String {
    let mut shaped = String::new();
    let mut in_number = false;
    for c in line.chars() {
        if c.is_ascii_digit() || (in_number && c == '.') {
            if !in_number {
                shaped.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            shaped.push(c);
        }
    }
    shaped
}

/// The timing lines of the measured binary in `mode`, run at `--scale 0.01` with a trace:
/// their shapes, and how many there were.
fn binary_timing_lines(
    runtime: Runtime,
    program: Program,
    mode: Mode,
) -> (BTreeSet<String>, usize) {
    let dir = profile_dir()
        .join("tmp")
        .join(format!("examples-{runtime}"));
    std::fs::create_dir_all(&dir).expect("a folder for the traces");
    let trace = dir.join(format!("{program}-{mode}.jsonl"));
    let trace_arg = trace.to_str().expect("a UTF-8 path");
    let args = [
        "--mode",
        mode.name(),
        "--scale",
        "0.01",
        "--trace",
        trace_arg,
    ];
    let run = run_bin(&binary_exe(program), &args, Duration::from_secs(120));
    assert_eq!(
        run.code(),
        Some(0),
        "the binary {program} {args:?}: {run:?}"
    );
    let text = std::fs::read_to_string(&trace).expect("the binary's trace");
    // The last object is the summary, which is not an event.
    let timing: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Event>(l).ok())
        .filter(|e| e.timing)
        .map(|e| shape(&e.line))
        .collect();
    let count = timing.len();
    (timing.into_iter().collect(), count)
}

/// The dependency lines of an example's header: the lines of its ```` ```toml ```` block that
/// starts with `[dependencies]`, each `name = value`. No such block: std only.
pub fn dependency_lines(source: &str) -> Result<Vec<String>, String> {
    let header: Vec<&str> = source
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let Some(start) = header
        .windows(2)
        .position(|w| w[0] == "```toml" && w[1] == "[dependencies]")
    else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    for line in &header[start + 2..] {
        if *line == "```" {
            return Ok(lines);
        }
        let (name, value) = line
            .split_once(" = ")
            .ok_or_else(|| format!("not a dependency line: {line:?}"))?;
        let name_ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !name_ok || !(value.starts_with('"') || value.starts_with('{')) {
            return Err(format!("not a dependency line: {line:?}"));
        }
        lines.push(line.to_string());
    }
    Err("the ```toml block of the dependencies is not closed".to_string())
}

/// One dependency as a header writes it: `"1"`, or `{ version = "1", features = [...] }`.
#[derive(Debug, Default, PartialEq)]
struct Dependency {
    /// Every key but `features`, with its value as written.
    keys: BTreeMap<String, String>,
    features: BTreeSet<String>,
}

/// Splits `a = 1, b = [2, 3]` at the commas outside brackets and quotes.
fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut quoted, mut from) = (Vec::new(), 0, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' | '{' if !quoted => depth += 1,
            ']' | '}' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(text[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text[from..].trim());
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

impl Dependency {
    fn parse(value: &str) -> Result<Dependency, String> {
        let mut dependency = Dependency::default();
        let Some(table) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) else {
            dependency.keys.insert("version".into(), value.to_string());
            return Ok(dependency);
        };
        for entry in split_top_level(table) {
            let (key, value) = entry
                .split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| format!("not `key = value`: {entry:?}"))?;
            if key == "features" {
                let list = value
                    .strip_prefix('[')
                    .and_then(|v| v.strip_suffix(']'))
                    .ok_or_else(|| format!("features are not a list: {value:?}"))?;
                for feature in split_top_level(list) {
                    dependency
                        .features
                        .insert(feature.trim_matches('"').to_string());
                }
            } else {
                dependency.keys.insert(key.to_string(), value.to_string());
            }
        }
        Ok(dependency)
    }

    /// `name`'s line in the fresh project's `Cargo.toml`.
    fn line(&self, name: &str) -> String {
        let mut entries: Vec<String> = self
            .keys
            .iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        if !self.features.is_empty() {
            let features: Vec<String> = self.features.iter().map(|f| format!("{f:?}")).collect();
            entries.push(format!("features = [{}]", features.join(", ")));
        }
        format!("{name} = {{ {} }}", entries.join(", "))
    }
}

/// The union of the headers' dependency lines: one line per crate, the features of every
/// header that names it; headers that disagree on anything else (the version,
/// `default-features`) are an error.
pub fn merge_dependencies(lines: &[String]) -> Result<Vec<String>, String> {
    let mut merged: BTreeMap<String, Dependency> = BTreeMap::new();
    for line in lines {
        let (name, value) = line
            .split_once(" = ")
            .ok_or(format!("not a line: {line}"))?;
        let dependency = Dependency::parse(value)?;
        match merged.get_mut(name) {
            None => {
                merged.insert(name.to_string(), dependency);
            }
            Some(known) if known.keys == dependency.keys => {
                known.features.extend(dependency.features)
            }
            Some(known) => {
                return Err(format!(
                    "the headers disagree on {name}: {:?} and {:?}",
                    known.keys, dependency.keys
                ));
            }
        }
    }
    Ok(merged.iter().map(|(name, d)| d.line(name)).collect())
}

/// Runs `check`, turning a panic into its message.
fn attempt(what: String, check: impl FnOnce()) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(check)).map_err(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("{what}: {why}")
    })
}

/// Every example of `runtime` in every mode its program has, with the seed's durations: it
/// ends with code 0, nothing on stderr, and prints its measured binary's transcript (see the
/// module documentation). Runs of a second or more run side by side; the short ones (lines
/// tens of milliseconds apart) one after another meanwhile. Also: every example file is a
/// program of the catalogue.
pub fn check_every_example(runtime: Runtime) {
    for entry in std::fs::read_dir(examples_dir(runtime)).expect("the examples folder") {
        let path = entry.expect("a folder entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            Program::from_name(name).is_some_and(|p| programs(runtime).contains(&p)),
            "{} is not a program of {runtime} in the catalogue",
            path.display()
        );
    }
    build_examples(runtime);
    let cases: Vec<(Program, Mode)> = programs(runtime)
        .into_iter()
        .filter(|&p| example_source(runtime, p).is_some())
        .flat_map(|p| p.modes(runtime).iter().map(move |&m| (p, m)))
        .collect();
    assert!(!cases.is_empty(), "{runtime} has no example");
    let long = |&(p, m): &(Program, Mode)| p.ideal(m).is_some_and(|t| t >= Duration::from_secs(1));
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .filter(|c| long(c))
            .map(|&(p, m)| {
                scope.spawn(move || attempt(format!("{p} {m}"), || check_example(runtime, p, m)))
            })
            .collect();
        let mut results: Vec<Result<(), String>> = cases
            .iter()
            .filter(|c| !long(c))
            .map(|&(p, m)| attempt(format!("{p} {m}"), || check_example(runtime, p, m)))
            .collect();
        results.extend(
            handles
                .into_iter()
                .map(|h| h.join().expect("checks catch their panics")),
        );
        results.into_iter().filter_map(Result::err).collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} example runs under {runtime} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// `program`'s example in `mode` (no argument for the default mode, the mode's name otherwise).
fn check_example(runtime: Runtime, program: Program, mode: Mode) {
    let start = std::time::Instant::now();
    check_example_run(runtime, program, mode);
    eprintln!(
        "{runtime} {program} {mode}: checked in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn check_example_run(runtime: Runtime, program: Program, mode: Mode) {
    if program == Program::HttpFetch {
        return check_http_fetch(runtime, mode);
    }
    let args: &[&str] = if program.modes(runtime)[0] == mode {
        &[]
    } else {
        &[mode.name()]
    };
    let ideal = program.ideal(mode).unwrap_or_default();
    let run = run_bin(
        &example_exe(program),
        args,
        ideal * 3 + Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    let lines = run.lines();
    // Which lines are timing lines: those shaped like the binary's.
    let (timing_shapes, timing_count) = binary_timing_lines(runtime, program, mode);
    let events: Vec<Event> = lines
        .iter()
        .map(|line| Event {
            t_us: 0,
            task: String::new(),
            line: line.clone(),
            timing: timing_shapes.contains(&shape(line)),
        })
        .collect();
    let timing = events.iter().filter(|e| e.timing).count();
    assert_eq!(
        timing, timing_count,
        "{timing} timing lines, the binary prints {timing_count} shaped {timing_shapes:?}: {lines:#?}"
    );
    // makerandom's example may draw from the `rand` crate (its header says so): its numbers
    // are not the seed's, only what any draws must look like is certain.
    let own_numbers = program == Program::Makerandom
        && example_source(runtime, program)
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|source| dependency_lines(&source).ok())
            .is_some_and(|deps| deps.iter().any(|d| d.starts_with("rand ")));
    match expect::transcript(program, runtime, mode) {
        Some(groups) if !own_numbers => {
            let groups = if program.ordering(mode) == Ordering::Scheduler {
                vec![groups.concat()]
            } else {
                groups
            };
            if let Err(why) = expect::check(&expect::comparable(&events), &groups) {
                panic!("not the binary's transcript: {why}");
            }
        }
        _ => assert_what_is_certain(runtime, program, mode, &lines),
    }
}

/// The checks of the runs whose transcript depends on the scheduler (or on the `rand` crate).
fn assert_what_is_certain(runtime: Runtime, program: Program, mode: Mode, lines: &[String]) {
    use super::{prime_search, work_queue};
    match (program, mode) {
        (Program::WorkQueue, Mode::Async) => {
            work_queue::assert_async_lines_share_the_queue(lines, 1.0)
        }
        (Program::WorkQueue, Mode::Blocking) => {
            // However many threads block, each item is taken once and slept in full.
            let running = work_queue::running(lines, "One") + work_queue::running(lines, "Two");
            assert_eq!(running, 4, "{lines:#?}");
            let (per_item, total) = work_queue::elapsed_secs(lines);
            assert_eq!(per_item.len(), 4, "{lines:#?}");
            assert!(
                per_item.iter().sum::<f64>() >= 32.0 && total >= 17.0,
                "{lines:#?}"
            );
        }
        (Program::PrimeSearch, Mode::Blocking) => {
            // Which searches overlap depends on the threads; each prints its ▶ before its ▷.
            let sequential = prime_search::sequential_lines(runtime);
            assert_eq!(lines.len(), sequential.len() + 1, "{lines:#?}");
            for pair in sequential.chunks(2) {
                let position = |line: &String| lines.iter().position(|l| l == line);
                let (start, found) = (position(&pair[0]), position(&pair[1]));
                assert!(start.is_some() && start < found, "{pair:?} in {lines:#?}");
            }
            assert!(
                prime_search::took_ms(&lines[lines.len() - 1]) >= 260.0,
                "{lines:#?}"
            );
        }
        (Program::Makerandom, _) => assert_makerandom_draws(lines),
        _ => panic!("no transcript and no check of what is certain for {program} {mode}"),
    }
}

/// makerandom's lines, whatever the numbers: each task is initiated once, retries while its
/// draw is at most its threshold, and finishes once, above it.
fn assert_makerandom_draws(lines: &[String]) {
    for idx in 0..makerandom::TASKS {
        let initiated = format!("Initiated makerandom({idx}).");
        let draws = format!("makerandom({idx}) == ");
        let mine: Vec<&String> = lines
            .iter()
            .filter(|l| **l == initiated || l.contains(&draws))
            .collect();
        assert_eq!(mine.first(), Some(&&initiated), "{lines:#?}");
        for (k, line) in mine.iter().enumerate().skip(1) {
            let n: i64 = line
                .split_once(&draws)
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no number in {line:?}"));
            assert!((0..=10).contains(&n), "{line}");
            assert_eq!(**line, expect::makerandom_line(idx, n), "{lines:#?}");
            let finished = n > makerandom::threshold(idx);
            assert_eq!(finished, k == mine.len() - 1, "{lines:#?}");
        }
        assert!(mine.len() >= 2, "{lines:#?}");
    }
}

/// http_fetch's example against the stand-in server's six sites (the seed's latencies) and one
/// refused URL: one outcome line per URL, the refused one unlike the others, exit code 1.
fn check_http_fetch(runtime: Runtime, mode: Mode) {
    use crate::server::{Server, refused_url};
    let server = Server::start(1.0).expect("the stand-in server");
    let refused = refused_url().expect("a free port");
    let mut args: Vec<String> = Vec::new();
    if Program::HttpFetch.modes(runtime)[0] != mode {
        args.push(mode.name().to_string());
    }
    args.extend(server.site_urls());
    args.push(refused.clone());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_bin(
        &example_exe(Program::HttpFetch),
        &args,
        Duration::from_secs(90),
    );
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = super::http_fetch::outcomes(&run);
    assert_eq!(outcomes.len(), 7, "{run:?}");
    let good: BTreeSet<String> = server
        .site_urls()
        .iter()
        .map(|url| shape(&outcomes[url].replace(url, "URL")))
        .collect();
    let bad = shape(&outcomes[&refused].replace(&refused, "URL"));
    assert!(
        !good.contains(&bad),
        "the refused URL's outcome looks like a success: {run:?}"
    );
}

/// Every example, given a mode it does not have, prints one line on stderr that names the
/// modes it has, nothing on stdout, and exits with code 2. (http_fetch is left out: its
/// arguments are URLs, and an unknown word is a URL that fails.)
pub fn assert_unknown_modes_exit_2(runtime: Runtime) {
    build_examples(runtime);
    let programs: Vec<Program> = programs(runtime)
        .into_iter()
        .filter(|&p| p != Program::HttpFetch && example_source(runtime, p).is_some())
        .collect();
    assert!(!programs.is_empty(), "{runtime} has no example");
    for program in programs {
        let run = run_bin(
            &example_exe(program),
            &["no-such-mode"],
            Duration::from_secs(30),
        );
        assert_eq!(run.code(), Some(2), "{program}: {run:?}");
        assert!(run.stdout.is_empty(), "{program}: {run:?}");
        let stderr = run.stderr.trim_end();
        assert_eq!(stderr.lines().count(), 1, "{program}: {run:?}");
        for mode in program.modes(runtime) {
            assert!(
                stderr.contains(mode.name()),
                "{program}: {stderr:?} does not name {mode}"
            );
        }
        assert!(!stderr.contains("panicked"), "{program}: {stderr:?}");
    }
}

/// Every program of `runtime` has its example.
pub fn assert_every_program_has_an_example(runtime: Runtime) {
    let missing: Vec<Program> = programs(runtime)
        .into_iter()
        .filter(|&p| example_source(runtime, p).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "{runtime} has no example of {missing:?}"
    );
}

/// Copies every example of `runtime` into a fresh cargo project under
/// `target/standalone/<package>/` (each as `src/bin/<program>.rs`) whose `Cargo.toml` holds
/// the union of the headers' dependency lines (see [`merge_dependencies`]) and the workspace's
/// `Cargo.lock` (the same versions, nothing new to download), and builds it with the target
/// folder `target/standalone-target`, which the four runtimes share (their dependencies
/// compile once and stay cached). Fails on a header without the run command, the twin or a
/// well-formed dependency block, on a file that names project code or a crate of the union its
/// own header does not list, and on a build error: a dependency or feature that no header
/// lists. (A feature one header forgets while another lists it is not caught: the union has
/// it.)
pub fn assert_examples_build_in_a_fresh_project(runtime: Runtime) {
    let package = package(runtime);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(examples_dir(runtime))
        .expect("the examples folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "{runtime} has no example");
    let project_code = [
        "shared::",
        "clap::",
        &format!("{}::", package.replace('-', "_")),
    ];
    let mut dependencies = Vec::new();
    let mut uses: Vec<(PathBuf, String, Vec<String>)> = Vec::new();
    for path in &sources {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        let source = std::fs::read_to_string(path).expect("the example");
        for code in project_code {
            assert!(!source.contains(code), "{}: names {code}", path.display());
        }
        let run = format!("cargo run -p {package} --example {name}");
        let twin = format!("src/bin/{name}.rs");
        let header: String = source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect();
        assert!(
            header.contains(&run),
            "{}: the header lacks `{run}`",
            path.display()
        );
        assert!(
            header.contains(&twin),
            "{}: the header lacks `{twin}`",
            path.display()
        );
        let lines = dependency_lines(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        dependencies.extend(lines.iter().cloned());
        uses.push((path.clone(), source, lines));
    }
    // The union hides a crate one header forgets if another lists it: so each file that names
    // a crate of the union in its code (`tokio::…`) must list it itself.
    for (path, source, own) in &uses {
        let code: String = source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        for line in &dependencies {
            let name = line
                .split_once(" = ")
                .map_or(line.as_str(), |(name, _)| name);
            let named = code.contains(&format!("{}::", name.replace('-', "_")));
            let listed = own.iter().any(|l| l.starts_with(&format!("{name} = ")));
            assert!(
                !named || listed,
                "{}: uses {name} but its header does not list it",
                path.display()
            );
        }
    }
    let dependencies =
        merge_dependencies(&dependencies).unwrap_or_else(|e| panic!("{runtime}: {e}"));
    let target = profile_dir().parent().expect("target/").to_path_buf();
    let project = target.join("standalone").join(package);
    let _ = std::fs::remove_dir_all(&project);
    let bin = project.join("src").join("bin");
    std::fs::create_dir_all(&bin).expect("the fresh project's src/bin");
    let manifest = format!(
        "[package]\nname = \"standalone-{runtime}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Its own workspace, not a member of the one it lies in.\n[workspace]\n\n\
         [dependencies]\n{}\n\n[profile.dev]\ndebug = \"line-tables-only\"\n",
        dependencies.join("\n")
    );
    std::fs::write(project.join("Cargo.toml"), manifest).expect("Cargo.toml");
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        project.join("Cargo.lock"),
    )
    .expect("Cargo.lock");
    for path in &sources {
        std::fs::copy(path, bin.join(path.file_name().expect("a name"))).expect("an example");
    }
    let output = Command::new(cargo())
        .current_dir(&project)
        .args(["build", "--quiet", "--bins"])
        .env("CARGO_TARGET_DIR", target.join("standalone-target"))
        .output()
        .expect("cannot run cargo");
    assert!(
        output.status.success(),
        "the examples of {runtime} do not build in {} with the dependencies\n{}\n{}",
        project.display(),
        dependencies.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_mask_every_number() {
        assert_eq!(
            shape("Task One elapsed time: 15.0012"),
            "Task One elapsed time: #"
        );
        assert_eq!(shape("executed in 1.00 seconds."), "executed in # seconds.");
        assert_eq!(shape("[1:30] laundry done"), "[#:#] laundry done");
    }

    #[test]
    fn dependency_lines_come_from_the_toml_block_of_the_header() {
        let source = "//! # x\n//!\n//! ```toml\n//! [dependencies]\n//! tokio = { version = \"1\", features = [\"macros\"] }\n//! futures = \"0.3\"\n//! ```\nfn main() {}\n";
        assert_eq!(
            dependency_lines(source).unwrap(),
            [
                "tokio = { version = \"1\", features = [\"macros\"] }",
                "futures = \"0.3\""
            ]
        );
        assert_eq!(
            dependency_lines("//! std only\nfn main() {}").unwrap(),
            Vec::<String>::new()
        );
        assert!(dependency_lines("//! ```toml\n//! [dependencies]\n//! tokio\n//! ```\n").is_err());
        assert!(dependency_lines("//! ```toml\n//! [dependencies]\n//! tokio = \"1\"\n").is_err());
    }

    #[test]
    fn merged_dependencies_unite_features_and_refuse_disagreements() {
        let lines = |ls: &[&str]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let merged = merge_dependencies(&lines(&[
            "tokio = { version = \"1\", features = [\"macros\", \"time\"] }",
            "tokio = { version = \"1\", features = [\"rt\"] }",
            "futures = \"0.3\"",
        ]))
        .unwrap();
        assert_eq!(
            merged,
            [
                "futures = { version = \"0.3\" }",
                "tokio = { version = \"1\", features = [\"macros\", \"rt\", \"time\"] }"
            ]
        );
        assert!(merge_dependencies(&lines(&["a = \"1\"", "a = \"2\""])).is_err());
    }
}
