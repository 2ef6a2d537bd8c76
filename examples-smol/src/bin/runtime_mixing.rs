//! # runtime_mixing: a tokio future under smol, and smol's `block_on` inside tokio (smol)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on. smol's own futures
//! (`smol::Timer`, `smol::net`, …) wait on async-io's reactor, a thread of its own, so they run
//! under any executor. tokio's (`tokio::time::sleep`, tokio's sockets, and all that is built on
//! them: reqwest, hyper on tokio, …) look for the tokio runtime of the thread that creates or
//! polls them, and under smol there is none (reqwest#2722, smol#238). Two mistakes, one per
//! mode, each run for real, then fixed:
//!
//! - `no-reactor`: `tokio::time::sleep` awaited in a smol task panics with "there is no
//!   reactor running, must be called from the context of a Tokio 1.x runtime" (caught here,
//!   and printed in one line). Fixes: wrap the future in `async_compat::Compat` (the adapter
//!   smol's documentation points to: it keeps a tokio runtime of its own on one thread and
//!   enters it around every poll), or build a tokio runtime and make the tokio future inside
//!   its `Handle::enter` (tokio's sleep finds its runtime when it is made; its worker thread
//!   keeps the time while smol polls the task).
//! - `blocked-worker`: `smol::block_on` inside a tokio task does not panic: it blocks the tokio
//!   worker thread until its future is done, so that worker's other tasks wait, exactly like
//!   the blocking sleep of seed 002. Three tasks napping 0.5 s this way on a one-thread tokio
//!   runtime take 1.5 s, not 0.5 s (on a pool, each one blocks a whole worker). Fix: `.await`
//!   the smol future inside the task: it runs under tokio, and async-io's reactor wakes it.
//!
//! Each fix naps once: `no-reactor`'s ideal is two naps; `blocked-worker`'s is the three
//! naps one after another, then one.
//!
//! ```text
//! cargo run -p examples-smol --bin runtime_mixing                           # no-reactor
//! cargo run -p examples-smol --bin runtime_mixing -- --mode blocked-worker
//! ```
//!
//! The standalone twin is `examples/runtime_mixing.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use shared::catalogue::runtime_mixing::{NAP_SECS, TASKS};
use shared::mistakes::{catch_panic_async, outcome};
use shared::{Mode, NoOpts, Out, Program, Run};

/// A tokio future under smol's executor, then the two fixes.
async fn no_reactor(out: &Out, nap: Duration) -> anyhow::Result<()> {
    // The mistake: this smol task awaits tokio's sleep, which looks for a tokio runtime.
    let mistake = catch_panic_async(async { tokio::time::sleep(nap).await }).await;
    out.println(outcome(
        "no-reactor: tokio::time::sleep awaited in a smol task",
        &mistake,
    ));
    // Fix 1: async-compat enters its own tokio runtime around each poll (the sleep must be
    // made inside the wrapped future, where that runtime is entered).
    let fixed = catch_panic_async(async_compat::Compat::new(async move {
        tokio::time::sleep(nap).await
    }))
    .await;
    out.println(outcome(
        "fix: inside async_compat::Compat, the tokio sleep",
        &fixed,
    ));
    // Fix 2: a tokio runtime beside smol; the sleep is made inside its context, and its
    // worker thread keeps the time.
    let tokio = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_time()
        .build()?;
    let sleep = {
        let _inside = tokio.enter();
        tokio::time::sleep(nap)
    };
    let fixed = catch_panic_async(sleep).await;
    out.println(outcome(
        "fix: made inside a tokio runtime's Handle::enter, the tokio sleep",
        &fixed,
    ));
    // Dropping a tokio runtime blocks until its threads stop: off smol's thread.
    smol::unblock(move || drop(tokio)).await;
    Ok(())
}

/// `TASKS` tokio tasks on a one-thread tokio runtime, each napping with smol's timer inside
/// `smol::block_on` (the mistake) or awaited (the fix). Runs the tokio runtime to its end
/// (this blocks the calling thread: call it through `smol::unblock`).
fn tokio_tasks_nap(nap: Duration, block: bool) -> std::io::Result<()> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    tokio.block_on(async {
        let tasks: Vec<_> = (0..TASKS)
            .map(|_| {
                tokio::spawn(async move {
                    if block {
                        // Blocks the worker: no other task runs until this nap is over.
                        smol::block_on(smol::Timer::after(nap));
                    } else {
                        // Yields to the worker while async-io's reactor keeps the time.
                        smol::Timer::after(nap).await;
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
async fn blocked_worker(out: &Out, nap: Duration) -> anyhow::Result<()> {
    let secs = |d: Duration| d.as_secs_f64();
    out.println(format!(
        "blocked-worker: {TASKS} tokio tasks on one worker, each in smol::block_on(Timer::after(nap))"
    ));
    let start = Instant::now();
    smol::unblock(move || tokio_tasks_nap(nap, true)).await?;
    out.timing(format!(
        "took {:.3} s, ideal {:.3} s: the worker ran the naps one after another",
        secs(start.elapsed()),
        secs(nap)
    ));
    out.println("fix: each tokio task awaits the smol timer");
    let start = Instant::now();
    smol::unblock(move || tokio_tasks_nap(nap, false)).await?;
    out.timing(format!(
        "took {:.3} s, ideal {:.3} s",
        secs(start.elapsed()),
        secs(nap)
    ));
    Ok(())
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let nap = run.secs(NAP_SECS);
    match run.mode {
        Mode::BlockedWorker => blocked_worker(&run.out, nap).await?,
        _ => no_reactor(&run.out, nap).await?,
    }
    run.out.timing(format!(
        "executed in {:.2} seconds.",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::RuntimeMixing, run)
}
