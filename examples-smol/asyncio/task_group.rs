//! # task_group: `asyncio.TaskGroup` in smol: the first error cancels the siblings
//!
//! When a task of an `asyncio.TaskGroup` fails, the group cancels the others, waits for them,
//! and the error reaches the caller (in an `ExceptionGroup`).
//! smol has no task group: the `Task`s in a `futures::stream::FuturesUnordered` give each
//! result as it comes, and on the first `Err` each of the rest is cancelled with
//! `Task::cancel().await`, which waits until it is gone (dropping them would cancel them
//! without waiting).
//! A cancelled future is dropped, so its cleanup is a `Drop` guard: there is no
//! `CancelledError` to catch.
//!
//! ```text
//! cargo run -p examples-smol --example task_group
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/task_group.py` prints.

use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use smol::Timer;

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
    Timer::after(Duration::from_millis(millis)).await;
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
    let mut tasks: FuturesUnordered<_> = [
        smol::spawn(worker("fast", 50, false)),
        smol::spawn(worker("broken", 100, true)),
        smol::spawn(worker("slow", 200, false)),
    ]
    .into_iter()
    .collect();
    while let Some(result) = tasks.next().await {
        if let Err(error) = result {
            // Cancel the siblings and wait until they are gone, then raise.
            for task in tasks {
                task.cancel().await;
            }
            return Err(error);
        }
    }
    Ok(())
}

fn main() {
    smol::block_on(async {
        if let Err(error) = group().await {
            println!("the group raised: {error}");
        }
    });
}
