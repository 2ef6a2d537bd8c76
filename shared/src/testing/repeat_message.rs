//! The checks the real-time runtimes' `repeat_message` tests share (async-std and smol): the
//! printed lines of both modes, the seed's timing line, generous bounds on the elapsed time.
//! A runtime's `tests/repeat_message.rs` calls each with the runtime and a closure that runs
//! the program's future on it.

use std::time::Duration;

use super::run_in_process;
use crate::expect::assert_transcript;
use crate::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs repeat_message in `mode` at `scale` through `block_on` (which runs the program's
/// future on `runtime`), and returns its sink.
fn run_repeat(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
    mode: Mode,
    scale: f64,
) -> Out {
    run_in_process(
        Program::RepeatMessage,
        runtime,
        mode,
        scale,
        NoOpts {},
        block_on,
    )
}

/// The seconds the last line, `Execution time in seconds: …`, reports.
pub fn reported_secs(out: &Out) -> f64 {
    let last = out.recorded().pop().unwrap();
    assert!(last.timing);
    last.line
        .strip_prefix("Execution time in seconds: ")
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("not the timing line: {:?}", last.line))
}

/// `--mode concurrent` at scale 0.1: the three messages interleave, in about the slowest
/// repeater's time.
pub fn assert_concurrent_interleaves_the_three_messages(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    // At scale 0.1 two lines due at different instants are at least 50 ms apart: a task
    // would have to fall that far behind to swap them. Lines due at the same instant (every
    // 150 ms) are ties, which the transcript's groups allow in any order.
    let out = run_repeat(runtime, block_on, Mode::Concurrent, 0.1);
    assert_transcript(
        &out.recorded(),
        Program::RepeatMessage,
        runtime,
        Mode::Concurrent,
    );
    // As long as the slowest repeater (1.5 s), well under one after another (3 s).
    let secs = reported_secs(&out);
    assert!((1.5..3.0).contains(&secs), "{secs}");
}

/// `--mode sequential` at scale 0.01: each message eleven times, in turn.
pub fn assert_sequential_prints_each_message_eleven_times_in_turn(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let out = run_repeat(runtime, block_on, Mode::Sequential, 0.01);
    assert_transcript(
        &out.recorded(),
        Program::RepeatMessage,
        runtime,
        Mode::Sequential,
    );
    assert!(reported_secs(&out) >= 0.3);
    assert!(out.elapsed() >= Duration::from_millis(300));
}

/// `--mode deadline` at scale 0.2: the concurrent transcript, and every line on its own beat
/// (`k × interval` from the start, never before, and within 50 ms after: the repeaters sleep
/// until their grid instants, so lateness does not add up; 50 ms is generous for a loaded
/// machine and half the shortest interval, so no line could pass for its neighbour).
pub fn assert_deadline_keeps_each_message_on_its_beat(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let scale = 0.2;
    let out = run_repeat(runtime, block_on, Mode::Deadline, scale);
    assert_transcript(
        &out.recorded(),
        Program::RepeatMessage,
        runtime,
        Mode::Deadline,
    );
    for (message, interval) in crate::catalogue::repeat_message::MESSAGES {
        let beat = Duration::from_secs_f64(interval * scale);
        let times = out
            .recorded()
            .into_iter()
            .filter(|e| e.line == message)
            .map(|e| Duration::from_micros(e.t_us));
        for (k, t) in (0..).zip(times) {
            assert!(
                t >= beat * k && t < beat * k + Duration::from_millis(50),
                "{runtime}: {message} #{k} at {t:?}, its beat is {:?}",
                beat * k
            );
        }
    }
}
