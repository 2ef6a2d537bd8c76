//! # repeat_message: three messages, three intervals, without async (seed 000)
//!
//! `blocking_repeat_message(message, interval)` prints its message, sleeps, and prints it
//! again, ten sleeps in all. The seed's "old-school" version calls it for `xXxX…` every
//! 0.5 s, `I LOVE` every 1 s and `EXPLOSIONS!` every 1.5 s, one after another:
//! 5 + 10 + 15 = 30 s, because `time.sleep` blocks the only thread there is.
//!
//! - `--mode sequential` (default): the seed's version, 30 s.
//! - `--mode threads`: one OS thread per message in a [`std::thread::scope`]: the three
//!   sleep at the same time and the run takes as long as the slowest, 15 s, like the async
//!   versions. At 1.5 s, 3 s, 4.5 s, … two or three threads print at the same instant:
//!   which comes first is a tie, and any order is right.
//! - `--mode deadline`: the threads, each sleeping until its next deadline on the grid
//!   `start + k × interval` (for what is left, `deadline - now`) instead of for `interval`
//!   from wherever the last sleep ended, so the wake-up latencies do not add up (see `timers`).
//!
//! ```text
//! cargo run -p examples-sync --bin repeat_message                       # sequential: 30 s
//! cargo run -p examples-sync --bin repeat_message -- --mode threads     # 15 s
//! cargo run -p examples-sync --bin repeat_message -- --scale 0.1        # 3 s
//! cargo run -p examples-sync --bin repeat_message -- --mode deadline    # 15 s, no drift
//! ```
//! The standalone twin is `examples/repeat_message.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use shared::catalogue::repeat_message::{MAX_ITERS, MESSAGES};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `blocking_repeat_message()`: print, sleep, print again, `MAX_ITERS` sleeps.
/// With a `grid` start, each sleep ends on `start + k × interval` (`--mode deadline`).
fn blocking_repeat_message(out: &Out, message: &str, interval: Duration, grid: Option<Instant>) {
    for iters in 0..=MAX_ITERS {
        out.println(message);
        if iters == MAX_ITERS {
            break;
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        match grid {
            // What is left until the next deadline on the grid, however late this wake-up was.
            Some(start) => {
                let deadline = start + interval * (iters as u32 + 1);
                thread::sleep(deadline.saturating_duration_since(Instant::now()));
            }
            // For `interval` from now: each sleep's lateness adds to the next one's start.
            None => thread::sleep(interval),
        }
    }
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    match run.mode {
        Mode::Sequential => {
            // Each call returns before the next one starts.
            for (message, interval) in MESSAGES {
                let out = run.out.task(message);
                blocking_repeat_message(&out, message, run.secs(interval), None);
            }
        }
        _ => {
            // One thread per message; the scope joins every thread before it returns. In
            // `--mode deadline` they share one grid, from this instant.
            let grid = (run.mode == Mode::Deadline).then(Instant::now);
            thread::scope(|scope| {
                for (message, interval) in MESSAGES {
                    let out = run.out.task(message);
                    let interval = run.secs(interval);
                    scope.spawn(run.out.traced_blocking(&message, move || {
                        blocking_repeat_message(&out, message, interval, grid)
                    }));
                }
            });
        }
    }
    let secs = run.out.elapsed().as_secs_f64();
    run.out
        .timing(format!("Execution time in seconds: {secs:?}"));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::RepeatMessage, run)
}
