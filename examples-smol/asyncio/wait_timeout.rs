//! # wait_timeout: `asyncio.wait(tasks, timeout=...)` in smol: race `next()` with a `Timer`
//!
//! `asyncio.wait(tasks, timeout=0.15)` returns the tasks done and the tasks pending when the
//! time is up; it cancels nothing. In smol: the spawned `Task`s in a
//! `futures::stream::FuturesUnordered` (it yields each as it finishes), and `tasks.next()`
//! raced with `Timer::at(deadline)` by `future::or` (smol has no timeout function) until the
//! deadline: losing the race drops only the `next()` call, the tasks run on, and `next()` is
//! cancel-safe (nothing is lost).
//!
//! ```text
//! cargo run -p examples-smol --example wait_timeout
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/wait_timeout.py` prints.

use std::time::{Duration, Instant};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use smol::{Timer, future};

/// Name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 250), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    Timer::after(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

fn main() {
    smol::block_on(async {
        let mut tasks: FuturesUnordered<_> = JOBS
            .iter()
            .map(|&(name, millis)| smol::spawn(job(name, millis)))
            .collect();
        // What finishes before the deadline; the rest are pending, not cancelled.
        let deadline = Instant::now() + Duration::from_millis(150);
        let mut done = Vec::new();
        let until_deadline = async {
            Timer::at(deadline).await;
            None
        };
        // Pinned once, raced again each turn.
        let mut until_deadline = std::pin::pin!(until_deadline);
        while let Some(finished) = future::or(tasks.next(), until_deadline.as_mut()).await {
            done.push(finished);
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
    });
}
