//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s; spawned as tasks and joined (the seed's `asyncio.gather`), they sleep at the
//! same time: `One One One Two Two Two` in 1 s.
//!
//! ```text
//! cargo run -p examples-async-std --example count                   # concurrent: 1 s
//! cargo run -p examples-async-std --example count -- sequential     # 3 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! The measured twin (trace, `--scale`, `--tasks N`, the harness) is `src/bin/count.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The seed's `count()`.
async fn count() {
    println!("One");
    // While this task sleeps, the scheduler runs the others.
    async_std::task::sleep(Duration::from_secs(1)).await;
    println!("Two");
}

/// Each call is awaited before the next one starts: 3 s.
async fn sequential() {
    for _ in 0..3 {
        count().await;
    }
}

/// Spawn three calls as tasks, then join them all: 1 s.
async fn concurrent() {
    let handles: Vec<_> = (0..3).map(|_| async_std::task::spawn(count())).collect();
    for handle in handles {
        handle.await;
    }
}

#[async_std::main]
async fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; concurrent is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await,
        "sequential" => sequential().await,
        other => {
            eprintln!("unknown mode {other:?}: the modes are concurrent, sequential");
            return ExitCode::from(2);
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
