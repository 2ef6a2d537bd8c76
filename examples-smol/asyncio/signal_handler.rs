//! # signal_handler: `loop.add_signal_handler(sig, callback)` under smol
//!
//! smol has no signal API: the `async-signal` crate (smol-rs's, any executor) installs the
//! handler and gives a `Stream` of deliveries; `next().await` is the callback's moment, on
//! the executor, not in the signal context. Unix only. The program sends itself SIGUSR1
//! with the `kill` command.
//!
//! ```text
//! cargo run -p examples-smol --example signal_handler
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-signal = "0.2"
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::io;
use std::process::Command;

use async_signal::{Signal, Signals};
use smol::stream::StreamExt;

fn main() -> io::Result<()> {
    smol::block_on(async {
        // Install the handler first: from here on SIGUSR1 no longer kills the process.
        let mut signals = Signals::new([Signal::Usr1])?;
        println!("handler installed; sending SIGUSR1 to myself");
        // os.kill(os.getpid(), SIGUSR1), through the kill command.
        Command::new("kill")
            .args(["-USR1", &std::process::id().to_string()])
            .status()?;
        signals.next().await.transpose()?;
        println!("got SIGUSR1");
        // remove_signal_handler: dropping `Signals` unregisters its handler (its `Drop`).
        drop(signals);
        Ok(())
    })
}
