//! # wait_vs_gather: join all, first completed, a timeout, cancel the rest (seed 002)
//!
//! The seeds join their tasks two ways: `asyncio.gather(...)` waits for every task and
//! returns their results in the order it was given them; `asyncio.wait(...)` (seed 002)
//! returns the sets of done and pending tasks, and with `return_when=FIRST_COMPLETED` comes
//! back as soon as one is done, leaving the others running until you cancel them.
//! `asyncio.wait_for` puts a timeout on one awaitable and cancels it when time runs out.
//!
//! Three jobs, `slow` (1.5 s), `fast` (0.5 s) and `medium` (1 s), each print `started`,
//! sleep, and print `finished`:
//!
//! 1. gather: spawn the three, await the `JoinHandle`s in order. They finish fast, medium,
//!    slow; the results come back slow, fast, medium, the order asked.
//! 2. first completed: spawn them again and race the three handles (`futures::future::select_all`,
//!    by `&mut`, so the losers are not dropped: a dropped handle would only detach its task
//!    here). `fast` wins. Then cancel the rest with `JoinHandle::cancel()`, which drops the
//!    task's future at once and returns `Some(result)` if it had already finished. A task is
//!    cancelled at the `.await` it is parked on: its remaining work never runs, so waiting as
//!    long as the slowest job shows no `finished` line from them.
//! 3. a timeout: the runtime has no timeout function; racing the job against a sleep
//!    (`futures::future::select`) is one. When the sleep wins, the job's future is dropped,
//!    which is how Rust cancels a future that is not a task.
//!
//! The other runtimes: tokio races with `tokio::select!`, cancels with
//! `JoinHandle::abort()` and times out with `tokio::time::timeout`; smol races with
//! `future::or` and cancels with `Task::cancel().await`.
//!
//! ```text
//! cargo run -p examples-handmade --bin wait_vs_gather    # 4.5 s
//! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use futures::future::{self, Either};
use shared::catalogue::wait_vs_gather::{JOBS, TIMEOUT_SECS, slowest};
use shared::expect::concepts::{
    FIRST_COMPLETED_HEADER, GATHER_HEADER, TIMEOUT_HEADER, WAITING_LINE,
};
use shared::{NoOpts, Out, Program, Run};

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job(out: Out, name: &'static str, how_long: Duration) -> &'static str {
    out.println(format!("{name} started"));
    // A cancelled job stops here: the line after this never runs.
    runtime::sleep(how_long).await;
    out.println(format!("{name} finished"));
    name
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let out = &run.out;
    let spawn_jobs = || {
        JOBS.map(|(name, secs)| {
            let task = runtime::spawn(out.traced(name, job(out.task(name), name, run.secs(secs))));
            (name, task)
        })
    };

    // gather: spawn every job, then await the tasks in the order asked.
    out.println(GATHER_HEADER);
    let mut gathered = Vec::new();
    for (_, task) in spawn_jobs() {
        gathered.push(task.await);
    }
    out.println(format!(
        "gathered [{}]: the order asked, not the order finished",
        gathered.join(", ")
    ));

    // wait(FIRST_COMPLETED): race the tasks by &mut; the losers keep running.
    out.println(FIRST_COMPLETED_HEADER);
    let [mut a, mut b, mut c] = spawn_jobs();
    let (first, _, _) = future::select_all([&mut a.1, &mut b.1, &mut c.1]).await;
    out.println(format!("first completed: {first}"));

    // Cancel the rest: cancel() each one, which says what became of it.
    for (name, task) in [a, b, c] {
        if name == first {
            continue;
        }
        let fate = match task.cancel() {
            Some(_) => "it had finished already",
            None => "cancelled before it finished",
        };
        out.println(format!("{name}: {fate}"));
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    out.println(WAITING_LINE);
    runtime::sleep(run.secs(slowest().1)).await;

    // wait_for: race the slow job against a timer; if the timer wins, the job is dropped.
    out.println(TIMEOUT_HEADER);
    let (name, secs) = slowest();
    let slow = job(out.task(name), name, run.secs(secs));
    let timer = runtime::sleep(run.secs(TIMEOUT_SECS));
    match future::select(Box::pin(slow), timer).await {
        Either::Left((name, _)) => out.println(format!("{name} finished within the timeout")),
        Either::Right(_) => {
            out.println(format!("timed out: {name} was dropped before it finished"))
        }
    }

    out.timing(format!(
        "executed in {:.2} seconds.",
        out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::WaitVsGather, run)
}
