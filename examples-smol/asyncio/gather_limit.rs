//! # gather_limit: `asyncio.gather` with a `Semaphore` limit, in smol: `buffer_unordered`
//!
//! A Python developer limits `asyncio.gather` with a semaphore each job takes first. In Rust
//! a stream of futures does it: `StreamExt::buffer_unordered(2)` (the `futures` crate, any
//! executor) runs at most two at once and starts the next as soon as one is done; their
//! results come in the order they finish, so each carries its index and they are sorted back
//! into the order given. (`buffered(2)` keeps the order itself, but a finished job holds its
//! slot until the jobs before it are done: here `d` would wait for `b`.)
//!
//! ```text
//! cargo run -p examples-smol --example gather_limit
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
//! Prints what `python/asyncio/gather_limit.py` prints.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt;
use smol::Timer;

/// Name, milliseconds of work: "b" is long, so "c" and "d" take turns in the other slot.
const JOBS: [(&str, u64); 4] = [("a", 60), ("b", 260), ("c", 60), ("d", 60)];
const LIMIT: usize = 2;

/// How many jobs run now, and the most that ever ran at once.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static MOST: AtomicUsize = AtomicUsize::new(0);

async fn job(name: &'static str, millis: u64) -> &'static str {
    let running = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
    MOST.fetch_max(running, Ordering::SeqCst);
    println!("{name} starts");
    Timer::after(Duration::from_millis(millis)).await;
    println!("{name} done");
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    name
}

fn main() {
    smol::block_on(async {
        // At most LIMIT jobs at once, each tagged with its place in the order given.
        let mut results: Vec<(usize, &str)> = futures::stream::iter(JOBS.into_iter().enumerate())
            .map(|(i, (name, millis))| async move { (i, job(name, millis).await) })
            .buffer_unordered(LIMIT)
            .collect()
            .await;
        // Back in the order given, as gather returns them.
        results.sort();
        let results: Vec<&str> = results.into_iter().map(|(_, name)| name).collect();
        println!("gather returned {}", results.join(", "));
        println!("at most {} jobs ran at once", MOST.load(Ordering::SeqCst));
    });
}
