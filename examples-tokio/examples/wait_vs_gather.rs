//! # wait_vs_gather: join all, first completed, a timeout, cancel the rest (seed 002)
//!
//! `asyncio.gather` waits for every task and returns their results in the order asked;
//! `asyncio.wait(FIRST_COMPLETED)` comes back when one is done and leaves the others running
//! until you cancel them; `asyncio.wait_for` cancels an awaitable when its time runs out. In
//! tokio: await the `JoinHandle`s in order; a `JoinSet`'s `join_next()` for the first to
//! finish, `abort_all()` and `join_next_with_id()` to cancel the rest (`shutdown()` without
//! the answers); `tokio::time::timeout`.
//!
//! ```text
//! cargo run -p examples-tokio --example wait_vs_gather   # 4.5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/wait_vs_gather.rs`.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::task::{JoinError, JoinSet};

/// The three jobs, in the order they are started and joined: name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 1500), ("fast", 500), ("medium", 1000)];

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job((name, millis): (&'static str, u64)) -> &'static str {
    println!("{name} started");
    // A cancelled job stops here: the line after this never runs.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

async fn concurrent() -> Result<(), JoinError> {
    let start = Instant::now();
    // gather: spawn every job, then await the handles in the order asked.
    println!("asyncio.gather: spawn three tasks, join them all");
    let mut gathered = Vec::new();
    for handle in JOBS.map(|j| tokio::spawn(job(j))) {
        gathered.push(handle.await?);
    }
    let gathered = gathered.join(", ");
    println!("gathered [{gathered}]: the order asked, not the order finished");

    // wait(FIRST_COMPLETED): a JoinSet; join_next() hands back the first task to finish.
    println!(
        "asyncio.wait(FIRST_COMPLETED): spawn them again, take the first to finish, cancel the rest"
    );
    let mut set = JoinSet::new();
    let mut names = HashMap::new();
    for j in JOBS {
        names.insert(set.spawn(job(j)).id(), j.0);
    }
    let first = set.join_next().await.expect("three tasks in the set")?;
    println!("first completed: {first}");

    // Cancel the rest: abort them all, then join each to learn what became of it (what
    // `JoinSet::shutdown()` does, keeping the answers). A panic is an error, not an answer.
    set.abort_all();
    while let Some(joined) = set.join_next_with_id().await {
        match joined {
            Ok((id, _)) => println!("{}: it had finished already", names[&id]),
            Err(error) if error.is_cancelled() => {
                println!("{}: cancelled before it finished", names[&error.id()])
            }
            Err(error) => return Err(error),
        }
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    println!("waiting as long as the slowest job, in case a cancelled task still prints");
    tokio::time::sleep(Duration::from_millis(1500)).await;

    // wait_for: a timeout on the slow job; when it fires, the job's future is dropped.
    println!("asyncio.wait_for: the slow job with a timeout");
    match tokio::time::timeout(Duration::from_secs(1), job(JOBS[0])).await {
        Ok(name) => println!("{name} finished within the timeout"),
        Err(_elapsed) => println!("timed out: slow was dropped before it finished"),
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    Ok(())
}

/// A job that panicked or was cancelled ends `main` with an error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await?,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}
