//! # run_coroutine_threadsafe: `asyncio.run_coroutine_threadsafe` and `call_soon_threadsafe` under smol
//!
//! smol's global executor takes tasks from any thread: a plain thread spawns the future
//! there and blocks on its `Task` (`smol::block_on(smol::spawn(fut))`, Python's
//! `future.result()`), then spawns a small task that sends on the channel main's future
//! awaits (`call_soon_threadsafe(done.set)`). That task is `detach()`ed: a dropped smol
//! `Task` is cancelled and never runs.
//!
//! ```text
//! cargo run -p examples-smol --example run_coroutine_threadsafe
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use smol::Timer;
use smol::channel;

async fn add(a: u32, b: u32) -> u32 {
    Timer::after(Duration::from_millis(10)).await;
    a + b
}

fn main() {
    let (done, done_rx) = channel::bounded::<()>(1);
    let thread = std::thread::spawn(move || {
        // run_coroutine_threadsafe: the future runs on the executor; this thread blocks on it.
        let sum = smol::block_on(smol::spawn(add(2, 3)));
        println!("thread: the loop computed {sum}");
        // call_soon_threadsafe: a task on the executor does the "set"; detached, so it runs.
        smol::spawn(async move {
            let _ = done.send(()).await;
        })
        .detach();
    });
    smol::block_on(async {
        // Main's future waits for the event without blocking the executor.
        done_rx.recv().await.expect("the thread sends");
        println!("loop: the thread set the event");
    });
    thread.join().expect("the thread does not panic");
}
