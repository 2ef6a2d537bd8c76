//! # say: hello, then world, without async (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed runs
//! `say("hello", 0.5)` and `say("world", 1)` as two tasks on one event loop, so both sleep at
//! the same time: 1 s in all. Without async, one call blocks until it returns, so the second
//! sleep starts only after the first: `hello` at 0.5 s, `world` at 1.5 s.
//!
//! The seed's other form calls `loop.run_forever()`: after the words, the loop keeps waiting
//! for more work until Ctrl+C. `--forever` does that with the standard library: the
//! [`ctrlc`] crate runs a handler on its own thread when Ctrl+C arrives, the handler sends
//! a message on a channel, and the main thread blocks on the channel's receiving end. The
//! handler is installed first, so that even a Ctrl+C that comes before the words ends the
//! program cleanly (once they are said, exit code 0) instead of killing it.
//!
//! ```text
//! cargo run -p examples-sync --bin say                   # hello, world: 1.5 s
//! cargo run -p examples-sync --bin say -- --forever      # then wait for Ctrl+C
//! ```
//! The standalone twin is `examples/say.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use shared::catalogue::say::WORDS;
use shared::{Out, Program, Run, SayOpts};

/// The seed's `say()`, blocking: sleep, then print.
fn say(out: &Out, what: &str, when: Duration) {
    thread::sleep(when);
    out.println(what);
}

pub fn run(run: Run<SayOpts>) -> anyhow::Result<()> {
    // With --forever, install the Ctrl+C handler before anything else happens.
    let ctrl_c = if run.opts.forever {
        let (sender, receiver) = mpsc::channel();
        ctrlc::set_handler(move || {
            let _ = sender.send(());
        })?;
        Some(receiver)
    } else {
        None
    };
    // One word after the other: the second sleep starts when the first call returns.
    for (what, when) in WORDS {
        say(&run.out.task(what), what, run.secs(when));
    }
    // The seed's run_forever: nothing left to do, but keep running until Ctrl+C.
    if let Some(ctrl_c) = ctrl_c {
        ctrl_c.recv()?;
        eprintln!("Ctrl+C received: shutting down.");
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Say, run)
}
