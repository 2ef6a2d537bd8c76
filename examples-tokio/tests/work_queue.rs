//! work_queue under tokio: the exact timeline under the paused clock, and the blocking mistake on
//! both schedulers.
//!
//! Why the paused clock: with `start_paused = true` tokio's clock stands still and jumps
//! straight to the next timer whenever every task is idle, so the 17 s program runs in
//! microseconds and every line carries its exact virtual time: no wall-clock flakiness. It
//! needs the current-thread runtime, which is what `#[tokio::test]` builds; the output sink
//! reads tokio's clock, so its elapsed time is virtual too. What depends on several threads is
//! tested through the real binary with `--flavor multi-thread`, with generous bounds.

use std::time::{Duration, Instant};

use examples_tokio::work_queue;
use shared::testing::run_bin_env;
use shared::{Mode, NoOpts, Out, Program};

mod paused;
use paused::{assert_ideal, paused_run, run_paused};

/// Every printed line with its time in milliseconds.
fn timeline(out: &Out) -> Vec<(u64, String)> {
    out.recorded()
        .into_iter()
        .map(|e| (e.t_us / 1000, e.line))
        .collect()
}

fn at(ms: u64, line: &str) -> (u64, String) {
    (ms, line.to_string())
}

// Paused clock: the timeline below is exact to the microsecond, elapsed times included.
#[tokio::test(start_paused = true)]
async fn async_workers_share_the_queue_and_finish_in_17_seconds() {
    let out = run_paused(Program::WorkQueue, Mode::Async, work_queue::run).await;
    let lines = timeline(&out);
    assert_eq!(
        lines[..4],
        [
            at(0, "Task One running"),
            at(0, "Task Two running"),
            at(10_000, "Task Two elapsed time: 10.0"),
            at(10_000, "Task Two running"),
        ]
    );
    // At t = 15 s, whoever wakes first takes the last item (2 s); the other finds the queue
    // empty and stops.
    let first = if lines[4].1.starts_with("Task One") {
        "One"
    } else {
        "Two"
    };
    let second = if first == "One" { "Two" } else { "One" };
    let elapsed = |name: &str| if name == "One" { "15.0" } else { "5.0" };
    assert_eq!(
        lines[4..],
        [
            (
                15_000,
                format!("Task {first} elapsed time: {}", elapsed(first))
            ),
            (15_000, format!("Task {first} running")),
            (
                15_000,
                format!("Task {second} elapsed time: {}", elapsed(second))
            ),
            (17_000, format!("Task {first} elapsed time: 2.0")),
            at(17_000, "Total Time elapsed: 17.0 seconds"),
        ]
    );
    assert_ideal(&out, Program::WorkQueue, Mode::Async);
}

// Paused clock, to show what a blocking sleep does to it: std::thread::sleep never touches
// tokio's clock, and no tokio timer is ever registered, so virtual time stays at zero: the
// exact elapsed time is 0, not the ideal 32 s, while the real time is the whole 32 s (scaled).
#[tokio::test(start_paused = true)]
async fn blocking_on_one_thread_lets_worker_one_take_everything() {
    let scale = 0.002;
    let run = paused_run(Program::WorkQueue, Mode::Blocking, scale, NoOpts {});
    let out = run.out.clone();
    let real = Instant::now();
    examples_tokio::work_queue::run(run).await.unwrap();
    let real = real.elapsed();
    // One blocks the only thread; when an item is waiting, recv() returns without yielding, so
    // Two is polled only when the queue is empty.
    let mut expected = Vec::new();
    for _ in 0..4 {
        expected.push(at(0, "Task One running"));
        expected.push(at(0, "Task One elapsed time: 0.0"));
    }
    expected.push(at(0, "Total Time elapsed: 0.0 seconds"));
    assert_eq!(timeline(&out), expected);
    assert_eq!(out.elapsed(), Duration::ZERO);
    assert!(
        real >= Duration::from_secs_f64(32.0 * scale),
        "the blocking sleeps took {real:?}"
    );
}

/// The seconds of a `Total Time elapsed: X seconds` line.
fn total_seconds(lines: &[String]) -> f64 {
    let last = lines.last().expect("some output");
    last.strip_prefix("Total Time elapsed: ")
        .and_then(|rest| rest.strip_suffix(" seconds"))
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("not a total line: {last}"))
}

#[test]
fn blocking_on_two_worker_threads_blocks_two_threads_at_once() {
    let scale = 0.1;
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_work_queue"),
        &[
            "--mode",
            "blocking",
            "--flavor",
            "multi-thread",
            "--scale",
            "0.1",
        ],
        &[("TOKIO_WORKER_THREADS", "2")],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let lines = run.lines();
    let running = |name: &str| {
        lines
            .iter()
            .filter(|l| **l == format!("Task {name} running"))
            .count()
    };
    // Each worker blocks its own thread, so both get items: all four between them.
    assert!(running("One") >= 1 && running("Two") >= 1, "{lines:#?}");
    assert_eq!(running("One") + running("Two"), 4, "{lines:#?}");
    // 17 s of story when the two threads overlap; a single thread would need all 32 s.
    let total = total_seconds(&lines);
    assert!(
        (17.0 * scale..32.0 * scale).contains(&total),
        "total {total} s at scale {scale}"
    );
}

#[test]
fn a_mode_tokio_lacks_is_a_one_line_error() {
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_work_queue"),
        &["--mode", "cooperative"],
        &[],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(2));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("possible values: async, blocking"));
    assert!(run.stdout.is_empty());
}
