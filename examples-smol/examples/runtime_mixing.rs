//! # runtime_mixing: a tokio future under smol, and smol's `block_on` inside tokio (smol)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on. smol's own futures
//! (`smol::Timer`, `smol::net`, …) wait on async-io's reactor, a thread of its own, so they run
//! under any executor. tokio's (`tokio::time::sleep`, tokio's sockets, and all that is built on
//! them: reqwest, hyper on tokio, …) register with the tokio runtime of the thread that polls
//! them, and there is none under smol (reqwest#2722, smol#238). Two mistakes, one per mode,
//! each run for real, then fixed:
//!
//! - `no-reactor`: `tokio::time::sleep` under `smol::block_on` panics with "there is no reactor
//!   running, must be called from the context of a Tokio 1.x runtime" (caught here, and
//!   printed in one line). Fixes: wrap the future in `async_compat::Compat` (the adapter
//!   smol's documentation points to: it runs a tokio runtime of its own on one thread and
//!   enters it around every poll), or build a tokio runtime and make the tokio future inside
//!   its `Handle::enter` (the sleep finds its runtime when it is made; that runtime's worker
//!   thread keeps the time while smol polls the future).
//! - `blocked-worker`: `smol::block_on` inside a tokio task does not panic: it blocks the tokio
//!   worker thread until its future is done, so the other tasks of that worker wait, exactly
//!   like the blocking sleep of seed 002. Three tasks that each nap 0.5 s this way on a
//!   one-thread tokio runtime take 1.5 s, not 0.5 s. Fix: `.await` the smol future inside the
//!   task (it runs under tokio, async-io's reactor wakes it): 0.5 s.
//!
//! Each fix naps once (0.5 s); the run ends with how long it took.
//!
//! ```text
//! cargo run -p examples-smol --example runtime_mixing                    # no-reactor
//! cargo run -p examples-smol --example runtime_mixing -- blocked-worker
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! tokio = { version = "1", features = ["rt-multi-thread", "time"] }
//! async-compat = "0.2"
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/runtime_mixing.rs`.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long each fix naps, and each task of `blocked-worker`.
const NAP: Duration = Duration::from_millis(500);
/// How many tokio tasks nap at once in `blocked-worker`.
const TASKS: usize = 3;

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

/// A tokio future under smol's executor, then the two fixes.
fn no_reactor() -> std::io::Result<()> {
    // The mistake: smol runs a future that awaits tokio's sleep, which looks for a tokio
    // runtime (the sleep is made when the future is first polled).
    let mistake = catch_panic(|| smol::block_on(async { tokio::time::sleep(NAP).await }));
    println!(
        "{}",
        outcome(
            "no-reactor: tokio::time::sleep awaited in a smol task",
            mistake
        )
    );
    // Fix 1: async-compat enters its own tokio runtime around each poll (the sleep must be
    // made inside the wrapped future, where that runtime is entered).
    let compat = async_compat::Compat::new(async { tokio::time::sleep(NAP).await });
    let fixed = catch_panic(|| smol::block_on(compat));
    println!(
        "{}",
        outcome("fix: inside async_compat::Compat, the tokio sleep", fixed)
    );
    // Fix 2: a tokio runtime beside smol; the sleep is made inside its context, and its
    // worker thread keeps the time while smol polls the future.
    let tokio = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_time()
        .build()?;
    let sleep = {
        let _inside = tokio.enter();
        tokio::time::sleep(NAP)
    };
    let fixed = catch_panic(|| smol::block_on(sleep));
    println!(
        "{}",
        outcome(
            "fix: made inside a tokio runtime's Handle::enter, the tokio sleep",
            fixed
        )
    );
    Ok(())
}

/// `TASKS` tokio tasks on a one-thread tokio runtime, each napping with the smol timer inside
/// `smol::block_on` (the mistake) or awaited (the fix).
fn tokio_tasks_nap(block: bool) -> std::io::Result<()> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    tokio.block_on(async {
        let tasks: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async move {
                    if block {
                        // Blocks the worker: no other task runs until this nap is over.
                        smol::block_on(smol::Timer::after(NAP));
                    } else {
                        // Yields to the worker while async-io's reactor keeps the time.
                        smol::Timer::after(NAP).await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await?;
        }
        Ok(())
    })
}

/// `smol::block_on` inside tokio tasks, then the fix, each timed against its ideal.
fn blocked_worker() -> std::io::Result<()> {
    let secs = |d: Duration| d.as_secs_f64();
    println!(
        "blocked-worker: {TASKS} tokio tasks on one worker, each in smol::block_on(Timer::after(nap))"
    );
    let start = Instant::now();
    tokio_tasks_nap(true)?;
    println!(
        "took {:.3} s, ideal {:.3} s: the worker ran the naps one after another",
        secs(start.elapsed()),
        secs(NAP)
    );
    println!("fix: each tokio task awaits the smol timer");
    let start = Instant::now();
    tokio_tasks_nap(false)?;
    println!(
        "took {:.3} s, ideal {:.3} s",
        secs(start.elapsed()),
        secs(NAP)
    );
    Ok(())
}

fn main() -> std::io::Result<ExitCode> {
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
        "no-reactor" => no_reactor()?,
        "blocked-worker" => blocked_worker()?,
        other => {
            eprintln!("unknown mode {other:?}: the modes are no-reactor, blocked-worker");
            return Ok(ExitCode::from(2));
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
