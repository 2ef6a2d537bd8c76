//! # async_with: `async with` (`__aenter__` / `__aexit__`) under smol
//!
//! Rust has no async `Drop`: cleanup that must await is a method (`close().await`) called at
//! the end of a block, here by `with_connection`, on success and on error alike. When the
//! future is *cancelled* (dropped) inside the block, nothing can await any more: only the
//! synchronous `Drop` runs. That is the difference from Python, where `__aexit__` is awaited
//! on cancellation too, and this program prints it.
//!
//! ```text
//! cargo run -p examples-smol --example async_with
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: a task cancelled inside the block prints
//! `dropped without close (Drop cannot await)` where Python prints `close (async cleanup)`.

use std::time::Duration;

use smol::Timer;

struct Connection {
    closed: bool,
}

impl Connection {
    /// `__aenter__`.
    async fn open() -> Connection {
        Timer::after(Duration::from_millis(10)).await;
        println!("open");
        Connection { closed: false }
    }

    /// `__aexit__`: the async cleanup, awaited by whoever holds the connection.
    async fn close(mut self) {
        Timer::after(Duration::from_millis(10)).await;
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

fn main() {
    smol::block_on(async {
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
        let task = smol::spawn(with_connection(async |_| {
            Timer::after(Duration::from_secs(1)).await;
            Ok(())
        }));
        Timer::after(Duration::from_millis(50)).await;
        if task.cancel().await.is_none() {
            println!("task cancelled inside the block");
        }
    });
}
