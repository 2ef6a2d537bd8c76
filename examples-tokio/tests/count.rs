//! count under tokio's paused clock: the exact printed lines and the exact virtual elapsed time.
//!
//! With `start_paused = true` tokio's clock stands still and jumps straight to the next timer
//! whenever every task is idle, so a 17 s program runs in microseconds and its elapsed time is
//! exactly the sum of the sleeps on its critical path: no wall-clock flakiness. The paused
//! clock needs the current-thread runtime, which is what `#[tokio::test]` builds. The output
//! sink reads tokio's clock, so its elapsed time is virtual too.

use std::time::Duration;

use examples_tokio::count;
use shared::{CountOpts, Mode, Program};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused, run_paused_with};

#[tokio::test(start_paused = true)]
async fn count_concurrent_prints_one_one_one_two_two_two_in_one_second() {
    let out = run_paused(Program::Count, Mode::Concurrent, count::run).await;
    assert_transcript(&out, Program::Count, Mode::Concurrent);
    assert_eq!(out.lines().last().unwrap(), "executed in 1.00 seconds.");
    assert_ideal(&out, Program::Count, Mode::Concurrent);
}

#[tokio::test(start_paused = true)]
async fn count_sequential_alternates_in_three_seconds() {
    let out = run_paused(Program::Count, Mode::Sequential, count::run).await;
    assert_transcript(&out, Program::Count, Mode::Sequential);
    assert_ideal(&out, Program::Count, Mode::Sequential);
}

#[tokio::test(start_paused = true)]
async fn count_with_many_tasks_prints_a_summary_and_still_takes_one_second() {
    let out = run_paused_with(
        Program::Count,
        Mode::Concurrent,
        1.0,
        CountOpts { tasks: 10_000 },
        count::run,
    )
    .await;
    assert_eq!(out.lines()[0], "10000 count() tasks printed One and Two");
    assert_eq!(out.elapsed(), Duration::from_secs(1));
}
