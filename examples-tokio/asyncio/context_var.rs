//! # context_var: `contextvars.ContextVar` under tokio
//!
//! `tokio::task_local!` declares a value per task: `KEY.scope(value, future)` sets it for
//! everything that future calls, and `KEY.try_with` reads it (an `Err` outside any scope,
//! here the variable's default). Unlike Python, it is not set by an assignment that lasts
//! until the task ends, but for the one future given to `scope`.
//!
//! ```text
//! cargo run -p examples-tokio --example context_var
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// Reads the request id of the calling task: no parameter carries it.
fn log(message: &str) {
    let id = REQUEST_ID
        .try_with(|id| id.clone())
        .unwrap_or_else(|_| "none".to_string());
    println!("[{id}] {message}");
}

async fn handler(n: u64) {
    tokio::time::sleep(Duration::from_millis(10 * (3 - n))).await;
    log("handled");
}

#[tokio::main]
async fn main() {
    log("main starts");
    // Each handler runs inside its own scope of the variable.
    let first = tokio::spawn(REQUEST_ID.scope("req-1".to_string(), handler(1)));
    let second = tokio::spawn(REQUEST_ID.scope("req-2".to_string(), handler(2)));
    first.await.expect("handler does not panic");
    second.await.expect("handler does not panic");
    log("main ends");
}
