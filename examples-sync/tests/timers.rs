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
fn bad_arguments_are_one_line_errors_with_exit_code_2() {
    shared::testing::assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_timers"));
}
