//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. Three tasks are spawned
//! and joined. `cooperative` (the default) gives the scheduler a turn every 50 000 numbers with
//! `smol::future::yield_now()` (the seed awaits `asyncio.sleep(0.00001)`): the three `Finding`
//! lines come first, then `Done` smallest job first. `greedy` never yields: each task runs from
//! `Finding` to `Done` before the next starts. A `LocalExecutor` makes the one thread explicit:
//! its tasks run only inside `executor.run(..)`, here. `parallel` runs the cooperative tasks on
//! an `Executor` run by one thread per core: they run side by side, and the order of the lines
//! is the scheduler's. Async does not make computation faster.
//!
//! ```text
//! cargo run -p examples-smol --example find_divisible               # cooperative
//! cargo run -p examples-smol --example find_divisible -- greedy
//! cargo run -p examples-smol --example find_divisible -- parallel    # one thread per core
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, the harness) is `src/bin/find_divisible.rs`.

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

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
            smol::future::yield_now().await;
        }
    }
    println!("Done w/ nums in range {inrange} divisible by {div_by}");
    located
}

/// Spawn the three searches on one thread's executor and join them (black_box: the compiler
/// may not work out the answers itself, the work is the point).
async fn three_searches(cooperative: bool) {
    let executor = smol::LocalExecutor::new();
    let handles =
        JOBS.map(|(n, d)| executor.spawn(find_divisibles(black_box(n), black_box(d), cooperative)));
    // Run the executor while joining them.
    executor
        .run(async {
            for handle in handles {
                handle.await;
            }
        })
        .await;
}

/// The cooperative searches on a pool: one executor, run by one thread per core until the
/// channel closes.
async fn three_searches_in_parallel() {
    let executor = Arc::new(smol::Executor::new());
    let (stop, stopped) = smol::channel::bounded::<()>(1);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for _ in 0..threads {
        let (executor, stopped) = (executor.clone(), stopped.clone());
        std::thread::spawn(move || smol::block_on(executor.run(stopped.recv())));
    }
    let handles =
        JOBS.map(|(n, d)| executor.spawn(find_divisibles(black_box(n), black_box(d), true)));
    for handle in handles {
        handle.await;
    }
    // Closing the channel ends every thread's `run`.
    drop(stop);
}

const JOBS: [(u64, u64); 3] = [(508_000, 34_113), (100_052, 3_210), (500, 3)];

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; cooperative is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("cooperative") {
        "cooperative" => smol::block_on(three_searches(true)),
        "greedy" => smol::block_on(three_searches(false)),
        "parallel" => smol::block_on(three_searches_in_parallel()),
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
