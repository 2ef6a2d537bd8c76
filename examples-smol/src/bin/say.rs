//! # say: two spawned tasks, and a loop that runs forever (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed creates two tasks,
//! `say("hello", 0.5)` and `say("world", 1)`, and gathers them: `hello` at 0.5 s, `world` at
//! 1 s, done in 1 s because both sleep at the same time. Its other form calls
//! `loop.run_forever()` instead: the tasks run, then the loop keeps waiting for more work
//! until Ctrl+C. `--forever` does that, and shuts down cleanly on Ctrl+C (exit code 0).
//!
//! `smol::spawn` starts a task at once on smol's global executor (one background thread by
//! default, `SMOL_THREADS` for more) and returns a `Task`. Unlike tokio's and async-std's
//! handles, a dropped `Task` *cancels* its task: the seed's fire-and-forget `create_task`
//! is `smol::spawn(...).detach()`. Here the tasks are kept and awaited. smol has no Ctrl+C of
//! its own: as in smol's `ctrl-c` example, the [`ctrlc`] crate runs a handler on its own
//! thread when the signal arrives, the handler sends a message on a `smol::channel`, and the
//! program awaits the channel's receiving end. The handler is installed first, so that even
//! a Ctrl+C that comes before the words ends the program cleanly (once they are said)
//! instead of killing it.
//!
//! ```text
//! cargo run -p examples-smol --bin say                   # hello, world: 1 s
//! cargo run -p examples-smol --bin say -- --forever      # then wait for Ctrl+C
//! ```
//! The standalone twin is `examples/say.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::say::WORDS;
use shared::{Out, Program, Run, SayOpts};

/// The seed's `say()`: sleep, then print.
async fn say(out: Out, what: &'static str, when: Duration) {
    smol::Timer::after(when).await;
    out.println(what);
}

pub async fn run(run: Run<SayOpts>) -> anyhow::Result<()> {
    // With --forever, install the Ctrl+C handler before anything else happens.
    let ctrl_c = if run.opts.forever {
        let (sender, receiver) = smol::channel::bounded(1);
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
            smol::spawn(
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
    examples_smol::main(Program::Say, run)
}
