//! count through the real binary: the printed lines of both modes, the summary of many
//! threads, and a one-line error (no panic) when the OS refuses a thread.

use std::time::Duration;

use shared::expect::{check, transcript};
use shared::testing::{BinRun, run_bin};
use shared::{Mode, Program, Runtime};

const DEADLINE: Duration = Duration::from_secs(60);

/// Runs `count` with `args`, checks it succeeded, and returns its lines without the timing
/// line, and the seconds the timing line reports.
fn run_count(args: &[&str]) -> (Vec<String>, f64) {
    let run = run_bin(env!("CARGO_BIN_EXE_count"), args, DEADLINE);
    assert_eq!(run.code(), Some(0), "{args:?}: {}", run.stderr);
    let mut lines = run.lines();
    let timing = lines.pop().expect("a timing line");
    let secs = timing
        .strip_prefix("executed in ")
        .and_then(|rest| rest.strip_suffix(" seconds."))
        .and_then(|secs| secs.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("not a timing line: {timing:?}"));
    (lines, secs)
}

#[test]
fn count_sequential_alternates_one_two_and_takes_three_sleeps() {
    let (lines, secs) = run_count(&["--mode", "sequential", "--scale", "0.01"]);
    let groups = transcript(Program::Count, Runtime::Sync, Mode::Sequential).unwrap();
    check(&lines, &groups).unwrap();
    // Three 10 ms sleeps one after another: at least 30 ms.
    assert!(secs >= 0.03, "{secs}");
}

#[test]
fn count_threads_prints_one_one_one_two_two_two() {
    // Each thread prints One, then sleeps 100 ms before Two: a thread would have to start
    // 100 ms late to break the order.
    let (lines, secs) = run_count(&["--mode", "threads", "--scale", "0.1"]);
    let groups = transcript(Program::Count, Runtime::Sync, Mode::Threads).unwrap();
    check(&lines, &groups).unwrap();
    assert!(secs >= 0.1, "{secs}");
}

#[test]
fn count_is_sequential_by_default() {
    let (lines, _) = run_count(&["--scale", "0.01"]);
    assert_eq!(lines, ["One", "Two"].repeat(3));
}

#[test]
fn count_with_many_threads_prints_a_summary() {
    let (lines, secs) = run_count(&["--mode", "threads", "--tasks", "500", "--scale", "0.01"]);
    assert_eq!(lines, ["500 count() tasks printed One and Two"]);
    assert!(secs >= 0.01, "{secs}");
}

#[test]
fn count_rejects_bad_arguments_in_one_line() {
    for args in [
        &["--tasks", "0"][..],
        &["--mode", "concurrent"],
        &["--scale", "-1"],
    ] {
        let run: BinRun = run_bin(env!("CARGO_BIN_EXE_count"), args, DEADLINE);
        assert_eq!(run.code(), Some(2), "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

/// When the OS refuses a thread, `count` must stop with a one-line error and exit code 1, not
/// panic. The refusal is made certain and clean: every thread asks for a 1 TiB stack
/// (`RUST_MIN_STACK`, which `std::thread::Builder` honours) in an address space capped at
/// 4 GB (`ulimit -v`), so the very first stack cannot be mapped while gigabytes are still free.
/// (Capping the address space alone, with ordinary stacks, makes the refusal come when memory
/// is all but gone: then a thread that did start can fail to map its signal stack, or a
/// `malloc` fails and aborts, depending on the machine's load.)
#[cfg(target_os = "linux")]
#[test]
fn count_reports_a_thread_the_os_refuses_as_an_error() {
    let run = run_bin(
        "/bin/sh",
        &[
            "-c",
            "ulimit -v 4000000 && RUST_MIN_STACK=1099511627776 \
             exec \"$0\" --mode threads --tasks 100000 --scale 0.01",
            env!("CARGO_BIN_EXE_count"),
        ],
        DEADLINE,
    );
    assert_eq!(run.code(), Some(1), "stderr: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: cannot start thread number "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
}
