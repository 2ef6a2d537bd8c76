//! # cancel: `task.cancel()` in smol: the task's future is dropped
//!
//! `task.cancel()` raises `CancelledError` inside the task at its `await`; its cleanup runs
//! (and could even swallow the error); awaiting the task raises `CancelledError`. In Rust a
//! cancelled task's future is dropped at the `.await` it is suspended at: the cleanup is a
//! `Drop` guard, and there is no error to catch inside, nor to swallow.
//! `task.cancel().await` cancels the task and waits until its future is dropped: `None` if it
//! was cancelled, its value if it had finished. Dropping a smol `Task` cancels it too (without
//! waiting): a task that should outlive its handle must be `.detach()`ed.
//!
//! Declared difference: `background finished` becomes `background cancelled`: dropping the
//! handle of a smol `Task` cancels it, where asyncio (and tokio, and async-std) let it run on.
//!
//! ```text
//! cargo run -p examples-smol --example cancel
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/cancel.py` prints, but for the declared difference.

use std::time::Duration;

use smol::Timer;

/// Prints `<name> cancelled` when dropped before it is disarmed: Rust's stand-in for
/// `except asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

async fn work(name: &'static str, millis: u64) {
    println!("{name} starts");
    let guard = OnCancel(name);
    Timer::after(Duration::from_millis(millis)).await;
    // Not cancelled: disarm the guard.
    std::mem::forget(guard);
    println!("{name} finished");
}

fn main() {
    smol::block_on(async {
        let handle = smol::spawn(work("worker", 1000));
        Timer::after(Duration::from_millis(50)).await;
        println!("main cancels the worker");
        match handle.cancel().await {
            None => println!("main: the worker was cancelled"),
            Some(()) => println!("main: the worker had finished"),
        }
        let background = smol::spawn(work("background", 50));
        Timer::after(Duration::from_millis(10)).await;
        println!("main lets go of its handle to the background task");
        drop(background);
        Timer::after(Duration::from_millis(150)).await;
        println!("main ends");
    });
}
