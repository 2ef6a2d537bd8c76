//! # wait_for: `asyncio.wait_for(aw, timeout)` in smol: race a `Timer`, then `cancel()`
//!
//! `asyncio.wait_for` cancels the awaitable when the time is up, and waits for it to be
//! cancelled before it raises `TimeoutError`: a coroutine and a task alike. smol has no
//! timeout function: race the work with a `Timer` (`future::or`, which polls its first future
//! first). The losing future is dropped, which cancels it (its cleanup, here a `Drop` guard,
//! runs at once). A task is raced by `&mut`, then `Task::cancel().await` cancels it and waits
//! until it is gone, as `wait_for` does. (Dropping a smol `Task` cancels it too, but does not
//! wait: async-task's `set_canceled` (`src/task.rs`) schedules the task once more, and its
//! future is dropped a moment later on the executor's thread.)
//!
//! ```text
//! cargo run -p examples-smol --example wait_for
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/wait_for.py` prints.

use std::time::Duration;

use smol::{Timer, future};

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

async fn work() {
    println!("work starts");
    let guard = OnCancel("work");
    Timer::after(Duration::from_millis(200)).await;
    // Finished: disarm the guard.
    std::mem::forget(guard);
    println!("work finished");
}

/// `true` after `millis`: the timer's side of a race (the work's side gives `false`).
async fn time_up(millis: u64) -> bool {
    Timer::after(Duration::from_millis(millis)).await;
    true
}

fn main() {
    smol::block_on(async {
        println!("wait_for on a coroutine");
        // The future is dropped when the time is up: cancelled.
        let timed_out = future::or(
            async {
                work().await;
                false
            },
            time_up(50),
        )
        .await;
        if timed_out {
            println!("timed out");
        }
        println!("wait_for on a task");
        let mut task = smol::spawn(work());
        // Raced by &mut, so that the task can be cancelled, and waited for, when time is up.
        let timed_out = future::or(
            async {
                (&mut task).await;
                false
            },
            time_up(50),
        )
        .await;
        if timed_out {
            task.cancel().await;
            println!("timed out");
        }
        println!("main sleeps 250 ms");
        Timer::after(Duration::from_millis(250)).await;
        println!("main woke");
    });
}
