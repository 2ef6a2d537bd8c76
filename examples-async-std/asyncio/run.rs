//! # run: `asyncio.run(main())` in async-std: `async_std::task::block_on(main)`
//!
//! `asyncio.run` starts an event loop, runs `main` to its end, cancels the tasks still running
//! and returns `main`'s value. `task::block_on` runs `main` on this thread and returns its
//! value (`#[async_std::main]` writes it for you); spawned tasks run on async-std's global
//! executor. Like a coroutine, `main()` alone runs nothing: a future does nothing until it is
//! polled.
//!
//! Declared difference: a task still running when `main` returns is never dropped nor
//! cancelled (its dropped `JoinHandle` detached it): the process just exits, so `leftover
//! cancelled` is not printed.
//!
//! ```text
//! cargo run -p examples-async-std --example run
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = "1"
//! ```
//!
//! Prints what `python/asyncio/run.py` prints, but for the declared difference.

use std::time::Duration;

use async_std::task;

/// Prints `<name> cancelled` when dropped: Rust's stand-in for `except
/// asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

/// A task main never awaits: its handle dropped, it is detached and nothing ever drops it.
async fn leftover() {
    let _guard = OnCancel("leftover");
    task::sleep(Duration::from_secs(10)).await;
}

async fn async_main() -> u32 {
    println!("main runs inside the event loop");
    task::spawn(leftover());
    task::sleep(Duration::from_millis(50)).await;
    println!("main returns 42; a task is still sleeping");
    42
}

fn main() {
    // A future: nothing ran yet.
    let future = async_main();
    println!("main() made a coroutine; nothing ran yet");
    // block_on runs main on this thread and returns its value; the leftover task is left be.
    let result = task::block_on(future);
    println!("asyncio.run returned {result}");
}
