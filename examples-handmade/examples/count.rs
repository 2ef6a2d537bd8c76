//! # count on the handmade runtime, in one file (seeds 003 and 004)
//!
//! The runtime itself is what to copy here: put `src/runtime/` in a project of yours, add
//! `polling = "2.8"` to its `[dependencies]`, and this file beside it runs as it does here.
//! Three `count()` tasks sleep at the same time: `One One One Two Two Two` in 1 s; awaited one
//! after another (`sequential`), 3 s.
//!
//! ```text
//! cargo run -p examples-handmade --example count               # concurrent: 1 s
//! cargo run -p examples-handmade --example count -- sequential  # 3 s
//! ```
//! Its measured twin is `src/bin/count.rs`; `tests/standalone.rs` builds this file and the
//! runtime folder in a fresh project and runs it.

use std::time::{Duration, Instant};

// The runtime folder, one level up from this file in both projects (`examples/count.rs`
// here, `src/main.rs` in a fresh project). count uses only part of it.
#[allow(dead_code, unused_imports)]
#[path = "../src/runtime/mod.rs"]
mod runtime;

/// The seed's `count()`.
async fn count() {
    println!("One");
    // While this task sleeps, the loop runs the others.
    runtime::sleep(Duration::from_secs(1)).await;
    println!("Two");
}

/// Each call is awaited before the next one starts: 3 s.
async fn sequential() {
    for _ in 0..3 {
        count().await;
    }
}

/// Spawn three calls as tasks (each queued at once), then join them all: 1 s.
async fn concurrent() {
    let handles: Vec<_> = (0..3).map(|_| runtime::spawn(count())).collect();
    for handle in handles {
        handle.await;
    }
}

fn main() {
    let start = Instant::now();
    // The first argument picks the mode; concurrent is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => runtime::block_on(concurrent()),
        "sequential" => runtime::block_on(sequential()),
        other => {
            eprintln!("unknown mode {other:?}: the modes are concurrent, sequential");
            std::process::exit(2);
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}
