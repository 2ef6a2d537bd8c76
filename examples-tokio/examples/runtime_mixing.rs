//! # runtime_mixing: a tokio future needs a tokio runtime, and a runtime must not block inside itself (tokio)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on: `tokio::time::sleep`,
//! tokio's sockets and everything built on them (reqwest, hyper on tokio, …) register with
//! the tokio runtime of the thread that polls them. Two mistakes follow, one per mode, each
//! run for real with the panic it causes caught (and printed in one line), then fixed:
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
//! blocks a worker: the smol and async-std versions of this example measure it. Each fix naps
//! once (0.5 s).
//!
//! ```text
//! cargo run -p examples-tokio --example runtime_mixing                     # no-reactor
//! cargo run -p examples-tokio --example runtime_mixing -- nested-block-on
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
//! The measured twin (trace, `--scale`, the harness) is `src/bin/runtime_mixing.rs`.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::runtime::Handle;

/// How long each fix naps.
const NAP: Duration = Duration::from_millis(500);

thread_local! {
    /// Set while this thread runs a mistake whose panic is expected and caught.
    static EXPECTING_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// Runs `mistake`, catching its panic: the message's first line (the hook set in `main` keeps
/// quiet about it), or what `mistake` returned if it did not panic.
fn catch_panic<R>(mistake: impl FnOnce() -> R) -> Result<R, String> {
    EXPECTING_PANIC.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(mistake));
    EXPECTING_PANIC.set(false);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        message.lines().next().unwrap_or_default().to_string()
    })
}

/// `"<what> panicked: <message>"`, or `"<what> ran to its end"`.
fn outcome<T>(what: &str, result: Result<T, String>) -> String {
    match result {
        Ok(_) => format!("{what} ran to its end"),
        Err(message) => format!("{what} panicked: {message}"),
    }
}

/// Runs `body` on a new plain OS thread (no tokio runtime there), catching its panic.
async fn on_plain_thread<T: Send + 'static>(
    body: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (done, result) = futures::channel::oneshot::channel();
    std::thread::spawn(move || done.send(catch_panic(body)));
    result.await.expect("the thread sends what it caught")
}

/// A tokio future on a thread without a tokio runtime, then the two fixes.
async fn no_reactor() {
    // The mistake: another executor runs tokio's sleep on a plain thread.
    let mistake = on_plain_thread(|| futures::executor::block_on(tokio::time::sleep(NAP))).await;
    println!(
        "{}",
        outcome(
            "no-reactor: tokio::time::sleep under futures::executor::block_on on a plain thread",
            mistake
        )
    );
    // Fix 1: the thread hands the future to the runtime (the sleep is made inside it).
    let handle = Handle::current();
    let fixed = on_plain_thread(move || handle.block_on(async { tokio::time::sleep(NAP).await }));
    println!(
        "{}",
        outcome(
            "fix: Handle::block_on on that thread: the sleep",
            fixed.await
        )
    );
    // Fix 2: the thread enters the runtime; tokio futures made and polled inside find it.
    let handle = Handle::current();
    let fixed = on_plain_thread(move || {
        let _inside = handle.enter();
        futures::executor::block_on(tokio::time::sleep(NAP))
    });
    println!(
        "{}",
        outcome(
            "fix: Handle::enter on that thread, then futures::executor::block_on: the sleep",
            fixed.await
        )
    );
}

/// `Handle::block_on` inside a task, then the two fixes.
async fn nested_block_on() {
    // The mistake: a task blocks its worker thread on another future.
    let mistake =
        tokio::spawn(async { catch_panic(|| Handle::current().block_on(tokio::time::sleep(NAP))) });
    let mistake = mistake.await.expect("catch_panic catches the panic");
    println!(
        "{}",
        outcome("nested-block-on: Handle::block_on inside a task", mistake)
    );
    // Fix 1: in async code, await it.
    let fixed = tokio::spawn(tokio::time::sleep(NAP)).await;
    println!(
        "{}",
        outcome(
            "fix: .await it inside the task: the sleep",
            fixed.map_err(|e| e.to_string())
        )
    );
    // Fix 2: sync code that must block_on runs on the blocking pool, off the workers.
    let handle = Handle::current();
    let fixed = tokio::task::spawn_blocking(move || {
        catch_panic(|| handle.block_on(tokio::time::sleep(NAP)))
    });
    let fixed = fixed.await.expect("catch_panic catches the panic");
    println!(
        "{}",
        outcome(
            "fix: Handle::block_on inside spawn_blocking: the sleep",
            fixed
        )
    );
}

#[tokio::main]
async fn main() -> ExitCode {
    let start = Instant::now();
    // Panics that a mode expects (and catches) are not reported; any other panic is.
    let report = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !EXPECTING_PANIC.get() {
            report(info);
        }
    }));
    // The first argument picks the mode; no-reactor is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("no-reactor") {
        "no-reactor" => no_reactor().await,
        "nested-block-on" => nested_block_on().await,
        other => {
            eprintln!("unknown mode {other:?}: the modes are no-reactor, nested-block-on");
            return ExitCode::from(2);
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
