//! count under async-std, in real time at a small scale: the printed lines of both modes,
//! with generous bounds on the elapsed time.

use std::time::Duration;

use shared::expect::assert_transcript;
use shared::testing::run_bin_env;
use shared::{CountOpts, Mode, Out, Program, Run, Runtime};

/// Runs count in `mode` at `scale` with `tasks` tasks, and returns its sink.
fn run_count(mode: Mode, scale: f64, tasks: u64) -> Out {
    let run = Run::capture(
        Program::Count,
        Runtime::AsyncStd,
        mode,
        scale,
        CountOpts { tasks },
    );
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::count::run(run)).unwrap();
    out
}

#[test]
fn count_concurrent_prints_one_one_one_two_two_two() {
    // Each task sleeps 200 ms between One and Two: a task would have to start 200 ms late to
    // break the order.
    let out = run_count(Mode::Concurrent, 0.2, 3);
    assert_transcript(
        &out.recorded(),
        Program::Count,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    // The three sleeps overlap: at least 200 ms, and well under the 600 ms of one after another.
    let elapsed = out.elapsed();
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(600), "{elapsed:?}");
    assert!(out.lines().last().unwrap().starts_with("executed in 0."));
}

#[test]
fn count_sequential_alternates_one_two() {
    let out = run_count(Mode::Sequential, 0.01, 3);
    assert_transcript(
        &out.recorded(),
        Program::Count,
        Runtime::AsyncStd,
        Mode::Sequential,
    );
    assert!(out.elapsed() >= Duration::from_millis(30));
}

#[test]
fn count_with_many_tasks_prints_a_summary() {
    let out = run_count(Mode::Concurrent, 0.01, 10_000);
    let lines = out.lines();
    assert_eq!(lines[0], "10000 count() tasks printed One and Two");
    assert_eq!(lines.len(), 2);
    assert!(out.elapsed() >= Duration::from_millis(10));
}

#[test]
fn count_binary_runs_on_a_pool_of_one_thread_too() {
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_count"),
        &["--scale", "0.2"],
        &[("ASYNC_STD_THREAD_COUNT", "1")],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines[..6], ["One", "One", "One", "Two", "Two", "Two"]);
    assert!(lines[6].starts_with("executed in "), "{lines:?}");
}
