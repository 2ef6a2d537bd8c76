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
//! a little late, but the next deadline does not move, so the error never accumulates. One
//! mode per form, ten sleeps of 0.5 s each:
//!
//! - `naive`: `tokio::time::sleep(period)` in a loop: drifts.
//! - `interval`: `tokio::time::interval_at(start + period, period)`, whose ticks are on the
//!   grid. Its `MissedTickBehavior` says what to do when a tick is missed (the loop's body
//!   took longer than a period): `Burst` (the default) fires the missed ticks at once to catch
//!   up, `Skip` waits for the next tick on the grid, and `Delay` restarts the grid from the
//!   late tick, which drifts like the naive loop. This loop misses none; it asks for `Skip`.
//! - `deadline`: `tokio::time::sleep_until(start + k × period)`.
//!
//! Each sleep prints a tick; at the end, the drift (how far after `start + 10 × period` the
//! last sleep ended) and the mean lateness of one sleep (how far after its own deadline each
//! one ended).
//!
//! ```text
//! cargo run -p examples-tokio --example timers               # naive: 5 s and a bit
//! cargo run -p examples-tokio --example timers -- interval
//! cargo run -p examples-tokio --example timers -- deadline   # 5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt-multi-thread", "macros", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/timers.rs`.

use std::process::ExitCode;
use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior};

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

/// `sleep(period)` in a loop: each sleep starts where the last one ended.
async fn naive(_start: Instant) -> Sleeps {
    println!("naive: sleep for the period, 10 times, each sleep from the end of the last");
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        let due = Instant::now() + PERIOD;
        tokio::time::sleep(PERIOD).await;
        tick(&mut sleeps, due);
    }
    sleeps
}

/// `interval_at`: the first tick one period after the start, then one every period.
async fn interval(start: Instant) -> Sleeps {
    println!("interval: the runtime's interval timer, 10 ticks of the period");
    let mut ticks = tokio::time::interval_at(start + PERIOD, PERIOD);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        // `tick` hands back the instant the tick was due.
        let due = ticks.tick().await;
        tick(&mut sleeps, due);
    }
    sleeps
}

/// `sleep_until`: the k-th sleep ends at `start + k × period`, whenever the last one ended.
async fn deadline(start: Instant) -> Sleeps {
    println!("deadline: sleep until start + k × period, for k = 1 to 10");
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let due = start + PERIOD * k;
        tokio::time::sleep_until(due).await;
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

#[tokio::main]
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
