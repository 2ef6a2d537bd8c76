//! # sleep: `asyncio.sleep(delay)` and `asyncio.sleep(0)` in async-std
//!
//! `await asyncio.sleep(delay)` suspends only the coroutine that awaits it; `await
//! asyncio.sleep(0)` is how a coroutine yields to the others, and code without an `await`
//! runs to its end before anything else can. In Rust the sleep is `task::sleep`, and the yield
//! is `async_std::task::yield_now()`: it returns `Pending` once, so whatever else is ready runs
//! first. A future that never awaits anything pending finishes in its first poll.
//! `futures::join!` (async-std has no join of its own on stable) runs both futures in this
//! task, polling them in the order written.
//!
//! ```text
//! cargo run -p examples-async-std --example sleep
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
//! Prints what `python/asyncio/sleep.py` prints.

use std::time::Duration;

use async_std::task::{self, yield_now};

async fn sleeper(name: &str, millis: u64) {
    println!("{name}: sleeping {millis} ms");
    task::sleep(Duration::from_millis(millis)).await;
    println!("{name} woke");
}

async fn ticker(name: &str, yields: bool) {
    for i in 0..3 {
        println!("{name} {i}");
        if yields {
            // Back to the executor: the other ticker runs before this one goes on.
            yield_now().await;
        }
    }
}

#[async_std::main]
async fn main() {
    println!("two sleeps at once");
    futures::join!(sleeper("long", 100), sleeper("short", 50));
    println!("tickers with sleep(0): they take turns");
    futures::join!(ticker("a", true), ticker("b", true));
    println!("tickers without an await: each runs to its end");
    futures::join!(ticker("a", false), ticker("b", false));
}
