//! # barrier: `asyncio.Barrier(n)` under async-std
//!
//! `async_std::sync::Barrier` (async-lock's, behind async-std's `unstable` feature) returns
//! from `wait` once `n` tasks have called it; exactly one gets a result whose `is_leader()`
//! is true (Python's index 0).
//!
//! ```text
//! cargo run -p examples-async-std --example barrier
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! Differences from the Python form: none.

use std::sync::Arc;
use std::time::Duration;

use async_std::sync::Barrier;
use async_std::task;

async fn worker(barrier: Arc<Barrier>, n: u64) -> bool {
    // The workers arrive 10 ms apart.
    task::sleep(Duration::from_millis(10 * n)).await;
    println!("worker {n} arrived");
    barrier.wait().await.is_leader()
}

#[async_std::main]
async fn main() {
    let barrier = Arc::new(Barrier::new(3));
    let workers: Vec<_> = (0..3)
        .map(|n| task::spawn(worker(barrier.clone(), n)))
        .collect();
    // Like gather: await every worker, count the leaders.
    let mut leaders = 0;
    for worker in workers {
        leaders += u32::from(worker.await);
    }
    println!("all 3 passed the barrier; leaders: {leaders}");
}
