//! The asyncio rows (`shared::asyncio`): every Rust form prints its Python form's lines, but
//! for the differences its row declares; every row has its four forms and a book section.
//!
//! What "declared" means: the two outputs are diffed line by line; each run of lines that
//! differ (the Python form's lines out, the Rust form's lines in) must be exactly the next of
//! that runtime's [`Difference`]s in the row, or several consecutive ones put together, in the
//! order their lines appear; and every declared difference must be met. So an undeclared
//! line fails, and so does a declared one the program no longer prints.
//!
//! The forms run in parallel (threads, a timeout each): the Python forms with the Python 3 the
//! project finds (`xtask::python::find`, the standard library only, `-I`: isolated, so that
//! a row named like a standard module, `queue.py`, does not hide it), the Rust forms as built
//! by `cargo build -p <member> --example <row>…`, one member at a time, each member's
//! binaries linked into `target/asyncio-rows/<runtime>/` (the three members name their
//! examples alike, and cargo writes them all to `target/<profile>/examples/`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use shared::asyncio::{Difference, RUST_RUNTIMES, Row, rows};
use xtask::asyncio_lines::check_lines;
use xtask::build::{cargo, executable, link_or_copy, target_dir, workspace_root};
use xtask::python;
use xtask::runner::{Job, Runner, Status};

/// How long one form may run: they take a few hundred milliseconds; a loaded 2-core machine
/// may stretch that, a hang may not.
const TIMEOUT: Duration = Duration::from_secs(30);

/// How many forms run at once: they mostly sleep.
const PARALLEL: usize = 6;

/// The member of a Rust runtime.
fn package(runtime: &str) -> String {
    format!("examples-{runtime}")
}

/// `target/<profile>` of this test binary (`target/<profile>/deps/<test>`).
fn profile_name() -> String {
    let exe = std::env::current_exe().expect("the test's own path");
    exe.parent()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .expect("a test runs from target/<profile>/deps/")
        .to_string()
}

/// Builds every row's example of `runtime`'s member in this test's profile and links them
/// into `target/asyncio-rows/<runtime>/`: row name → executable.
fn build_rows(runtime: &str) -> BTreeMap<String, PathBuf> {
    let mut command = Command::new(cargo());
    command
        .current_dir(workspace_root())
        .args([
            "build",
            "--quiet",
            "--message-format=json-render-diagnostics",
            "-p",
        ])
        .arg(package(runtime));
    for row in rows() {
        command.args(["--example", row.name]);
    }
    match profile_name().as_str() {
        "debug" => {}
        "release" => {
            command.arg("--release");
        }
        other => {
            command.args(["--profile", other]);
        }
    }
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot run cargo");
    let stdout = child.stdout.take().expect("cargo's stdout");
    let mut built = BTreeMap::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.expect("cargo's messages");
        if let Some((name, exe)) = executable(&line, "example") {
            built.insert(name, exe);
        }
    }
    let status = child.wait().expect("cargo ran");
    assert!(
        status.success(),
        "cargo build -p {} failed",
        package(runtime)
    );
    let dest = target_dir().join("asyncio-rows").join(runtime);
    std::fs::create_dir_all(&dest).expect("target/asyncio-rows/<runtime>");
    built
        .into_iter()
        .map(|(name, exe)| {
            let keep = dest.join(&name);
            link_or_copy(&exe, &keep).unwrap_or_else(|e| panic!("{e:#}"));
            (name, keep)
        })
        .collect()
}

/// One form's run: exit status, stdout, stderr.
fn run(job: &Job) -> (Status, String, String) {
    let outcome = Runner::plain().run(job);
    (outcome.status, outcome.stdout, outcome.stderr)
}

/// Runs `jobs` on [`PARALLEL`] threads; the outcomes in the jobs' order.
fn run_all(jobs: &[Job]) -> Vec<(Status, String, String)> {
    let next = Mutex::new(0..jobs.len());
    let outcomes = Mutex::new(vec![None; jobs.len()]);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL {
            scope.spawn(|| {
                loop {
                    let Some(i) = next.lock().expect("the queue").next() else {
                        break;
                    };
                    let outcome = run(&jobs[i]);
                    outcomes.lock().expect("the outcomes")[i] = Some(outcome);
                }
            });
        }
    });
    outcomes
        .into_inner()
        .expect("the outcomes")
        .into_iter()
        .map(|o| o.expect("every job ran"))
        .collect()
}

/// `row`'s differences under `runtime`, in the table's order.
fn declared<'a>(row: &'a Row, runtime: &str) -> Vec<&'a Difference> {
    row.differences
        .iter()
        .filter(|d| d.runtime == runtime)
        .collect()
}

#[test]
fn every_rust_form_prints_its_python_forms_lines_but_the_declared_differences() {
    let Some(py) = python::find() else {
        eprintln!("no python3 on this machine: the asyncio rows are not checked");
        return;
    };
    let rows: Vec<&Row> = rows().collect();
    assert!(!rows.is_empty(), "no asyncio row");
    let built: BTreeMap<&str, BTreeMap<String, PathBuf>> = RUST_RUNTIMES
        .iter()
        .map(|&runtime| (runtime, build_rows(runtime)))
        .collect();
    // Every form as a job: (row, "python" or the runtime).
    let mut forms: Vec<(&Row, &str)> = Vec::new();
    let mut jobs = Vec::new();
    for &row in &rows {
        let script = workspace_root()
            .join("python")
            .join("asyncio")
            .join(format!("{}.py", row.name));
        // -I: isolated, and this folder off sys.path, where `queue.py` or `subprocess.py`
        // would hide the standard library's module of that name.
        jobs.push(
            Job::new(&py.executable)
                .arg("-I")
                .arg(script)
                .timeout(TIMEOUT),
        );
        forms.push((row, "python"));
        for runtime in RUST_RUNTIMES {
            let exe = built[runtime]
                .get(row.name)
                .unwrap_or_else(|| panic!("{}: no example {}", package(runtime), row.name));
            jobs.push(Job::new(exe).timeout(TIMEOUT));
            forms.push((row, runtime));
        }
    }
    let outcomes = run_all(&jobs);
    let stdout_of = |row: &Row, form: &str| {
        let i = forms
            .iter()
            .position(|&(r, f)| r.name == row.name && f == form)
            .expect("a form of every row");
        &outcomes[i]
    };
    let mut failures = Vec::new();
    for &row in &rows {
        let (status, stdout, stderr) = stdout_of(row, "python");
        if *status != Status::Exited(0) {
            failures.push(format!("python {}: {status}\n{stderr}", row.name));
            continue;
        }
        let python: Vec<&str> = stdout.lines().collect();
        for runtime in RUST_RUNTIMES {
            let (status, stdout, stderr) = stdout_of(row, runtime);
            if *status != Status::Exited(0) {
                failures.push(format!("{runtime} {}: {status}\n{stderr}", row.name));
                continue;
            }
            let rust: Vec<&str> = stdout.lines().collect();
            if let Err(why) = check_lines(&python, &rust, &declared(row, runtime)) {
                failures.push(format!(
                    "{runtime} {}: {why}\n--- python\n{}\n--- {runtime}\n{}",
                    row.name,
                    python.join("\n"),
                    rust.join("\n")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} Rust forms fail:\n\n{}",
        failures.len(),
        rows.len() * RUST_RUNTIMES.len(),
        failures.join("\n\n")
    );
}

/// The examples each member's manifest declares: name → source path, from `cargo metadata`.
fn declared_examples() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let output = Command::new(cargo())
        .current_dir(workspace_root())
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .output()
        .expect("cannot run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata's JSON");
    let mut members = BTreeMap::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let mut examples = BTreeMap::new();
        for target in package["targets"].as_array().expect("targets") {
            if target["kind"]
                .as_array()
                .expect("kinds")
                .iter()
                .any(|k| k == "example")
            {
                examples.insert(
                    target["name"].as_str().expect("a name").to_string(),
                    PathBuf::from(target["src_path"].as_str().expect("a path")),
                );
            }
        }
        let name = package["name"].as_str().expect("a package name");
        members.insert(name.to_string(), examples);
    }
    members
}

/// The file stems in `dir` with extension `ext`.
fn stems(dir: &Path, ext: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("a folder entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_row_has_its_four_forms_and_nothing_else_is_in_the_folders() {
    let root = workspace_root();
    let names: Vec<&str> = rows().map(|r| r.name).collect();
    let unique: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(unique.len(), names.len(), "a row name twice: {names:?}");
    let names: BTreeSet<String> = unique.iter().map(|n| n.to_string()).collect();
    let mut problems = Vec::new();
    for row in rows() {
        for difference in row.differences {
            if !RUST_RUNTIMES.contains(&difference.runtime) || difference.why.trim().is_empty() {
                problems.push(format!(
                    "{}: a difference needs a runtime of {RUST_RUNTIMES:?} and a why: {difference:?}",
                    row.name
                ));
            }
        }
    }
    let python = stems(&root.join("python").join("asyncio"), "py");
    if python != names {
        problems.push(format!(
            "python/asyncio/: forms without a row {:?}, rows without a form {:?}",
            python.difference(&names).collect::<Vec<_>>(),
            names.difference(&python).collect::<Vec<_>>()
        ));
    }
    let manifests = declared_examples();
    for runtime in RUST_RUNTIMES {
        let package = package(runtime);
        let dir = root.join(&package).join("asyncio");
        let files = stems(&dir, "rs");
        if files != names {
            problems.push(format!(
                "{package}/asyncio/: forms without a row {:?}, rows without a form {:?}",
                files.difference(&names).collect::<Vec<_>>(),
                names.difference(&files).collect::<Vec<_>>()
            ));
        }
        let examples = &manifests[&package];
        for name in &names {
            let path = dir.join(format!("{name}.rs"));
            match examples.get(name) {
                Some(declared) if *declared == path => {}
                Some(declared) => problems.push(format!(
                    "{package}/Cargo.toml: example {name} is {}, not {}",
                    declared.display(),
                    path.display()
                )),
                None => problems.push(format!(
                    "{package}/Cargo.toml declares no [[example]] {name} (path = \"asyncio/{name}.rs\")"
                )),
            }
            let run = format!("cargo run -p {package} --example {name}");
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            if !source.starts_with(&format!("//! # {name}: ")) || !source.contains(&run) {
                problems.push(format!(
                    "{}: the header must open with `//! # {name}: ` and show `{run}`",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The ids of the headings `## … {#<id>}` in `markdown`.
fn heading_ids(markdown: &str) -> BTreeSet<&str> {
    markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| l.trim_end().strip_suffix('}')?.rsplit_once("{#"))
        .map(|(_, id)| id)
        .collect()
}

/// Written by the book's half of the issue: `book/src/asyncio-to-rust.md` is the index, a
/// section per row under a heading whose id is the row's name (`## … {#wait_for}`).
#[test]
fn every_row_has_a_book_section() {
    let path = workspace_root()
        .join("book")
        .join("src")
        .join("asyncio-to-rust.md");
    let book = std::fs::read_to_string(&path).expect("book/src/asyncio-to-rust.md");
    let ids = heading_ids(&book);
    let missing: Vec<&str> = rows()
        .map(|r| r.name)
        .filter(|n| !ids.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "{}: no heading {{#<row>}} for {missing:?}",
        path.display()
    );
}

mod headings {
    //! The heading ids the book check reads.

    use super::*;

    #[test]
    fn book_heading_ids_are_read_from_the_headings_only() {
        let ids =
            heading_ids("# Title\n## `asyncio.run` {#run}\ntext {#gather}\n### x {#wait_for}  \n");
        assert_eq!(ids, BTreeSet::from(["run", "wait_for"]));
    }
}
