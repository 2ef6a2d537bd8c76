//! # wait_vs_gather: join all, first completed, a timeout, cancel the rest (seed 002)
//!
//! `asyncio.gather` waits for every task and returns their results in the order asked;
//! `asyncio.wait(FIRST_COMPLETED)` comes back when one is done and leaves the others running
//! until you cancel them; `asyncio.wait_for` cancels an awaitable when its time runs out. In
//! tokio: await the `JoinHandle`s in order, `tokio::select!`, `abort()`, `tokio::time::timeout`.
//!
//! ```text
//! cargo run -p examples-tokio --example wait_vs_gather   # 4.5 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/wait_vs_gather.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The three jobs, in the order they are started and joined: name, milliseconds of sleep.
const JOBS: [(&str, u64); 3] = [("slow", 1500), ("fast", 500), ("medium", 1000)];

/// One job: says it started, sleeps, says it finished, and returns its name.
async fn job((name, millis): (&'static str, u64)) -> &'static str {
    println!("{name} started");
    // A cancelled job stops here: the line after this never runs.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

async fn concurrent() {
    let start = Instant::now();
    // gather: spawn every job, then await the handles in the order asked.
    println!("asyncio.gather: spawn three tasks, join them all");
    let mut gathered = Vec::new();
    for handle in JOBS.map(|j| tokio::spawn(job(j))) {
        gathered.push(handle.await.expect("a job panicked"));
    }
    let gathered = gathered.join(", ");
    println!("gathered [{gathered}]: the order asked, not the order finished");

    // wait(FIRST_COMPLETED): select! over the handles by &mut; the losers keep running.
    println!(
        "asyncio.wait(FIRST_COMPLETED): spawn them again, take the first to finish, cancel the rest"
    );
    let [mut a, mut b, mut c] = JOBS.map(|j| (j.0, tokio::spawn(job(j))));
    let first = tokio::select! {
        done = &mut a.1 => done,
        done = &mut b.1 => done,
        done = &mut c.1 => done,
    };
    let first = first.expect("a job panicked");
    println!("first completed: {first}");

    // Cancel the rest: abort() each one, then await it to learn what became of it.
    for (name, handle) in [a, b, c] {
        if name != first {
            handle.abort();
            let fate = match handle.await {
                Err(error) if error.is_cancelled() => "cancelled before it finished",
                _ => "it had finished already",
            };
            println!("{name}: {fate}");
        }
    }

    // A cancelled task's remaining work never runs: wait as long as the slowest job.
    println!("waiting as long as the slowest job, in case a cancelled task still prints");
    tokio::time::sleep(Duration::from_millis(1500)).await;

    // wait_for: a timeout on the slow job; when it fires, the job's future is dropped.
    println!("asyncio.wait_for: the slow job with a timeout");
    match tokio::time::timeout(Duration::from_secs(1), job(JOBS[0])).await {
        Ok(name) => println!("{name} finished within the timeout"),
        Err(_elapsed) => println!("timed out: slow was dropped before it finished"),
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}

#[tokio::main]
async fn main() -> ExitCode {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
