//! # future: `asyncio.Future` (`loop.create_future()`) under async-std
//!
//! A one-shot value set by one side and awaited by the other is a oneshot channel;
//! async-std has none of its own, the `futures` crate's works on any executor: the `Sender`
//! is `set_result`, a `Result` inside is `set_exception`, and dropping the sender unsent is
//! `cancel()` (the receiver gets `Canceled`).
//!
//! ```text
//! cargo run -p examples-async-std --example future
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! futures = "0.3"
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use async_std::task;
use futures::channel::oneshot;

#[async_std::main]
async fn main() {
    // A task sets the result; main awaits it.
    let (set, future) = oneshot::channel::<&str>();
    let handle = task::spawn(async move {
        task::sleep(Duration::from_millis(10)).await;
        let _ = set.send("ready");
    });
    println!("first: waiting");
    println!("first: got {}", future.await.expect("the task sends"));
    handle.await;
    // An error travels as the value: `set_exception`.
    let (set, failing) = oneshot::channel::<Result<&str, String>>();
    let _ = set.send(Err("bad input".to_string()));
    if let Ok(Err(error)) = failing.await {
        println!("second: error {error}");
    }
    // Dropping the sender unsent: the receiver learns it will never get a value.
    let (set, cancelled) = oneshot::channel::<&str>();
    drop(set);
    if cancelled.await.is_err() {
        println!("third: cancelled");
    }
}
