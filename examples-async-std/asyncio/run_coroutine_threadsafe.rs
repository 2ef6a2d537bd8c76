//! # run_coroutine_threadsafe: `asyncio.run_coroutine_threadsafe` and `call_soon_threadsafe` under async-std
//!
//! async-std's global executor takes tasks from any thread: a plain thread spawns the
//! future there and blocks on its `JoinHandle` (`task::block_on(task::spawn(fut))`, Python's
//! `future.result()`), then spawns a small task that sends on the channel main awaits
//! (`call_soon_threadsafe(done.set)`); its dropped `JoinHandle` detaches it, so it runs.
//!
//! ```text
//! cargo run -p examples-async-std --example run_coroutine_threadsafe
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use async_std::channel;
use async_std::task;

async fn add(a: u32, b: u32) -> u32 {
    task::sleep(Duration::from_millis(10)).await;
    a + b
}

#[async_std::main]
async fn main() {
    let (done, done_rx) = channel::bounded::<()>(1);
    let thread = std::thread::spawn(move || {
        // run_coroutine_threadsafe: the future runs on the executor; this thread blocks on it.
        let sum = task::block_on(task::spawn(add(2, 3)));
        println!("thread: the loop computed {sum}");
        // call_soon_threadsafe: a task on the executor does the "set".
        task::spawn(async move {
            let _ = done.send(()).await;
        });
    });
    // Main's future waits for the event without blocking the executor.
    done_rx.recv().await.expect("the thread sends");
    println!("loop: the thread set the event");
    thread.join().expect("the thread does not panic");
}
