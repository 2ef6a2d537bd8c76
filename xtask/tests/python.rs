//! The Python ports (`python/*.py`) print what the Rust programs print: every seed program in
//! every Python mode, at a small scale, against the catalogue's transcript (in order where
//! every line has its place, as a multiset where lines fall on ties); and their traces are the
//! Rust format.

use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::time::Duration;

use shared::catalogue::Ordering;
use shared::out::Trace;
use shared::{Mode, Program};
use xtask::python;
use xtask::runner::{Job, Runner, Status};

fn run(py: &python::Python, program: Program, mode: Mode, extra: &[&str]) -> (Trace, String) {
    // One file per run: the tests run in parallel, and two may run the same program.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let trace = std::env::temp_dir().join(format!(
        "xtask-python-{}-{}-{program}-{mode}.jsonl",
        std::process::id(),
        RUNS.fetch_add(1, AtomicOrdering::Relaxed)
    ));
    let job = Job::new(&py.executable)
        .arg(python::script(program))
        .args(["--mode", mode.name(), "--scale", "0.01", "--trace"])
        .arg(&trace)
        .args(extra.iter().copied())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60));
    let outcome = Runner::plain().run(&job);
    assert_eq!(
        outcome.status,
        Status::Exited(0),
        "{program} --mode {mode}: {}",
        outcome.stderr
    );
    let parsed = Trace::read(&trace).unwrap_or_else(|e| panic!("{program} {mode}: {e:#}"));
    let _ = std::fs::remove_file(&trace);
    (parsed, outcome.stdout)
}

#[test]
fn every_python_port_prints_the_catalogue_transcript() {
    let Some(py) = python::find() else {
        eprintln!("no python3 on this machine: the Python ports are not checked");
        return;
    };
    let mut checked = 0;
    for program in Program::ALL {
        for &mode in python::modes(program) {
            if let Some(module) = python::needs(program, mode)
                && !python::has_module(&py, module)
            {
                eprintln!("{program} --mode {mode}: no {module}, not checked");
                continue;
            }
            let (trace, stdout) = run(&py, program, mode, &[]);
            // stdout is the trace's lines, in order.
            let lines: Vec<&str> = trace.events.iter().map(|e| e.line.as_str()).collect();
            assert_eq!(
                stdout.lines().collect::<Vec<_>>(),
                lines,
                "{program} {mode}"
            );
            assert_eq!(trace.summary.program, program.name());
            assert_eq!(trace.summary.runtime, "python");
            assert_eq!(trace.summary.mode, mode.name());
            assert_eq!(trace.summary.scale, 0.01);
            let runtime = python::transcript_runtime(program, mode);
            let Some(groups) = shared::expect::transcript(program, runtime, mode) else {
                continue;
            };
            let comparable = shared::expect::comparable(&trace.events);
            // makerandom's numbers follow who draws first, and its near ties are a race at
            // this scale on a loaded machine: what is certain, whatever the order.
            if program == Program::Makerandom && mode == Mode::Concurrent {
                let seed = shared::catalogue::makerandom::SEED;
                shared::testing::makerandom::assert_certain_lines(&comparable, seed);
                checked += 1;
                continue;
            }
            match program.ordering(mode) {
                // Every line has its place.
                Ordering::Fixed => {
                    if let Err(why) = shared::expect::check(&comparable, &groups) {
                        panic!("python {program} --mode {mode}: {why}");
                    }
                }
                // Sleep-driven: at this scale (timing is for `cargo xtask compare`, not
                // tests) near ties can swap under load, so the lines, in any order.
                Ordering::Ties => {
                    let mut got = comparable.clone();
                    let mut want = groups.concat();
                    got.sort();
                    want.sort();
                    assert_eq!(got, want, "python {program} --mode {mode}");
                }
                Ordering::Scheduler => continue,
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} transcripts checked");
}

#[test]
fn python_count_summarises_over_a_hundred_tasks() {
    let Some(py) = python::find() else {
        eprintln!("no python3 on this machine: the Python ports are not checked");
        return;
    };
    let (trace, stdout) = run(&py, Program::Count, Mode::Concurrent, &["--tasks", "1000"]);
    assert_eq!(
        stdout.lines().next(),
        Some("1000 count() tasks printed One and Two")
    );
    assert_eq!(trace.events.len(), 2, "the summary, then the timing line");
    assert!(trace.events[1].timing);
}

#[test]
fn python_http_fetch_reports_each_failed_url_and_exits_1() {
    let Some(py) = python::find() else {
        eprintln!("no python3 on this machine: the Python ports are not checked");
        return;
    };
    if !python::has_module(&py, "requests") {
        eprintln!("no requests: python http_fetch is not checked");
        return;
    }
    let job = Job::new(&py.executable)
        .arg(python::script(Program::HttpFetch))
        .args(["--mode", "threads", "http://127.0.0.1:1/refused"])
        .timeout(Duration::from_secs(60));
    let outcome = Runner::plain().run(&job);
    assert_eq!(outcome.status, Status::Exited(1));
    assert!(
        outcome.stdout.contains("Task One failed after")
            && outcome.stdout.contains("connection refused"),
        "{}",
        outcome.stdout
    );
    assert_eq!(
        outcome.last_error_line(),
        Some("error: 1 of 1 URLs failed: http://127.0.0.1:1/refused (connection refused)")
    );
}
