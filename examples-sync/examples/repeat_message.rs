//! # repeat_message: three messages, three intervals, without async (seed 000)
//!
//! `blocking_repeat_message(message, interval)` prints its message, sleeps, and prints it
//! again, ten sleeps in all: `xXxX…` every 0.5 s, `I LOVE` every 1 s, `EXPLOSIONS!` every
//! 1.5 s. The seed's "old-school" version calls them one after another: 30 s. One OS thread per
//! message sleeps the three at once: 15 s, and lines due at the same instant are a tie.
//!
//! `deadline` is the threads with the drift taken out: each sleep lasts until the next deadline
//! on the grid `start + k × interval` (std has no `sleep_until`: it sleeps for what is left),
//! not for `interval` from wherever the last one ended, so the wake-ups' lateness does not add
//! up (see `timers`).
//!
//! ```text
//! cargo run -p examples-sync --example repeat_message               # sequential: 30 s
//! cargo run -p examples-sync --example repeat_message -- threads    # 15 s
//! cargo run -p examples-sync --example repeat_message -- deadline   # 15 s, no drift
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/repeat_message.rs`.

use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

/// The three messages and their intervals in seconds.
const MESSAGES: [(&str, f64); 3] = [
    ("xXxXxXxXxXxXxXxXxXxXx", 0.5),
    ("I LOVE", 1.0),
    ("EXPLOSIONS!", 1.5),
];

/// The seed's `blocking_repeat_message()`: print, sleep, print again, `max_iters` sleeps.
/// With a `grid` start, the k-th sleep ends at `start + k × interval` (the deadline mode).
fn blocking_repeat_message(message: &str, interval: f64, grid: Option<Instant>) {
    let (max_iters, interval) = (10, Duration::from_secs_f64(interval));
    for iters in 0..=max_iters {
        println!("{message}");
        if iters == max_iters {
            break;
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        thread::sleep(match grid {
            // Until the next deadline on the grid: a late wake-up does not move the next one.
            Some(start) => {
                let deadline = start + interval * (iters + 1);
                deadline.saturating_duration_since(Instant::now())
            }
            // For `interval` from now: each sleep's lateness adds to the next one's start.
            None => interval,
        });
    }
}

/// Each call returns before the next one starts: 30 s.
fn sequential() {
    for (message, interval) in MESSAGES {
        blocking_repeat_message(message, interval, None);
    }
}

/// One thread per message; the scope joins every thread before it returns: 15 s. With a
/// `grid`, every sleep ends on it.
fn threads(grid: Option<Instant>) {
    thread::scope(|scope| {
        for (message, interval) in MESSAGES {
            scope.spawn(move || blocking_repeat_message(message, interval, grid));
        }
    });
}

/// The threads on one grid of deadlines from now: 15 s, and no drift.
fn deadline() {
    threads(Some(Instant::now()));
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; sequential is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        "threads" => threads(None),
        "deadline" => deadline(),
        other => {
            eprintln!("unknown mode {other:?}: the modes are sequential, threads, deadline");
            return ExitCode::from(2);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("Execution time in seconds: {secs:?}");
    ExitCode::SUCCESS
}
