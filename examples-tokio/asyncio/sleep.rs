//! # sleep: `asyncio.sleep(delay)` and `asyncio.sleep(0)` in tokio
//!
//! `await asyncio.sleep(delay)` suspends only the coroutine that awaits it; `await
//! asyncio.sleep(0)` is how a coroutine yields to the others, and code without an `await`
//! runs to its end before anything else can. In Rust the sleep is `tokio::time::sleep`, and the yield
//! is `tokio::task::yield_now()`: it returns `Pending` once, so whatever else is ready runs
//! first. A future that never awaits anything pending finishes in its first poll.
//! `tokio::join!` runs both futures in this task. Without `biased;` it would start each poll
//! one future further along (its `rotator` in tokio's `src/macros/join.rs`) and the turns
//! would go a, b, b, a, …: `biased;` polls them in the order written, as asyncio runs its
//! ready tasks.
//!
//! ```text
//! cargo run -p examples-tokio --example sleep
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/sleep.py` prints.

use std::time::Duration;

use tokio::task::yield_now;

async fn sleeper(name: &str, millis: u64) {
    println!("{name}: sleeping {millis} ms");
    tokio::time::sleep(Duration::from_millis(millis)).await;
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

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("two sleeps at once");
    tokio::join!(biased; sleeper("long", 100), sleeper("short", 50));
    println!("tickers with sleep(0): they take turns");
    tokio::join!(biased; ticker("a", true), ticker("b", true));
    println!("tickers without an await: each runs to its end");
    tokio::join!(biased; ticker("a", false), ticker("b", false));
}
