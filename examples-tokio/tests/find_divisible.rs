//! find_divisible under tokio: the exact order on one thread (the default, a `LocalSet`,
//! whatever the runtime's flavour), every run; what holds on the pool (`--mode parallel`).
//!
//! Why the paused clock: the program is CPU-bound and sleeps nowhere, so its ideal time is
//! zero; under tokio's paused clock (`start_paused = true`, current-thread runtime, the output
//! sink reading tokio's clock) computation takes no virtual time at all, and the elapsed time
//! is exactly that ideal. The order of the lines on one thread is a fact of the scheduler.

use std::time::Duration;

use examples_tokio::find_divisible;
use shared::expect::{check, transcript};
use shared::testing::{examples, run_bin_env};
use shared::{Mode, Program, Runtime};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused};

// Paused clock: CPU time is invisible to it, so the elapsed time is exactly the ideal, zero.
#[tokio::test(start_paused = true)]
async fn cooperative_tasks_take_turns_and_the_smallest_job_finishes_first() {
    let out = run_paused(
        Program::FindDivisible,
        Mode::Cooperative,
        find_divisible::run,
    )
    .await;
    assert_transcript(&out, Program::FindDivisible, Mode::Cooperative);
    // The three Finding lines come first in spawn order: each task yields at i = 0.
    assert_eq!(
        out.lines()[..3],
        [
            "Finding nums in range 508000 divisible by 34113",
            "Finding nums in range 100052 divisible by 3210",
            "Finding nums in range 500 divisible by 3",
        ]
    );
    assert_eq!(out.lines().last().unwrap(), "Wall time: 0.00 ms");
    assert_ideal(&out, Program::FindDivisible, Mode::Cooperative);
}

// Paused clock: CPU time is invisible to it, so the elapsed time is exactly the ideal, zero.
#[tokio::test(start_paused = true)]
async fn greedy_tasks_run_one_after_another_on_one_thread() {
    let out = run_paused(Program::FindDivisible, Mode::Greedy, find_divisible::run).await;
    assert_transcript(&out, Program::FindDivisible, Mode::Greedy);
    assert_ideal(&out, Program::FindDivisible, Mode::Greedy);
}

#[test]
fn the_default_run_shows_the_seeds_turns_every_time() {
    // No argument: the default mode on the default (multi-thread) runtime, binary and
    // example, five runs each.
    examples::assert_default_runs_show_the_lesson(Runtime::Tokio, Program::FindDivisible, 5);
}

#[test]
fn one_thread_whatever_the_flavour() {
    for flavor in ["multi-thread", "current-thread"] {
        for mode in [Mode::Cooperative, Mode::Greedy] {
            let run = run_bin_env(
                env!("CARGO_BIN_EXE_find_divisible"),
                &["--mode", mode.name(), "--flavor", flavor],
                &[("TOKIO_WORKER_THREADS", "2")],
                Duration::from_secs(30),
            );
            assert_eq!(run.code(), Some(0), "{mode} {flavor}: {}", run.stderr);
            let mut lines = run.lines();
            assert!(
                lines.pop().unwrap().starts_with("Wall time: "),
                "{lines:#?}"
            );
            let groups = transcript(Program::FindDivisible, Runtime::Tokio, mode).unwrap();
            check(&lines, &groups).unwrap_or_else(|e| panic!("{mode} {flavor}: {e}"));
        }
    }
}

#[test]
fn in_parallel_every_job_finishes_after_it_starts() {
    // On two worker threads the order depends on the scheduler: check what always holds.
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_find_divisible"),
        &["--mode", "parallel"],
        &[("TOKIO_WORKER_THREADS", "2")],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let lines = run.lines();
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
