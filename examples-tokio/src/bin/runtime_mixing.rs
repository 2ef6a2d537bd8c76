//! # runtime_mixing: a tokio future needs a tokio runtime, and a runtime must not block inside itself (tokio)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on: `tokio::time::sleep`,
//! tokio's sockets and everything built on them (reqwest, hyper on tokio, …) look for the
//! tokio runtime of the thread that creates or polls them. Two mistakes follow, one per mode,
//! each run for real with its panic caught (and printed in one line), then fixed:
//!
//! - `no-reactor`: a tokio future run by another executor on a thread with no tokio runtime
//!   (here `futures::executor::block_on` on a plain thread, as in a callback of a sync
//!   library) panics with "there is no reactor running, must be called from the context of
//!   a Tokio 1.x runtime". Fixes: the thread asks the runtime to run it (`Handle::block_on`),
//!   or enters the runtime (`Handle::enter`) and then runs it however it likes.
//! - `nested-block-on`: `Handle::block_on` (or `Runtime::block_on`) inside a task panics with
//!   "Cannot start a runtime from within a runtime": the thread is already driving tasks, and
//!   blocking it on one future would stall the others. Fixes: in async code, `.await` it; when
//!   sync code in the middle needs `block_on`, run that code on the blocking pool
//!   (`spawn_blocking`), where blocking is allowed.
//!
//! The other direction, another runtime's `block_on` inside a tokio task, does not panic but
//! blocks a worker: the smol and async-std versions of this program measure it. Each fix naps
//! once (0.5 s), so a mode's ideal is two naps.
//!
//! ```text
//! cargo run -p examples-tokio --bin runtime_mixing                            # no-reactor
//! cargo run -p examples-tokio --bin runtime_mixing -- --mode nested-block-on
//! ```
//!
//! The standalone twin is `examples/runtime_mixing.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::runtime_mixing::NAP_SECS;
use shared::mistakes::{catch_panic, outcome};
use shared::{Mode, NoOpts, Out, Program, Run};
use tokio::runtime::Handle;

/// Runs `body` on a new plain OS thread (no tokio runtime there) and awaits what it returns.
async fn on_plain_thread<T: Send + 'static>(
    body: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = done.send(body());
    });
    Ok(result.await?)
}

/// A tokio future on a thread without a tokio runtime, then the two fixes.
async fn no_reactor(out: &Out, nap: Duration) -> anyhow::Result<()> {
    // The mistake: another executor runs tokio's sleep on a plain thread.
    let mistake = on_plain_thread(move || {
        catch_panic(|| futures::executor::block_on(tokio::time::sleep(nap)))
    })
    .await?;
    out.println(outcome(
        "no-reactor: tokio::time::sleep under futures::executor::block_on on a plain thread",
        &mistake,
    ));
    // Fix 1: the thread hands the future to the runtime (the sleep is made inside it).
    let handle = Handle::current();
    let fixed = on_plain_thread(move || {
        catch_panic(|| handle.block_on(async move { tokio::time::sleep(nap).await }))
    })
    .await?;
    out.println(outcome(
        "fix: Handle::block_on on that thread: the sleep",
        &fixed,
    ));
    // Fix 2: the thread enters the runtime; tokio futures made and polled inside find it.
    let handle = Handle::current();
    let fixed = on_plain_thread(move || {
        catch_panic(|| {
            let _inside = handle.enter();
            futures::executor::block_on(tokio::time::sleep(nap))
        })
    })
    .await?;
    out.println(outcome(
        "fix: Handle::enter on that thread, then futures::executor::block_on: the sleep",
        &fixed,
    ));
    Ok(())
}

/// `Handle::block_on` inside a task, then the two fixes.
async fn nested_block_on(out: &Out, nap: Duration) -> anyhow::Result<()> {
    // The mistake: a task blocks its worker thread on another future.
    let mistake =
        tokio::spawn(
            async move { catch_panic(|| Handle::current().block_on(tokio::time::sleep(nap))) },
        )
        .await?;
    out.println(outcome(
        "nested-block-on: Handle::block_on inside a task",
        &mistake,
    ));
    // Fix 1: in async code, await it.
    tokio::spawn(tokio::time::sleep(nap)).await?;
    out.println("fix: .await it inside the task: the sleep ran to its end");
    // Fix 2: sync code that must block_on runs on the blocking pool, off the workers.
    let handle = Handle::current();
    let fixed = tokio::task::spawn_blocking(move || {
        catch_panic(|| handle.block_on(tokio::time::sleep(nap)))
    })
    .await?;
    out.println(outcome(
        "fix: Handle::block_on inside spawn_blocking: the sleep",
        &fixed,
    ));
    Ok(())
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let nap = run.secs(NAP_SECS);
    match run.mode {
        Mode::NestedBlockOn => nested_block_on(&run.out, nap).await?,
        _ => no_reactor(&run.out, nap).await?,
    }
    run.out.timing(format!(
        "executed in {:.2} seconds.",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::RuntimeMixing, run)
}
