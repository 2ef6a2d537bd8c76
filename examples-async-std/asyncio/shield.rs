//! # shield: `asyncio.shield(aw)` under async-std
//!
//! A spawned async-std task is shielded already: `async_std::future::timeout` around a
//! `&mut` borrow of its `JoinHandle` stops the *waiting* when it fires, and the task goes
//! on; its result is still there to await.
//!
//! ```text
//! cargo run -p examples-async-std --example shield
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use async_std::future::timeout;
use async_std::task;

async fn work() -> u32 {
    task::sleep(Duration::from_millis(100)).await;
    println!("work: finished");
    42
}

#[async_std::main]
async fn main() {
    // Spawn the work: it runs on its own, whoever waits for it.
    let mut handle = task::spawn(work());
    // Wait 50 ms through a borrow of the handle: the timeout drops the borrow, not the task.
    if timeout(Duration::from_millis(50), &mut handle)
        .await
        .is_err()
    {
        println!("waiter: gave up after 50 ms");
    }
    // Awaiting the handle itself waits for the end: it was never cancelled.
    let result = handle.await;
    println!("task cancelled: False");
    println!("result: {result}");
}
