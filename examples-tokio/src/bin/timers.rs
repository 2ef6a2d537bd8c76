//! # timers: a loop of sleeps drifts, a loop of deadlines does not (tokio)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time. tokio's timer counts whole milliseconds and rounds every
//! deadline up to the next one, and the task then has to be woken and polled, so each
//! `sleep(period)` ends up to about a millisecond late (tokio#6866). A loop of sleeps starts
//! each one where the last one ended, so the lateness adds up: after N sleeps the loop is N
//! times late (repeat_message's sequential mode, 30 sleeps, ends tens of milliseconds late).
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`: each wake-up is still
//! a little late, but the next deadline does not move, so the error never accumulates. One mode
//! per form, ten sleeps of 0.5 s each:
//!
//! - `naive`: `tokio::time::sleep(period)` in a loop: drifts.
//! - `interval`: `tokio::time::interval_at(start + period, period)`, whose ticks are on the
//!   grid. Its `MissedTickBehavior` says what to do when a tick is missed (the loop's body
//!   took longer than a period): `Burst` (the default) fires the missed ticks at once to
//!   catch up, `Skip` waits for the next tick on the grid, and `Delay` restarts the grid
//!   from the late tick, which drifts like the naive loop. This loop misses none; it asks
//!   for `Skip`.
//! - `deadline`: `tokio::time::sleep_until(start + k × period)`.
//!
//! Each tick prints a line; at the end, two timing lines: the drift (how far after
//! `start + 10 × period` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended). `cargo xtask compare --program timers` shows the
//! drift of every form on every runtime.
//!
//! ```text
//! cargo run -p examples-tokio --bin timers                     # naive: 5 s and a bit
//! cargo run -p examples-tokio --bin timers -- --mode deadline  # 5 s
//! cargo run -p examples-tokio --bin timers -- --mode interval --scale 0.1
//! ```
//!
//! The standalone twin is `examples/timers.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;

use shared::catalogue::timers::{PERIOD_SECS, SLEEPS, header};
use shared::mistakes::Lateness;
use shared::{Mode, NoOpts, Program, Run};
use tokio::time::{Instant, MissedTickBehavior};

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let period = run.secs(PERIOD_SECS);
    run.out.println(header(run.mode));
    let start = Instant::now();
    let mut lateness = Lateness::new(start.into_std(), period, SLEEPS);
    // `interval_at`: the first tick one period after the start, then one every period.
    let mut ticks = tokio::time::interval_at(start + period, period);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut last_end = start;
    for k in 1..=SLEEPS {
        let due = match run.mode {
            Mode::Interval => ticks.tick().await,
            Mode::Deadline => {
                let due = start + period * k;
                tokio::time::sleep_until(due).await;
                due
            }
            _ => {
                // Each sleep starts where the last one ended.
                tokio::time::sleep(period).await;
                last_end + period
            }
        };
        let ended = Instant::now();
        lateness.slept(due.into_std(), ended.into_std());
        last_end = ended;
        run.out.println(format!("tick {k}"));
    }
    lateness.report(&run.out);
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::Timers, run)
}
