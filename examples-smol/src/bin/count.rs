//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s. Spawned as tasks and then joined (the seed's `asyncio.gather`), they sleep
//! at the same time and take 1 s: `One One One Two Two Two`.
//!
//! `smol::spawn` hands each call to smol's global executor, which runs it on a background
//! thread (one by default; `SMOL_THREADS` sets how many). It returns a `Task`, which is
//! awaited to join the task. Beware: a dropped `Task` *cancels* the task (tokio's and
//! async-std's handles detach instead), so the tasks are kept in a `Vec` until joined; to let
//! one run on its own, call `.detach()`. Its timers are async-io's: a sleep
//! (`smol::Timer::after`) ends when its deadline passes, with no rounding to the millisecond.
//!
//! ```text
//! cargo run -p examples-smol --bin count                          # concurrent: 1 s
//! cargo run -p examples-smol --bin count -- --mode sequential     # 3 s
//! cargo run -p examples-smol --bin count -- --tasks 100000        # a summary line instead
//! SMOL_THREADS=2 cargo run -p examples-smol --bin count
//! ```
//! The standalone twin is `examples/count.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::{CountOpts, Mode, Out, Program, Run};

/// The seed's `count()`.
async fn count(out: Out, one_second: Duration) {
    out.println("One");
    // While this task sleeps, the scheduler runs the others.
    smol::Timer::after(one_second).await;
    out.println("Two");
}

pub async fn run(run: Run<CountOpts>) -> anyhow::Result<()> {
    let one_second = run.secs(shared::catalogue::count::SLEEP_SECS);
    // Over 100 tasks, the tasks stay quiet and a summary is printed instead.
    let task_out = if run.opts.prints_each_task() {
        run.out.clone()
    } else {
        run.out.muted()
    };
    let mut done = 0;
    match run.mode {
        Mode::Sequential => {
            // Each call is awaited before the next one starts.
            for _ in 0..run.opts.tasks {
                count(task_out.clone(), one_second).await;
                done += 1;
            }
        }
        _ => {
            // Spawn every call as a task, then join them all (dropping a Task would cancel it).
            let handles: Vec<_> = (0..run.opts.tasks)
                .map(|i| {
                    let task = count(task_out.clone(), one_second);
                    // Traced (each poll recorded) only when polls are: with a trace, up to 100
                    // tasks. Otherwise spawned bare, so a task costs what the bare loop's does.
                    if task_out.polls_recorded() {
                        smol::spawn(task_out.traced(format_args!("count() #{}", i + 1), task))
                    } else {
                        smol::spawn(task)
                    }
                })
                .collect();
            for handle in handles {
                handle.await;
                done += 1;
            }
        }
    }
    if !run.opts.prints_each_task() {
        run.out
            .println(format!("{done} count() tasks printed One and Two"));
    }
    run.out.timing(format!(
        "executed in {:.2} seconds.",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::Count, run)
}
