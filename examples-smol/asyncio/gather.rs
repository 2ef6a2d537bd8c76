//! # gather: `asyncio.gather(*aws)` in smol: spawn, then await the tasks in order
//!
//! `asyncio.gather` wraps its coroutines in tasks, runs them at once and returns their results
//! in the order given, not the order they finished. smol has no n-ary join: spawn each future
//! and await the `Task`s in the order given (`futures::future::join_all` or
//! `futures_lite::future::zip` join futures without spawning).
//!
//! ```text
//! cargo run -p examples-smol --example gather
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/gather.py` prints.

use std::time::Duration;

use smol::Timer;

/// Name, milliseconds of sleep: given slowest first.
const JOBS: [(&str, u64); 3] = [("slow", 150), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    Timer::after(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

fn main() {
    smol::block_on(async {
        // Every job starts now.
        let tasks: Vec<_> = JOBS
            .map(|(name, millis)| smol::spawn(job(name, millis)))
            .into();
        // Awaited in the order given, whatever order they finish in.
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await);
        }
        println!("gather returned {}: the order given", results.join(", "));
    });
}
