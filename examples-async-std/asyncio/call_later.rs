//! # call_later: `loop.call_later(delay, callback)` under async-std
//!
//! async-std has no callbacks: a spawned task that sleeps, then calls, is `call_later`. A
//! dropped `JoinHandle` detaches its task (it fires); `JoinHandle::cancel().await` is the
//! `TimerHandle.cancel()`.
//!
//! ```text
//! cargo run -p examples-async-std --example call_later
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

use async_std::task::{self, JoinHandle};

/// `loop.call_later(ms, print, text)`: a task that sleeps, then prints.
fn call_later(ms: u64, text: &'static str) -> JoinHandle<()> {
    task::spawn(async move {
        task::sleep(Duration::from_millis(ms)).await;
        println!("{text}");
    })
}

#[async_std::main]
async fn main() {
    // Dropped handles: these two run on their own.
    call_later(50, "call_later: 50 ms");
    call_later(20, "call_later: 20 ms");
    // The third is cancelled before it fires.
    call_later(30, "call_later: 30 ms (never printed)")
        .cancel()
        .await;
    println!("main: scheduled three, cancelled one");
    task::sleep(Duration::from_millis(100)).await;
    println!("main: done");
}
