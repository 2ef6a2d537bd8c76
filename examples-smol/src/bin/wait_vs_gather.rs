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
//! 1. gather: spawn the three, await the `Task`s in order. They finish fast, medium, slow;
//!    the results come back slow, fast, medium, the order asked.
//! 2. first completed: spawn them again and race the three tasks (`future::race`, by `&mut`,
//!    so the losers are not dropped). `fast` wins. Then cancel the rest: smol cancels a task
//!    with `Task::cancel().await`, which returns `None` if the task was cancelled and
//!    `Some(result)` if it had already finished (dropping the `Task` cancels it too, without
//!    waiting to learn which). A task is cancelled at the `.await` it is parked on: its
//!    remaining work never runs, so waiting as long as the slowest job shows no `finished`
//!    line from them.
//! 3. a timeout: smol has no timeout function; racing the job against a `Timer` is one.
//!    When the timer wins, the job's future is dropped, which is how Rust cancels a future
//!    that is not a task.
//!
//! The other runtimes: tokio races with `tokio::select!`, cancels with
//! `JoinHandle::abort()` and times out with `tokio::time::timeout`; async-std races with
//! `FutureExt::race`, cancels with `JoinHandle::cancel().await` and times out with
//! `async_std::future::timeout`.
//!
//! ```text
//! cargo run -p examples-smol --bin wait_vs_gather    # 4.5 s
//! ```
//! The standalone twin is `examples/wait_vs_gather.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::wait_vs_gather::{JOBS, TIMEOUT_SECS, slowest};
use shared::expect::concepts::{
    FIRST_COMPLETED_HEADER, GATHER_HEADER, TIMEOUT_HEADER, WAITING_LINE,
};
use shared::{NoOpts, Out, Program, Run};
use smol::{Timer, future};

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job(out: Out, name: &'static str, how_long: Duration) -> &'static str {
    out.println(format!("{name} started"));
    // A cancelled job stops here: the line after this never runs.
    Timer::after(how_long).await;
    out.println(format!("{name} finished"));
    name
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let out = &run.out;
    let spawn_jobs = || {
        JOBS.map(|(name, secs)| {
            let task = smol::spawn(out.traced(name, job(out.task(name), name, run.secs(secs))));
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

    // wait(FIRST_COMPLETED): race the tasks by &mut; the losers keep running. `race`, not
    // `or`: `or` polls its first future first, so of two tasks done at once it always picks
    // the first; `race` picks at random, as `asyncio.wait` promises no order either.
    out.println(FIRST_COMPLETED_HEADER);
    let [mut a, mut b, mut c] = spawn_jobs();
    let first = future::race(&mut a.1, future::race(&mut b.1, &mut c.1)).await;
    out.println(format!("first completed: {first}"));

    // Cancel the rest: cancel() each one, which says what became of it.
    for (name, task) in [a, b, c] {
        if name == first {
            continue;
        }
        let fate = match task.cancel().await {
            Some(_) => "it had finished already",
            None => "cancelled before it finished",
        };
        out.println(format!("{name}: {fate}"));
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    out.println(WAITING_LINE);
    Timer::after(run.secs(slowest().1)).await;

    // wait_for: race the slow job against a timer; if the timer wins, the job is dropped.
    out.println(TIMEOUT_HEADER);
    let (name, secs) = slowest();
    let slow = job(out.task(name), name, run.secs(secs));
    let timer = async {
        Timer::after(run.secs(TIMEOUT_SECS)).await;
        None
    };
    // `or` on purpose: the job first, so a job done when the timer fires still counts.
    match future::or(async { Some(slow.await) }, timer).await {
        Some(name) => out.println(format!("{name} finished within the timeout")),
        None => out.println(format!("timed out: {name} was dropped before it finished")),
    }

    out.timing(format!(
        "executed in {:.2} seconds.",
        out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::WaitVsGather, run)
}
