//! # context_var: `contextvars.ContextVar` under async-std
//!
//! `async_std::task_local!` declares a value per task, made by its initializer the first
//! time a task reads it; a `Cell`/`RefCell` inside lets the task set it, as
//! `request_id.set(...)` does, and no other task sees that. Main's `block_on` is a task
//! too, with its own copy.
//!
//! ```text
//! cargo run -p examples-async-std --example context_var
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

use std::cell::RefCell;
use std::time::Duration;

use async_std::task;

async_std::task_local! {
    static REQUEST_ID: RefCell<String> = RefCell::new("none".to_string());
}

/// Reads the request id of the calling task: no parameter carries it.
fn log(message: &str) {
    REQUEST_ID.with(|id| println!("[{}] {message}", id.borrow()));
}

async fn handler(n: u64) {
    // Set for this task only.
    REQUEST_ID.with(|id| *id.borrow_mut() = format!("req-{n}"));
    task::sleep(Duration::from_millis(10 * (3 - n))).await;
    log("handled");
}

#[async_std::main]
async fn main() {
    log("main starts");
    let first = task::spawn(handler(1));
    let second = task::spawn(handler(2));
    first.await;
    second.await;
    log("main ends");
}
