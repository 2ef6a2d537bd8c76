//! find_divisible under async-std: on the default pool only what always holds; on a pool of
//! one thread, greedy tasks never interleave.

use std::time::Duration;

use shared::catalogue::find_divisible::JOBS;
use shared::expect::{check, transcript};
use shared::testing::run_bin_env;
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

#[test]
fn on_the_default_pool_every_job_finishes_after_it_starts() {
    for mode in [Mode::Cooperative, Mode::Greedy] {
        let run = Run::capture(
            Program::FindDivisible,
            Runtime::AsyncStd,
            mode,
            1.0,
            NoOpts {},
        );
        let out = run.out.clone();
        async_std::task::block_on(examples_async_std::find_divisible::run(run)).unwrap();
        assert_every_job_finishes_after_it_starts(&out.lines());
    }
}

/// Runs the binary in `mode` on a pool of one thread and returns its lines.
fn one_thread(mode: &str) -> Vec<String> {
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_find_divisible"),
        &["--mode", mode],
        &[("ASYNC_STD_THREAD_COUNT", "1")],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    run.lines()
}

#[test]
fn greedy_tasks_on_one_pool_thread_run_one_after_another() {
    let lines = one_thread("greedy");
    assert_every_job_finishes_after_it_starts(&lines);
    // The pool's queue is first in, first out, and a greedy task never lets go.
    let groups = transcript(Program::FindDivisible, Runtime::AsyncStd, Mode::Greedy).unwrap();
    check(&lines[..6], &groups).unwrap();
}

#[test]
fn cooperative_tasks_on_one_pool_thread_start_in_spawn_order() {
    // The tasks start in spawn order; how far the first gets before the others are spawned
    // depends on when the main thread spawns them, so the Done order is not checked.
    let lines = one_thread("cooperative");
    assert_every_job_finishes_after_it_starts(&lines);
    let findings: Vec<&String> = lines.iter().filter(|l| l.starts_with("Finding")).collect();
    assert_eq!(
        findings,
        JOBS.map(|(n, d)| finding(n, d)).iter().collect::<Vec<_>>()
    );
}
