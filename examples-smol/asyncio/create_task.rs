//! # create_task: `asyncio.create_task(coro)` in smol: `smol::spawn(future)`
//!
//! `asyncio.create_task` schedules a coroutine at once; a bare coroutine runs only when it is
//! awaited. The same holds in Rust: `smol::spawn` hands the future to smol's global executor
//! (threads of its own, so it may start before main even yields); a future not spawned does
//! nothing until it is awaited. The `Task` is the task: awaiting it gives its value. Keep it:
//! a dropped `Task` is cancelled (`.detach()` lets it run on its own).
//!
//! ```text
//! cargo run -p examples-smol --example create_task
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/create_task.py` prints.

use std::time::Duration;

use smol::Timer;

async fn work(name: &'static str) -> &'static str {
    println!("{name} starts");
    Timer::after(Duration::from_millis(30)).await;
    println!("{name} ends");
    name
}

fn main() {
    smol::block_on(async {
        println!("main makes a coroutine and a task");
        // A future: lazy, nothing runs until it is awaited.
        let future = work("coroutine");
        // A task: scheduled now, on the global executor's thread.
        let task = smol::spawn(work("task"));
        Timer::after(Duration::from_millis(150)).await;
        println!("main slept: the task ran meanwhile, the coroutine did not");
        println!("awaited the task: {}", task.await);
        println!("awaited the coroutine: {}", future.await);
    });
}
