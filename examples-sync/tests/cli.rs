//! The common command line, through a real binary of this crate: bad arguments are one line
//! on stderr and exit code 2, never a panic; `--help` lists the modes.

use shared::testing::{assert_bad_arguments_exit_2, assert_help_lists_modes};
use shared::{Program, Runtime};

#[test]
fn bad_arguments_are_one_line_errors_with_exit_code_2() {
    assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_count"));
    assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_work_queue"));
}

#[test]
fn help_lists_the_modes() {
    assert_help_lists_modes(
        env!("CARGO_BIN_EXE_prime_search"),
        Program::PrimeSearch.modes(Runtime::Sync),
    );
}
