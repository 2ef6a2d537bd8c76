//! # call_later: `loop.call_later(delay, callback)` under tokio
//!
//! tokio has no callbacks: a spawned task that sleeps, then calls, is `call_later`, and its
//! `JoinHandle::abort()` is the `TimerHandle.cancel()`.
//!
//! ```text
//! cargo run -p examples-tokio --example call_later
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

use tokio::task::JoinHandle;

/// `loop.call_later(ms, print, text)`: a task that sleeps, then prints.
fn call_later(ms: u64, text: &'static str) -> JoinHandle<()> {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        println!("{text}");
    })
}

#[tokio::main]
async fn main() {
    // Dropping a tokio JoinHandle detaches the task: these two run on their own.
    call_later(50, "call_later: 50 ms");
    call_later(20, "call_later: 20 ms");
    // The third is cancelled before it fires.
    call_later(30, "call_later: 30 ms (never printed)").abort();
    println!("main: scheduled three, cancelled one");
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("main: done");
}
