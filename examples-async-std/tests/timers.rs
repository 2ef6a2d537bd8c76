//! timers under async-std, in real time: every form's lines, no tick early, the naive loop a whole
//! period per sleep, the drift-free forms on their grid, the drift reported. The checks are
//! shared with every runtime (`shared::testing::timers`).

use shared::Runtime;
use shared::testing::timers::check_every_mode;

#[test]
fn every_form() {
    check_every_mode(Runtime::AsyncStd, |run| {
        async_std::task::block_on(examples_async_std::timers::run(run))
    });
}

#[test]
fn help_lists_the_forms() {
    shared::testing::cli::assert_help_lists_modes(
        env!("CARGO_BIN_EXE_timers"),
        shared::Program::Timers.modes(Runtime::AsyncStd),
    );
}
