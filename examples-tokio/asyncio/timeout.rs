//! # timeout: `asyncio.timeout(delay)` / `asyncio.timeout_at(when)` under tokio
//!
//! `tokio::time::timeout(d, fut)` and `timeout_at(deadline, fut)` wrap a future; when the
//! deadline passes the inner future is dropped (that is its cancellation: the cleanup lives
//! in `Drop`) and the call returns `Err(Elapsed)`. A future that ends in time is untouched.
//!
//! ```text
//! cargo run -p examples-tokio --example timeout
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

use tokio::time::{Instant, timeout, timeout_at};

/// Prints "<name>: cancelled" when dropped before `finish`: Rust's `except CancelledError`.
struct OnCancel {
    name: &'static str,
    finished: bool,
}

impl Drop for OnCancel {
    fn drop(&mut self) {
        if !self.finished {
            println!("{}: cancelled", self.name);
        }
    }
}

async fn slow(name: &'static str, secs: f64) {
    let mut guard = OnCancel {
        name,
        finished: false,
    };
    tokio::time::sleep(Duration::from_secs_f64(secs)).await;
    guard.finished = true;
    println!("{name}: finished");
}

#[tokio::main]
async fn main() {
    // A deadline 50 ms from now around a 1 s sleep: the sleep is dropped, Err comes back.
    if timeout(Duration::from_millis(50), slow("timeout", 1.0))
        .await
        .is_err()
    {
        println!("timeout: TimeoutError after 50 ms");
    }
    // The same with an absolute deadline, as `timeout_at(loop.time() + 0.05)`.
    let deadline = Instant::now() + Duration::from_millis(50);
    if timeout_at(deadline, slow("timeout_at", 1.0)).await.is_err() {
        println!("timeout_at: TimeoutError at the deadline");
    }
    // Work that ends in time returns Ok.
    let _ = timeout(Duration::from_millis(500), slow("in time", 0.01)).await;
}
