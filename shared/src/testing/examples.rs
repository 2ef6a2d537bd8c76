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
//!
//! The fresh-project build is [`standalone`].

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

use super::{BinRun, run_bin};
use crate::catalogue::{Mode, Ordering, Program, Runtime, makerandom};
use crate::expect;
use crate::out::Event;

pub mod standalone;

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
    trace_timing_lines(&trace)
}

/// The timing lines of the `--trace` file `trace` (a measured twin's, Rust's or Python's):
/// their shapes, and how many there were.
pub fn trace_timing_lines(trace: &Path) -> (BTreeSet<String>, usize) {
    let text = std::fs::read_to_string(trace)
        .unwrap_or_else(|e| panic!("the trace {}: {e}", trace.display()));
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
            programs(runtime).iter().any(|p| p.name() == name),
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
    let failures = check_side_by_side(&cases, |p, m| check_example(runtime, p, m));
    assert!(
        failures.is_empty(),
        "{} of {} example runs under {runtime} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Runs `check` on every `(program, mode)` of `cases` and returns the failures, each with its
/// case: the runs of a second or more side by side, each on a thread (they sleep the seed's
/// durations), the short ones (lines tens of milliseconds apart) one after another meanwhile.
pub fn check_side_by_side(
    cases: &[(Program, Mode)],
    check: impl Fn(Program, Mode) + Sync,
) -> Vec<String> {
    let long = |&(p, m): &(Program, Mode)| p.ideal(m).is_some_and(|t| t >= Duration::from_secs(1));
    let check = &check;
    std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .filter(|c| long(c))
            .map(|&(p, m)| scope.spawn(move || attempt(format!("{p} {m}"), || check(p, m))))
            .collect();
        let mut results: Vec<Result<(), String>> = cases
            .iter()
            .filter(|c| !long(c))
            .map(|&(p, m)| attempt(format!("{p} {m}"), || check(p, m)))
            .collect();
        results.extend(
            handles
                .into_iter()
                .map(|h| h.join().expect("checks catch their panics")),
        );
        results.into_iter().filter_map(Result::err).collect()
    })
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
    let timing = binary_timing_lines(runtime, program, mode);
    // makerandom's example may draw from the `rand` crate (its header says so): its numbers
    // are not the seed's, only what any draws must look like is certain.
    let own_numbers = program == Program::Makerandom
        && example_source(runtime, program)
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|source| standalone::dependency_lines(&source).ok())
            .is_some_and(|deps| deps.iter().any(|d| d.starts_with("rand ")));
    let order = if own_numbers {
        Numbers::Own
    } else {
        Numbers::Seed
    };
    check_lines(runtime, program, mode, &lines, &timing, order, false);
}

/// Where a run's numbers come from (makerandom's draws).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// The seed's generator: the transcript's numbers.
    Seed,
    /// A generator of the program's own (the `rand` crate): only their shape is certain.
    Own,
}

/// Checks the stdout `lines` of a standalone form of `program` in `mode` against `runtime`'s
/// transcript: a line is a timing line when its shape is one of `timing.0` (the measured
/// twin's timing lines, of which it printed `timing.1`), and the run must print as many;
/// the other lines are the transcript's, with its tie rules. Where the order depends on the
/// scheduler, the lines are checked in any order, unless `single_threaded` (asyncio's loop,
/// the seeds' generators), where the transcript's order is a fact. Without a transcript,
/// what is certain is asserted.
pub fn check_lines(
    runtime: Runtime,
    program: Program,
    mode: Mode,
    lines: &[String],
    timing: &(BTreeSet<String>, usize),
    numbers: Numbers,
    single_threaded: bool,
) {
    let (timing_shapes, timing_count) = timing;
    let events: Vec<Event> = lines
        .iter()
        .map(|line| Event {
            t_us: 0,
            task: String::new(),
            line: line.clone(),
            timing: timing_shapes.contains(&shape(line)),
            thread: String::new(),
        })
        .collect();
    let printed = events.iter().filter(|e| e.timing).count();
    assert_eq!(
        printed, *timing_count,
        "{printed} timing lines, the measured twin prints {timing_count} shaped {timing_shapes:?}: {lines:#?}"
    );
    match expect::transcript(program, runtime, mode) {
        Some(groups) if numbers == Numbers::Seed => {
            let groups = if program.ordering(mode) == Ordering::Scheduler && !single_threaded {
                vec![groups.concat()]
            } else {
                groups
            };
            if let Err(why) = expect::check(&expect::comparable(&events), &groups) {
                panic!("not the measured twin's transcript: {why}");
            }
        }
        _ => assert_what_is_certain(runtime, program, mode, lines),
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
    let default = Program::HttpFetch.modes(runtime)[0] == mode;
    check_http_fetch_run(mode, default, |args| {
        run_bin(
            &example_exe(Program::HttpFetch),
            args,
            Duration::from_secs(90),
        )
    });
}

/// The check of [`check_http_fetch`] for a standalone http_fetch that `run` runs with the
/// arguments given (`[MODE] URL...`, the mode left out when it is the `default`).
pub fn check_http_fetch_run(mode: Mode, default: bool, run: impl FnOnce(&[&str]) -> BinRun) {
    use crate::server::{Server, refused_url};
    let server = Server::start(1.0).expect("the stand-in server");
    let refused = refused_url().expect("a free port");
    let mut args: Vec<String> = Vec::new();
    if !default {
        args.push(mode.name().to_string());
    }
    args.extend(server.site_urls());
    args.push(refused.clone());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run(&args);
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

/// The first run a learner makes shows the seed's lesson, every time: `program`'s binary and
/// its standalone example, each run `runs` times with no argument at all (the default mode,
/// the seed's durations), print the default mode's transcript in its order every time: the
/// catalogue must call that order a fact, not the scheduler's. (Lines that report a measured
/// time are told apart as [`check_every_example`] does, by the binary's trace.)
pub fn assert_default_runs_show_the_lesson(runtime: Runtime, program: Program, runs: usize) {
    let mode = program.modes(runtime)[0];
    assert_ne!(
        program.ordering(mode),
        Ordering::Scheduler,
        "{program}'s default under {runtime} has no order to show"
    );
    let groups = expect::transcript(program, runtime, mode)
        .unwrap_or_else(|| panic!("{program} {mode} under {runtime} has no transcript"));
    build_examples(runtime);
    let (timing_shapes, _) = binary_timing_lines(runtime, program, mode);
    let deadline = program.ideal(mode).unwrap_or_default() * 3 + Duration::from_secs(60);
    for (what, exe) in [
        ("binary", binary_exe(program)),
        ("example", example_exe(program)),
    ] {
        for run in 1..=runs {
            let out = run_bin(&exe, &[], deadline);
            assert_eq!(out.code(), Some(0), "{what} {program}, run {run}: {out:?}");
            let lines: Vec<String> = out
                .lines()
                .into_iter()
                .filter(|l| !timing_shapes.contains(&shape(l)))
                .collect();
            if let Err(why) = expect::check(&lines, &groups) {
                panic!("{runtime}'s {what} {program}, default run {run} of {runs}: {why}");
            }
        }
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
}
