//! # lazy_futures: a future does nothing until it is awaited or spawned (seed 002)
//!
//! In the seed, calling `main()` only makes a coroutine object. Calling an `async fn` in Rust
//! is the same: not one line of its body runs until something polls the future. Spawning hands
//! it to the scheduler, which runs it awaited or not; dropping an async-std `JoinHandle`
//! detaches the task (it runs on), `cancel().await` cancels it. (In smol, dropping the `Task`
//! cancels it.) A task still napping when `main` returns is never dropped: async-std's
//! executor lives as long as the process, which just exits (tokio's runtime would drop it).
//!
//! ```text
//! cargo run -p examples-async-std --example lazy_futures   # 1 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/lazy_futures.rs`.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use async_std::channel::{self, Sender};

const NAP: Duration = Duration::from_millis(500);

/// The seed's `main()`: says it is running and returns a number; `ran` records that it ran.
async fn answer(ran: Arc<AtomicBool>) -> u32 {
    ran.store(true, Ordering::SeqCst);
    println!("answer() is running");
    42
}

/// Sleeps, says it finished, and sends on `done` (dropped unsent if the task is cancelled).
async fn nap(done: Sender<()>) {
    async_std::task::sleep(NAP).await;
    println!("nap() finished");
    let _ = done.send(()).await;
}

/// Held by the task left napping: would say so if anything dropped the task.
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

async fn concurrent() {
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
    let handle = async_std::task::spawn(answer(ran.clone()));
    async_std::task::sleep(NAP).await;
    let what = said(&ran, "it ran anyway", "it did not run");
    println!("spawned it, then slept without awaiting it: {what}");
    // Awaiting the handle joins the task and hands over its value.
    println!("awaited the JoinHandle: {}", handle.await);

    // Dropping an async-std JoinHandle detaches the task: it keeps running.
    let (done, finished) = channel::bounded(1);
    drop(async_std::task::spawn(nap(done)));
    println!(
        "dropped the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    );

    // cancel() is how async-std cancels a task: its future is dropped where it stands.
    let (done, finished) = channel::bounded(1);
    async_std::task::spawn(nap(done)).cancel().await;
    println!(
        "cancelled the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    );

    // Detached until the end: this task still naps when main returns, and nothing drops it
    // (its guard never prints); the process just exits.
    // The guard is made here and moved in: an async block makes nothing until it is polled.
    let guard = DroppedAtShutdown;
    drop(async_std::task::spawn(async move {
        let _guard = guard;
        async_std::task::sleep(Duration::from_secs(3600)).await;
    }));
    println!("detached a task that naps for an hour; the program ends now");
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
}

#[async_std::main]
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
