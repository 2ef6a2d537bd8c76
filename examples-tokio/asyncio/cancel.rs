//! # cancel: `task.cancel()` in tokio: the task's future is dropped
//!
//! `task.cancel()` raises `CancelledError` inside the task at its `await`; its cleanup runs
//! (and could even swallow the error); awaiting the task raises `CancelledError`. In Rust a
//! cancelled task's future is dropped at the `.await` it is suspended at: the cleanup is a
//! `Drop` guard, and there is no error to catch inside, nor to swallow.
//! `handle.abort()` has tokio drop the task's future where it is suspended; awaiting the
//! handle then gives `Err(JoinError)` with `is_cancelled()`. A dropped `JoinHandle` detaches
//! its task: it runs on, as in asyncio.
//!
//! ```text
//! cargo run -p examples-tokio --example cancel
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/cancel.py` prints.

use std::time::Duration;

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
    tokio::time::sleep(Duration::from_millis(millis)).await;
    // Not cancelled: disarm the guard.
    std::mem::forget(guard);
    println!("{name} finished");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(work("worker", 1000));
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!("main cancels the worker");
    handle.abort();
    match handle.await {
        Err(error) if error.is_cancelled() => println!("main: the worker was cancelled"),
        other => println!("main: the worker was not cancelled: {other:?}"),
    }
    let background = tokio::spawn(work("background", 50));
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("main lets go of its handle to the background task");
    drop(background);
    tokio::time::sleep(Duration::from_millis(150)).await;
    println!("main ends");
}
