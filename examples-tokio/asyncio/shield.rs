//! # shield: `asyncio.shield(aw)` under tokio
//!
//! A spawned tokio task is shielded already: `tokio::time::timeout` around its `JoinHandle`
//! stops the *waiting* when it fires, and the task goes on; its result is still there to
//! await. (A timeout around a plain future, not spawned, drops the future: see `timeout`.)
//!
//! ```text
//! cargo run -p examples-tokio --example shield
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

async fn work() -> u32 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("work: finished");
    42
}

#[tokio::main]
async fn main() {
    // Spawn the work: it runs on its own, whoever waits for it.
    let mut task = tokio::spawn(work());
    // Wait 50 ms through a `&mut` borrow of the handle: the timeout drops the borrow, not the task.
    if tokio::time::timeout(Duration::from_millis(50), &mut task)
        .await
        .is_err()
    {
        println!("waiter: gave up after 50 ms");
    }
    // Awaiting the handle again waits for the end: a cancelled task would give a JoinError.
    match task.await {
        Ok(result) => {
            println!("task cancelled: False");
            println!("result: {result}");
        }
        Err(error) => println!("task cancelled: {}", error.is_cancelled()),
    }
}
