//! repeat_message through the real binary: the printed lines of both modes and the seed's
//! timing line.

use std::time::Duration;

use shared::expect::{check, transcript};
use shared::testing::run_bin;
use shared::{Mode, Program, Runtime};

/// Runs `repeat_message` with `args`, checks it succeeded, and returns its lines without the
/// timing line, and the seconds the timing line reports.
fn run_repeat(args: &[&str]) -> (Vec<String>, f64) {
    let run = run_bin(
        env!("CARGO_BIN_EXE_repeat_message"),
        args,
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{args:?}: {}", run.stderr);
    let mut lines = run.lines();
    let timing = lines.pop().expect("a timing line");
    let secs = timing
        .strip_prefix("Execution time in seconds: ")
        .and_then(|secs| secs.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("not a timing line: {timing:?}"));
    (lines, secs)
}

#[test]
fn repeat_message_sequential_prints_each_message_eleven_times_in_turn() {
    let (lines, secs) = run_repeat(&["--mode", "sequential", "--scale", "0.01"]);
    let groups = transcript(Program::RepeatMessage, Runtime::Sync, Mode::Sequential).unwrap();
    check(&lines, &groups).unwrap();
    // 5 + 10 + 15 seconds of sleeps at scale 0.01.
    assert!(secs >= 0.3, "{secs}");
}

#[test]
fn repeat_message_threads_interleaves_the_three_messages() {
    // At scale 0.1 two lines due at different instants are at least 50 ms apart: a thread
    // would have to fall that far behind to swap them. Lines due at the same instant (every
    // 150 ms) are ties, which the transcript's groups allow in any order.
    let (lines, secs) = run_repeat(&["--mode", "threads", "--scale", "0.1"]);
    let groups = transcript(Program::RepeatMessage, Runtime::Sync, Mode::Threads).unwrap();
    check(&lines, &groups).unwrap();
    // As long as the slowest thread, not the sum: at least 1.5 s, and well under the 3 s
    // that one thread would need.
    assert!((1.5..3.0).contains(&secs), "{secs}");
}

#[test]
fn repeat_message_deadline_runs_the_threads_on_one_grid() {
    // The threads sleep until their grid instants: the same interleaving as `threads`, and as
    // long as the slowest thread.
    let (lines, secs) = run_repeat(&["--mode", "deadline", "--scale", "0.1"]);
    let groups = transcript(Program::RepeatMessage, Runtime::Sync, Mode::Deadline).unwrap();
    check(&lines, &groups).unwrap();
    assert!((1.5..3.0).contains(&secs), "{secs}");
}
