//! count under async-std, in real time at a small scale: the printed lines of both modes,
//! with generous bounds on the elapsed time. The checks are shared with smol
//! (`shared::testing::count`); this file says how to run them here.

use shared::testing::count as check;
use shared::{CountOpts, Run, Runtime};

/// Runs count's future on this crate's runtime.
fn block_on(run: Run<CountOpts>) -> anyhow::Result<()> {
    async_std::task::block_on(examples_async_std::count::run(run))
}

#[test]
fn count_concurrent_prints_one_one_one_two_two_two() {
    check::assert_concurrent_prints_one_one_one_two_two_two(Runtime::AsyncStd, block_on);
}

#[test]
fn count_sequential_alternates_one_two() {
    check::assert_sequential_alternates_one_two(Runtime::AsyncStd, block_on);
}

#[test]
fn count_with_many_tasks_prints_a_summary() {
    check::assert_many_tasks_print_a_summary(Runtime::AsyncStd, block_on);
}

#[test]
fn count_binary_runs_on_a_pool_of_one_thread_too() {
    check::assert_binary_runs_on_threads(
        env!("CARGO_BIN_EXE_count"),
        "ASYNC_STD_THREAD_COUNT",
        "1",
    );
}
