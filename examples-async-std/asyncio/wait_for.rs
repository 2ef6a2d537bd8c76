//! # wait_for: `asyncio.wait_for(aw, timeout)` in async-std: `async_std::future::timeout`
//!
//! `asyncio.wait_for` cancels the awaitable when the time is up, and waits for it to be
//! cancelled before it raises `TimeoutError`: a coroutine and a task alike.
//! `async_std::future::timeout(d, future)` drops the future when the time is up, which
//! cancels it (its cleanup, here a `Drop` guard, runs at once). But around a `JoinHandle` it
//! drops only the handle, and a dropped async-std `JoinHandle` detaches its task: the task goes
//! on (`handle.cancel().await` would cancel it).
//!
//! Declared difference: on the task, `work cancelled` is not printed, and `work finished` is,
//! while main sleeps: the timeout stopped waiting for the task and did not cancel it.
//!
//! ```text
//! cargo run -p examples-async-std --example wait_for
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Prints what `python/asyncio/wait_for.py` prints, but for the declared difference.

use std::time::Duration;

use async_std::future::timeout;
use async_std::task;

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
    task::sleep(Duration::from_millis(200)).await;
    // Finished: disarm the guard.
    std::mem::forget(guard);
    println!("work finished");
}

#[async_std::main]
async fn main() {
    println!("wait_for on a coroutine");
    // The future is dropped when the time is up: cancelled.
    if timeout(Duration::from_millis(50), work()).await.is_err() {
        println!("timed out");
    }
    println!("wait_for on a task");
    let handle = task::spawn(work());
    // Only the handle is dropped when the time is up: the task, detached, runs on.
    if timeout(Duration::from_millis(50), handle).await.is_err() {
        println!("timed out");
    }
    println!("main sleeps 250 ms");
    task::sleep(Duration::from_millis(250)).await;
    println!("main woke");
}
