//! # timers: a loop of sleeps drifts, a loop of deadlines does not (the handmade runtime)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: the runtime's timer heap keeps exact deadlines, but the
//! OS has to wake the loop's thread from its sleep in the poller and the loop has to poll the
//! task, so each `runtime::sleep(period)` ends a little late (tens of microseconds on an idle
//! machine, more on a busy one). A loop of sleeps starts each one where the last one ended, so
//! the lateness adds up: after N sleeps the loop is N times late. With exact timers the sum
//! stays small (tokio rounds each deadline up to a millisecond, which adds up to far more),
//! but it grows without bound on a long run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates. One mode
//! per form, ten sleeps of 0.5 s each:
//!
//! - `naive`: `runtime::sleep(period)` in a loop: drifts.
//! - `interval`: `runtime::interval_at(start + period, period)`, whose ticks are on the
//!   grid (each next deadline is the last deadline plus the period, not "now" plus the period;
//!   after a stall the missed ticks fire at once, like tokio's `Burst`).
//! - `deadline`: `runtime::sleep_until(start + k × period)`.
//!
//! Each tick prints a line; at the end, two timing lines: the drift (how far after
//! `start + 10 × period` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-handmade --bin timers                     # naive
//! cargo run -p examples-handmade --bin timers -- --mode deadline
//! cargo run -p examples-handmade --bin timers -- --mode interval --scale 0.1
//! ```
//!

use std::process::ExitCode;
use std::time::Instant;

use examples_handmade::runtime;
use shared::catalogue::timers::{PERIOD_SECS, SLEEPS, header};
use shared::mistakes::Lateness;
use shared::{Mode, NoOpts, Program, Run};

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let period = run.secs(PERIOD_SECS);
    run.out.println(header(run.mode));
    let start = Instant::now();
    let mut lateness = Lateness::new(start, period, SLEEPS);
    // `interval_at`: the first tick one period after the start, then one every period.
    let mut ticks = runtime::interval_at(start + period, period);
    let mut last_end = start;
    for k in 1..=SLEEPS {
        let due = match run.mode {
            // Each tick yields the instant it was due.
            Mode::Interval => ticks.tick().await,
            Mode::Deadline => {
                let due = start + period * k;
                runtime::sleep_until(due).await;
                due
            }
            _ => {
                // Each sleep starts where the last one ended.
                runtime::sleep(period).await;
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
    examples_handmade::main(Program::Timers, run)
}
