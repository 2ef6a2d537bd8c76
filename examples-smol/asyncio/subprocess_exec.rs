//! # subprocess_exec: `asyncio.create_subprocess_exec` under smol
//!
//! `smol::process::Command` (the async-process crate) is `std::process::Command` with async
//! `output()` and `status()`: the executor waits for the child without blocking.
//!
//! ```text
//! cargo run -p examples-smol --example subprocess_exec
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

use std::io;

use smol::process::Command;

fn main() -> io::Result<()> {
    smol::block_on(async {
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
    })
}
