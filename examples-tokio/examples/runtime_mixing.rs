//! # runtime_mixing: a tokio future needs a tokio runtime, and a runtime must not block inside itself (tokio)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on: `tokio::time::sleep`,
//! tokio's sockets and everything built on them (reqwest, hyper on tokio, …) register with
//! the tokio runtime of the thread that polls them. Two mistakes follow, each shown here with
//! the panic it causes (caught, and printed in one line) and then fixed:
//!
//! - `no-reactor`: a tokio future polled by another executor on a thread with no tokio
//!   runtime (here `futures::executor::block_on` on a plain thread, as in a sync callback)
//!   panics with "there is no reactor running, must be called from the context of a Tokio
//!   1.x runtime". Fix: hand the thread a `Handle` of the runtime and let it run the future
//!   (`handle.block_on`), or enter the runtime (`handle.enter()`) around the call.
//! - `nested-block-on`: `Handle::block_on` (or `Runtime::block_on`) called inside a task
//!   panics with "Cannot start a runtime from within a runtime": the thread is a worker
//!   already driving tasks, and blocking it on another future would stall them. Fix: inside
//!   async code, `.await` the future; when sync code in the middle needs `block_on`, run that
//!   code on the blocking pool (`spawn_blocking`), where blocking is allowed.
//!
//! The other direction, another runtime's `block_on` inside a tokio task, does not panic but
//! blocks a worker: the smol and async-std versions of this example measure it.
//!
//! ```text
//! cargo run -p examples-tokio --example runtime_mixing                     # every case
//! cargo run -p examples-tokio --example runtime_mixing -- nested-block-on  # one of them
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt-multi-thread", "macros", "time"] }
//! futures = "0.3"
//! ```
//!
//! The measured version, with `--scale`, `--trace` and the catalogue's checks, is
//! `src/bin/runtime_mixing.rs`.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::runtime::Handle;

/// How long each sleep of the example lasts.
const NAP: Duration = Duration::from_millis(100);

/// The cases, in the order they run.
const CASES: [&str; 2] = ["no-reactor", "nested-block-on"];

thread_local! {
    /// Set while this thread runs a mistake whose panic is expected and caught.
    static EXPECTING_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// Runs `mistake` and catches its panic, returning the panic's message (or what `mistake`
/// returned, if it did not panic). The panic hook installed by `main` keeps quiet about it.
fn catch_panic<R>(mistake: impl FnOnce() -> R) -> Result<R, String> {
    EXPECTING_PANIC.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(mistake));
    EXPECTING_PANIC.set(false);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic without a message".to_string());
        // One line: the message's first.
        message.lines().next().unwrap_or_default().to_string()
    })
}

/// What happened, in one line.
fn outcome(result: Result<Duration, String>) -> String {
    match result {
        Ok(took) => format!("ran, {:.0} ms", took.as_secs_f64() * 1e3),
        Err(message) => format!("panicked: {message}"),
    }
}

/// A tokio sleep, timed.
async fn nap() -> Duration {
    let start = Instant::now();
    tokio::time::sleep(NAP).await;
    start.elapsed()
}

/// A tokio future on a thread without a tokio runtime, then the two fixes.
fn no_reactor(handle: Handle) {
    // The mistake: another executor polls the tokio sleep on a plain thread.
    let mistake = std::thread::spawn(|| catch_panic(|| futures::executor::block_on(nap())))
        .join()
        .expect("the panic was caught");
    println!(
        "no-reactor: tokio::time::sleep under futures::executor::block_on on a plain thread {}",
        outcome(mistake)
    );
    // Fix 1: the thread asks the runtime itself to run the future.
    let by_handle = {
        let handle = handle.clone();
        std::thread::spawn(move || handle.block_on(nap()))
    };
    let took = by_handle.join().expect("no panic");
    println!("fix: Handle::block_on on that thread {}", outcome(Ok(took)));
    // Fix 2: the thread enters the runtime; tokio futures made and polled inside find it.
    let entered = std::thread::spawn(move || {
        let _inside = handle.enter();
        futures::executor::block_on(nap())
    });
    let took = entered.join().expect("no panic");
    println!(
        "fix: Handle::enter, then futures::executor::block_on {}",
        outcome(Ok(took))
    );
}

/// `Handle::block_on` inside a task, then the two fixes.
async fn nested_block_on() {
    // The mistake: a task blocks its worker on another future.
    let mistake = tokio::spawn(async { catch_panic(|| Handle::current().block_on(nap())) })
        .await
        .expect("the panic was caught inside the task");
    println!(
        "nested-block-on: Handle::block_on inside a task {}",
        outcome(mistake)
    );
    // Fix 1: in async code, await it.
    let took = tokio::spawn(nap()).await.expect("no panic");
    println!("fix: .await it inside the task {}", outcome(Ok(took)));
    // Fix 2: sync code that must block_on runs on the blocking pool, not on a worker.
    let handle = Handle::current();
    let took = tokio::task::spawn_blocking(move || handle.block_on(nap()))
        .await
        .expect("no panic");
    println!(
        "fix: Handle::block_on inside spawn_blocking {}",
        outcome(Ok(took))
    );
}

#[tokio::main]
async fn main() -> ExitCode {
    // An optional first argument picks one case.
    let cases: Vec<&str> = match std::env::args().nth(1) {
        None => CASES.to_vec(),
        Some(case) => match CASES.iter().find(|c| **c == case) {
            Some(case) => vec![*case],
            None => {
                eprintln!("unknown mode {case:?}: the modes are {}", CASES.join(", "));
                return ExitCode::from(2);
            }
        },
    };
    // Panics that a case expects (and catches) are not reported; any other panic is.
    let report = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !EXPECTING_PANIC.get() {
            report(info);
        }
    }));
    for case in cases {
        match case {
            "no-reactor" => {
                // The case waits for threads it starts (blocking): on the blocking pool.
                let handle = Handle::current();
                tokio::task::spawn_blocking(move || no_reactor(handle))
                    .await
                    .expect("no panic");
            }
            _ => nested_block_on().await,
        }
    }
    ExitCode::SUCCESS
}
