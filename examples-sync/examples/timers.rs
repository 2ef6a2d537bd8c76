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
//! The example runs each form for ten sleeps of 100 ms and prints the drift (how far after
//! `start + 10 × 100 ms` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-sync --example timers            # both forms: naive, deadline
//! cargo run -p examples-sync --example timers -- naive   # one of them
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured version, with `--scale`, `--trace` and the catalogue's checks, is
//! `src/bin/timers.rs`.

use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

/// How many sleeps each form makes, and how long each one is.
const SLEEPS: u32 = 10;
const PERIOD: Duration = Duration::from_millis(100);

/// The forms, in the order they run.
const FORMS: [&str; 2] = ["naive", "deadline"];

/// One sleep: the deadline it was given, and when it really ended.
type Sleep = (Instant, Instant);

/// The naive loop: each sleep starts where the last one ended.
fn naive(_start: Instant) -> Vec<Sleep> {
    let mut sleeps = Vec::new();
    for _ in 0..SLEEPS {
        let deadline = Instant::now() + PERIOD;
        thread::sleep(PERIOD);
        sleeps.push((deadline, Instant::now()));
    }
    sleeps
}

/// Absolute deadlines: the k-th sleep ends at `start + k × period`, whenever the last one
/// ended.
fn deadline(start: Instant) -> Vec<Sleep> {
    let mut sleeps = Vec::new();
    for k in 1..=SLEEPS {
        let deadline = start + PERIOD * k;
        thread::sleep(deadline.saturating_duration_since(Instant::now()));
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

fn main() -> ExitCode {
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
        let start = Instant::now();
        let sleeps = match form {
            "naive" => naive(start),
            _ => deadline(start),
        };
        report(form, start, &sleeps);
    }
    ExitCode::SUCCESS
}
