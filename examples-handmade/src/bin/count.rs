//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s. Spawned as tasks and then joined (the seed's `asyncio.gather`), they sleep
//! at the same time and take 1 s: `One One One Two Two Two`.
//!
//! On the handmade runtime (`src/runtime/`): `runtime::spawn` boxes each call as a task and
//! puts it at the end of the loop's run queue; the loop runs the three in turn, each prints
//! `One` and registers its deadline in the timer heap; with nothing left to run, the loop sleeps
//! until the earliest deadline, wakes the three tasks, and runs them again. A dropped
//! `JoinHandle` detaches its task (as in tokio); here the handles are kept and joined.
//!
//! ```text
//! cargo run -p examples-handmade --bin count                          # concurrent: 1 s
//! cargo run -p examples-handmade --bin count -- --mode sequential     # 3 s
//! cargo run -p examples-handmade --bin count -- --tasks 100000        # a summary line instead
//! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use shared::{CountOpts, Mode, Out, Program, Run};

/// The seed's `count()`.
async fn count(out: Out, one_second: Duration) {
    out.println("One");
    // While this task sleeps, the scheduler runs the others.
    runtime::sleep(one_second).await;
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
            // Spawn every call as a task (queued at once), then join them all.
            let handles: Vec<_> = (0..run.opts.tasks)
                .map(|i| {
                    let task = count(task_out.clone(), one_second);
                    // Traced (each poll recorded) only when polls are: with a trace, up to 100
                    // tasks. Otherwise spawned bare, so a task costs what the bare loop's does.
                    if task_out.polls_recorded() {
                        runtime::spawn(task_out.traced(format_args!("count() #{}", i + 1), task))
                    } else {
                        runtime::spawn(task)
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
    examples_handmade::main(Program::Count, run)
}
