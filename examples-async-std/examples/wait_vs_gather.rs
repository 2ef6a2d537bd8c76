//! # wait_vs_gather: join all, first completed, a timeout, cancel the rest (seed 002)
//!
//! `asyncio.gather` waits for every task and returns their results in the order asked;
//! `asyncio.wait(FIRST_COMPLETED)` comes back when one is done and leaves the others running
//! until you cancel them; `asyncio.wait_for` cancels an awaitable when its time runs out. In
//! async-std: await the `JoinHandle`s in order, `FutureExt::race`, `JoinHandle::cancel()` and
//! `async_std::future::timeout`.
//!
//! ```text
//! cargo run -p examples-async-std --example wait_vs_gather   # 4.5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/wait_vs_gather.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::prelude::FutureExt;

/// The three jobs, in the order they are started and joined: name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 1500), ("fast", 500), ("medium", 1000)];

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job((name, millis): (&'static str, u64)) -> &'static str {
    println!("{name} started");
    // A cancelled job stops here: the line after this never runs.
    async_std::task::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

async fn concurrent() {
    let start = Instant::now();
    // gather: spawn every job, then await the handles in the order asked.
    println!("asyncio.gather: spawn three tasks, join them all");
    let mut gathered = Vec::new();
    for handle in JOBS.map(|j| async_std::task::spawn(job(j))) {
        gathered.push(handle.await);
    }
    let gathered = gathered.join(", ");
    println!("gathered [{gathered}]: the order asked, not the order finished");

    // wait(FIRST_COMPLETED): race the handles by &mut; the losers keep running.
    println!(
        "asyncio.wait(FIRST_COMPLETED): spawn them again, take the first to finish, cancel the rest"
    );
    let [mut a, mut b, mut c] = JOBS.map(|j| (j.0, async_std::task::spawn(job(j))));
    let first = (&mut a.1).race(&mut b.1).race(&mut c.1).await;
    println!("first completed: {first}");

    // Cancel the rest: cancel() each one, which says what became of it.
    for (name, handle) in [a, b, c] {
        if name != first {
            let fate = match handle.cancel().await {
                None => "cancelled before it finished",
                Some(_) => "it had finished already",
            };
            println!("{name}: {fate}");
        }
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    println!("waiting as long as the slowest job, in case a cancelled task still prints");
    async_std::task::sleep(Duration::from_millis(1500)).await;

    // wait_for: a timeout on the slow job; when it fires, the job's future is dropped.
    println!("asyncio.wait_for: the slow job with a timeout");
    match async_std::future::timeout(Duration::from_secs(1), job(JOBS[0])).await {
        Ok(name) => println!("{name} finished within the timeout"),
        Err(_timed_out) => println!("timed out: slow was dropped before it finished"),
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}

#[async_std::main]
async fn main() -> ExitCode {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
