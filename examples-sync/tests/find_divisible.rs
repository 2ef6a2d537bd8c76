//! find_divisible through the real binary: each call starts and finishes before the next.

use std::time::Duration;

use shared::expect::{check, transcript};
use shared::testing::{examples, run_bin};
use shared::{Mode, Program, Runtime};

#[test]
fn sequential_calls_finish_one_after_another() {
    // CPU-bound: there is nothing to scale, but the option is accepted like everywhere.
    for args in [&[][..], &["--scale", "0.01"]] {
        let run = run_bin(
            env!("CARGO_BIN_EXE_find_divisible"),
            args,
            Duration::from_secs(60),
        );
        assert_eq!(run.code(), Some(0), "{}", run.stderr);
        let mut lines = run.lines();
        let wall = lines.pop().expect("a Wall time line");
        assert!(
            wall.starts_with("Wall time: ") && wall.ends_with(" ms"),
            "{wall}"
        );
        let groups = transcript(Program::FindDivisible, Runtime::Sync, Mode::Sequential).unwrap();
        check(&lines, &groups).unwrap();
    }
}

#[test]
fn the_default_run_shows_the_seeds_order_every_time() {
    // No argument: binary and example, three runs each.
    examples::assert_default_runs_show_the_lesson(Runtime::Sync, Program::FindDivisible, 3);
}
