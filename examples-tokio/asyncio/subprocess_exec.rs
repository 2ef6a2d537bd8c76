//! # subprocess_exec: `asyncio.create_subprocess_exec` under tokio
//!
//! `tokio::process::Command` is `std::process::Command` with async `output()` and `wait()`:
//! the runtime waits for the child without blocking a worker thread.
//!
//! ```text
//! cargo run -p examples-tokio --example subprocess_exec
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "process", "rt-multi-thread"] }
//! ```
//!
//! Differences from the Python form: none.

use std::io;

use tokio::process::Command;

#[tokio::main]
async fn main() -> io::Result<()> {
    // `communicate()`: run the child, read its stdout to the end, wait for its exit.
    let child = Command::new("echo")
        .arg("hello from a child")
        .output()
        .await?;
    println!(
        "child said: {}",
        String::from_utf8_lossy(&child.stdout).trim()
    );
    println!("exit code: {}", child.status.code().unwrap_or(-1));
    // `wait()`: only the exit status.
    let status = Command::new("sh").args(["-c", "exit 3"]).status().await?;
    println!("exit code: {}", status.code().unwrap_or(-1));
    Ok(())
}
