//! # timers: a loop of sleeps drifts, a loop of deadlines does not (std)
//!
//! Seed 000's `repeat_message` prints, sleeps `interval`, and prints again: a loop of sleeps.
//! No sleep ends exactly on time: `std::thread::sleep` asks the OS for at least that long, and
//! the thread wakes when the kernel's timer fires and the scheduler runs it again, some tens of
//! microseconds later on Linux (more on a busy machine). A loop of sleeps starts each one where
//! the last one ended, so the lateness adds up: after N sleeps the loop is N times late,
//! without bound on a long run.
//!
//! The cure is to sleep until absolute deadlines, `start + k × period`. One mode per form, ten
//! sleeps of 0.5 s each:
//!
//! - `naive`: `thread::sleep(period)` in a loop: drifts.
//! - `deadline`: std has no `sleep_until`, so each turn sleeps for what is left,
//!   `deadline - now` (zero once it has passed). Each wake-up is still a little late, but the
//!   next deadline does not move, so the error never accumulates. That loop is what an
//!   interval timer is: the async runtimes' `interval`s keep the deadlines for you.
//!
//! Each tick prints a line; at the end, two timing lines: the drift (how far after
//! `start + 10 × period` the last sleep ended) and the mean lateness of one sleep (how far
//! after its own deadline each one ended).
//!
//! ```text
//! cargo run -p examples-sync --bin timers                     # naive
//! cargo run -p examples-sync --bin timers -- --mode deadline --scale 0.1
//! ```
//!
//! The standalone twin is `examples/timers.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::thread;
use std::time::Instant;

use shared::catalogue::timers::{PERIOD_SECS, SLEEPS, header};
use shared::mistakes::Lateness;
use shared::{Mode, NoOpts, Program, Run};

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let period = run.secs(PERIOD_SECS);
    run.out.println(header(run.mode));
    let start = Instant::now();
    let mut lateness = Lateness::new(start, period, SLEEPS);
    let mut last_end = start;
    for k in 1..=SLEEPS {
        let due = match run.mode {
            Mode::Deadline => {
                let due = start + period * k;
                thread::sleep(due.saturating_duration_since(Instant::now()));
                due
            }
            _ => {
                // Each sleep starts where the last one ended.
                thread::sleep(period);
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
    examples_sync::main(Program::Timers, run)
}
