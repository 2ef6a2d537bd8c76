//! Output that cannot go where it should, through this crate's `count` binary: an unwritable
//! `--trace` is a bad argument, a killed run's trace is incomplete, `> /dev/full` is an error,
//! a closed pipe ends the program quietly (the checks are in `shared::testing::output_errors`).

use shared::testing::output_errors as check;

const COUNT: &str = env!("CARGO_BIN_EXE_count");

#[test]
fn an_unwritable_trace_is_a_bad_argument() {
    check::assert_an_unwritable_trace_is_a_bad_argument(COUNT);
}

#[test]
fn a_killed_run_leaves_an_incomplete_trace() {
    check::assert_a_killed_run_leaves_an_incomplete_trace(COUNT);
}

#[test]
fn a_full_stdout_is_an_error() {
    check::assert_a_full_stdout_is_an_error(COUNT);
}

#[test]
fn a_closed_stdout_ends_quietly() {
    check::assert_a_closed_stdout_ends_quietly(COUNT);
}
