//! # gather: `asyncio.gather(*aws)` in tokio: `tokio::join!`
//!
//! `asyncio.gather` runs awaitables at once and returns their results in the order given, not
//! the order they finished. `tokio::join!` polls its futures concurrently inside the one task
//! that awaits it, and returns a tuple in the order given. (For a number of futures known only
//! at run time: spawn them and await the handles in order, or `futures::future::join_all`.)
//!
//! ```text
//! cargo run -p examples-tokio --example gather
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/gather.py` prints.

use std::time::Duration;

async fn job(name: &'static str, millis: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Given slowest first; the results come back in this order.
    let (a, b, c) = tokio::join!(job("slow", 150), job("fast", 50), job("medium", 100));
    println!("gather returned {a}, {b}, {c}: the order given");
}
