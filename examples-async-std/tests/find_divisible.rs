//! find_divisible under async-std: on one thread (`spawn_local`, the default) the seed's
//! order, every run; on the pool (`--mode parallel`) only what always holds.

use std::time::Duration;

use shared::catalogue::find_divisible::JOBS;
use shared::expect::{check, transcript};
use shared::testing::{examples, run_bin_env};
use shared::{Mode, NoOpts, Program, Run, Runtime};

fn finding(n: u64, d: u64) -> String {
    format!("Finding nums in range {n} divisible by {d}")
}

fn done(n: u64, d: u64) -> String {
    format!("Done w/ nums in range {n} divisible by {d}")
}

/// Asserts every job's Done line comes after its Finding line, and a Wall time line last.
#[track_caller]
fn assert_every_job_finishes_after_it_starts(lines: &[String]) {
    assert_eq!(lines.len(), 7, "{lines:#?}");
    for (n, d) in JOBS {
        let position = |line: String| lines.iter().position(|l| *l == line);
        let (start, end) = (position(finding(n, d)), position(done(n, d)));
        assert!(
            start.is_some() && end.is_some() && start < end,
            "{lines:#?}"
        );
    }
    assert!(lines[6].starts_with("Wall time: "), "{lines:#?}");
}

/// Runs find_divisible in `mode` in this process and returns its lines.
fn in_process(mode: Mode) -> Vec<String> {
    let run = Run::capture(
        Program::FindDivisible,
        Runtime::AsyncStd,
        mode,
        1.0,
        NoOpts {},
    );
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::find_divisible::run(run)).unwrap();
    out.lines()
}

#[test]
fn on_one_thread_the_order_is_the_seeds() {
    // spawn_local: every task on block_on's thread, first in, first out.
    for mode in [Mode::Cooperative, Mode::Greedy] {
        let lines = in_process(mode);
        assert_every_job_finishes_after_it_starts(&lines);
        let groups = transcript(Program::FindDivisible, Runtime::AsyncStd, mode).unwrap();
        check(&lines[..6], &groups).unwrap_or_else(|e| panic!("{mode}: {e}"));
    }
}

#[test]
fn the_default_run_shows_the_seeds_turns_every_time() {
    // No argument, no ASYNC_STD_THREAD_COUNT: binary and example, five runs each.
    examples::assert_default_runs_show_the_lesson(Runtime::AsyncStd, Program::FindDivisible, 5);
}

#[test]
fn in_parallel_every_job_finishes_after_it_starts() {
    // On the global pool (in this process) and on a pool of two threads (the binary), the
    // order depends on the scheduler: check what always holds.
    assert_every_job_finishes_after_it_starts(&in_process(Mode::Parallel));
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_find_divisible"),
        &["--mode", "parallel"],
        &[("ASYNC_STD_THREAD_COUNT", "2")],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_every_job_finishes_after_it_starts(&run.lines());
}
