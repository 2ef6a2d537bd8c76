//! # count: the same function three times, without async (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. The seed's synchronous version
//! calls it three times in a row: `One Two One Two One Two`, 3 s, because `time.sleep`
//! blocks the only thread there is. With the standard library alone there is one way to
//! sleep three times at once: three OS threads.
//!
//! - `--mode sequential` (default): three calls one after another, 3 s.
//! - `--mode threads`: one thread per call in a [`std::thread::scope`], which joins them all
//!   at its end: `One One One Two Two Two` in 1 s, like the async versions, but every call
//!   costs a whole OS thread (a stack, a kernel object). Try `--tasks 10000`: where an
//!   async runtime spawns 10 000 tasks in a blink, 10 000 threads take a while to start
//!   (0.7 s in a debug build on a 2-core machine). The OS refuses many more (a default Linux
//!   at about 32 000: each thread's stack takes memory mappings, `vm.max_map_count` allows
//!   65 530), and the program stops with an error: threads are started with
//!   [`std::thread::Builder::spawn_scoped`], which reports a refusal instead of panicking.
//!   At that very edge std itself can fail inside a thread that did start (it maps a signal
//!   stack for each), and the process aborts: OS threads are a resource the program does not
//!   control.
//!
//! ```text
//! cargo run -p examples-sync --bin count                          # sequential: 3 s
//! cargo run -p examples-sync --bin count -- --mode threads        # 1 s
//! cargo run -p examples-sync --bin count -- --mode threads --tasks 1000
//! ```
//! The standalone twin is `examples/count.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use anyhow::Context;
use shared::{CountOpts, Mode, Out, Program, Run};

/// The seed's synchronous `count()`.
fn count(out: &Out, one_second: Duration) {
    out.println("One");
    // The whole thread sleeps: nothing else runs on it meanwhile.
    thread::sleep(one_second);
    out.println("Two");
}

pub fn run(run: Run<CountOpts>) -> anyhow::Result<()> {
    let one_second = run.secs(shared::catalogue::count::SLEEP_SECS);
    // Over 100 calls, they stay quiet and a summary is printed instead.
    let task_out = if run.opts.prints_each_task() {
        run.out.clone()
    } else {
        run.out.muted()
    };
    let mut done = 0;
    match run.mode {
        Mode::Sequential => {
            // Each call returns before the next one starts.
            for _ in 0..run.opts.tasks {
                count(&task_out, one_second);
                done += 1;
            }
        }
        _ => {
            // One thread per call; the scope joins every thread before it returns.
            thread::scope(|scope| -> anyhow::Result<()> {
                let mut handles = Vec::new();
                for n in 0..run.opts.tasks {
                    let handle = thread::Builder::new()
                        .spawn_scoped(
                            scope,
                            task_out.traced_blocking(&format_args!("count() #{}", n + 1), || {
                                count(&task_out, one_second)
                            }),
                        )
                        .with_context(|| format!("cannot start thread number {}", n + 1))?;
                    handles.push(handle);
                }
                for handle in handles {
                    handle
                        .join()
                        .map_err(|_| anyhow::anyhow!("a count() thread panicked"))?;
                    done += 1;
                }
                Ok(())
            })?;
        }
    }
    if !run.opts.prints_each_task() {
        run.out
            .println(format!("{done} count() tasks printed One and Two"));
    }
    run.out.timing(format!(
        "executed in {:.2} seconds.",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Count, run)
}
