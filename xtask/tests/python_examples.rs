//! The standalone Python forms, `python/examples/<program>.py` (the seed's code as a Python
//! developer writes it, which the book shows under "The Python original"), print what the
//! Rust standalone examples print: every program in every mode of its Python port, with the
//! seed's durations, checked by `shared::testing::examples::check_lines` against the same
//! transcript, with the same tie rules, as `examples-<runtime>/examples/`. Which lines report
//! a measured time is learnt from the measured twin, `python/<program>.py`, run once at
//! `--scale 0.01 --trace`. asyncio's loop and the seeds' generators run on one thread, so
//! where the Rust checks accept any order (the scheduler decides), these check the
//! transcript's.
//!
//! The runs of a second or more run side by side (they sleep the seed's seconds: the whole
//! check takes about as long as the longest, work_queue's blocking 32 s).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use shared::testing::examples::{self, Numbers};
use shared::testing::{BinRun, run_bin};
use shared::{Mode, Program};
use xtask::python::{self, Python};

/// The interpreter that has every module the forms need (http_fetch's aiohttp and requests,
/// installed into `target/python-venv` from `python/requirements.txt` when it must), or the
/// plain one and why not.
fn interpreters() -> Option<(Python, Result<Python, String>)> {
    let Some(py) = python::find() else {
        eprintln!("no python3 on this machine: the standalone Python forms are not checked");
        return None;
    };
    let with_clients = python::provide(&py, &["aiohttp", "requests"], &python::Venv::project())
        .map(|venv| venv.unwrap_or_else(|| py.clone()));
    Some((py, with_clients))
}

fn run_example(py: &Python, program: Program, args: &[&str], deadline: Duration) -> BinRun {
    let script = python::example(program);
    let all: Vec<&str> = std::iter::once(script.to_str().expect("a UTF-8 path"))
        .chain(args.iter().copied())
        .collect();
    run_bin(
        py.executable.to_str().expect("a UTF-8 path"),
        &all,
        deadline,
    )
}

/// The shapes and number of the timing lines of the measured twin, `python/<program>.py`,
/// in `mode` at `--scale 0.01`.
fn twin_timing_lines(
    py: &Python,
    program: Program,
    mode: Mode,
) -> (std::collections::BTreeSet<String>, usize) {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let trace: PathBuf = std::env::temp_dir().join(format!(
        "xtask-python-examples-{}-{}-{program}-{mode}.jsonl",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let script = python::script(program);
    let args = [
        script.to_str().expect("a UTF-8 path"),
        "--mode",
        mode.name(),
        "--scale",
        "0.01",
        "--trace",
        trace.to_str().expect("a UTF-8 path"),
    ];
    let run = run_bin(
        py.executable.to_str().expect("a UTF-8 path"),
        &args,
        Duration::from_secs(120),
    );
    assert_eq!(run.code(), Some(0), "the twin {program} {mode}: {run:?}");
    let timing = examples::trace_timing_lines(&trace);
    let _ = std::fs::remove_file(&trace);
    timing
}

/// One program in one mode: the mode as the first argument (none for the default), exit
/// code 0, nothing on stderr, the transcript.
fn check_form(py: &Python, program: Program, mode: Mode) {
    let start = std::time::Instant::now();
    let args: &[&str] = if python::modes(program)[0] == mode {
        &[]
    } else {
        &[mode.name()]
    };
    let ideal = program.ideal(mode).unwrap_or_default();
    let run = run_example(py, program, args, ideal * 3 + Duration::from_secs(60));
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    let timing = twin_timing_lines(py, program, mode);
    let runtime = python::transcript_runtime(program, mode);
    examples::check_lines(
        runtime,
        program,
        mode,
        &run.lines(),
        &timing,
        Numbers::Seed,
        true,
    );
    eprintln!(
        "python {program} {mode}: checked in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

#[test]
fn every_standalone_python_form_prints_the_transcript_in_every_mode() {
    // Every file is a program's, and every program with a Python port has one.
    let dir = python::example(Program::Count)
        .parent()
        .expect("python/examples/")
        .to_path_buf();
    for entry in std::fs::read_dir(&dir).expect("python/examples/") {
        let path = entry.expect("a folder entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            Program::ALL
                .iter()
                .any(|p| p.name() == stem && !python::modes(*p).is_empty()),
            "{} is not a program with a Python port",
            path.display()
        );
    }
    let programs: Vec<Program> = Program::ALL
        .into_iter()
        .filter(|&p| !python::modes(p).is_empty())
        .collect();
    for &program in &programs {
        assert!(
            python::example(program).is_file(),
            "{program} has no standalone Python form"
        );
    }
    let Some((py, with_clients)) = interpreters() else {
        return;
    };
    let with_clients = match with_clients {
        Ok(python) => Some(python),
        Err(why) => {
            eprintln!("http_fetch's standalone Python form is not checked: {why}");
            None
        }
    };
    // http_fetch runs against the stand-in server's six sites and one refused URL, as the
    // Rust examples are checked.
    let cases: Vec<(Program, Mode)> = programs
        .iter()
        .filter(|&&p| p != Program::HttpFetch || with_clients.is_some())
        .flat_map(|&p| python::modes(p).iter().map(move |&m| (p, m)))
        .collect();
    let failures = examples::check_side_by_side(&cases, |program, mode| match &with_clients {
        Some(py) if program == Program::HttpFetch => {
            let start = std::time::Instant::now();
            let default = python::modes(program)[0] == mode;
            examples::check_http_fetch_run(mode, default, |args| {
                run_example(py, program, args, Duration::from_secs(90))
            });
            eprintln!(
                "python {program} {mode}: checked in {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
        _ => check_form(&py, program, mode),
    });
    assert!(
        failures.is_empty(),
        "{} of the standalone Python runs failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_standalone_python_form_refuses_an_unknown_mode_with_exit_code_2() {
    let Some((py, with_clients)) = interpreters() else {
        return;
    };
    for program in Program::ALL {
        let modes = python::modes(program);
        if modes.is_empty() {
            continue;
        }
        // http_fetch imports its clients before it reads its arguments.
        let py = match (program, &with_clients) {
            (Program::HttpFetch, Ok(with_clients)) => with_clients,
            (Program::HttpFetch, Err(why)) => {
                eprintln!("http_fetch's standalone Python form is not checked: {why}");
                continue;
            }
            _ => &py,
        };
        let run = run_example(py, program, &["no-such-mode"], Duration::from_secs(30));
        assert_eq!(run.code(), Some(2), "{program}: {run:?}");
        assert!(run.stdout.is_empty(), "{program}: {run:?}");
        let stderr = run.stderr.trim_end();
        assert_eq!(stderr.lines().count(), 1, "{program}: {run:?}");
        for mode in modes {
            assert!(
                stderr.contains(mode.name()),
                "{program}: {stderr:?} does not name {mode}"
            );
        }
    }
}

#[test]
fn the_run_in_executor_chapter_shows_the_whole_offload_function() {
    // A standalone form carries no mdBook anchors, so the chapter includes a line range: it
    // must still be the whole `offload()`, from its `def` to the line before the next one.
    use xtask::book::includes;
    let chapter =
        shared::testing::examples::workspace_root().join("book/src/programs/run_in_executor.md");
    let text = std::fs::read_to_string(&chapter).expect("the run_in_executor chapter");
    let include = includes::parse(&chapter, &text)
        .into_iter()
        .find(|i| i.target.ends_with("python/examples/prime_search.py"))
        .expect("the chapter includes python/examples/prime_search.py");
    let source = std::fs::read_to_string(python::example(Program::PrimeSearch)).unwrap();
    let selector = include.selector.as_deref().expect("a line range");
    let shown = includes::select(&source, selector);
    assert!(shown.starts_with("async def offload():"), "{shown}");
    let rest = source
        .split_once(shown.as_str())
        .expect("the lines shown are the file's")
        .1;
    let next = rest.lines().find(|l| !l.trim().is_empty());
    assert!(
        next.is_none_or(|l| !l.starts_with(' ')),
        "the range ends inside offload(): {shown}\nnext: {next:?}"
    );
}
