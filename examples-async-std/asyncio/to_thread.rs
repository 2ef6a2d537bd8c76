//! # to_thread: `asyncio.to_thread(f)` and `run_in_executor` in async-std
//!
//! `asyncio.to_thread(f)` (and `loop.run_in_executor(None, f)`) runs blocking code on a
//! thread, so the event loop stays free for the other tasks meanwhile.
//! `async_std::task::spawn_blocking(f)` is both: it runs `f` on a thread pool and returns a
//! `JoinHandle` to await. Either way the work cannot be cancelled once it has started:
//! dropping the handle only stops waiting for it.
//!
//! ```text
//! cargo run -p examples-async-std --example to_thread
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Prints what `python/asyncio/to_thread.py` prints.

use std::time::Duration;

use async_std::task::{self, spawn_blocking};

fn blocking(millis: u64) -> String {
    // Blocks its thread: on the runtime's own thread it would stop every task there.
    std::thread::sleep(Duration::from_millis(millis));
    format!("blocked {millis} ms")
}

async fn ticker() {
    for i in 0..3 {
        task::sleep(Duration::from_millis(50)).await;
        println!("tick {i}");
    }
}

#[async_std::main]
async fn main() {
    // On a thread of the pool; the ticker runs here meanwhile.
    let handle = spawn_blocking(move || blocking(200));
    ticker().await;
    let result = handle.await;
    println!("to_thread returned: {result}; the ticks went on meanwhile");
    // run_in_executor(None, f) is the same call.
    let result = spawn_blocking(move || blocking(20)).await;
    println!("run_in_executor returned: {result}");
}
