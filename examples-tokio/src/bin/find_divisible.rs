//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The three calls are
//! spawned as tasks and joined.
//!
//! - `--mode cooperative` (the default): like the seed, each task gives the scheduler a turn
//!   every 50 000 numbers, here with `tokio::task::yield_now()` (the seed awaits
//!   `asyncio.sleep(0.00001)`). The three tasks run on one thread, as asyncio's do: the three
//!   `Finding` lines come first and the `Done` lines arrive smallest job first, every run.
//! - `--mode greedy`: no yields, one thread. Each task runs from `Finding` to `Done` before
//!   the next one starts, and nothing else (timers, I/O, other tasks) runs meanwhile.
//! - `--mode parallel`: the cooperative tasks spawned with `tokio::spawn` onto the runtime's
//!   worker threads (the default multi-thread runtime has one per core). They run side by
//!   side: that is parallelism, not cooperation, and the order of the lines is the
//!   scheduler's, different from run to run. (`--flavor current-thread` has no pool: there
//!   `parallel` is the cooperative order again.)
//!
//! One thread whatever the runtime's flavour: the tasks are spawned with `spawn_local` on a
//! `tokio::task::LocalSet`, whose tasks run only on the thread that awaits it, here the one
//! in `block_on`. On one thread the order is the scheduler's turn-taking: tokio runs woken
//! tasks first in, first out, and `yield_now` sends a task to the back of that queue (its
//! documentation does not promise that another task runs next; this one's always does).
//! Async does not make computation faster: the total work is the same, and on one thread it
//! is done one slice after another. tokio's own cooperative budget does not help here: it only
//! makes tasks yield when they use tokio's resources (sockets, channels, timers), and this loop
//! uses none. Heavy computation belongs on `tokio::task::spawn_blocking` or a thread pool such
//! as rayon.
//!
//! ```text
//! cargo run -p examples-tokio --bin find_divisible                     # cooperative
//! cargo run -p examples-tokio --bin find_divisible -- --mode greedy
//! cargo run -p examples-tokio --bin find_divisible -- --mode parallel  # on the thread pool
//! ```
//! The standalone twin is `examples/find_divisible.rs`: the same program in one file, ready to copy.

use std::hint::black_box;
use std::process::ExitCode;

use shared::catalogue::find_divisible::{JOBS, YIELD_EVERY};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `find_divisibles(inrange, div_by)`.
async fn find_divisibles(out: Out, inrange: u64, div_by: u64, cooperative: bool) -> Vec<u64> {
    out.println(format!(
        "Finding nums in range {inrange} divisible by {div_by}"
    ));
    let mut located = Vec::new();
    for i in 0..inrange {
        if i % div_by == 0 {
            located.push(i);
        }
        // Every 50 000 numbers a cooperative task lets the scheduler run the others.
        if cooperative && i % YIELD_EVERY == 0 {
            tokio::task::yield_now().await;
        }
    }
    out.println(format!(
        "Done w/ nums in range {inrange} divisible by {div_by}"
    ));
    located
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let (cooperative, parallel) = match run.mode {
        Mode::Cooperative => (true, false),
        Mode::Greedy => (false, false),
        Mode::Parallel => (true, true),
        mode => anyhow::bail!("find_divisible has no mode {mode} under tokio"),
    };
    // The three searches (black_box: the compiler may not work out the answers itself, the
    // work is the point).
    let search = |(n, d): (u64, u64)| {
        let out = run.out.task(format!("find_divisibles({n}, {d})"));
        let task = find_divisibles(out, black_box(n), black_box(d), cooperative);
        run.out
            .traced(format_args!("find_divisibles({n}, {d})"), task)
    };
    if parallel {
        // On the runtime's worker threads.
        join_and_check(JOBS.map(|job| tokio::spawn(search(job)))).await?;
    } else {
        // On this thread only: a LocalSet runs its tasks where it is awaited.
        let local = tokio::task::LocalSet::new();
        let handles = JOBS.map(|job| local.spawn_local(search(job)));
        local.run_until(join_and_check(handles)).await?;
    }
    run.out.timing(format!(
        "Wall time: {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

/// Joins the searches and checks what each found: the multiples of d below n, 0 included.
async fn join_and_check(handles: [tokio::task::JoinHandle<Vec<u64>>; 3]) -> anyhow::Result<()> {
    for ((n, d), handle) in JOBS.into_iter().zip(handles) {
        let located = handle.await?;
        anyhow::ensure!(
            located.len() as u64 == (n - 1) / d + 1,
            "found {} numbers below {n} divisible by {d}",
            located.len()
        );
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::FindDivisible, run)
}
