//! # count: the same coroutine three times (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Awaited one after another, three
//! calls take 3 s; spawned as tasks and joined (the seed's `asyncio.gather`), they sleep at the
//! same time: `One One One Two Two Two` in 1 s.
//!
//! ```text
//! cargo run -p examples-tokio --example count                   # concurrent: 1 s
//! cargo run -p examples-tokio --example count -- sequential     # 3 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, `--tasks N`, the harness) is `src/bin/count.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::task::JoinError;

/// The seed's `count()`.
async fn count() {
    println!("One");
    // While this task sleeps, the scheduler runs the others.
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Two");
}

/// Each call is awaited before the next one starts: 3 s.
async fn sequential() {
    for _ in 0..3 {
        count().await;
    }
}

/// Spawn three calls as tasks, then join them all: 1 s.
async fn concurrent() -> Result<(), JoinError> {
    let handles: Vec<_> = (0..3).map(|_| tokio::spawn(count())).collect();
    for handle in handles {
        handle.await?;
    }
    Ok(())
}

/// A task that panicked ends `main` with its error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
    let start = Instant::now();
    // The first argument picks the mode; concurrent is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await?,
        "sequential" => sequential().await,
        other => {
            eprintln!("unknown mode {other:?}: the modes are concurrent, sequential");
            return Ok(ExitCode::from(2));
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
