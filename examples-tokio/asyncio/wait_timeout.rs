//! # wait_timeout: `asyncio.wait(tasks, timeout=...)` in tokio: `timeout_at` around `next()`
//!
//! `asyncio.wait(tasks, timeout=0.15)` returns the tasks done and the tasks pending when the
//! time is up; it cancels nothing. In tokio: the spawned tasks' `JoinHandle`s in a
//! `futures::stream::FuturesUnordered` (it yields each as it finishes), and
//! `tokio::time::timeout_at(deadline, tasks.next())` until the deadline: the timeout drops
//! only the `next()` call, the tasks run on, and `next()` is cancel-safe (nothing is lost).
//!
//! ```text
//! cargo run -p examples-tokio --example wait_timeout
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/wait_timeout.py` prints.

use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use tokio::time::Instant;

/// Name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 250), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut tasks: FuturesUnordered<_> = JOBS
        .iter()
        .map(|&(name, millis)| tokio::spawn(job(name, millis)))
        .collect();
    // What finishes before the deadline; the rest are pending, not cancelled.
    let deadline = Instant::now() + Duration::from_millis(150);
    let mut done = Vec::new();
    while let Ok(Some(finished)) = tokio::time::timeout_at(deadline, tasks.next()).await {
        done.push(finished.expect("a job panicked"));
    }
    let mut pending: Vec<&str> = JOBS.iter().map(|(name, _)| *name).collect();
    pending.retain(|name| !done.contains(name));
    done.sort();
    pending.sort();
    println!(
        "after the timeout: done {}; pending {}",
        done.join(", "),
        pending.join(", ")
    );
    // Nothing was cancelled: the pending task finishes when awaited.
    while let Some(finished) = tasks.next().await {
        println!(
            "awaited the pending task: {}",
            finished.expect("a job panicked")
        );
    }
}
