//! # wait_vs_gather: join all, first completed, a timeout, cancel the rest (seed 002)
//!
//! `asyncio.gather` waits for every task and returns their results in the order asked;
//! `asyncio.wait(FIRST_COMPLETED)` comes back when one is done and leaves the others running
//! until you cancel them; `asyncio.wait_for` cancels an awaitable when its time runs out. In
//! smol: await the `Task`s in order, race them with `future::race`, `Task::cancel().await`, and
//! race a `Timer` for the timeout (smol has no timeout function).
//!
//! ```text
//! cargo run -p examples-smol --example wait_vs_gather   # 4.5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/wait_vs_gather.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use smol::{Timer, future};

/// The three jobs, in the order they are started and joined: name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 1500), ("fast", 500), ("medium", 1000)];

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job((name, millis): (&'static str, u64)) -> &'static str {
    println!("{name} started");
    // A cancelled job stops here: the line after this never runs.
    Timer::after(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

async fn concurrent() {
    let start = Instant::now();
    // gather: spawn every job, then await the tasks in the order asked.
    println!("asyncio.gather: spawn three tasks, join them all");
    let mut gathered = Vec::new();
    for task in JOBS.map(|j| smol::spawn(job(j))) {
        gathered.push(task.await);
    }
    let gathered = gathered.join(", ");
    println!("gathered [{gathered}]: the order asked, not the order finished");

    // wait(FIRST_COMPLETED): race the tasks by &mut; the losers keep running. `race`, not
    // `or`: `or` polls its first future first, so of two tasks done at once it always picks
    // the first; `race` picks at random, as `asyncio.wait` promises no order either.
    println!(
        "asyncio.wait(FIRST_COMPLETED): spawn them again, take the first to finish, cancel the rest"
    );
    let [mut a, mut b, mut c] = JOBS.map(|j| (j.0, smol::spawn(job(j))));
    let first = future::race(&mut a.1, future::race(&mut b.1, &mut c.1)).await;
    println!("first completed: {first}");

    // Cancel the rest: cancel() each one, which says what became of it.
    for (name, task) in [a, b, c] {
        if name != first {
            let fate = match task.cancel().await {
                None => "cancelled before it finished",
                Some(_) => "it had finished already",
            };
            println!("{name}: {fate}");
        }
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    println!("waiting as long as the slowest job, in case a cancelled task still prints");
    Timer::after(Duration::from_millis(1500)).await;

    // wait_for: race the slow job against a timer; if the timer wins, the job is dropped.
    println!("asyncio.wait_for: the slow job with a timeout");
    let timer = async {
        Timer::after(Duration::from_secs(1)).await;
        None
    };
    // `or` on purpose: the job first, so a job done when the timer fires still counts.
    match future::or(async { Some(job(JOBS[0]).await) }, timer).await {
        Some(name) => println!("{name} finished within the timeout"),
        None => println!("timed out: slow was dropped before it finished"),
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}

fn main() -> ExitCode {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => smol::block_on(concurrent()),
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
