//! The checks the real-time runtimes' `chores` tests share (async-std and smol): the story's
//! order, and its clock. A runtime's `tests/chores.rs` calls each with the runtime and a
//! closure that runs the program's future on it.

use super::run_in_process;
use crate::expect::assert_transcript;
use crate::{Mode, NoOpts, Out, Program, Run, Runtime};

/// The story minutes of the last line, `all chores done in h:mm`.
pub fn total_minutes(out: &Out) -> u64 {
    let last = out.lines().pop().expect("some lines");
    let clock = last
        .strip_prefix("all chores done in ")
        .unwrap_or_else(|| panic!("{last:?}"));
    let (h, m) = clock.split_once(':').unwrap();
    h.parse::<u64>().unwrap() * 60 + m.parse::<u64>().unwrap()
}

/// `--mode concurrent` at scale 0.2: the transcript, in an hour and a half of story.
pub fn assert_concurrent_chores_take_an_hour_and_a_half(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    // At scale 0.2 a story hour is 200 ms: the groups of the transcript are 100 ms apart.
    let out = run_in_process(
        Program::Chores,
        runtime,
        Mode::Concurrent,
        0.2,
        NoOpts {},
        block_on,
    );
    assert_transcript(&out.recorded(), Program::Chores, runtime, Mode::Concurrent);
    let minutes = total_minutes(&out);
    assert!((90..180).contains(&minutes), "{minutes} story minutes");
}

/// `--mode sequential` at scale 0.05: the transcript, in three hours of story or more.
pub fn assert_sequential_chores_take_three_hours(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let out = run_in_process(
        Program::Chores,
        runtime,
        Mode::Sequential,
        0.05,
        NoOpts {},
        block_on,
    );
    assert_transcript(&out.recorded(), Program::Chores, runtime, Mode::Sequential);
    assert!(total_minutes(&out) >= 180);
}
