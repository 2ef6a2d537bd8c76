//! # context_var: `contextvars.ContextVar` under smol
//!
//! smol has no task-local values: what every call of a task must see is passed down as an
//! argument (or kept in a struct the task owns). The output is the same; the plumbing is
//! explicit. (tokio has `task_local!`, async-std its own `task_local!`.)
//!
//! ```text
//! cargo run -p examples-smol --example context_var
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

/// The request id is a parameter: no context carries it.
fn log(request_id: &str, message: &str) {
    println!("[{request_id}] {message}");
}

async fn handler(n: u64) {
    let request_id = format!("req-{n}");
    Timer::after(Duration::from_millis(10 * (3 - n))).await;
    log(&request_id, "handled");
}

fn main() {
    smol::block_on(async {
        log("none", "main starts");
        // Each handler holds its own id.
        let first = smol::spawn(handler(1));
        let second = smol::spawn(handler(2));
        first.await;
        second.await;
        log("none", "main ends");
    });
}
