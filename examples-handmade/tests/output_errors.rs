//! Output that cannot go where it should, through this crate's `count` binary: an unwritable
//! `--trace` is a bad argument, a killed run's trace is incomplete, `> /dev/full` is an error,
//! a closed pipe ends the program quietly (the checks: `shared::testing::output_errors`).

shared::output_error_tests!();
