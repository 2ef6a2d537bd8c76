//! # run: `asyncio.run(main())` in smol: `smol::block_on(main)`
//!
//! `asyncio.run` starts an event loop, runs `main` to its end, cancels the tasks still running
//! and returns `main`'s value. `smol::block_on` runs `main` on this thread and returns its
//! value; tasks spawned with `smol::spawn` run on smol's global executor (its own threads,
//! `SMOL_THREADS`, default 1). Like a coroutine, `main()` alone runs nothing: a future does
//! nothing until it is polled.
//!
//! Declared difference: a detached task still running when `main` returns is never dropped
//! nor cancelled: the process just exits, so `leftover cancelled` is not printed. (Not
//! detached, the `Task` would be cancelled as soon as its handle is dropped.)
//!
//! ```text
//! cargo run -p examples-smol --example run
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/run.py` prints, but for the declared difference.

use std::time::Duration;

use smol::Timer;

/// Prints `<name> cancelled` when dropped: Rust's stand-in for `except
/// asyncio.CancelledError`, since a cancelled future is simply dropped.
struct OnCancel(&'static str);

impl Drop for OnCancel {
    fn drop(&mut self) {
        println!("{} cancelled", self.0);
    }
}

/// A task main never awaits: detached, nothing ever drops it.
async fn leftover() {
    let _guard = OnCancel("leftover");
    Timer::after(Duration::from_secs(10)).await;
}

async fn async_main() -> u32 {
    println!("main runs inside the event loop");
    smol::spawn(leftover()).detach();
    Timer::after(Duration::from_millis(50)).await;
    println!("main returns 42; a task is still sleeping");
    42
}

fn main() {
    // A future: nothing ran yet.
    let future = async_main();
    println!("main() made a coroutine; nothing ran yet");
    // block_on runs main on this thread and returns its value; the leftover task is left be.
    let result = smol::block_on(future);
    println!("asyncio.run returned {result}");
}
