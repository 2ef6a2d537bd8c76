//! # timers: a loop of sleeps drifts, a loop of deadlines does not (smol)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: smol's timers (async-io's) keep exact deadlines, but the
//! reactor thread has to notice the deadline and wake the task, and the task has to be
//! polled, so each `Timer::after(period)` ends a little late (tens of microseconds on an idle
//! machine, more on a busy one). A loop of sleeps starts each one where the last one ended, so
//! the lateness adds up: after N sleeps the loop is N times late. With exact timers the sum
//! stays small (tokio rounds each deadline up to a millisecond, which adds up to far more),
//! but it grows without bound on a long run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates. One mode
//! per form, ten sleeps of 0.5 s each:
//!
//! - `naive`: `Timer::after(period)` in a loop: drifts.
//! - `interval`: `Timer::interval_at(start + period, period)`, a stream whose ticks are on the
//!   grid (each next deadline is the last deadline plus the period, not "now" plus the period;
//!   after a stall the missed ticks fire at once, like tokio's `Burst`).
//! - `deadline`: `Timer::at(start + k × period)`.
//!
//! Each tick prints a line; at the end, two timing lines: the drift (how far after
//! `start + 10 × period` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-smol --bin timers                     # naive
//! cargo run -p examples-smol --bin timers -- --mode deadline
//! cargo run -p examples-smol --bin timers -- --mode interval --scale 0.1
//! ```
//!
//! The standalone twin is `examples/timers.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Instant;

use shared::catalogue::timers::{PERIOD_SECS, SLEEPS, header};
use shared::mistakes::Lateness;
use shared::{Mode, NoOpts, Program, Run};
use smol::Timer;
use smol::stream::StreamExt;

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let period = run.secs(PERIOD_SECS);
    run.out.println(header(run.mode));
    let start = Instant::now();
    let mut lateness = Lateness::new(start, period, SLEEPS);
    // `interval_at`: the first tick one period after the start, then one every period.
    let mut ticks = Timer::interval_at(start + period, period);
    let mut last_end = start;
    for k in 1..=SLEEPS {
        let due = match run.mode {
            // Each tick yields the instant it was due.
            Mode::Interval => ticks.next().await.expect("an interval never ends"),
            Mode::Deadline => Timer::at(start + period * k).await,
            _ => {
                // Each sleep starts where the last one ended.
                Timer::after(period).await;
                last_end + period
            }
        };
        let ended = Instant::now();
        lateness.slept(due, ended);
        last_end = ended;
        run.out.println(format!("tick {k}"));
    }
    lateness.report(&run.out);
    Ok(())
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::Timers, run)
}
