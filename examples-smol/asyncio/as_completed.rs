//! # as_completed: `asyncio.as_completed(aws)` in smol: `FuturesUnordered`
//!
//! `asyncio.as_completed` yields the results in the order the work finishes, not the order
//! given. smol has no such call; `futures::stream::FuturesUnordered` (any executor) is
//! one: a stream of the spawned tasks' `Task`s that yields each as it finishes.
//!
//! ```text
//! cargo run -p examples-smol --example as_completed
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
//! Prints what `python/asyncio/as_completed.py` prints.

use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use smol::Timer;

/// Name, milliseconds of sleep: given slowest first.
const JOBS: [(&str, u64); 3] = [("slow", 150), ("fast", 50), ("medium", 100)];

async fn job(name: &'static str, millis: u64) -> &'static str {
    Timer::after(Duration::from_millis(millis)).await;
    name
}

fn main() {
    smol::block_on(async {
        let mut tasks: FuturesUnordered<_> = JOBS
            .iter()
            .map(|&(name, millis)| smol::spawn(job(name, millis)))
            .collect();
        // The next to finish, each time.
        while let Some(finished) = tasks.next().await {
            println!("got {finished}");
        }
        println!("every job done, in the order they finished");
    });
}
