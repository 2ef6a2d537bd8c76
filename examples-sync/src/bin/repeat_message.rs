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
//!
//! ```text
//! cargo run -p examples-sync --bin repeat_message                       # sequential: 30 s
//! cargo run -p examples-sync --bin repeat_message -- --mode threads     # 15 s
//! cargo run -p examples-sync --bin repeat_message -- --scale 0.1        # 3 s
//! ```
//! The standalone twin is `examples/repeat_message.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use shared::catalogue::repeat_message::{MAX_ITERS, MESSAGES};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `blocking_repeat_message()`: print, sleep, print again, `MAX_ITERS` sleeps.
fn blocking_repeat_message(out: &Out, message: &str, interval: Duration) {
    for iters in 0..=MAX_ITERS {
        out.println(message);
        if iters == MAX_ITERS {
            break;
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        thread::sleep(interval);
    }
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    match run.mode {
        Mode::Sequential => {
            // Each call returns before the next one starts.
            for (message, interval) in MESSAGES {
                let out = run.out.task(message);
                blocking_repeat_message(&out, message, run.secs(interval));
            }
        }
        _ => {
            // One thread per message; the scope joins every thread before it returns.
            thread::scope(|scope| {
                for (message, interval) in MESSAGES {
                    let out = run.out.task(message);
                    let interval = run.secs(interval);
                    scope.spawn(move || blocking_repeat_message(&out, message, interval));
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
