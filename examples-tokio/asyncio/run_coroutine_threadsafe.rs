//! # run_coroutine_threadsafe: `asyncio.run_coroutine_threadsafe` and `call_soon_threadsafe` under tokio
//!
//! A plain thread holding a `tokio::runtime::Handle` spawns a future onto the runtime and
//! blocks on its result (`handle.block_on(handle.spawn(fut))`, the `future.result()` of
//! Python), then spawns a small task that sends on a channel the runtime's own task awaits
//! (`call_soon_threadsafe(done.set)`).
//!
//! ```text
//! cargo run -p examples-tokio --example run_coroutine_threadsafe
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "sync", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::oneshot;

async fn add(a: u32, b: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(10)).await;
    a + b
}

#[tokio::main]
async fn main() {
    // The thread gets the runtime's handle, as Python's thread gets the loop.
    let handle = Handle::current();
    let (done, done_rx) = oneshot::channel();
    let thread = std::thread::spawn(move || {
        // run_coroutine_threadsafe: the future runs on the runtime; this thread blocks on it.
        let sum = handle
            .block_on(handle.spawn(add(2, 3)))
            .expect("add does not panic");
        println!("thread: the loop computed {sum}");
        // call_soon_threadsafe: a task on the runtime does the "set".
        handle.spawn(async move {
            let _ = done.send(());
        });
    });
    // Main's task waits for the event without blocking the runtime.
    done_rx.await.expect("the thread sends");
    println!("loop: the thread set the event");
    thread.join().expect("the thread does not panic");
}
