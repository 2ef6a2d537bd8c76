//! # say: two spawned tasks, and a loop that runs forever (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed creates two tasks,
//! `say("hello", 0.5)` and `say("world", 1)`, and gathers them: `hello` at 0.5 s, `world` at
//! 1 s, done in 1 s because both sleep at the same time. Its other form calls
//! `loop.run_forever()` instead: the tasks run, then the loop keeps waiting for more work
//! until Ctrl+C. `--forever` does that, and shuts down cleanly on Ctrl+C (exit code 0).
//!
//! `tokio::spawn` starts a task at once and returns a `JoinHandle`; dropping the handle
//! would *detach* the task (it keeps running), which is what the seed's `create_task` does
//! too. (A dropped smol `Task` is cancelled instead.) Ctrl+C is a future too:
//! `tokio::signal::ctrl_c()` completes when the signal arrives. A listener hears only the
//! signals sent after it starts listening, so it is spawned first, before the words: even a
//! Ctrl+C that comes before them ends the program cleanly (once they are said).
//!
//! ```text
//! cargo run -p examples-tokio --bin say                   # hello, world: 1 s
//! cargo run -p examples-tokio --bin say -- --forever      # then wait for Ctrl+C
//! ```
//! The standalone twin is `examples/say.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::say::WORDS;
use shared::{Out, Program, Run, SayOpts};

/// The seed's `say()`: sleep, then print.
async fn say(out: Out, what: &'static str, when: Duration) {
    tokio::time::sleep(when).await;
    out.println(what);
}

pub async fn run(run: Run<SayOpts>) -> anyhow::Result<()> {
    // With --forever, start listening for Ctrl+C before anything else happens.
    let ctrl_c = run
        .opts
        .forever
        .then(|| tokio::spawn(tokio::signal::ctrl_c()));
    // Spawn one task per word: both start sleeping now.
    let handles: Vec<_> = WORDS
        .into_iter()
        .map(|(what, when)| {
            tokio::spawn(
                run.out
                    .traced(what, say(run.out.task(what), what, run.secs(when))),
            )
        })
        .collect();
    // Join them (the seed's gather).
    for handle in handles {
        handle.await?;
    }
    // The seed's run_forever: nothing left to do, but keep running until Ctrl+C.
    if let Some(ctrl_c) = ctrl_c {
        ctrl_c.await??;
        eprintln!("Ctrl+C received: shutting down.");
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::Say, run)
}
