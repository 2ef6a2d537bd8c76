//! # current_task: `asyncio.current_task()` under tokio
//!
//! tokio gives the running task an id (`tokio::task::id()`, equal to its `JoinHandle::id()`),
//! not a name: naming a task (`tokio::task::Builder::name`) needs the `tokio_unstable` cfg.
//! Outside a task (main's `block_on` future is not one) `tokio::task::try_id()` is `None`.
//!
//! ```text
//! cargo run -p examples-tokio --example current_task
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! Differences from the Python form: main is not a task (`runs as a task: False`), and the
//! worker has an id, no name (`my name is worker-1` → `I have no name, only an id`).

use tokio::task::Id;

async fn worker() -> Id {
    println!("worker: I have no name, only an id");
    tokio::task::id()
}

#[tokio::main]
async fn main() {
    // `#[tokio::main]` blocks on main's future: it runs outside any task.
    let is_task = if tokio::task::try_id().is_some() {
        "True"
    } else {
        "False"
    };
    println!("main: runs as a task: {is_task}");
    let handle = tokio::spawn(worker());
    let spawned = handle.id();
    let seen = handle.await.expect("worker does not panic");
    let same = if seen == spawned { "True" } else { "False" };
    println!("worker: current_task() was its own task: {same}");
}
