//! # async_with: `async with` (`__aenter__` / `__aexit__`) under async-std
//!
//! Rust has no async `Drop`: cleanup that must await is a method (`close().await`) called at
//! the end of a block, here by `with_connection`, on success and on error alike. When the
//! future is *cancelled* (dropped) inside the block, nothing can await any more: only the
//! synchronous `Drop` runs. That is the difference from Python, where `__aexit__` is awaited
//! on cancellation too, and this program prints it.
//!
//! ```text
//! cargo run -p examples-async-std --example async_with
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Differences from the Python form: a task cancelled inside the block prints
//! `dropped without close (Drop cannot await)` where Python prints `close (async cleanup)`.

use std::time::Duration;

use async_std::task;

struct Connection {
    closed: bool,
}

impl Connection {
    /// `__aenter__`.
    async fn open() -> Connection {
        task::sleep(Duration::from_millis(10)).await;
        println!("open");
        Connection { closed: false }
    }

    /// `__aexit__`: the async cleanup, awaited by whoever holds the connection.
    async fn close(mut self) {
        task::sleep(Duration::from_millis(10)).await;
        self.closed = true;
        println!("close (async cleanup)");
    }
}

impl Drop for Connection {
    /// The only cleanup a dropped (cancelled) future gets: synchronous.
    fn drop(&mut self) {
        if !self.closed {
            println!("dropped without close (Drop cannot await)");
        }
    }
}

/// `async with Connection() as c: body(c)`: close is awaited whatever the body returns.
async fn with_connection<T>(
    body: impl AsyncFnOnce(&Connection) -> Result<T, String>,
) -> Result<T, String> {
    let connection = Connection::open().await;
    let result = body(&connection).await;
    connection.close().await;
    result
}

#[async_std::main]
async fn main() {
    // The block ends normally: close runs.
    let _ = with_connection(async |_| {
        println!("use");
        Ok(())
    })
    .await;
    // The body fails: close runs, then the error reaches the caller.
    let failed: Result<(), String> = with_connection(async |_| Err("boom".to_string())).await;
    if let Err(error) = failed {
        println!("error reached the caller: {error}");
    }
    // A task cancelled inside the block: `cancel()` drops its future at the await.
    let handle = task::spawn(with_connection(async |_| {
        task::sleep(Duration::from_secs(1)).await;
        Ok(())
    }));
    task::sleep(Duration::from_millis(50)).await;
    if handle.cancel().await.is_none() {
        println!("task cancelled inside the block");
    }
}
