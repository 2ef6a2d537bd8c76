//! # timers: a loop of sleeps drifts, a loop of deadlines does not (std)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: `std::thread::sleep` asks the OS for at least that long,
//! and the thread wakes when the kernel's timer fires and the scheduler runs it again, some
//! tens of microseconds later on Linux (more on a busy machine). A loop of sleeps starts each
//! one where the last one ended, so the lateness adds up: after N sleeps the loop is N times
//! late, without bound on a long run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: std has no
//! `sleep_until`, so each turn sleeps for what is left, `deadline - now` (zero if the deadline
//! has passed). Each wake-up is still a little late, but the next deadline does not move, so
//! the error never accumulates. That loop is also how an interval timer works: the async
//! runtimes' `interval`s are this, with the deadlines kept for you.
//!
//! Each sleep prints a tick; at the end, the drift (how far after `start + 10 × period` the
//! last sleep ended) and the mean lateness of one sleep (how far after its own deadline each
//! one ended).
//!
//! ```text
//! cargo run -p examples-sync --example timers               # naive: 5 s and a bit
//! cargo run -p examples-sync --example timers -- deadline   # 5 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/timers.rs`.

use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

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

/// `thread::sleep(period)` in a loop: each sleep starts where the last one ended.
fn naive(_start: Instant) -> Sleeps {
    println!("naive: sleep for the period, 10 times, each sleep from the end of the last");
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        let due = Instant::now() + PERIOD;
        thread::sleep(PERIOD);
        tick(&mut sleeps, due);
    }
    sleeps
}

/// Absolute deadlines: the k-th sleep ends at `start + k × period`, whenever the last one
/// ended (a deadline already past sleeps for zero).
fn deadline(start: Instant) -> Sleeps {
    println!("deadline: sleep until start + k × period, for k = 1 to 10");
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let due = start + PERIOD * k;
        thread::sleep(due.saturating_duration_since(Instant::now()));
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

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; naive is the default.
    let sleeps = match std::env::args().nth(1).as_deref().unwrap_or("naive") {
        "naive" => naive(start),
        "deadline" => deadline(start),
        other => {
            eprintln!("unknown mode {other:?}: the modes are naive, deadline");
            return ExitCode::from(2);
        }
    };
    report(start, &sleeps);
    ExitCode::SUCCESS
}
