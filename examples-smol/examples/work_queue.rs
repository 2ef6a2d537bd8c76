//! # work_queue: two workers drain one queue (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`, each item seconds of waiting that stand for I/O.
//! Two workers, `One` and `Two`, take items until it is empty. A worker awaits
//! `smol::Timer::after`, and while it waits the other one runs: One does 15 + 2, Two 10 + 5,
//! 17 s in all instead of 32. At t = 15 s both come back at once: who takes the 2 is a tie.
//!
//! `blocking` is the classic mistake, `std::thread::sleep` in async code: it keeps its thread.
//! `smol::spawn` runs the workers on smol's global executor, `SMOL_THREADS` threads, one by
//! default: One blocks it and, an item always waiting, takes all four, 32 s. `SMOL_THREADS=2`
//! gives each worker a thread to block: 17 s, but only while there are as many threads as
//! blocked tasks.
//!
//! ```text
//! cargo run -p examples-smol --example work_queue                # async: 17 s
//! cargo run -p examples-smol --example work_queue -- blocking    # 32 s on one thread
//! SMOL_THREADS=2 cargo run -p examples-smol --example work_queue -- blocking    # 17 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml` (the queue is `smol::channel`, the
//! async-channel crate: several workers receive from it, each item going to one of them):
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/work_queue.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The seed's `task(name, work_queue)`: take items until the queue is empty.
async fn task(name: &str, work_queue: smol::channel::Receiver<u64>, blocking: bool) {
    while let Ok(delay) = work_queue.recv().await {
        println!("Task {name} running");
        let start_time = Instant::now();
        if blocking {
            // The classic mistake: this blocks the thread, and every task waiting for it.
            std::thread::sleep(Duration::from_secs(delay));
        } else {
            // While this worker sleeps, the scheduler runs the other one.
            smol::Timer::after(Duration::from_secs(delay)).await;
        }
        let elapsed = start_time.elapsed().as_secs_f64();
        println!("Task {name} elapsed time: {elapsed:?}");
    }
}

/// Two workers on one queue, sleeping the runtime's way (`async`) or blocking the thread.
async fn two_workers(blocking: bool) {
    // Put the work in the queue, then close it: the workers stop when it is empty.
    let (sender, work_queue) = smol::channel::unbounded();
    for work in [15, 10, 5, 2] {
        sender.send(work).await.expect("the queue is open");
    }
    sender.close();
    // Spawn both workers, then wait for both.
    let handles = ["One", "Two"].map(|name| smol::spawn(task(name, work_queue.clone(), blocking)));
    for handle in handles {
        handle.await;
    }
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; async is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("async") {
        "async" => smol::block_on(two_workers(false)),
        "blocking" => smol::block_on(two_workers(true)),
        other => {
            eprintln!("unknown mode {other:?}: the modes are async, blocking");
            return ExitCode::from(2);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("Total Time elapsed: {secs:?} seconds");
    ExitCode::SUCCESS
}
