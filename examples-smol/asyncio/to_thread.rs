//! # to_thread: `asyncio.to_thread(f)` and `run_in_executor` in smol
//!
//! `asyncio.to_thread(f)` (and `loop.run_in_executor(None, f)`) runs blocking code on a
//! thread, so the event loop stays free for the other tasks meanwhile.
//! `smol::unblock(f)` (the `blocking` crate) is both: it runs `f` on a thread pool and returns
//! a `Task` to await. Either way the work cannot be cancelled once it has started: dropping
//! the handle only stops waiting for it.
//!
//! ```text
//! cargo run -p examples-smol --example to_thread
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/to_thread.py` prints.

use std::time::Duration;

use smol::{Timer, unblock};

fn blocking(millis: u64) -> String {
    // Blocks its thread: on the runtime's own thread it would stop every task there.
    std::thread::sleep(Duration::from_millis(millis));
    format!("blocked {millis} ms")
}

async fn ticker() {
    for i in 0..3 {
        Timer::after(Duration::from_millis(50)).await;
        println!("tick {i}");
    }
}

fn main() {
    smol::block_on(async {
        // On a thread of the pool; the ticker runs here meanwhile.
        let handle = unblock(move || blocking(200));
        ticker().await;
        let result = handle.await;
        println!("to_thread returned: {result}; the ticks went on meanwhile");
        // run_in_executor(None, f) is the same call.
        let result = unblock(move || blocking(20)).await;
        println!("run_in_executor returned: {result}");
    });
}
