//! # gather: `asyncio.gather(*aws)` in async-std: spawn, then await the handles in order
//!
//! `asyncio.gather` wraps its coroutines in tasks, runs them at once and returns their results
//! in the order given, not the order they finished. async-std has no n-ary join on stable:
//! spawn each future and await the `JoinHandle`s in the order given
//! (`futures::future::join_all` joins futures without spawning).
//!
//! ```text
//! cargo run -p examples-async-std --example gather
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Prints what `python/asyncio/gather.py` prints.

use std::time::Duration;

use async_std::task;

/// Name, milliseconds of sleep: given slowest first.
const JOBS: [(&str, u64); 3] = [("slow", 150), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    task::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[async_std::main]
async fn main() {
    // Every job starts now.
    let handles = JOBS.map(|(name, millis)| task::spawn(job(name, millis)));
    // Awaited in the order given, whatever order they finish in.
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await);
    }
    println!("gather returned {}: the order given", results.join(", "));
}
