//! find_divisible under tokio: the exact order on one thread, and what holds on a pool.
//!
//! Why the paused clock: the program is CPU-bound and sleeps nowhere, so its ideal time is
//! zero; under tokio's paused clock (`start_paused = true`, current-thread runtime, the output
//! sink reading tokio's clock) computation takes no virtual time at all, and the elapsed time
//! is exactly that ideal. The order of the lines on one thread is a fact of the scheduler.

use std::time::Duration;

use examples_tokio::find_divisible;
use shared::testing::run_bin_env;
use shared::{Mode, Program};

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
fn on_the_thread_pool_every_job_finishes_after_it_starts() {
    // On two worker threads the order depends on the scheduler: check what always holds.
    for mode in ["cooperative", "greedy"] {
        let run = run_bin_env(
            env!("CARGO_BIN_EXE_find_divisible"),
            &["--mode", mode, "--flavor", "multi-thread"],
            &[("TOKIO_WORKER_THREADS", "2")],
            Duration::from_secs(30),
        );
        assert_eq!(run.code(), Some(0), "{mode}: {}", run.stderr);
        let lines = run.lines();
        assert_eq!(lines.len(), 7, "{mode}: {lines:#?}");
        for (n, d) in shared::catalogue::find_divisible::JOBS {
            let position = |line: String| lines.iter().position(|l| *l == line);
            let start = position(format!("Finding nums in range {n} divisible by {d}"));
            let done = position(format!("Done w/ nums in range {n} divisible by {d}"));
            assert!(
                start.is_some() && done.is_some() && start < done,
                "{mode}: {lines:#?}"
            );
        }
        assert!(lines[6].starts_with("Wall time: "), "{mode}: {lines:#?}");
    }
}
