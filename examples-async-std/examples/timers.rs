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
//! The example runs each form for ten sleeps of 100 ms and prints the drift (how far after
//! `start + 10 × 100 ms` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-async-std --example timers            # every form: naive, interval, deadline
//! cargo run -p examples-async-std --example timers -- naive   # one of them
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! The measured version, with `--scale`, `--trace` and the catalogue's checks, is
//! `src/bin/timers.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::prelude::*;
use async_std::task;

/// How many sleeps each form makes, and how long each one is.
const SLEEPS: u32 = 10;
const PERIOD: Duration = Duration::from_millis(100);

/// The forms, in the order they run.
const FORMS: [&str; 3] = ["naive", "interval", "deadline"];

/// One sleep: the deadline it was given, and when it really ended.
type Sleep = (Instant, Instant);

/// The naive loop: each sleep starts where the last one ended.
async fn naive(_start: Instant) -> Vec<Sleep> {
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        let deadline = Instant::now() + PERIOD;
        task::sleep(PERIOD).await;
        sleeps.push((deadline, Instant::now()));
    }
    sleeps
}

/// `stream::interval`: a tick every period, each one a period after the last tick fired.
async fn interval(start: Instant) -> Vec<Sleep> {
    let mut ticks = async_std::stream::interval(PERIOD);
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        ticks.next().await;
        // Measured against the grid it would keep if it did not drift.
        sleeps.push((start + PERIOD * k, Instant::now()));
    }
    sleeps
}

/// Absolute deadlines: the k-th sleep ends at `start + k × period`, whenever the last one
/// ended (a deadline already past sleeps for zero).
async fn deadline(start: Instant) -> Vec<Sleep> {
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let deadline = start + PERIOD * k;
        task::sleep(deadline.saturating_duration_since(Instant::now())).await;
        sleeps.push((deadline, Instant::now()));
    }
    sleeps
}

/// Milliseconds, for printing.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The form's line: its drift and the mean lateness of one sleep.
fn report(form: &str, start: Instant, sleeps: &[Sleep]) {
    let ideal_end = start + PERIOD * SLEEPS;
    let last = sleeps.last().map_or(ideal_end, |&(_, ended)| ended);
    let late: Duration = sleeps.iter().map(|&(due, ended)| ended - due).sum();
    println!(
        "{form}: {SLEEPS} sleeps of {} ms, drift {:+.2} ms, mean lateness {:.2} ms per sleep",
        PERIOD.as_millis(),
        ms(last - ideal_end),
        ms(late / SLEEPS)
    );
}

#[async_std::main]
async fn main() -> ExitCode {
    // An optional first argument picks one form.
    let forms: Vec<&str> = match std::env::args().nth(1) {
        None => FORMS.to_vec(),
        Some(form) => match FORMS.iter().find(|f| **f == form) {
            Some(form) => vec![*form],
            None => {
                eprintln!("unknown mode {form:?}: the modes are {}", FORMS.join(", "));
                return ExitCode::from(2);
            }
        },
    };
    for form in forms {
        // Each form starts on a fresh clock reading and runs alone, so they do not disturb
        // each other's timing.
        let start = Instant::now();
        let sleeps = match form {
            "naive" => naive(start).await,
            "interval" => interval(start).await,
            _ => deadline(start).await,
        };
        report(form, start, &sleeps);
    }
    ExitCode::SUCCESS
}
