//! # wait_timeout: `asyncio.wait(tasks, timeout=...)` in async-std: `timeout` around `next()`
//!
//! `asyncio.wait(tasks, timeout=0.15)` returns the tasks done and the tasks pending when the
//! time is up; it cancels nothing. In async-std: the spawned tasks' `JoinHandle`s in a
//! `futures::stream::FuturesUnordered` (it yields each as it finishes), and
//! `async_std::future::timeout(left, tasks.next())` until the deadline: the timeout drops only
//! the `next()` call, the tasks run on, and `next()` is cancel-safe (nothing is lost).
//!
//! ```text
//! cargo run -p examples-async-std --example wait_timeout
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/wait_timeout.py` prints.

use std::time::{Duration, Instant};

use async_std::task;
use futures::StreamExt;
use futures::stream::FuturesUnordered;

/// Name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 250), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    task::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[async_std::main]
async fn main() {
    let mut tasks: FuturesUnordered<_> = JOBS
        .iter()
        .map(|&(name, millis)| task::spawn(job(name, millis)))
        .collect();
    // What finishes before the deadline; the rest are pending, not cancelled.
    let deadline = Instant::now() + Duration::from_millis(150);
    let mut done = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match async_std::future::timeout(left, tasks.next()).await {
            Ok(Some(finished)) => done.push(finished),
            Ok(None) | Err(_) => break,
        }
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
        println!("awaited the pending task: {finished}");
    }
}
