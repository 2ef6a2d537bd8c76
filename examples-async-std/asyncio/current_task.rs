//! # current_task: `asyncio.current_task()` under async-std
//!
//! `async_std::task::current()` is the running task (`try_current()` returns `None` outside
//! one); main's `block_on` runs as a task too. `task::Builder::name` names a task at spawn,
//! and `Task::name` reads it back; `Task::id` tells tasks apart.
//!
//! ```text
//! cargo run -p examples-async-std --example current_task
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

use async_std::task::{self, TaskId};

async fn worker() -> TaskId {
    let me = task::current();
    println!("worker: my name is {}", me.name().unwrap_or("(none)"));
    me.id()
}

#[async_std::main]
async fn main() -> std::io::Result<()> {
    let is_task = if task::try_current().is_some() {
        "True"
    } else {
        "False"
    };
    println!("main: runs as a task: {is_task}");
    // `create_task(worker(), name="worker-1")`.
    let handle = task::Builder::new()
        .name("worker-1".to_string())
        .spawn(worker())?;
    let spawned = handle.task().id();
    let seen = handle.await;
    let same = if seen == spawned { "True" } else { "False" };
    println!("worker: current_task() was its own task: {same}");
    Ok(())
}
