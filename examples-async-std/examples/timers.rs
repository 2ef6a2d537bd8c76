//! # timers: a loop of sleeps drifts, a loop of deadlines does not (async-std)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: async-std's `task::sleep` is an async-io timer, which keeps
//! an exact deadline, but the reactor has to notice it and wake the task, and the task has to
//! be polled, so each sleep ends some tens of microseconds late. A loop of sleeps starts each
//! one where the last one ended, so the lateness adds up: after N sleeps the loop is N times
//! late. With exact timers the sum stays small (tokio rounds each deadline up to a
//! millisecond, which adds up to much more: see the tokio example), but it grows without
//! bound on a long run or a busy machine.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates.
//! async-std has no `sleep_until`; sleeping for what is left until the deadline,
//! `deadline - now`, says the same thing. Its `stream::interval` (an unstable API) is no cure:
//! each tick re-arms the timer for a period from the moment it fired, so it drifts like the
//! naive loop, as this example shows.
//!
//! Each sleep prints a tick; at the end, the drift (how far after `start + 10 × period` the
//! last sleep ended) and the mean lateness of one sleep (how far after its own deadline each
//! one ended).
//!
//! ```text
//! cargo run -p examples-async-std --example timers               # naive: 5 s and a bit
//! cargo run -p examples-async-std --example timers -- interval
//! cargo run -p examples-async-std --example timers -- deadline   # 5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/timers.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::prelude::*;
use async_std::task;

/// How many sleeps each form makes, and how long each one is.
const SLEEPS: u32 = 10;
const PERIOD: Duration = Duration::from_millis(500);

/// Each sleep so far: the deadline it was given, and when it really ended.
type Sleeps = Vec<(Instant, Instant)>;

/// A sleep due at `due` just ended: keep both instants and print its tick.
fn tick(sleeps: &mut Sleeps, due: Instant) {
    sleeps.push((due, Instant::now()));
    println!("tick {}", sleeps.len());
}

/// `task::sleep(period)` in a loop: each sleep starts where the last one ended.
async fn naive(_start: Instant) -> Sleeps {
    println!("naive: sleep for the period, 10 times, each sleep from the end of the last");
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        let due = Instant::now() + PERIOD;
        task::sleep(PERIOD).await;
        tick(&mut sleeps, due);
    }
    sleeps
}

/// `stream::interval`: a tick every period, each one a period after the last tick fired.
async fn interval(start: Instant) -> Sleeps {
    println!("interval: the runtime's interval timer, 10 ticks of the period");
    let mut ticks = async_std::stream::interval(PERIOD);
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        ticks.next().await;
        // Measured against the grid it would keep if it did not drift.
        tick(&mut sleeps, start + PERIOD * k);
    }
    sleeps
}

/// Absolute deadlines: the k-th sleep ends at `start + k × period`, whenever the last one
/// ended (a deadline already past sleeps for zero).
async fn deadline(start: Instant) -> Sleeps {
    println!("deadline: sleep until start + k × period, for k = 1 to 10");
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let due = start + PERIOD * k;
        task::sleep(due.saturating_duration_since(Instant::now())).await;
        tick(&mut sleeps, due);
    }
    sleeps
}

/// The drift of the last sleep against `start + 10 × period`, and the mean lateness.
fn report(start: Instant, sleeps: &Sleeps) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (ideal_end, last_end) = (start + PERIOD * SLEEPS, sleeps[sleeps.len() - 1].1);
    // Negative if the last sleep ended before its ideal end.
    let drift = ms(last_end.saturating_duration_since(ideal_end))
        - ms(ideal_end.saturating_duration_since(last_end));
    let late: Duration = sleeps
        .iter()
        .map(|&(due, ended)| ended.saturating_duration_since(due))
        .sum();
    println!("drift {drift:+.3} ms after {} sleeps", sleeps.len());
    println!(
        "mean lateness {:.3} ms per sleep",
        ms(late) / sleeps.len() as f64
    );
}

#[async_std::main]
async fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; naive is the default.
    let sleeps = match std::env::args().nth(1).as_deref().unwrap_or("naive") {
        "naive" => naive(start).await,
        "interval" => interval(start).await,
        "deadline" => deadline(start).await,
        other => {
            eprintln!("unknown mode {other:?}: the modes are naive, interval, deadline");
            return ExitCode::from(2);
        }
    };
    report(start, &sleeps);
    ExitCode::SUCCESS
}
