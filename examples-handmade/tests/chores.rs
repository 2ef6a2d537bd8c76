//! chores on the handmade runtime, in real time at a small scale: the story's order, and its clock. The
//! checks are shared with async-std (`shared::testing::chores`); this file says how to run them here.

use examples_handmade::runtime;
use shared::testing::chores as check;
use shared::{NoOpts, Run, Runtime};

/// Runs chores' future on this crate's runtime.
fn block_on(run: Run<NoOpts>) -> anyhow::Result<()> {
    runtime::block_on(examples_handmade::chores::run(run))
}

#[test]
fn concurrent_chores_take_an_hour_and_a_half() {
    check::assert_concurrent_chores_take_an_hour_and_a_half(Runtime::Handmade, block_on);
}

#[test]
fn sequential_chores_take_three_hours() {
    check::assert_sequential_chores_take_three_hours(Runtime::Handmade, block_on);
}
