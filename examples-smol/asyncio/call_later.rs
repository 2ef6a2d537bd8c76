//! # call_later: `loop.call_later(delay, callback)` under smol
//!
//! smol has no callbacks: a spawned task that waits on a `Timer`, then calls, is
//! `call_later`. Its `Task` is the handle: `detach()` it to let it fire, drop it to cancel it
//! (a dropped smol `Task` is never polled again).
//!
//! ```text
//! cargo run -p examples-smol --example call_later
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

use std::time::Duration;

use smol::{Task, Timer};

/// `loop.call_later(ms, print, text)`: a task that waits, then prints.
fn call_later(ms: u64, text: &'static str) -> Task<()> {
    smol::spawn(async move {
        Timer::after(Duration::from_millis(ms)).await;
        println!("{text}");
    })
}

fn main() {
    smol::block_on(async {
        // Detached: these two fire on their own.
        call_later(50, "call_later: 50 ms").detach();
        call_later(20, "call_later: 20 ms").detach();
        // Dropped: cancelled before it fires.
        drop(call_later(30, "call_later: 30 ms (never printed)"));
        println!("main: scheduled three, cancelled one");
        Timer::after(Duration::from_millis(100)).await;
        println!("main: done");
    });
}
