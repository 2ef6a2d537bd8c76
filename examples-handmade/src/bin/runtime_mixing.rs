//! # runtime_mixing: a tokio future on the handmade runtime (the handmade runtime)
//!
//! Python has one event loop per thread and one `asyncio` to drive it. Rust has several
//! runtimes, and a future is only as portable as what it waits on. A future that waits on a
//! channel (async-channel) or on a `futures-io` socket runs on any executor: the handmade
//! runtime runs hyper and async-channel unchanged. tokio's own futures (`tokio::time::sleep`,
//! tokio's sockets, and all that is built on them: reqwest, hyper on tokio, …) look for the
//! tokio runtime of the thread that creates or polls them, and on this runtime there is none.
//!
//! - `no-reactor`: `tokio::time::sleep` awaited in a handmade task panics with "there is no
//!   reactor running, must be called from the context of a Tokio 1.x runtime" (caught here,
//!   and printed in one line; the runtime catches a task's panic too, see
//!   `src/runtime/join.rs`). Fixes: wrap the future in `async_compat::Compat` (it keeps a
//!   tokio runtime of its own on one thread and enters it around every poll), or build a tokio
//!   runtime and make the tokio future inside its `Handle::enter` (tokio's sleep finds its
//!   runtime when it is made; its worker thread keeps the time and calls this runtime's waker:
//!   a wake from another thread).
//!
//! The other way round does not work either, and more quietly: the handmade runtime's timer
//! and reactor are driven by its own loop (`block_on`), so a `runtime::sleep` awaited inside
//! a tokio task would never wake. async-io, smol's reactor, has a thread of its own for that.
//!
//! ```text
//! cargo run -p examples-handmade --bin runtime_mixing
//! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use shared::catalogue::runtime_mixing::NAP_SECS;
use shared::mistakes::{catch_panic_async, outcome};
use shared::{NoOpts, Out, Program, Run};

/// A tokio future on the handmade runtime, then the two fixes.
async fn no_reactor(out: &Out, nap: Duration) -> anyhow::Result<()> {
    // The mistake: this task awaits tokio's sleep, which looks for a tokio runtime.
    let mistake = catch_panic_async(async { tokio::time::sleep(nap).await }).await;
    out.println(outcome(
        "no-reactor: tokio::time::sleep awaited in a handmade task",
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
    // Fix 2: a tokio runtime beside this one; the sleep is made inside its context, and its
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
    // Dropping a tokio runtime blocks until its threads stop: off the loop's thread.
    runtime::spawn_blocking(move || drop(tokio)).await;
    Ok(())
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    no_reactor(&run.out, run.secs(NAP_SECS)).await?;
    run.out.timing(format!(
        "executed in {:.2} seconds.",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::RuntimeMixing, run)
}
