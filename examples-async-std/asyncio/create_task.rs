//! # create_task: `asyncio.create_task(coro)` in async-std: `task::spawn(future)`
//!
//! `asyncio.create_task` schedules a coroutine at once; a bare coroutine runs only when it is
//! awaited. The same holds in Rust: `task::spawn` hands the future to async-std's global
//! executor (threads of its own, so it may start before main even yields); a future not
//! spawned does nothing until it is awaited. The `JoinHandle` is the task: awaiting it gives
//! its value; dropping it detaches the task, which runs on.
//!
//! ```text
//! cargo run -p examples-async-std --example create_task
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! ```
//!
//! Prints what `python/asyncio/create_task.py` prints.

use std::time::Duration;

use async_std::task;

async fn work(name: &'static str) -> &'static str {
    println!("{name} starts");
    task::sleep(Duration::from_millis(30)).await;
    println!("{name} ends");
    name
}

#[async_std::main]
async fn main() {
    println!("main makes a coroutine and a task");
    // A future: lazy, nothing runs until it is awaited.
    let future = work("coroutine");
    // A task: scheduled now, on the global executor's threads.
    let task = task::spawn(work("task"));
    task::sleep(Duration::from_millis(150)).await;
    println!("main slept: the task ran meanwhile, the coroutine did not");
    println!("awaited the task: {}", task.await);
    println!("awaited the coroutine: {}", future.await);
}
