//! count on the handmade runtime, in real time at a small scale: the printed lines of both modes,
//! with generous bounds on the elapsed time. The checks are shared with async-std
//! (`shared::testing::count`); this file says how to run them here.

use examples_handmade::runtime;
use shared::testing::count as check;
use shared::{CountOpts, Run, Runtime};

/// Runs count's future on this crate's runtime.
fn block_on(run: Run<CountOpts>) -> anyhow::Result<()> {
    runtime::block_on(examples_handmade::count::run(run))
}

#[test]
fn count_concurrent_prints_one_one_one_two_two_two() {
    check::assert_concurrent_prints_one_one_one_two_two_two(Runtime::Handmade, block_on);
}

#[test]
fn count_sequential_alternates_one_two() {
    check::assert_sequential_alternates_one_two(Runtime::Handmade, block_on);
}

#[test]
fn count_with_many_tasks_prints_a_summary() {
    check::assert_many_tasks_print_a_summary(Runtime::Handmade, block_on);
}

#[test]
fn count_binary_prints_the_seeds_lines() {
    // Through the real binary, at a small scale: the one thread of the loop, nothing to set.
    let run = shared::testing::run_bin(
        env!("CARGO_BIN_EXE_count"),
        &["--scale", "0.05"],
        std::time::Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().take(6).collect();
    assert_eq!(lines, ["One", "One", "One", "Two", "Two", "Two"], "{run:?}");
}
