//! timers on the handmade runtime, in real time: every form's lines, no tick early, the naive loop a whole
//! period per sleep, the drift-free forms on their grid, the drift reported. The checks are
//! shared with every runtime (`shared::testing::timers`).

use examples_handmade::runtime;
use shared::Runtime;
use shared::testing::timers::check_every_mode;

#[test]
fn every_form() {
    check_every_mode(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::timers::run(run))
    });
}

#[test]
fn help_lists_the_forms() {
    shared::testing::cli::assert_help_lists_modes(
        env!("CARGO_BIN_EXE_timers"),
        shared::Program::Timers.modes(Runtime::Handmade),
    );
}
