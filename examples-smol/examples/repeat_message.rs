//! # repeat_message: three messages, three intervals (seed 000)
//!
//! `repeat_message(message, interval)` prints its message, sleeps, and prints it again, ten
//! sleeps in all, then returns `"Complete."`: `xXxX…` every 0.5 s, `I LOVE` every 1 s,
//! `EXPLOSIONS!` every 1.5 s. One after another: 30 s; as three tasks: 15 s, the slowest. Lines
//! due at the same instant (1.5 s, 3 s, …) are a tie: any order is right.
//!
//! `deadline` is the concurrent run with the drift taken out: each sleep lasts until the next
//! deadline on the grid `start + k × interval` (`smol::Timer::at`), not for `interval` from
//! wherever the last one ended, so the wake-ups' lateness does not add up (see `timers`).
//!
//! ```text
//! cargo run -p examples-smol --example repeat_message                  # concurrent: 15 s
//! cargo run -p examples-smol --example repeat_message -- sequential    # 30 s
//! cargo run -p examples-smol --example repeat_message -- deadline      # 15 s, no drift
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/repeat_message.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The three messages and their intervals in seconds.
const MESSAGES: [(&str, f64); 3] = [
    ("xXxXxXxXxXxXxXxXxXxXx", 0.5),
    ("I LOVE", 1.0),
    ("EXPLOSIONS!", 1.5),
];

/// The seed's `repeat_message()`: print, sleep, print again, `max_iters` sleeps in all.
/// With a `grid` start, the k-th sleep ends at `start + k × interval` (the deadline mode).
async fn repeat_message(
    message: &'static str,
    interval: f64,
    grid: Option<Instant>,
) -> &'static str {
    let (max_iters, interval) = (10, Duration::from_secs_f64(interval));
    for iters in 0..=max_iters {
        println!("{message}");
        if iters == max_iters {
            break;
        }
        // While this task sleeps, the scheduler runs the others.
        match grid {
            // Until the next deadline on the grid: a late wake-up does not move the next one.
            Some(start) => smol::Timer::at(start + interval * (iters + 1)).await,
            // For `interval` from now: each sleep's lateness adds to the next one's start.
            None => smol::Timer::after(interval).await,
        };
    }
    "Complete."
}

/// Each repeater is awaited before the next one starts: 30 s.
async fn sequential() -> Vec<&'static str> {
    let mut results = Vec::new();
    for (message, interval) in MESSAGES {
        results.push(repeat_message(message, interval, None).await);
    }
    results
}

/// Spawn the three repeaters as tasks, then join them all: 15 s. With a `grid`, every sleep
/// ends on it.
async fn concurrent(grid: Option<Instant>) -> Vec<&'static str> {
    let handles =
        MESSAGES.map(|(message, interval)| smol::spawn(repeat_message(message, interval, grid)));
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await);
    }
    results
}

/// The three tasks on one grid of deadlines from now: 15 s, and no drift.
async fn deadline() -> Vec<&'static str> {
    concurrent(Some(Instant::now())).await
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; concurrent is the default.
    let results = match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => smol::block_on(concurrent(None)),
        "sequential" => smol::block_on(sequential()),
        "deadline" => smol::block_on(deadline()),
        other => {
            eprintln!("unknown mode {other:?}: the modes are concurrent, sequential, deadline");
            return ExitCode::from(2);
        }
    };
    // What each repeater returned (the seed's gather result).
    assert!(results.iter().all(|r| *r == "Complete."), "{results:?}");
    let secs = start.elapsed().as_secs_f64();
    println!("Execution time in seconds: {secs:?}");
    ExitCode::SUCCESS
}
