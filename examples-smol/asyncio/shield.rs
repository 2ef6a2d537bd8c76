//! # shield: `asyncio.shield(aw)` under smol
//!
//! A spawned smol task runs on the executor whoever waits for it: racing a `&mut` borrow of
//! its `Task` against a timer (`future::or`) stops the *waiting* when the timer wins, and the
//! task goes on. Only dropping the `Task` itself would cancel it, so keep it.
//!
//! ```text
//! cargo run -p examples-smol --example shield
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use smol::{Timer, future};

async fn work() -> u32 {
    Timer::after(Duration::from_millis(100)).await;
    println!("work: finished");
    42
}

fn main() {
    smol::block_on(async {
        // Spawn the work on smol's global executor.
        let mut task = smol::spawn(work());
        // Race a borrow of the task against 50 ms: the loser (the borrow) is dropped, not the task.
        let waited = future::or(async { Some((&mut task).await) }, async {
            Timer::after(Duration::from_millis(50)).await;
            None
        })
        .await;
        if waited.is_none() {
            println!("waiter: gave up after 50 ms");
        }
        // Awaiting the task itself waits for the end: it was never cancelled.
        let result = task.await;
        println!("task cancelled: False");
        println!("result: {result}");
    });
}
