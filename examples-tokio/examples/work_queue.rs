//! # work_queue: two workers drain one queue (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`, each item seconds of waiting that stand for I/O.
//! Two workers, `One` and `Two`, take items until it is empty. A worker awaits
//! `tokio::time::sleep`, and while it waits the other one runs: One does 15 + 2, Two 10 + 5,
//! 17 s in all instead of 32. At t = 15 s both come back at once: who takes the 2 is a tie.
//!
//! `blocking` is the classic mistake, `std::thread::sleep` in async code: it keeps its thread.
//! On the multi-thread runtime each worker blocks a thread of its own and it still takes 17 s,
//! but only while there are as many threads as blocked tasks: `TOKIO_WORKER_THREADS=1` (or
//! `#[tokio::main(flavor = "current_thread")]`) lets One take all four items, 32 s.
//!
//! ```text
//! cargo run -p examples-tokio --example work_queue                # async: 17 s
//! cargo run -p examples-tokio --example work_queue -- blocking    # 17 s on 2+ threads
//! TOKIO_WORKER_THREADS=1 cargo run -p examples-tokio --example work_queue -- blocking  # 32 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml` (async-channel: a queue that several
//! workers receive from, each item going to one of them):
//!
//! ```toml
//! [dependencies]
//! async-channel = "2"
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, `--flavor`, the harness) is `src/bin/work_queue.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::task::JoinError;

/// The seed's `task(name, work_queue)`: take items until the queue is empty.
async fn task(name: &str, work_queue: async_channel::Receiver<u64>, blocking: bool) {
    while let Ok(delay) = work_queue.recv().await {
        println!("Task {name} running");
        let start_time = Instant::now();
        if blocking {
            // The classic mistake: this blocks the thread, and every task waiting for it.
            std::thread::sleep(Duration::from_secs(delay));
        } else {
            // While this worker sleeps, the scheduler runs the other one.
            tokio::time::sleep(Duration::from_secs(delay)).await;
        }
        let elapsed = start_time.elapsed().as_secs_f64();
        println!("Task {name} elapsed time: {elapsed:?}");
    }
}

/// Two workers on one queue, sleeping the runtime's way (`async`) or blocking the thread.
async fn two_workers(blocking: bool) -> Result<(), JoinError> {
    // Put the work in the queue, then close it: the workers stop when it is empty.
    let (sender, work_queue) = async_channel::unbounded();
    for work in [15, 10, 5, 2] {
        sender.send(work).await.expect("the queue is open");
    }
    sender.close();
    // Spawn both workers, then wait for both.
    let handles = ["One", "Two"].map(|name| tokio::spawn(task(name, work_queue.clone(), blocking)));
    for handle in handles {
        handle.await?;
    }
    Ok(())
}

/// A task that panicked ends `main` with its error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
    let start = Instant::now();
    // The first argument picks the mode; async is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("async") {
        "async" => two_workers(false).await?,
        "blocking" => two_workers(true).await?,
        other => {
            eprintln!("unknown mode {other:?}: the modes are async, blocking");
            return Ok(ExitCode::from(2));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("Total Time elapsed: {secs:?} seconds");
    Ok(ExitCode::SUCCESS)
}
