//! # lazy_futures: a future does nothing until it is awaited or spawned (seed 002)
//!
//! In the seed, calling `main()` prints nothing: it only makes a `<coroutine object main>`.
//! A Rust future is the same: calling an `async fn` builds a value that holds the function's
//! state, and not one line of its body runs until something polls it. Awaiting it polls it
//! in place; dropping it unpolled means the body never runs at all.
//!
//! Spawning is the other way to run a future: `async_std::task::spawn` hands it to the
//! scheduler, which starts it at once, awaited or not (the seed's `loop.create_task`). What happens when
//! the handle is dropped is where the runtimes differ:
//!
//! - async-std: dropping the `JoinHandle` *detaches* the task, which runs to its end
//!   anyway; cancelling takes an explicit `JoinHandle::cancel().await`.
//! - tokio: the same (cancel with `JoinHandle::abort()`).
//! - smol: dropping the `Task` *cancels* it; keeping it running takes `Task::detach()`.
//!
//! "Runs to its end anyway" holds while the process lives: async-std's executor is a
//! `static` that is never dropped, so a task still napping when the program ends is not
//! dropped either; the process just exits. The last step leaves one napping for an hour,
//! with a guard that would say if it were dropped: it never does. (tokio's runtime drops
//! such a task when it shuts down, and its guard speaks.)
//!
//! How the program knows: the napping task owns the sending half of a channel and sends
//! when it finishes. A cancelled task's future is dropped, and the sender with it, so
//! the receiver hears "closed" at once instead of a message.
//!
//! ```text
//! cargo run -p examples-async-std --bin lazy_futures    # 1 s
//! ```
//! The standalone twin is `examples/lazy_futures.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_std::channel::{self, Sender};
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
    async_std::task::sleep(how_long).await;
    out.println("nap() finished");
    let _ = done.send(()).await;
}

/// Held by the task left napping: would say so if anything dropped the task.
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
    let handle =
        async_std::task::spawn(out.traced("answer", answer(out.task("answer"), flag.clone())));
    async_std::task::sleep(nap_time).await;
    out.println(format!(
        "spawned it, then slept without awaiting it: {}",
        said(&flag, "it ran anyway", "it did not run")
    ));
    // Awaiting the handle joins the task and hands over its value.
    out.println(format!("awaited the JoinHandle: {}", handle.await));

    // Dropping an async-std JoinHandle detaches the task: it keeps running.
    let (done, finished) = channel::bounded(1);
    drop(async_std::task::spawn(
        out.traced("nap", nap(out.task("nap"), nap_time, done)),
    ));
    out.println(format!(
        "dropped the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    ));

    // cancel() is how async-std cancels a task: its future is dropped where it stands.
    let (done, finished) = channel::bounded(1);
    async_std::task::spawn(out.traced("nap", nap(out.task("nap"), nap_time, done)))
        .cancel()
        .await;
    out.println(format!(
        "cancelled the JoinHandle: {}",
        fate(finished.recv().await.is_ok())
    ));

    // Detached until the end: this task still naps when the program ends, and nothing drops
    // it (its guard never prints); the process just exits.
    // The guard is made here and moved in: an async block makes nothing until it is polled.
    let guard = DroppedAtShutdown(out.task("nap"));
    drop(async_std::task::spawn(async move {
        let _guard = guard;
        async_std::task::sleep(Duration::from_secs_f64(LONG_NAP_SECS)).await;
    }));
    out.println(LEFT_NAPPING);

    out.timing(format!(
        "executed in {:.2} seconds.",
        out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_async_std::main(Program::LazyFutures, run)
}
