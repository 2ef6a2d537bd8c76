//! # sleep: `asyncio.sleep(delay)` and `asyncio.sleep(0)` in smol
//!
//! `await asyncio.sleep(delay)` suspends only the coroutine that awaits it; `await
//! asyncio.sleep(0)` is how a coroutine yields to the others, and code without an `await`
//! runs to its end before anything else can. In Rust the sleep is `Timer::after`, and the yield
//! is `smol::future::yield_now()`: it returns `Pending` once, so whatever else is ready runs
//! first. A future that never awaits anything pending finishes in its first poll.
//! `future::zip` runs both futures in this task, polling them in the order written.
//!
//! ```text
//! cargo run -p examples-smol --example sleep
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/sleep.py` prints.

use std::time::Duration;

use smol::future::yield_now;
use smol::{Timer, future};

async fn sleeper(name: &str, millis: u64) {
    println!("{name}: sleeping {millis} ms");
    Timer::after(Duration::from_millis(millis)).await;
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

fn main() {
    smol::block_on(async {
        println!("two sleeps at once");
        future::zip(sleeper("long", 100), sleeper("short", 50)).await;
        println!("tickers with sleep(0): they take turns");
        future::zip(ticker("a", true), ticker("b", true)).await;
        println!("tickers without an await: each runs to its end");
        future::zip(ticker("a", false), ticker("b", false)).await;
    });
}
