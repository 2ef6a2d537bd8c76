//! # lazy_futures: a future does nothing until it is awaited or spawned (seed 002)
//!
//! In the seed, calling `main()` prints nothing: it only makes a `<coroutine object main>`.
//! A Rust future is the same: calling an `async fn` builds a value that holds the function's
//! state, and not one line of its body runs until something polls it. Awaiting it polls it
//! in place; dropping it unpolled means the body never runs at all.
//!
//! Spawning is the other way to run a future: `runtime::spawn` boxes it as a task and puts it
//! in the loop's run queue at once, awaited or not (the seed's `loop.create_task`). What
//! happens when the handle is dropped is a choice each runtime makes:
//!
//! - here (as in tokio and async-std): dropping the `JoinHandle` *detaches* the task, which
//!   runs to its end anyway; cancelling takes an explicit `JoinHandle::cancel()`, which drops
//!   the task's future at once (see `src/runtime/join.rs`).
//! - smol: dropping the `Task` *cancels* it; keeping it running takes `Task::detach()`.
//!
//! How the program knows: the napping task owns the sending half of a channel and sends
//! when it finishes. A cancelled task's future is dropped, and the sender with it, so
//! the receiver hears "closed" at once instead of a message.
//!
//! Detached is not forever: the last step leaves a task napping for an hour when the program
//! ends. When `block_on` returns, this loop drops the tasks it still has, as tokio's runtime
//! does at shutdown (smol's and async-std's executors never drop theirs): a guard the task
//! holds says so, after the timing line.
//!
//! ```text
//! cargo run -p examples-handmade --bin lazy_futures    # 1 s
//! ```

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::{self as channel, Sender};
use examples_handmade::runtime;
use shared::catalogue::lazy_futures::{
    ANSWER, DROPPED_AT_SHUTDOWN, LEFT_NAPPING, LONG_NAP_SECS, NAP_SECS,
};
use shared::{NoOpts, Out, Program, Run};

/// The seed's `main()`: says it is running and returns a number; `ran` records that it ran.
async fn answer(out: Out, ran: Arc<AtomicBool>) -> u32 {
    ran.store(true, Ordering::SeqCst);
    out.println("answer() is running");
    ANSWER
}

/// Sleeps, says it finished, and sends on `done` (dropped unsent if the task is cancelled).
async fn nap(out: Out, how_long: Duration, done: Sender<()>) {
    runtime::sleep(how_long).await;
    out.println("nap() finished");
    let _ = done.send(()).await;
}

/// Held by the task left napping at the end: says when its future is dropped.
struct DroppedAtShutdown(Out);

impl Drop for DroppedAtShutdown {
    fn drop(&mut self) {
        self.0.println(DROPPED_AT_SHUTDOWN);
    }
}

/// What became of a napping task: it sent on its channel, or its future was dropped.
fn fate(finished: bool) -> &'static str {
    if finished {
        "it ran to the end (detached)"
    } else {
        "it was cancelled before it finished"
    }
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let out = &run.out;
    let nap_time = run.secs(NAP_SECS);
    let ran = || Arc::new(AtomicBool::new(false));
    let said = |ran: &AtomicBool, yes: &'static str, no: &'static str| {
        if ran.load(Ordering::SeqCst) { yes } else { no }
    };

    // Calling the async fn only builds the future: its body has not run.
    let flag = ran();
    let future = answer(out.task("answer"), flag.clone());
    out.println(format!(
        "created the future: {}",
        said(&flag, "it already ran", "nothing ran yet")
    ));

    // Awaiting polls it, here and now: the body runs and returns its value.
    let value = future.await;
    out.println(format!("awaited it: it ran and returned {value}"));

    // A future dropped without being polled never runs at all.
    let flag = ran();
    drop(answer(out.task("answer"), flag.clone()));
    out.println(format!(
        "dropped a future that was never awaited: {}",
        said(&flag, "it ran", "it never ran")
    ));

    // A spawned future is a task: the scheduler runs it without anyone awaiting it.
    let flag = ran();
    let handle = runtime::spawn(out.traced("answer", answer(out.task("answer"), flag.clone())));
    runtime::sleep(nap_time).await;
    out.println(format!(
        "spawned it, then slept without awaiting it: {}",
        said(&flag, "it ran anyway", "it did not run")
    ));
    // Awaiting the handle joins the task and hands over its value.
    out.println(format!("awaited the JoinHandle: {}", handle.await));

    // Dropping the JoinHandle detaches the task: it keeps running.
    let (done, finished) = channel::bounded(1);
    drop(runtime::spawn(
        out.traced("nap", nap(out.task("nap"), nap_time, done)),
    ));
    out.println(format!(
        "dropped the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    ));

    // cancel() drops the task's future where it stands (here: before its first poll).
    let (done, finished) = channel::bounded(1);
    runtime::spawn(out.traced("nap", nap(out.task("nap"), nap_time, done))).cancel();
    out.println(format!(
        "cancelled the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    ));

    // Detached is not forever: this task still naps when the program ends, and the loop
    // drops it when `block_on` returns (its guard prints then, after the timing line).
    // The guard is made here and moved in: an async block makes nothing until it is polled.
    let guard = DroppedAtShutdown(out.task("nap"));
    drop(runtime::spawn(async move {
        let _guard = guard;
        runtime::sleep(Duration::from_secs_f64(LONG_NAP_SECS)).await;
    }));
    out.println(LEFT_NAPPING);

    out.timing(format!(
        "executed in {:.2} seconds.",
        out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::LazyFutures, run)
}
