//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s. Spawned as tasks and then joined (the seed's `asyncio.gather`), they sleep
//! at the same time and take 1 s: `One One One Two Two Two`.
//!
//! `tokio::spawn` hands each call to the scheduler, which starts it at once; the handle it
//! returns is awaited to join the task (dropping a `JoinHandle` would detach the task, which
//! keeps running; a dropped smol `Task` is cancelled instead). On the multi-threaded runtime
//! the tasks may run on several threads (as many as cores, or `TOKIO_WORKER_THREADS`);
//! `--flavor current-thread` runs them all on this one. tokio's timer counts in whole
//! milliseconds, so each sleep ends up to about 1 ms late.
//!
//! ```text
//! cargo run -p examples-tokio --bin count                         # concurrent: 1 s
//! cargo run -p examples-tokio --bin count -- --mode sequential    # 3 s
//! cargo run -p examples-tokio --bin count -- --tasks 100000       # a summary line instead
//! ```
//! The standalone twin is `examples/count.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::{CountOpts, Mode, Out, Program, Run};

/// The seed's `count()`.
async fn count(out: Out, one_second: Duration) {
    out.println("One");
    // While this task sleeps, the scheduler runs the others.
    tokio::time::sleep(one_second).await;
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
                        tokio::spawn(task_out.traced(format_args!("count() #{}", i + 1), task))
                    } else {
                        tokio::spawn(task)
                    }
                })
                .collect();
            for handle in handles {
                handle.await?;
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
    examples_tokio::main(Program::Count, run)
}
