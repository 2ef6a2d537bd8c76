//! # task_group: `asyncio.TaskGroup` in tokio: the first error cancels the siblings
//!
//! When a task of an `asyncio.TaskGroup` fails, the group cancels the others, waits for them,
//! and the error reaches the caller (in an `ExceptionGroup`).
//! `tokio::task::JoinSet` is the group: `join_next()` gives each result as it comes, and on
//! the first `Err` the caller calls `shutdown()`, which aborts the rest and waits until they
//! are gone (dropping the set would abort them without waiting).
//! A cancelled future is dropped, so its cleanup is a `Drop` guard: there is no
//! `CancelledError` to catch.
//!
//! ```text
//! cargo run -p examples-tokio --example task_group
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/task_group.py` prints.

use std::time::Duration;

use tokio::task::JoinSet;

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

async fn worker(name: &'static str, millis: u64, fails: bool) -> Result<(), String> {
    let guard = OnCancel(name);
    tokio::time::sleep(Duration::from_millis(millis)).await;
    // Not cancelled: disarm the guard.
    std::mem::forget(guard);
    if fails {
        println!("{name} fails");
        return Err(format!("{name} failed"));
    }
    println!("{name} finished");
    Ok(())
}

/// `async with asyncio.TaskGroup() as group:` and its three tasks.
async fn group() -> Result<(), String> {
    let mut set = JoinSet::new();
    set.spawn(worker("fast", 50, false));
    set.spawn(worker("broken", 100, true));
    set.spawn(worker("slow", 200, false));
    while let Some(result) = set.join_next().await {
        if let Err(error) = result.expect("a worker panicked") {
            // Cancel the siblings and wait until they are gone, then raise.
            set.shutdown().await;
            return Err(error);
        }
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(error) = group().await {
        println!("the group raised: {error}");
    }
}
