//! # subprocess_exec: `asyncio.create_subprocess_exec` under async-std
//!
//! `async_std::process::Command` (behind async-std's `unstable` feature; it is the
//! async-process crate's, re-exported) is `std::process::Command` with async `output()` and
//! `status()`.
//!
//! ```text
//! cargo run -p examples-async-std --example subprocess_exec
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! Differences from the Python form: none.

use std::io;

use async_std::process::Command;

#[async_std::main]
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
