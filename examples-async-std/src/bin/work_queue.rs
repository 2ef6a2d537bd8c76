//! # work_queue: two workers drain one queue (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`, each item a delay in seconds that stands for
//! waiting on I/O. Two workers, `One` and `Two`, take items until the queue is empty. This is
//! the seed's last form, "cooperative concurrency with non-blocking calls": a worker awaits
//! `async_std::task::sleep`, and while it waits the other one runs. One does 15 + 2, Two does
//! 10 + 5: 17 s in all, where one item after another takes 32 s (the seed's earlier forms,
//! busy counting and generators, are in `examples-sync`). At t = 15 s both workers come back
//! at once: which one takes the last item is a tie. On a pool of several threads even the
//! first pick is a race: One, spawned first, usually takes the 15, but Two may reach the queue
//! first.
//!
//! The queue is `async_std::channel`, a multi-consumer channel (the async-channel crate):
//! each item goes to one worker. Filled and then closed, it hands out its items until it is
//! empty; then `recv` fails and the worker's loop ends (the seed's
//! `while not work_queue.empty()`).
//!
//! `--mode blocking` is the classic mistake: `std::thread::sleep` instead of
//! `async_std::task::sleep`. A blocking sleep never gives the thread back to the scheduler, so
//! what happens depends on how many threads run the tasks. `async_std::task::spawn` puts them
//! on a global pool with one thread per core (`ASYNC_STD_THREAD_COUNT` sets another number):
//! - on two or more threads, One blocks one thread and Two another, and it takes 17 s. It
//!   looks fine, but only because there are as many threads as blocked tasks, and the blocked
//!   threads run nothing else meanwhile.
//! - `ASYNC_STD_THREAD_COUNT=1`: One blocks the only pool thread. When an item is waiting,
//!   `recv` returns without ever yielding, so One takes all four and Two never gets one: 32 s,
//!   the seed's blocking transcript.
//!
//! async-std is discontinued upstream; its authors point to smol (`examples-smol`).
//!
//! ```text
//! cargo run -p examples-async-std --bin work_queue                        # async: 17 s
//! cargo run -p examples-async-std --bin work_queue -- --scale 0.01        # the same in 0.17 s
//! cargo run -p examples-async-std --bin work_queue -- --mode blocking     # 17 s on 2+ cores
//! ASYNC_STD_THREAD_COUNT=1 cargo run -p examples-async-std --bin work_queue -- --mode blocking
//! ```
//! The standalone twin is `examples/work_queue.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::work_queue::{ITEMS, WORKERS};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `task(name, work_queue)`: take items until the queue is empty.
async fn task(
    out: Out,
    name: &str,
    work_queue: async_std::channel::Receiver<Duration>,
    blocking: bool,
) {
    while let Ok(delay) = work_queue.recv().await {
        out.println(format!("Task {name} running"));
        let start_time = out.elapsed();
        if blocking {
            // The classic mistake: this blocks the thread, and every task waiting for it.
            std::thread::sleep(delay);
        } else {
            // While this worker sleeps, the scheduler runs the other one.
            async_std::task::sleep(delay).await;
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
        mode => anyhow::bail!("work_queue has no mode {mode} under async-std"),
    };
    // Put the work in the queue, then close it: the workers stop when it is empty.
    let (sender, work_queue) = async_std::channel::unbounded();
    for work in ITEMS {
        sender.send(run.secs(work as f64)).await?;
    }
    sender.close();
    // Spawn both workers, then wait for both.
    let handles: Vec<_> = WORKERS
        .iter()
        .map(|&name| {
            async_std::task::spawn(run.out.traced(
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
    examples_async_std::main(Program::WorkQueue, run)
}
