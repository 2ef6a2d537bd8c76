//! # run_in_executor: blocking work moved off the scheduler (seed 002)
//!
//! The seed's prime search with `time.sleep(0.01)` instead of `await asyncio.sleep(0.01)`: a
//! blocking sleep holds the thread, so three searches joined on one task run one after another
//! (0.36 s). The cure the seed names, `loop.run_in_executor`, is tokio's `spawn_blocking`: each
//! search runs on the blocking thread pool and its handle is awaited, so they overlap (0.26 s).
//!
//! ```text
//! cargo run -p examples-tokio --example run_in_executor   # 0.62 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/run_in_executor.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::task::JoinError;

/// The seed's three searches, in its order.
const TARGETS: [u64; 3] = [100_000, 10_000, 1_000];

/// Whether `n` is prime (trial division).
fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// The seed's search with `time.sleep(0.01)`: a plain blocking function.
fn highest_prime_below(x: u64) -> Option<u64> {
    println!("▶ Highest prime below {x}");
    for y in (1..x).rev() {
        if is_prime(y) {
            println!("▷ Highest prime below {x} is {y}");
            return Some(y);
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

async fn concurrent() -> Result<(), JoinError> {
    // The mistake: async blocks that call the blocking search, joined on this one task.
    println!(
        "the blocking mistake: a blocking sleep inside async code, three searches joined on one task"
    );
    let start = Instant::now();
    let [a, b, c] = TARGETS.map(|x| async move { highest_prime_below(x) });
    tokio::join!(a, b, c);
    let blocking = start.elapsed();
    println!("blocking: took {:.2} ms", blocking.as_secs_f64() * 1e3);

    // The cure: each search on the blocking pool; awaiting the handles joins them.
    println!("run_in_executor: each search on the blocking thread pool, awaited from async code");
    let start = Instant::now();
    let handles = TARGETS.map(|x| tokio::task::spawn_blocking(move || highest_prime_below(x)));
    for handle in handles {
        handle.await?;
    }
    let offloaded = start.elapsed();
    println!(
        "offloaded: took {:.2} ms, {:.2}x faster than blocking",
        offloaded.as_secs_f64() * 1e3,
        blocking.as_secs_f64() / offloaded.as_secs_f64()
    );
    Ok(())
}

/// A task that panicked ends `main` with its error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await?,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}
