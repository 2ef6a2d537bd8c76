//! # barrier: `asyncio.Barrier(n)` under smol
//!
//! `smol::lock::Barrier` (async-lock's) returns from `wait` once `n` tasks have called it;
//! exactly one of them gets a result whose `is_leader()` is true (Python's index 0).
//!
//! ```text
//! cargo run -p examples-smol --example barrier
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

use std::sync::Arc;
use std::time::Duration;

use smol::Timer;
use smol::lock::Barrier;

async fn worker(barrier: Arc<Barrier>, n: u64) -> bool {
    // The workers arrive 10 ms apart.
    Timer::after(Duration::from_millis(10 * n)).await;
    println!("worker {n} arrived");
    barrier.wait().await.is_leader()
}

fn main() {
    smol::block_on(async {
        let barrier = Arc::new(Barrier::new(3));
        let workers: Vec<_> = (0..3)
            .map(|n| smol::spawn(worker(barrier.clone(), n)))
            .collect();
        // Like gather: await every worker, count the leaders.
        let mut leaders = 0;
        for worker in workers {
            leaders += u32::from(worker.await);
        }
        println!("all 3 passed the barrier; leaders: {leaders}");
    });
}
