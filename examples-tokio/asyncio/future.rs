//! # future: `asyncio.Future` (`loop.create_future()`) under tokio
//!
//! A one-shot value set by one side and awaited by the other is `tokio::sync::oneshot`: the
//! `Sender` is `set_result`, a `Result` inside is `set_exception`, and dropping the sender
//! unsent is `cancel()` (the receiver gets `RecvError`).
//!
//! ```text
//! cargo run -p examples-tokio --example future
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "sync", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use tokio::sync::oneshot;

#[tokio::main]
async fn main() {
    // A task sets the result; main awaits it.
    let (set, future) = oneshot::channel::<&str>();
    let task = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let _ = set.send("ready");
    });
    println!("first: waiting");
    println!("first: got {}", future.await.expect("the task sends"));
    task.await.expect("the task does not panic");
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
