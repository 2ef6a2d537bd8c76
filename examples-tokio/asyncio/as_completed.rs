//! # as_completed: `asyncio.as_completed(aws)` in tokio: `JoinSet::join_next`
//!
//! `asyncio.as_completed` yields the results in the order the work finishes, not the order
//! given. A `tokio::task::JoinSet` does it for spawned tasks: `join_next()` returns the next
//! task to finish (and dropping the set aborts the tasks still in it).
//!
//! ```text
//! cargo run -p examples-tokio --example as_completed
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/as_completed.py` prints.

use std::time::Duration;

use tokio::task::JoinSet;

/// Name, milliseconds of sleep: given slowest first.
const JOBS: [(&str, u64); 3] = [("slow", 150), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut set = JoinSet::new();
    for (name, millis) in JOBS {
        set.spawn(job(name, millis));
    }
    // The next to finish, each time.
    while let Some(finished) = set.join_next().await {
        println!("got {}", finished.expect("a job panicked"));
    }
    println!("every job done, in the order they finished");
}
