//! # wait_for: `asyncio.wait_for(aw, timeout)` in tokio: `tokio::time::timeout`
//!
//! `asyncio.wait_for` cancels the awaitable when the time is up, and waits for it to be
//! cancelled before it raises `TimeoutError`: a coroutine and a task alike.
//! `tokio::time::timeout(d, future)` drops the future when the time is up, which cancels it
//! (its cleanup, here a `Drop` guard, runs at once). But around a `JoinHandle` it drops only
//! the handle: the task goes on (`handle.abort()` would cancel it).
//!
//! Declared difference: on the task, `work cancelled` is not printed, and `work finished` is,
//! while main sleeps: the timeout stopped waiting for the task and did not cancel it.
//!
//! ```text
//! cargo run -p examples-tokio --example wait_for
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/wait_for.py` prints, but for the declared difference.

use std::time::Duration;

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

async fn work() {
    println!("work starts");
    let guard = OnCancel("work");
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Finished: disarm the guard.
    std::mem::forget(guard);
    println!("work finished");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("wait_for on a coroutine");
    // The future is dropped when the time is up: cancelled.
    if tokio::time::timeout(Duration::from_millis(50), work())
        .await
        .is_err()
    {
        println!("timed out");
    }
    println!("wait_for on a task");
    let task = tokio::spawn(work());
    // Only the handle is dropped when the time is up: the task runs on.
    if tokio::time::timeout(Duration::from_millis(50), task)
        .await
        .is_err()
    {
        println!("timed out");
    }
    println!("main sleeps 250 ms");
    tokio::time::sleep(Duration::from_millis(250)).await;
    println!("main woke");
}
