//! # barrier: `asyncio.Barrier(n)` under tokio
//!
//! `tokio::sync::Barrier::wait` returns once `n` tasks have called it; exactly one of them
//! gets a `BarrierWaitResult` whose `is_leader()` is true (Python's index 0).
//!
//! ```text
//! cargo run -p examples-tokio --example barrier
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "sync", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Barrier;

async fn worker(barrier: Arc<Barrier>, n: u64) -> bool {
    // The workers arrive 10 ms apart.
    tokio::time::sleep(Duration::from_millis(10 * n)).await;
    println!("worker {n} arrived");
    barrier.wait().await.is_leader()
}

#[tokio::main]
async fn main() {
    let barrier = Arc::new(Barrier::new(3));
    let workers: Vec<_> = (0..3)
        .map(|n| tokio::spawn(worker(barrier.clone(), n)))
        .collect();
    // Like gather: await every worker, count the leaders.
    let mut leaders = 0;
    for worker in workers {
        leaders += u32::from(worker.await.expect("a worker does not panic"));
    }
    println!("all 3 passed the barrier; leaders: {leaders}");
}
