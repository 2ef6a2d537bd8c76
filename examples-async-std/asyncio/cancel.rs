//! # cancel: `task.cancel()` in async-std: the task's future is dropped
//!
//! `task.cancel()` raises `CancelledError` inside the task at its `await`; its cleanup runs
//! (and could even swallow the error); awaiting the task raises `CancelledError`. In Rust a
//! cancelled task's future is dropped at the `.await` it is suspended at: the cleanup is a
//! `Drop` guard, and there is no error to catch inside, nor to swallow.
//! `handle.cancel().await` cancels the task and waits until its future is dropped: `None` if
//! it was cancelled, its value if it had finished. A dropped `JoinHandle` detaches its task:
//! it runs on, as in asyncio.
//!
//! ```text
//! cargo run -p examples-async-std --example cancel
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Prints what `python/asyncio/cancel.py` prints.

use std::time::Duration;

use async_std::task;

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

async fn work(name: &'static str, millis: u64) {
    println!("{name} starts");
    let guard = OnCancel(name);
    task::sleep(Duration::from_millis(millis)).await;
    // Not cancelled: disarm the guard.
    std::mem::forget(guard);
    println!("{name} finished");
}

#[async_std::main]
async fn main() {
    let handle = task::spawn(work("worker", 1000));
    task::sleep(Duration::from_millis(50)).await;
    println!("main cancels the worker");
    match handle.cancel().await {
        None => println!("main: the worker was cancelled"),
        Some(()) => println!("main: the worker had finished"),
    }
    let background = task::spawn(work("background", 50));
    task::sleep(Duration::from_millis(10)).await;
    println!("main lets go of its handle to the background task");
    drop(background);
    task::sleep(Duration::from_millis(150)).await;
    println!("main ends");
}
