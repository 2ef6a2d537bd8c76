//! The checks the real-time runtimes' `count` tests share (async-std and smol): the printed
//! lines of both modes, with generous bounds on the elapsed time. A runtime's `tests/count.rs`
//! calls each with what differs: the runtime and a closure that runs the program's future on
//! it, or the binary (`env!("CARGO_BIN_EXE_count")`) and the environment variable that sets
//! its number of threads.

use std::time::Duration;

use super::{run_bin_env, run_in_process};
use crate::expect::assert_transcript;
use crate::{CountOpts, Mode, Out, Program, Run, Runtime};

/// Runs count in `mode` at `scale` with `tasks` tasks in this process through `block_on`
/// (which runs the program's future on `runtime`), and returns its sink.
fn run_count(
    runtime: Runtime,
    block_on: impl FnOnce(Run<CountOpts>) -> anyhow::Result<()>,
    mode: Mode,
    scale: f64,
    tasks: u64,
) -> Out {
    let opts = CountOpts { tasks };
    run_in_process(Program::Count, runtime, mode, scale, opts, block_on)
}

/// `--mode concurrent` at scale 0.2: One One One Two Two Two, the sleeps overlapping.
pub fn assert_concurrent_prints_one_one_one_two_two_two(
    runtime: Runtime,
    block_on: impl FnOnce(Run<CountOpts>) -> anyhow::Result<()>,
) {
    // Each task sleeps 200 ms between One and Two: a task would have to start 200 ms late to
    // break the order.
    let out = run_count(runtime, block_on, Mode::Concurrent, 0.2, 3);
    assert_transcript(&out.recorded(), Program::Count, runtime, Mode::Concurrent);
    // The three sleeps overlap: at least 200 ms, and well under the 600 ms of one after another.
    let elapsed = out.elapsed();
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(600), "{elapsed:?}");
    assert!(out.lines().last().unwrap().starts_with("executed in 0."));
}

/// `--mode sequential` at scale 0.01: One Two, three times, the sleeps one after another.
pub fn assert_sequential_alternates_one_two(
    runtime: Runtime,
    block_on: impl FnOnce(Run<CountOpts>) -> anyhow::Result<()>,
) {
    let out = run_count(runtime, block_on, Mode::Sequential, 0.01, 3);
    assert_transcript(&out.recorded(), Program::Count, runtime, Mode::Sequential);
    assert!(out.elapsed() >= Duration::from_millis(30));
}

/// 10 000 tasks print a summary line instead of 20 000 lines.
pub fn assert_many_tasks_print_a_summary(
    runtime: Runtime,
    block_on: impl FnOnce(Run<CountOpts>) -> anyhow::Result<()>,
) {
    let out = run_count(runtime, block_on, Mode::Concurrent, 0.01, 10_000);
    let lines = out.lines();
    assert_eq!(lines[0], "10000 count() tasks printed One and Two");
    assert_eq!(lines.len(), 2);
    assert!(out.elapsed() >= Duration::from_millis(10));
}

/// The binary `exe` at scale 0.2 with `threads_var=threads` (the variable that sets the
/// runtime's number of threads) prints One One One Two Two Two and its time.
pub fn assert_binary_runs_on_threads(exe: &str, threads_var: &str, threads: &str) {
    let run = run_bin_env(
        exe,
        &["--scale", "0.2"],
        &[(threads_var, threads)],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines[..6], ["One", "One", "One", "Two", "Two", "Two"]);
    assert!(lines[6].starts_with("executed in "), "{lines:?}");
}
