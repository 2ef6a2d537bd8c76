//! # runtime_mixing: a tokio future under async-std, and async-std's `block_on` inside tokio (async-std)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on. async-std's own futures
//! (`task::sleep`, `async_std::net`, …) wait on async-io's reactor, a thread of its own, so
//! they run under any executor. tokio's (`tokio::time::sleep`, tokio's sockets, and all that is
//! built on them: reqwest, hyper on tokio, …) register with the tokio runtime of the thread
//! that polls them, and there is none under async-std. Two mistakes, each shown and then fixed:
//!
//! - `no-reactor`: `tokio::time::sleep` under `async_std::task::block_on` panics with "there is
//!   no reactor running, must be called from the context of a Tokio 1.x runtime" (caught
//!   here, and printed in one line). Fixes: wrap the future in `async_compat::Compat` (it runs
//!   a tokio runtime of its own on one thread and enters it around every poll), or build a
//!   tokio runtime and enter its `Handle` around the call (its worker thread drives the timer;
//!   async-std drives the task). async-std's `tokio1` feature does the entering for every
//!   async-std task, at the price of a global tokio runtime.
//! - `blocked-worker`: `async_std::task::block_on` inside a tokio task does not panic: it blocks
//!   the tokio worker thread until its future is done, so the other tasks of that worker wait,
//!   exactly like the blocking sleep of seed 002. Three tasks that each nap 100 ms this way
//!   on a one-thread tokio runtime take 300 ms, not 100. Fix: `.await` the async-std future
//!   inside the task (it runs under tokio, async-io's reactor wakes it): 100 ms.
//!
//! ```text
//! cargo run -p examples-async-std --example runtime_mixing                    # every case
//! cargo run -p examples-async-std --example runtime_mixing -- blocked-worker  # one of them
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = "1"
//! tokio = { version = "1", features = ["rt-multi-thread", "time"] }
//! async-compat = "0.2"
//! ```
//!
//! The measured version, with `--scale`, `--trace` and the catalogue's checks, is
//! `src/bin/runtime_mixing.rs`.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::task;

/// How long each sleep of the example lasts.
const NAP: Duration = Duration::from_millis(100);
/// How many tokio tasks nap at once in `blocked-worker`.
const TASKS: u32 = 3;

/// The cases, in the order they run.
const CASES: [&str; 2] = ["no-reactor", "blocked-worker"];

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

/// A tokio sleep, timed: a future bound to tokio.
async fn tokio_nap() -> Duration {
    let start = Instant::now();
    tokio::time::sleep(NAP).await;
    start.elapsed()
}

/// A tokio future under async-std's executor, then the two fixes.
fn no_reactor() -> std::io::Result<()> {
    // The mistake: async-std polls a future that needs a tokio runtime, and there is none.
    let mistake = catch_panic(|| task::block_on(tokio_nap()));
    println!(
        "no-reactor: tokio::time::sleep under async_std::task::block_on {}",
        outcome(mistake)
    );
    // Fix 1: async-compat's adapter enters its own tokio runtime around each poll.
    let took = task::block_on(async_compat::Compat::new(tokio_nap()));
    println!("fix: async_compat::Compat {}", outcome(Ok(took)));
    // Fix 2: a tokio runtime of our own; inside `enter`, tokio futures find it.
    let tokio = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_time()
        .build()?;
    let took = {
        let _inside = tokio.enter();
        task::block_on(tokio_nap())
    };
    println!(
        "fix: enter a tokio runtime's Handle, then async_std::task::block_on {}",
        outcome(Ok(took))
    );
    Ok(())
}

/// `TASKS` tokio tasks on a one-thread tokio runtime, each napping with async-std's sleep
/// either inside `async_std::task::block_on` (the mistake) or awaited (the fix); how long all
/// of them took.
fn tokio_tasks_nap(block: bool) -> std::io::Result<Duration> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let start = Instant::now();
    tokio.block_on(async {
        let tasks: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async move {
                    if block {
                        // Blocks the worker: no other task runs until the nap is over.
                        task::block_on(task::sleep(NAP));
                    } else {
                        // Yields to the worker while async-io's reactor keeps the time.
                        task::sleep(NAP).await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("a napping task");
        }
    });
    Ok(start.elapsed())
}

/// `async_std::task::block_on` inside tokio tasks, then the fix, each against its ideal.
fn blocked_worker() -> std::io::Result<()> {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let took = tokio_tasks_nap(true)?;
    println!(
        "blocked-worker: {TASKS} tokio tasks, each in async_std::task::block_on(task::sleep({} ms)), on one worker: {:.0} ms, ideal {:.0} ms",
        NAP.as_millis(),
        ms(took),
        ms(NAP)
    );
    let took = tokio_tasks_nap(false)?;
    println!(
        "fix: .await the async-std sleep inside the task: {:.0} ms, ideal {:.0} ms",
        ms(took),
        ms(NAP)
    );
    Ok(())
}

fn main() -> ExitCode {
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
        let result = match case {
            "no-reactor" => no_reactor(),
            _ => blocked_worker(),
        };
        if let Err(error) = result {
            eprintln!("error: cannot build a tokio runtime: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
