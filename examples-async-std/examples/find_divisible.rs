//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. Three tasks are spawned
//! and joined. `cooperative` (the default) gives the scheduler a turn every 50 000 numbers with
//! `task::yield_now()` (the seed awaits `asyncio.sleep(0.00001)`); `greedy` never
//! does. Both run their tasks on one thread, as asyncio does: `task::spawn_local` (async-std's
//! `unstable` feature) puts them on the executor that `main`'s `block_on` runs. Cooperative
//! tasks take turns: the three `Finding` lines first, then `Done` smallest job first, every
//! run; greedy ones run one after another. `parallel` spawns the cooperative tasks with
//! `task::spawn` onto async-std's global pool (a thread per core): they run side by side, and
//! the order of the lines is the scheduler's. Async does not make computation faster.
//!
//! ```text
//! cargo run -p examples-async-std --example find_divisible               # cooperative
//! cargo run -p examples-async-std --example find_divisible -- greedy
//! cargo run -p examples-async-std --example find_divisible -- parallel    # on the thread pool
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! The measured twin (trace, the harness) is `src/bin/find_divisible.rs`.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use async_std::task;

/// The seed's `find_divisibles(inrange, div_by)`.
async fn find_divisibles(inrange: u64, div_by: u64, cooperative: bool) -> Vec<u64> {
    println!("Finding nums in range {inrange} divisible by {div_by}");
    let mut located = Vec::new();
    for i in 0..inrange {
        if i % div_by == 0 {
            located.push(i);
        }
        // Every 50 000 numbers a cooperative task lets the scheduler run the others.
        if cooperative && i % 50_000 == 0 {
            task::yield_now().await;
        }
    }
    println!("Done w/ nums in range {inrange} divisible by {div_by}");
    located
}

/// Spawn the three searches, on this thread or on the pool, and join them (black_box: the
/// compiler may not work out the answers itself, the work is the point).
async fn three_searches(cooperative: bool, parallel: bool) {
    let jobs = [(508_000, 34_113), (100_052, 3_210), (500, 3)];
    let handles = jobs.map(|(n, d)| {
        let search = find_divisibles(black_box(n), black_box(d), cooperative);
        if parallel {
            task::spawn(search)
        } else {
            task::spawn_local(search)
        }
    });
    for handle in handles {
        handle.await;
    }
}

#[async_std::main]
async fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; cooperative is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("cooperative") {
        "cooperative" => three_searches(true, false).await,
        "greedy" => three_searches(false, false).await,
        "parallel" => three_searches(true, true).await,
        other => {
            eprintln!("unknown mode {other:?}: the modes are cooperative, greedy, parallel");
            return ExitCode::from(2);
        }
    }
    println!(
        "Wall time: {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    ExitCode::SUCCESS
}
