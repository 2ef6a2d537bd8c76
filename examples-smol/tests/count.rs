//! count under smol, in real time at a small scale: the printed lines of both modes,
//! with generous bounds on the elapsed time. The checks are shared with async-std
//! (`shared::testing::count`); this file says how to run them here.

use shared::testing::count as check;
use shared::{CountOpts, Run, Runtime};

/// Runs count's future on this crate's runtime.
fn block_on(run: Run<CountOpts>) -> anyhow::Result<()> {
    smol::block_on(examples_smol::count::run(run))
}

#[test]
fn count_concurrent_prints_one_one_one_two_two_two() {
    check::assert_concurrent_prints_one_one_one_two_two_two(Runtime::Smol, block_on);
}

#[test]
fn count_sequential_alternates_one_two() {
    check::assert_sequential_alternates_one_two(Runtime::Smol, block_on);
}

#[test]
fn count_with_many_tasks_prints_a_summary() {
    check::assert_many_tasks_print_a_summary(Runtime::Smol, block_on);
}

#[test]
fn count_binary_runs_on_two_executor_threads_too() {
    check::assert_binary_runs_on_threads(env!("CARGO_BIN_EXE_count"), "SMOL_THREADS", "2");
}
