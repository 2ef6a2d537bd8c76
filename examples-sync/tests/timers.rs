//! timers with std only, in real time: both forms' lines, no tick early, the naive loop a
//! whole period per sleep, the deadline loop on its grid, the drift reported. The checks are
//! shared with every runtime (`shared::testing::timers`).

use shared::Runtime;
use shared::testing::timers::check_every_mode;

#[test]
fn both_forms() {
    check_every_mode(Runtime::Sync, examples_sync::timers::run);
}

#[test]
fn help_lists_the_forms() {
    shared::testing::cli::assert_help_lists_modes(
        env!("CARGO_BIN_EXE_timers"),
        shared::Program::Timers.modes(Runtime::Sync),
    );
}
