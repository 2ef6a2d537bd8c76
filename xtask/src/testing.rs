//! `cargo xtask test`: every test of the workspace, one member at a time, the test binaries of
//! a member side by side.
//!
//! Why one member at a time: every runtime crate names its binaries after the programs, so
//! cargo writes them all to `target/debug/count` (cargo issue 6313); a member's tests run
//! `target/debug/<program>`, which must be that member's. So each member is built alone
//! (`cargo test -p <member> --no-run`, whose JSON messages name its test executables), then
//! its test binaries run, up to `--jobs` at a time, each as `cargo test` runs it (in the
//! member's folder, with `CARGO_MANIFEST_DIR` and `CARGO_PKG_NAME` set), then its doc tests.
//! Most tests sleep the seed's durations (the standalone examples run at full length, about
//! half a minute), so running the binaries side by side saves minutes even on two cores.
//!
//! The slowest binaries start first: each run's durations are kept in
//! `target/xtask-test-times.json` and order the next run (binaries not seen yet go first).
//! A binary's output is printed when it fails, or always when arguments for the test
//! binaries were given (`cargo xtask test -- --nocapture`).

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::build::{self, workspace_root};

/// The workspace members, in the order they are tested. xtask comes last: its end-to-end
/// tests of `compare` and `bench` build the runtime members, which their own tests have just
/// built.
pub const MEMBERS: [&str; 7] = [
    "shared",
    "examples-sync",
    "examples-tokio",
    "examples-async-std",
    "examples-smol",
    "examples-handmade",
    "xtask",
];

/// One test executable of a member, as cargo's JSON messages name it.
#[derive(Debug, Clone)]
struct TestBinary {
    /// `tests/examples.rs`, `unittests src/lib.rs`: what `cargo test` prints as "Running".
    label: String,
    executable: PathBuf,
    manifest_dir: PathBuf,
}

/// How one binary's run ended.
struct Finished {
    binary: TestBinary,
    passed: bool,
    elapsed: Duration,
    summary: String,
    output: String,
}

/// `cargo xtask test [CARGO ARGS] [-- TEST BINARY ARGS]` with up to `jobs` binaries at once.
pub fn test(jobs: usize, args: &[String]) -> anyhow::Result<()> {
    let (cargo_args, binary_args) = match args.iter().position(|a| a == "--") {
        Some(at) => (&args[..at], &args[at + 1..]),
        None => (args, &[][..]),
    };
    let jobs = jobs.max(1);
    let start = Instant::now();
    let times_file = workspace_root()
        .join("target")
        .join("xtask-test-times.json");
    let mut times: BTreeMap<String, f64> = std::fs::read_to_string(&times_file)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    for member in MEMBERS {
        eprintln!("==> cargo test -p {member} (test binaries {jobs} at a time)");
        let binaries = build_member(member, cargo_args)?;
        let finished = run_side_by_side(member, binaries, binary_args, jobs, &times);
        let mut failed = Vec::new();
        for f in &finished {
            times.insert(key(member, &f.binary), f.elapsed.as_secs_f64());
            if !f.passed {
                failed.push(f.binary.label.clone());
            }
        }
        // Best effort: a lost file only costs the next run its order.
        if let Ok(text) = serde_json::to_string_pretty(&times) {
            let _ = std::fs::write(&times_file, text);
        }
        if !failed.is_empty() {
            bail!("tests of {member} failed: {}", failed.join(", "));
        }
        doc_tests(member, cargo_args, binary_args)?;
    }
    eprintln!(
        "==> all tests passed in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

fn key(member: &str, binary: &TestBinary) -> String {
    format!("{member} {}", binary.label)
}

/// Builds `member`'s tests (cargo's messages on stderr as usual) and returns its test
/// executables.
fn build_member(member: &str, cargo_args: &[String]) -> anyhow::Result<Vec<TestBinary>> {
    let output = Command::new(cargo())
        .current_dir(workspace_root())
        .args(["test", "--package", member, "--no-run"])
        .args(["--message-format", "json-render-diagnostics"])
        .args(cargo_args)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", cargo()))?;
    if !output.status.success() {
        bail!("the tests of {member} do not build");
    }
    let mut binaries = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Some(message) = build::artifact(line) else {
            continue;
        };
        if message["profile"]["test"] != true {
            continue;
        }
        let Some(executable) = message["executable"].as_str() else {
            continue;
        };
        let manifest_dir = message["manifest_path"]
            .as_str()
            .and_then(|p| Path::new(p).parent())
            .context("cargo's message names no manifest")?
            .to_path_buf();
        let source = message["target"]["src_path"].as_str().unwrap_or_default();
        let source = Path::new(source)
            .strip_prefix(&manifest_dir)
            .unwrap_or(Path::new(source))
            .display()
            .to_string();
        let is_test = build::has_kind(&message, "test");
        binaries.push(TestBinary {
            label: if is_test {
                source
            } else {
                format!("unittests {source}")
            },
            executable: PathBuf::from(executable),
            manifest_dir,
        });
    }
    if binaries.is_empty() {
        bail!("cargo named no test executable of {member}");
    }
    Ok(binaries)
}

/// Runs `binaries` with `jobs` threads, the slowest of the last run first, and prints one
/// line per binary as it ends (its output too when it failed or `binary_args` were given).
fn run_side_by_side(
    member: &str,
    mut binaries: Vec<TestBinary>,
    binary_args: &[String],
    jobs: usize,
    times: &BTreeMap<String, f64>,
) -> Vec<Finished> {
    let last = |b: &TestBinary| times.get(&key(member, b)).copied().unwrap_or(f64::MAX);
    binaries.sort_by(|a, b| last(b).total_cmp(&last(a)));
    let queue = Mutex::new(VecDeque::from(binaries));
    let finished = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let Some(binary) = queue.lock().expect("the queue").pop_front() else {
                        break;
                    };
                    let done = run_binary(member, binary, binary_args);
                    report(&done, !binary_args.is_empty());
                    finished.lock().expect("the results").push(done);
                }
            });
        }
    });
    finished.into_inner().expect("the results")
}

/// One test binary, as `cargo test` runs it.
fn run_binary(member: &str, binary: TestBinary, binary_args: &[String]) -> Finished {
    let start = Instant::now();
    let output = Command::new(&binary.executable)
        .args(binary_args)
        .current_dir(&binary.manifest_dir)
        .env("CARGO_MANIFEST_DIR", &binary.manifest_dir)
        .env("CARGO_PKG_NAME", member)
        .stdin(Stdio::null())
        .output();
    let elapsed = start.elapsed();
    match output {
        Ok(output) => {
            let stdout = String::from_utf8_lossy(&output.stdout);
            let summary = stdout
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix("test result: "))
                .unwrap_or("no summary")
                .to_string();
            Finished {
                binary,
                passed: output.status.success(),
                elapsed,
                summary,
                output: format!("{stdout}{}", String::from_utf8_lossy(&output.stderr)),
            }
        }
        Err(error) => Finished {
            output: format!("cannot run {}: {error}", binary.executable.display()),
            binary,
            passed: false,
            elapsed,
            summary: "not run".to_string(),
        },
    }
}

/// `     ok  33.7 s  tests/examples.rs: ok. 3 passed; 0 failed; …`
fn report(done: &Finished, with_output: bool) {
    let verdict = if done.passed { "ok" } else { "FAILED" };
    if with_output || !done.passed {
        eprintln!(
            "---- {} ----\n{}",
            done.binary.label,
            done.output.trim_end()
        );
    }
    eprintln!(
        "{verdict:>8} {:>6.1} s  {}: {}",
        done.elapsed.as_secs_f64(),
        done.binary.label,
        done.summary
    );
}

/// `cargo test -p <member> --doc`, for a member with a library.
fn doc_tests(member: &str, cargo_args: &[String], binary_args: &[String]) -> anyhow::Result<()> {
    let has_lib = workspace_root().join(member).join("src/lib.rs").is_file();
    if !has_lib {
        return Ok(());
    }
    let mut command = Command::new(cargo());
    command
        .current_dir(workspace_root())
        .args(["test", "--quiet", "--package", member, "--doc"])
        .args(cargo_args);
    if !binary_args.is_empty() {
        command.arg("--").args(binary_args);
    }
    let status = command
        .status()
        .with_context(|| format!("cannot run {}", cargo()))?;
    if !status.success() {
        bail!("the doc tests of {member} failed");
    }
    Ok(())
}
