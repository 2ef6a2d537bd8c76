//! # wait_first: `asyncio.wait(return_when=FIRST_COMPLETED)` in tokio: `select_all`
//!
//! `asyncio.wait(tasks, return_when=FIRST_COMPLETED)` returns when one task is done; the
//! pending ones keep running until they are cancelled. `futures::future::select_all` (any
//! executor) over the spawned tasks' `JoinHandle`s does the same: it returns the first
//! output, its index and the others, which keep running (they are tasks), until
//! `abort()`.
//!
//! ```text
//! cargo run -p examples-tokio --example wait_first
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/wait_first.py` prints.

use std::time::Duration;

/// Name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 250), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut names: Vec<&str> = JOBS.iter().map(|(name, _)| *name).collect();
    let tasks = JOBS.map(|(name, millis)| tokio::spawn(job(name, millis)));
    // The first to finish, its index, and the others (still running).
    let (first, index, pending) = futures::future::select_all(tasks).await;
    // select_all took the winner out with swap_remove: the names follow suit.
    names.swap_remove(index);
    let mut pending: Vec<_> = names.into_iter().zip(pending).collect();
    pending.sort_by_key(|(name, _)| *name);
    let pending_names: Vec<&str> = pending.iter().map(|(name, _)| *name).collect();
    println!(
        "done: {}; pending: {}",
        first.expect("a job panicked"),
        pending_names.join(", ")
    );
    // The pending tasks run on while main sleeps: medium finishes.
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("cancelling the pending tasks");
    for (name, handle) in pending {
        // abort() asks; awaiting the handle tells whether it was cancelled or had finished.
        handle.abort();
        match handle.await {
            Ok(value) => println!("{name}: had finished, returned {value}"),
            Err(error) if error.is_cancelled() => println!("{name}: cancelled"),
            Err(error) => panic!("{name} panicked: {error}"),
        }
    }
    // A cancelled task never finishes: wait past slow's end.
    tokio::time::sleep(Duration::from_millis(200)).await;
    println!("slow never finished");
}
