//! # timeout: `asyncio.timeout(delay)` / `asyncio.timeout_at(when)` under smol
//!
//! smol has no timeout function: race the future against a `Timer` with `future::or`
//! (`Timer::after(d)` for a delay, `Timer::at(instant)` for a deadline). When the timer wins,
//! the other future is dropped (that is its cancellation: the cleanup lives in `Drop`).
//! `future::or` polls its first future first, so a future that is ready at the deadline wins.
//!
//! ```text
//! cargo run -p examples-smol --example timeout
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::future::Future;
use std::time::{Duration, Instant};

use smol::{Timer, future};

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
    Timer::after(Duration::from_secs_f64(secs)).await;
    guard.finished = true;
    println!("{name}: finished");
}

/// `timeout_at`: `None` when the deadline passes first (the future is dropped).
async fn timeout_at<T>(deadline: Instant, work: impl Future<Output = T>) -> Option<T> {
    future::or(async { Some(work.await) }, async {
        Timer::at(deadline).await;
        None
    })
    .await
}

fn main() {
    smol::block_on(async {
        // A deadline 50 ms from now around a 1 s sleep: the sleep is dropped.
        let deadline = Instant::now() + Duration::from_millis(50);
        if timeout_at(deadline, slow("timeout", 1.0)).await.is_none() {
            println!("timeout: TimeoutError after 50 ms");
        }
        // The same with an absolute deadline.
        let deadline = Instant::now() + Duration::from_millis(50);
        if timeout_at(deadline, slow("timeout_at", 1.0))
            .await
            .is_none()
        {
            println!("timeout_at: TimeoutError at the deadline");
        }
        // Work that ends in time returns Some.
        let deadline = Instant::now() + Duration::from_millis(500);
        let _ = timeout_at(deadline, slow("in time", 0.01)).await;
    });
}
