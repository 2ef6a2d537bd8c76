//! The common command line, checked through real binaries of a runtime crate: bad arguments
//! are one line on stderr and exit code 2, never a panic; `--help` lists the modes. Every
//! runtime crate's `tests/cli.rs` is one call of [`command_line_tests!`](crate::command_line_tests).

use std::time::Duration;

use super::run_bin;

/// The command-line errors every binary must turn into one line on stderr and exit code 2:
/// an unknown mode, `--scale 0`, `--scale abc`, an unknown flag. `exe` is any binary of a
/// runtime crate (they share the command line).
pub fn assert_bad_arguments_exit_2(exe: &str) {
    for (args, expected) in [
        (
            &["--mode", "no-such-mode"][..],
            "invalid value 'no-such-mode' for '--mode <MODE>'",
        ),
        (&["--scale", "0"][..], "must be a number greater than 0"),
        (&["--scale", "abc"][..], "not a number"),
        (
            &["--no-such-flag"][..],
            "unexpected argument '--no-such-flag'",
        ),
    ] {
        let run = run_bin(exe, args, Duration::from_secs(30));
        assert_eq!(run.code(), Some(2), "{exe} {args:?}: {run:?}");
        assert!(
            run.stdout.is_empty(),
            "{exe} {args:?} printed on stdout: {:?}",
            run.stdout
        );
        let stderr = run.stderr.trim_end();
        assert_eq!(
            stderr.lines().count(),
            1,
            "{exe} {args:?}: stderr is not one line: {stderr:?}"
        );
        assert!(
            stderr.starts_with("error: ") && stderr.contains(expected),
            "{exe} {args:?}: {stderr:?}"
        );
        assert!(!stderr.contains("panicked"), "{exe} {args:?}: {stderr:?}");
    }
}

/// `--help` prints the program's modes and exits 0.
pub fn assert_help_lists_modes(exe: &str, modes: &[crate::Mode]) {
    let run = run_bin(exe, &["--help"], Duration::from_secs(30));
    assert_eq!(run.code(), Some(0), "{run:?}");
    for mode in modes {
        assert!(
            run.stdout.contains(mode.name()),
            "--help does not list {mode}: {}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("--scale") && run.stdout.contains("--trace"),
        "{}",
        run.stdout
    );
}

/// Writes the command-line tests of a runtime crate (in its `tests/cli.rs`, where cargo
/// builds its binaries and names them in `CARGO_BIN_EXE_<name>`):
///
/// ```text
/// #[test]
/// fn bad_arguments_are_one_line_errors_with_exit_code_2() {
///     assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_count"));
///     assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_work_queue"));
/// }
///
/// #[test]
/// fn help_lists_the_modes() {
///     assert_help_lists_modes(env!("CARGO_BIN_EXE_prime_search"), PrimeSearch.modes(runtime));
/// }
/// ```
#[macro_export]
macro_rules! command_line_tests {
    ($runtime:expr) => {
        #[test]
        fn bad_arguments_are_one_line_errors_with_exit_code_2() {
            $crate::testing::cli::assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_count"));
            $crate::testing::cli::assert_bad_arguments_exit_2(env!("CARGO_BIN_EXE_work_queue"));
        }

        #[test]
        fn help_lists_the_modes() {
            $crate::testing::cli::assert_help_lists_modes(
                env!("CARGO_BIN_EXE_prime_search"),
                $crate::Program::PrimeSearch.modes($runtime),
            );
        }

        #[test]
        fn a_test_judges_only_this_runtimes_binaries() {
            $crate::testing::own_binary::assert_the_check_tells_runtimes_apart(
                $runtime,
                env!("CARGO_BIN_EXE_count"),
            );
        }
    };
}
