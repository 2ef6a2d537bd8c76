//! # timers: a loop of sleeps drifts, a loop of deadlines does not (async-std)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: async-std's `task::sleep` is an async-io timer, which keeps
//! an exact deadline, but the reactor has to notice it and wake the task, and the task has to
//! be polled, so each sleep ends a little late (tens of microseconds on an idle machine, more
//! on a busy one). A loop of sleeps starts each one where the last one ended, so the lateness
//! adds up: after N sleeps the loop is N times late. With exact timers the sum stays small
//! (tokio rounds each deadline up to a millisecond, which adds up to far more), but it grows
//! without bound on a long run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates. One mode
//! per form, ten sleeps of 0.5 s each:
//!
//! - `naive`: `task::sleep(period)` in a loop: drifts.
//! - `interval`: `async_std::stream::interval(period)` (an unstable API) is no cure: each tick
//!   re-arms its timer for a period from the moment it fired, so it drifts like the naive
//!   loop, as this mode shows. Its lateness is measured against the grid it does not keep.
//! - `deadline`: async-std has no `sleep_until`; sleeping for what is left until the deadline,
//!   `deadline - now` (zero once it has passed), says the same thing.
//!
//! Each tick prints a line; at the end, two timing lines: the drift (how far after
//! `start + 10 × period` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-async-std --bin timers                     # naive
//! cargo run -p examples-async-std --bin timers -- --mode deadline
//! cargo run -p examples-async-std --bin timers -- --mode interval --scale 0.1
//! ```
//!
//! The standalone twin is `examples/timers.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Instant;

use async_std::prelude::*;
use async_std::task;
use shared::catalogue::timers::{PERIOD_SECS, SLEEPS, header};
use shared::mistakes::Lateness;
use shared::{Mode, NoOpts, Program, Run};

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let period = run.secs(PERIOD_SECS);
    run.out.println(header(run.mode));
    let start = Instant::now();
    let mut lateness = Lateness::new(start, period, SLEEPS);
    // A tick one period after each tick fires (made here, so its first period starts now).
    let mut ticks = async_std::stream::interval(period);
    let mut last_end = start;
    for k in 1..=SLEEPS {
        let due = match run.mode {
            Mode::Interval => {
                ticks.next().await;
                // Measured against the grid it would keep if it did not drift.
                start + period * k
            }
            Mode::Deadline => {
                let due = start + period * k;
                task::sleep(due.saturating_duration_since(Instant::now())).await;
                due
            }
            _ => {
                // Each sleep starts where the last one ended.
                task::sleep(period).await;
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
    examples_async_std::main(Program::Timers, run)
}
