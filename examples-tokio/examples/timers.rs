//! # timers: a loop of sleeps drifts, a loop of deadlines does not (tokio)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time. tokio's timer counts whole milliseconds and rounds every
//! deadline up to the next one, and the task then has to be woken and polled, so each
//! `sleep(period)` ends up to about a millisecond late (tokio#6866). A loop of sleeps starts
//! each one where the last one ended, so the lateness adds up: after N sleeps the loop is
//! N times late, and a seed that should take 15 s takes a little longer on every run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates. tokio
//! has two ways to say it: `sleep_until(deadline)`, and `interval`, whose ticks are on that
//! grid. Its `MissedTickBehavior` says what to do when a tick is missed (the loop's body took
//! longer than a period): `Burst` (the default) fires the missed ticks at once to catch up,
//! `Skip` drops them and waits for the next tick on the grid, and `Delay` restarts the grid
//! from the late tick, which drifts like the naive loop.
//!
//! The example runs each form for ten sleeps of 100 ms and prints the drift (how far after
//! `start + 10 × 100 ms` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-tokio --example timers            # every form: naive, interval, deadline
//! cargo run -p examples-tokio --example timers -- naive   # one of them
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt-multi-thread", "macros", "time"] }
//! ```
//!
//! The measured version, with `--scale`, `--trace` and the catalogue's checks, is
//! `src/bin/timers.rs`.

use std::process::ExitCode;
use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior};

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
        tokio::time::sleep(PERIOD).await;
        sleeps.push((deadline, Instant::now()));
    }
    sleeps
}

/// `interval`: ticks on the grid `start + k × period` (the first one period after the start).
async fn interval(start: Instant) -> Vec<Sleep> {
    let mut ticks = tokio::time::interval_at(start + PERIOD, PERIOD);
    // No tick is missed here; if one were, Skip would keep to the grid without a burst.
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        // `tick` hands back the instant the tick was due.
        let deadline = ticks.tick().await;
        sleeps.push((deadline, Instant::now()));
    }
    sleeps
}

/// `sleep_until`: the k-th sleep ends at `start + k × period`, whenever the last one ended.
async fn deadline(start: Instant) -> Vec<Sleep> {
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let deadline = start + PERIOD * k;
        tokio::time::sleep_until(deadline).await;
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

#[tokio::main]
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
