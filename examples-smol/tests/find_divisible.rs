//! find_divisible under smol: on a `LocalExecutor` every task runs on one thread and none
//! starts before all are spawned, so the order of both one-thread modes is a fact and is
//! checked whole, for the default every run; on a pool (`--mode parallel`) what always holds.

use shared::expect::assert_transcript;
use shared::testing::examples;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs find_divisible in `mode` in this process, and returns its sink.
fn run_find(mode: Mode) -> Out {
    let run = Run::capture(Program::FindDivisible, Runtime::Smol, mode, 1.0, NoOpts {});
    let out = run.out.clone();
    smol::block_on(examples_smol::find_divisible::run(run)).unwrap();
    out
}

#[test]
fn cooperative_tasks_take_turns_and_the_smallest_job_finishes_first() {
    let out = run_find(Mode::Cooperative);
    assert_transcript(
        &out.recorded(),
        Program::FindDivisible,
        Runtime::Smol,
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
        Runtime::Smol,
        Mode::Greedy,
    );
    assert!(out.lines()[6].starts_with("Wall time: "));
}

#[test]
fn the_default_run_shows_the_seeds_turns_every_time() {
    // No argument: binary and example, five runs each.
    examples::assert_default_runs_show_the_lesson(Runtime::Smol, Program::FindDivisible, 5);
}

#[test]
fn in_parallel_every_job_finishes_after_it_starts() {
    // One thread per core: the order depends on the scheduler; each job starts before it ends.
    let lines = run_find(Mode::Parallel).lines();
    assert_eq!(lines.len(), 7, "{lines:#?}");
    for (n, d) in shared::catalogue::find_divisible::JOBS {
        let position = |line: String| lines.iter().position(|l| *l == line);
        let start = position(format!("Finding nums in range {n} divisible by {d}"));
        let done = position(format!("Done w/ nums in range {n} divisible by {d}"));
        assert!(
            start.is_some() && done.is_some() && start < done,
            "{lines:#?}"
        );
    }
    assert!(lines[6].starts_with("Wall time: "), "{lines:#?}");
}
