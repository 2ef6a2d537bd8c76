//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s. Spawned as tasks and then joined (the seed's `asyncio.gather`), they sleep
//! at the same time and take 1 s: `One One One Two Two Two`.
//!
//! `async_std::task::spawn` hands each call to async-std's global executor, a pool of
//! threads (as many as cores, or `ASYNC_STD_THREAD_COUNT`), which starts it at once; the
//! handle it returns is awaited to join the task and gives the task's output directly (a
//! panic in the task is re-raised here). Dropping a handle would detach the task, as
//! tokio's does. Its timers are async-io's, as smol's: a sleep ends when its deadline
//! passes, with no rounding to the millisecond. (async-std is discontinued upstream; its
//! authors point to smol.)
//!
//! ```text
//! cargo run -p examples-async-std --bin count                         # concurrent: 1 s
//! cargo run -p examples-async-std --bin count -- --mode sequential    # 3 s
//! cargo run -p examples-async-std --bin count -- --tasks 100000       # a summary line instead
//! ```
//! The standalone twin is `examples/count.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::{CountOpts, Mode, Out, Program, Run};

/// The seed's `count()`.
async fn count(out: Out, one_second: Duration) {
    out.println("One");
    // While this task sleeps, the scheduler runs the others.
    async_std::task::sleep(one_second).await;
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
            // Spawn every call as a task, then join them all.
            let handles: Vec<_> = (0..run.opts.tasks)
                .map(|i| {
                    let task = count(task_out.clone(), one_second);
                    // Traced (each poll recorded) only when polls are: with a trace, up to 100
                    // tasks. Otherwise spawned bare, so a task costs what the bare loop's does.
                    if task_out.polls_recorded() {
                        async_std::task::spawn(
                            task_out.traced(format_args!("count() #{}", i + 1), task),
                        )
                    } else {
                        async_std::task::spawn(task)
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
    examples_async_std::main(Program::Count, run)
}
