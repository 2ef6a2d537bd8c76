//! # lazy_futures: a future does nothing until it is awaited or spawned (seed 002)
//!
//! In the seed, calling `main()` only makes a coroutine object. Calling an `async fn` in Rust
//! is the same: not one line of its body runs until something polls the future. Spawning hands
//! it to the scheduler, which runs it awaited or not; dropping a tokio `JoinHandle` detaches the
//! task (it runs on, while the runtime lives), `abort()` cancels it. (In smol, dropping the
//! `Task` cancels it.) A task still napping when `main` returns is dropped when the runtime
//! shuts down: its guard prints the last line.
//!
//! ```text
//! cargo run -p examples-tokio --example lazy_futures   # 1 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "sync", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/lazy_futures.rs`.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinError;

const NAP: Duration = Duration::from_millis(500);

/// The seed's `main()`: says it is running and returns a number; `ran` records that it ran.
async fn answer(ran: Arc<AtomicBool>) -> u32 {
    ran.store(true, Ordering::SeqCst);
    println!("answer() is running");
    42
}

/// Sleeps, says it finished, and sends on `done` (dropped unsent if the task is cancelled).
async fn nap(done: oneshot::Sender<()>) {
    tokio::time::sleep(NAP).await;
    println!("nap() finished");
    let _ = done.send(());
}

/// Held by the task left napping: says so when the runtime drops the task.
struct DroppedAtShutdown;

impl Drop for DroppedAtShutdown {
    fn drop(&mut self) {
        println!("the runtime shut down and dropped the napping task it still had");
    }
}

/// `yes` if `ran` was set, else `no`.
fn said(ran: &AtomicBool, yes: &'static str, no: &'static str) -> &'static str {
    if ran.load(Ordering::SeqCst) { yes } else { no }
}

/// What became of a napping task: it sent on its channel, or its future was dropped.
fn fate(finished: bool) -> &'static str {
    if finished {
        "it ran to the end (detached)"
    } else {
        "it was cancelled before it finished"
    }
}

async fn concurrent() -> Result<(), JoinError> {
    let start = Instant::now();
    // Calling the async fn only builds the future: its body has not run.
    let ran = Arc::new(AtomicBool::new(false));
    let future = answer(ran.clone());
    let what = said(&ran, "it already ran", "nothing ran yet");
    println!("created the future: {what}");
    // Awaiting polls it, here and now: the body runs and returns its value.
    println!("awaited it: it ran and returned {}", future.await);

    // A future dropped without being polled never runs at all.
    let ran = Arc::new(AtomicBool::new(false));
    drop(answer(ran.clone()));
    let what = said(&ran, "it ran", "it never ran");
    println!("dropped a future that was never awaited: {what}");

    // A spawned future is a task: the scheduler runs it without anyone awaiting it.
    let ran = Arc::new(AtomicBool::new(false));
    let handle = tokio::spawn(answer(ran.clone()));
    tokio::time::sleep(NAP).await;
    let what = said(&ran, "it ran anyway", "it did not run");
    println!("spawned it, then slept without awaiting it: {what}");
    // Awaiting the handle joins the task and hands over its value: `Err` if the task
    // panicked or was aborted, passed on to `main` by `?`.
    println!("awaited the JoinHandle: {}", handle.await?);

    // Dropping a tokio JoinHandle detaches the task: it keeps running.
    let (done, finished) = oneshot::channel();
    drop(tokio::spawn(nap(done)));
    println!("dropped the JoinHandle: {}", fate(finished.await.is_ok()));

    // abort() is how tokio cancels a task: its future is dropped where it stands.
    let (done, finished) = oneshot::channel();
    tokio::spawn(nap(done)).abort();
    println!("aborted the JoinHandle: {}", fate(finished.await.is_ok()));

    // Detached is not forever: this task still naps when main returns, and the runtime drops
    // it when it shuts down (its guard prints then, after the timing line).
    // The guard is made here and moved in: an async block makes nothing until it is polled.
    let guard = DroppedAtShutdown;
    drop(tokio::spawn(async move {
        let _guard = guard;
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }));
    println!("detached a task that naps for an hour; the program ends now");
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    Ok(())
}

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
