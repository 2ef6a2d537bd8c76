//! # create_task: `asyncio.create_task(coro)` in tokio: `tokio::spawn(future)`
//!
//! `asyncio.create_task` schedules a coroutine at once; a bare coroutine runs only when it is
//! awaited. The same holds in Rust: `tokio::spawn` hands the future to the runtime, which
//! runs it as soon as main yields; a future not spawned does nothing until it is awaited. The
//! `JoinHandle` is the task: awaiting it gives the task's value (in a `Result`: `Err` if it
//! panicked or was aborted).
//!
//! ```text
//! cargo run -p examples-tokio --example create_task
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! ```
//!
//! Prints what `python/asyncio/create_task.py` prints.

use std::time::Duration;

async fn work(name: &'static str) -> &'static str {
    println!("{name} starts");
    tokio::time::sleep(Duration::from_millis(30)).await;
    println!("{name} ends");
    name
}

// One thread, one loop: asyncio's model.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("main makes a coroutine and a task");
    // A future: lazy, nothing runs until it is awaited.
    let future = work("coroutine");
    // A task: scheduled now, it runs as soon as main yields.
    let task = tokio::spawn(work("task"));
    tokio::time::sleep(Duration::from_millis(150)).await;
    println!("main slept: the task ran meanwhile, the coroutine did not");
    let value = task.await.expect("the task panicked");
    println!("awaited the task: {value}");
    println!("awaited the coroutine: {}", future.await);
}
