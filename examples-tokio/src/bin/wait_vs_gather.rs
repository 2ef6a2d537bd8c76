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
//! 2. first completed: spawn them again into a `JoinSet`, whose `join_next()` returns the
//!    first task to finish, however many there are. `fast` wins. Then cancel the rest:
//!    `abort_all()`, then `join_next_with_id()` until the set is empty, which says of each
//!    task whether it was cancelled (`JoinError::is_cancelled`) or had already finished (that
//!    is what `JoinSet::shutdown()` does, without the answers; dropping the set aborts its
//!    tasks too). A task that panicked is neither: the error goes up. A task is cancelled at
//!    the `.await` it is parked on: its remaining work never runs, so waiting as long as the
//!    slowest job shows no `finished` line from them.
//! 3. a timeout: `tokio::time::timeout(1 s, job)` on the slow job. When the time runs out
//!    the job's future is dropped, which is how Rust cancels a future that is not a task.
//!
//! The other runtimes: async-std races with `FutureExt::race`, cancels with
//! `JoinHandle::cancel().await` and times out with `async_std::future::timeout`; smol races
//! with `future::race`, cancels with `Task::cancel().await` (or by dropping the `Task`) and
//! times out by racing a `Timer`.
//!
//! ```text
//! cargo run -p examples-tokio --bin wait_vs_gather                              # 4.5 s
//! cargo run -p examples-tokio --bin wait_vs_gather -- --flavor current-thread
//! ```
//! The standalone twin is `examples/wait_vs_gather.rs`: the same program in one file, ready to copy.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Duration;

use tokio::task::JoinSet;

use shared::catalogue::wait_vs_gather::{JOBS, TIMEOUT_SECS, slowest};
use shared::expect::concepts::{
    FIRST_COMPLETED_HEADER, GATHER_HEADER, TIMEOUT_HEADER, WAITING_LINE,
};
use shared::{NoOpts, Out, Program, Run};

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job(out: Out, name: &'static str, how_long: Duration) -> &'static str {
    out.println(format!("{name} started"));
    // A cancelled job stops here: the line after this never runs.
    tokio::time::sleep(how_long).await;
    out.println(format!("{name} finished"));
    name
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let out = &run.out;
    let spawn_jobs = || {
        JOBS.map(|(name, secs)| {
            let handle = tokio::spawn(out.traced(name, job(out.task(name), name, run.secs(secs))));
            (name, handle)
        })
    };

    // gather: spawn every job, then await the handles in the order asked.
    out.println(GATHER_HEADER);
    let mut gathered = Vec::new();
    for (_, handle) in spawn_jobs() {
        gathered.push(handle.await?);
    }
    out.println(format!(
        "gathered [{}]: the order asked, not the order finished",
        gathered.join(", ")
    ));

    // wait(FIRST_COMPLETED): a JoinSet; join_next() hands back the first task to finish.
    out.println(FIRST_COMPLETED_HEADER);
    let mut set = JoinSet::new();
    let mut names = HashMap::new();
    for (name, secs) in JOBS {
        let task = set.spawn(job(out.task(name), name, run.secs(secs)));
        names.insert(task.id(), name);
    }
    let first = set.join_next().await.expect("three tasks in the set")?;
    out.println(format!("first completed: {first}"));

    // Cancel the rest: abort them all, then join each to learn what became of it (what
    // `JoinSet::shutdown()` does, keeping the answers). A panic is an error, not an answer.
    set.abort_all();
    while let Some(joined) = set.join_next_with_id().await {
        let (name, fate) = match joined {
            Ok((id, _)) => (names[&id], "it had finished already"),
            Err(error) if error.is_cancelled() => {
                (names[&error.id()], "cancelled before it finished")
            }
            Err(error) => return Err(error.into()),
        };
        out.println(format!("{name}: {fate}"));
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    out.println(WAITING_LINE);
    tokio::time::sleep(run.secs(slowest().1)).await;

    // wait_for: a timeout on the slow job; when it fires, the job's future is dropped.
    out.println(TIMEOUT_HEADER);
    let (name, secs) = slowest();
    let slow = job(out.task(name), name, run.secs(secs));
    match tokio::time::timeout(run.secs(TIMEOUT_SECS), slow).await {
        Ok(name) => out.println(format!("{name} finished within the timeout")),
        Err(_elapsed) => out.println(format!("timed out: {name} was dropped before it finished")),
    }

    out.timing(format!(
        "executed in {:.2} seconds.",
        out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::WaitVsGather, run)
}
