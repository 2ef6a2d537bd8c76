//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The three calls are
//! spawned as tasks and joined.
//!
//! - `--mode cooperative` (the default): like the seed, each task gives the scheduler a turn
//!   every 50 000 numbers, here with `smol::future::yield_now()` (the seed awaits
//!   `asyncio.sleep(0.00001)`). The three `Finding` lines come first and the `Done` lines
//!   arrive smallest job first: the tasks take turns on one thread.
//! - `--mode greedy`: no yields. Each task runs from `Finding` to `Done` before the next one
//!   starts, and nothing else (timers, I/O, other tasks) runs on the thread meanwhile.
//! - `--mode parallel`: the cooperative tasks on an `Executor` run by one thread per core.
//!   They run side by side: that is parallelism, not cooperation, and the order of the lines
//!   is the scheduler's, different from run to run.
//!
//! smol lets the program choose its executor. The one-thread modes use a `LocalExecutor` to
//! make the single thread explicit: its tasks run only inside `executor.run(..)`, on the
//! thread that calls it, so none starts before all three are spawned and the order above is
//! a fact, not luck. The parallel mode makes a pool of its own, as smol's documentation of
//! `Executor` shows: the same executor run by several threads. (`smol::spawn` would put the
//! tasks on the global executor, run by `SMOL_THREADS` background threads, one by default.)
//! Async does not make computation faster: the total work is the same, done one slice after
//! another. Heavy computation belongs on `smol::unblock` or a thread pool such as rayon.
//!
//! ```text
//! cargo run -p examples-smol --bin find_divisible                     # cooperative
//! cargo run -p examples-smol --bin find_divisible -- --mode greedy
//! cargo run -p examples-smol --bin find_divisible -- --mode parallel  # one thread per core
//! ```
//! The standalone twin is `examples/find_divisible.rs`: the same program in one file, ready to copy.

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::Arc;

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
            smol::future::yield_now().await;
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
        mode => anyhow::bail!("find_divisible has no mode {mode} under smol"),
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
        // A pool: one executor, run by one thread per core until `stop` is dropped.
        let executor = Arc::new(smol::Executor::new());
        let (stop, stopped) = smol::channel::bounded::<()>(1);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        for _ in 0..threads {
            let (executor, stopped) = (executor.clone(), stopped.clone());
            std::thread::spawn(move || smol::block_on(executor.run(stopped.recv())));
        }
        let joined = join_and_check(JOBS.map(|job| executor.spawn(search(job)))).await;
        // Closing the channel ends every thread's `run`.
        drop(stop);
        joined?;
    } else {
        // One thread, made explicit: a LocalExecutor runs its tasks only where it is run,
        // here, while it joins them.
        let executor = smol::LocalExecutor::new();
        let handles = JOBS.map(|job| executor.spawn(search(job)));
        executor.run(join_and_check(handles)).await?;
    }
    run.out.timing(format!(
        "Wall time: {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

/// Joins the searches and checks what each found: the multiples of d below n, 0 included.
async fn join_and_check(handles: [smol::Task<Vec<u64>>; 3]) -> anyhow::Result<()> {
    for ((n, d), handle) in JOBS.into_iter().zip(handles) {
        let located = handle.await;
        anyhow::ensure!(
            located.len() as u64 == (n - 1) / d + 1,
            "found {} numbers below {n} divisible by {d}",
            located.len()
        );
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::FindDivisible, run)
}
