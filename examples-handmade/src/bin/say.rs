//! # say: two spawned tasks, and a loop that runs forever (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed creates two tasks,
//! `say("hello", 0.5)` and `say("world", 1)`, and gathers them: `hello` at 0.5 s, `world` at
//! 1 s, done in 1 s because both sleep at the same time. Its other form calls
//! `loop.run_forever()` instead: the tasks run, then the loop keeps waiting for more work
//! until Ctrl+C. `--forever` does that, and shuts down cleanly on Ctrl+C (exit code 0).
//!
//! `runtime::spawn` queues a task at once on the handmade runtime's loop and returns a
//! `JoinHandle` (a dropped one detaches its task; here they are kept and awaited). The runtime
//! has no Ctrl+C of its own: the [`ctrlc`] crate runs a handler on its own thread when the
//! signal arrives, the handler sends a message on an `async_channel`, and the program awaits
//! the channel's receiving end. That send is a wake from another thread: it puts the waiting
//! task back in the loop's queue and notifies the poller the loop sleeps in. The handler is
//! installed first, so that even a Ctrl+C that comes before the words ends the program
//! cleanly (once they are said) instead of killing it.
//!
//! ```text
//! cargo run -p examples-handmade --bin say                   # hello, world: 1 s
//! cargo run -p examples-handmade --bin say -- --forever      # then wait for Ctrl+C
//! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use shared::catalogue::say::WORDS;
use shared::{Out, Program, Run, SayOpts};

/// The seed's `say()`: sleep, then print.
async fn say(out: Out, what: &'static str, when: Duration) {
    runtime::sleep(when).await;
    out.println(what);
}

pub async fn run(run: Run<SayOpts>) -> anyhow::Result<()> {
    // With --forever, install the Ctrl+C handler before anything else happens.
    let ctrl_c = if run.opts.forever {
        let (sender, receiver) = async_channel::bounded(1);
        ctrlc::set_handler(move || {
            let _ = sender.try_send(());
        })?;
        Some(receiver)
    } else {
        None
    };
    // Spawn one task per word: both start sleeping now.
    let handles: Vec<_> = WORDS
        .into_iter()
        .map(|(what, when)| {
            runtime::spawn(
                run.out
                    .traced(what, say(run.out.task(what), what, run.secs(when))),
            )
        })
        .collect();
    // Join them (the seed's gather).
    for handle in handles {
        handle.await;
    }
    // The seed's run_forever: nothing left to do, but keep running until Ctrl+C.
    if let Some(ctrl_c) = ctrl_c {
        ctrl_c.recv().await?;
        eprintln!("Ctrl+C received: shutting down.");
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::Say, run)
}
