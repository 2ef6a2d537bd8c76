//! # timeout: `asyncio.timeout(delay)` / `asyncio.timeout_at(when)` under async-std
//!
//! `async_std::future::timeout(d, fut)` wraps a future; when the time is up the inner future
//! is dropped (that is its cancellation: the cleanup lives in `Drop`) and the call returns
//! `Err(TimeoutError)`. There is no `timeout_at`: the time left until the deadline is the
//! duration.
//!
//! ```text
//! cargo run -p examples-async-std --example timeout
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

use std::time::{Duration, Instant};

use async_std::future::timeout;
use async_std::task;

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
    task::sleep(Duration::from_secs_f64(secs)).await;
    guard.finished = true;
    println!("{name}: finished");
}

#[async_std::main]
async fn main() {
    // 50 ms around a 1 s sleep: the sleep is dropped, Err comes back.
    if timeout(Duration::from_millis(50), slow("timeout", 1.0))
        .await
        .is_err()
    {
        println!("timeout: TimeoutError after 50 ms");
    }
    // An absolute deadline: the time left until it.
    let deadline = Instant::now() + Duration::from_millis(50);
    let left = deadline.saturating_duration_since(Instant::now());
    if timeout(left, slow("timeout_at", 1.0)).await.is_err() {
        println!("timeout_at: TimeoutError at the deadline");
    }
    // Work that ends in time returns Ok.
    let _ = timeout(Duration::from_millis(500), slow("in time", 0.01)).await;
}
