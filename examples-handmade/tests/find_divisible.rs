//! find_divisible on the handmade runtime: its loop runs every task on one thread, in FIFO
//! order, and none starts before all are spawned, so the order of both modes is a fact and is checked whole.

use examples_handmade::runtime;
use shared::expect::assert_transcript;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs find_divisible in `mode` in this process, and returns its sink.
fn run_find(mode: Mode) -> Out {
    let run = Run::capture(
        Program::FindDivisible,
        Runtime::Handmade,
        mode,
        1.0,
        NoOpts {},
    );
    let out = run.out.clone();
    runtime::block_on(examples_handmade::find_divisible::run(run)).unwrap();
    out
}

#[test]
fn cooperative_tasks_take_turns_and_the_smallest_job_finishes_first() {
    let out = run_find(Mode::Cooperative);
    assert_transcript(
        &out.recorded(),
        Program::FindDivisible,
        Runtime::Handmade,
        Mode::Cooperative,
    );
    // The three Finding lines come first in spawn order: each task yields at i = 0.
    assert_eq!(
        out.lines()[..3],
        [
            "Finding nums in range 508000 divisible by 34113",
            "Finding nums in range 100052 divisible by 3210",
            "Finding nums in range 500 divisible by 3",
        ]
    );
    assert!(out.lines()[6].starts_with("Wall time: "));
}

#[test]
fn greedy_tasks_run_one_after_another() {
    let out = run_find(Mode::Greedy);
    assert_transcript(
        &out.recorded(),
        Program::FindDivisible,
        Runtime::Handmade,
        Mode::Greedy,
    );
    assert!(out.lines()[6].starts_with("Wall time: "));
}
