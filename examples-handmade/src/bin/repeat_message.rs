//! # repeat_message: three messages, three intervals (seed 000)
//!
//! `repeat_message(message, interval)` prints its message, sleeps, and prints it again, ten
//! sleeps in all, then returns `"Complete."`. The seed runs three of them: `xXxX…` every
//! 0.5 s, `I LOVE` every 1 s, `EXPLOSIONS!` every 1.5 s. One after another they take
//! 5 + 10 + 15 = 30 s; as three tasks on one event loop they sleep at the same time and take
//! as long as the slowest, 15 s. At 1.5 s, 3 s, 4.5 s, … two or three messages are due at
//! the same instant: which prints first is a tie, and any order is right.
//!
//! `runtime::spawn` starts each repeater as a task (the seed's `create_task`) on the handmade
//! runtime's loop, on this thread; awaiting the handles joins the tasks (the seed's `gather`)
//! and hands back what each returned. Its sleeps (`runtime::sleep`) are deadlines in the
//! runtime's timer heap: each ends as soon as its deadline passes, late only by the time the
//! OS takes to wake the thread (tokio's round up to the next millisecond, about 1 ms late each).
//!
//! `--mode deadline` is the same three tasks with the drift taken out: each sleeps until its
//! next deadline on the grid `start + k × interval` (`runtime::sleep_until`) instead of for
//! `interval` from wherever the last sleep ended, so the wake-up latencies do not add up
//! (see `timers`).
//!
//! ```text
//! cargo run -p examples-handmade --bin repeat_message                        # concurrent: 15 s
//! cargo run -p examples-handmade --bin repeat_message -- --mode sequential   # 30 s
//! cargo run -p examples-handmade --bin repeat_message -- --scale 0.1         # 1.5 s
//! cargo run -p examples-handmade --bin repeat_message -- --mode deadline     # 15 s, no drift
//! ```

use std::process::ExitCode;
use std::time::Duration;
use std::time::Instant;

use examples_handmade::runtime;
use shared::catalogue::repeat_message::{COMPLETE, MAX_ITERS, MESSAGES};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `repeat_message()`: print, sleep, print again, `MAX_ITERS` sleeps in all.
/// With a `grid` start, each sleep ends on `start + k × interval` (`--mode deadline`).
async fn repeat_message(
    out: Out,
    message: &'static str,
    interval: Duration,
    grid: Option<Instant>,
) -> &'static str {
    for iters in 0..=MAX_ITERS {
        out.println(message);
        if iters == MAX_ITERS {
            break;
        }
        // While this task sleeps, the scheduler runs the others.
        match grid {
            // Until the next deadline on the grid, however late this wake-up was.
            Some(start) => {
                runtime::sleep_until(start + interval * (iters as u32 + 1)).await;
            }
            // For `interval` from now: each sleep's lateness adds to the next one's start.
            None => {
                runtime::sleep(interval).await;
            }
        }
    }
    COMPLETE
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let mut results = Vec::new();
    match run.mode {
        Mode::Sequential => {
            // Each repeater is awaited before the next one starts.
            for (message, interval) in MESSAGES {
                let out = run.out.task(message);
                results.push(repeat_message(out, message, run.secs(interval), None).await);
            }
        }
        _ => {
            // Spawn the three repeaters as tasks, then join them all; in `--mode deadline`
            // they share one grid, from this instant.
            let grid = (run.mode == Mode::Deadline).then(Instant::now);
            let handles: Vec<_> = MESSAGES
                .into_iter()
                .map(|(message, interval)| {
                    let out = run.out.task(message);
                    runtime::spawn(run.out.traced(
                        message,
                        repeat_message(out, message, run.secs(interval), grid),
                    ))
                })
                .collect();
            for handle in handles {
                results.push(handle.await);
            }
        }
    }
    anyhow::ensure!(
        results.iter().all(|r| *r == COMPLETE),
        "a repeater did not complete: {results:?}"
    );
    let secs = run.out.elapsed().as_secs_f64();
    run.out
        .timing(format!("Execution time in seconds: {secs:?}"));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::RepeatMessage, run)
}
