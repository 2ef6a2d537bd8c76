//! repeat_message under async-std, in real time at a small scale: the printed lines of both
//! modes, the seed's timing line, generous bounds on the elapsed time.

use std::time::Duration;

use shared::expect::assert_transcript;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs repeat_message in `mode` at `scale`, and returns its sink.
fn run_repeat(mode: Mode, scale: f64) -> Out {
    let run = Run::capture(
        Program::RepeatMessage,
        Runtime::AsyncStd,
        mode,
        scale,
        NoOpts {},
    );
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::repeat_message::run(run)).unwrap();
    out
}

/// The seconds the last line, `Execution time in seconds: …`, reports.
fn reported_secs(out: &Out) -> f64 {
    let last = out.recorded().pop().unwrap();
    assert!(last.timing);
    last.line
        .strip_prefix("Execution time in seconds: ")
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("not the timing line: {:?}", last.line))
}

#[test]
fn repeat_message_concurrent_interleaves_the_three_messages() {
    // At scale 0.1 two lines due at different instants are at least 50 ms apart: a task
    // would have to fall that far behind to swap them. Lines due at the same instant (every
    // 150 ms) are ties, which the transcript's groups allow in any order.
    let out = run_repeat(Mode::Concurrent, 0.1);
    assert_transcript(
        &out.recorded(),
        Program::RepeatMessage,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    // As long as the slowest repeater (1.5 s), well under one after another (3 s).
    let secs = reported_secs(&out);
    assert!((1.5..3.0).contains(&secs), "{secs}");
}

#[test]
fn repeat_message_sequential_prints_each_message_eleven_times_in_turn() {
    let out = run_repeat(Mode::Sequential, 0.01);
    assert_transcript(
        &out.recorded(),
        Program::RepeatMessage,
        Runtime::AsyncStd,
        Mode::Sequential,
    );
    assert!(reported_secs(&out) >= 0.3);
    assert!(out.elapsed() >= Duration::from_millis(300));
}
