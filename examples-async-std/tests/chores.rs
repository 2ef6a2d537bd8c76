//! chores under async-std, in real time at a small scale: the story's order, and its clock.

use shared::expect::assert_transcript;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs chores in `mode` at `scale` in this process, and returns its sink.
fn run_chores(mode: Mode, scale: f64) -> Out {
    let run = Run::capture(Program::Chores, Runtime::AsyncStd, mode, scale, NoOpts {});
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::chores::run(run)).unwrap();
    out
}

/// The story minutes of the last line, `all chores done in h:mm`.
fn total_minutes(out: &Out) -> u64 {
    let last = out.lines().pop().expect("some lines");
    let clock = last
        .strip_prefix("all chores done in ")
        .unwrap_or_else(|| panic!("{last:?}"));
    let (h, m) = clock.split_once(':').unwrap();
    h.parse::<u64>().unwrap() * 60 + m.parse::<u64>().unwrap()
}

#[test]
fn concurrent_chores_take_an_hour_and_a_half() {
    // At scale 0.2 a story hour is 200 ms: the groups of the transcript are 100 ms apart.
    let out = run_chores(Mode::Concurrent, 0.2);
    assert_transcript(
        &out.recorded(),
        Program::Chores,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    let minutes = total_minutes(&out);
    assert!((90..180).contains(&minutes), "{minutes} story minutes");
}

#[test]
fn sequential_chores_take_three_hours() {
    let out = run_chores(Mode::Sequential, 0.05);
    assert_transcript(
        &out.recorded(),
        Program::Chores,
        Runtime::AsyncStd,
        Mode::Sequential,
    );
    assert!(total_minutes(&out) >= 180);
}
