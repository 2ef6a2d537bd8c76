//! # async_with: `async with` (`__aenter__` / `__aexit__`) under tokio
//!
//! Rust has no async `Drop`: cleanup that must await is a method (`close().await`) called at
//! the end of a block, here by `with_connection`, on success and on error alike. When the
//! future is *cancelled* (dropped) inside the block, nothing can await any more: only the
//! synchronous `Drop` runs. That is the difference from Python, where `__aexit__` is awaited
//! on cancellation too, and this program prints it.
//!
//! ```text
//! cargo run -p examples-tokio --example async_with
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! Differences from the Python form: a task cancelled inside the block prints
//! `dropped without close (Drop cannot await)` where Python prints `close (async cleanup)`.

use std::time::Duration;

struct Connection {
    closed: bool,
}

impl Connection {
    /// `__aenter__`.
    async fn open() -> Connection {
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("open");
        Connection { closed: false }
    }

    /// `__aexit__`: the async cleanup, awaited by whoever holds the connection.
    async fn close(mut self) {
        tokio::time::sleep(Duration::from_millis(10)).await;
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

#[tokio::main]
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
    // A task cancelled inside the block: its future is dropped at the await.
    let task = tokio::spawn(with_connection(async |_| {
        tokio::time::sleep(Duration::from_secs(1)).await;
        Ok(())
    }));
    tokio::time::sleep(Duration::from_millis(50)).await;
    task.abort();
    if task.await.is_err_and(|e| e.is_cancelled()) {
        println!("task cancelled inside the block");
    }
}
