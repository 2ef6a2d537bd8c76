//! # signal_handler: `loop.add_signal_handler(sig, callback)` under tokio
//!
//! `tokio::signal::unix::signal(SignalKind::user_defined1())` installs the handler and returns
//! a stream of deliveries; `recv().await` is the callback's moment, on the runtime, not in
//! the signal context. Unix only. The program sends itself SIGUSR1 with the `kill` command.
//!
//! ```text
//! cargo run -p examples-tokio --example signal_handler
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "signal"] }
//! ```
//!
//! Differences from the Python form: none.

use std::io;
use std::process::Command;

use tokio::signal::unix::{SignalKind, signal};

#[tokio::main]
async fn main() -> io::Result<()> {
    // Install the handler first: from here on SIGUSR1 no longer kills the process.
    let mut usr1 = signal(SignalKind::user_defined1())?;
    println!("handler installed; sending SIGUSR1 to myself");
    // os.kill(os.getpid(), SIGUSR1), through the kill command.
    Command::new("kill")
        .args(["-USR1", &std::process::id().to_string()])
        .status()?;
    usr1.recv().await;
    println!("got SIGUSR1");
    // remove_signal_handler: dropping the stream stops listening (tokio keeps its hook).
    drop(usr1);
    Ok(())
}
