//! # work_queue: two workers drain one queue (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`, each item a delay in seconds that stands for
//! waiting on I/O. Two workers, `One` and `Two`, take items until the queue is empty. This is
//! the seed's last form, "cooperative concurrency with non-blocking calls": a worker awaits
//! `runtime::sleep`, and while it waits the other one runs. One does 15 + 2, Two does
//! 10 + 5: 17 s in all, where one item after another takes 32 s (the seed's earlier forms,
//! busy counting and generators, are in `examples-sync`). At t = 15 s both workers come back
//! at once: which one takes the last item is a tie. On the handmade runtime's one thread the
//! first pick is not a race: One, spawned first, runs first and takes the 15.
//!
//! The queue is `async_channel`, a multi-consumer channel (the async-channel crate): each item
//! goes to one worker. Filled and then closed, it hands out its items until it is empty; then
//! `recv` fails and the worker's loop ends (the seed's `while not work_queue.empty()`). The
//! channel knows nothing of the runtime: its `recv` stores the task's waker and its `send`
//! calls it, which is all a runtime needs to run it.
//!
//! `--mode blocking` is the classic mistake: `std::thread::sleep` instead of
//! `runtime::sleep`. A blocking sleep never gives the thread back to the loop, and the
//! loop has one: One blocks it. When an item is waiting, `recv` returns without ever
//! yielding, so One takes all four and Two never gets one: 32 s, the seed's blocking
//! transcript.
//!
//! ```text
//! cargo run -p examples-handmade --bin work_queue                         # async: 17 s
//! cargo run -p examples-handmade --bin work_queue -- --scale 0.01         # the same in 0.17 s
//! cargo run -p examples-handmade --bin work_queue -- --mode blocking      # 32 s on one thread
//! //! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use shared::catalogue::work_queue::{ITEMS, WORKERS};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `task(name, work_queue)`: take items until the queue is empty.
async fn task(out: Out, name: &str, work_queue: async_channel::Receiver<Duration>, blocking: bool) {
    while let Ok(delay) = work_queue.recv().await {
        out.println(format!("Task {name} running"));
        let start_time = out.elapsed();
        if blocking {
            // The classic mistake: this blocks the thread, and every task waiting for it.
            std::thread::sleep(delay);
        } else {
            // While this worker sleeps, the scheduler runs the other one.
            runtime::sleep(delay).await;
        }
        let elapsed = out.elapsed() - start_time;
        out.timing(format!(
            "Task {name} elapsed time: {:?}",
            elapsed.as_secs_f64()
        ));
    }
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let blocking = match run.mode {
        Mode::Async => false,
        Mode::Blocking => true,
        mode => anyhow::bail!("work_queue has no mode {mode} on the handmade runtime"),
    };
    // Put the work in the queue, then close it: the workers stop when it is empty.
    let (sender, work_queue) = async_channel::unbounded();
    for work in ITEMS {
        sender.send(run.secs(work as f64)).await?;
    }
    sender.close();
    // Spawn both workers, then wait for both.
    let handles: Vec<_> = WORKERS
        .iter()
        .map(|&name| {
            runtime::spawn(run.out.traced(
                format_args!("Task {name}"),
                task(run.out.task(name), name, work_queue.clone(), blocking),
            ))
        })
        .collect();
    for handle in handles {
        handle.await;
    }
    run.out.timing(format!(
        "Total Time elapsed: {:?} seconds",
        run.out.elapsed().as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::WorkQueue, run)
}
