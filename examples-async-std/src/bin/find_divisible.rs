//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The three calls are
//! spawned as tasks and joined.
//!
//! - `--mode cooperative` (the default): like the seed, each task gives the scheduler a turn
//!   every 50 000 numbers, here with `async_std::task::yield_now()` (the seed awaits
//!   `asyncio.sleep(0.00001)`). The three tasks run on one thread, as asyncio's do: the three
//!   `Finding` lines come first and the `Done` lines arrive smallest job first, every run.
//! - `--mode greedy`: no yields, one thread. Each task runs from `Finding` to `Done` before
//!   the next one starts, and nothing else (timers, I/O, other tasks) runs meanwhile.
//! - `--mode parallel`: the cooperative tasks spawned with `async_std::task::spawn` onto
//!   async-std's global pool, one thread per core (`ASYNC_STD_THREAD_COUNT` sets another
//!   number). They run side by side: that is parallelism, not cooperation, and the order of
//!   the lines is the scheduler's, different from run to run.
//!
//! One thread: the tasks are spawned with `async_std::task::spawn_local` (behind async-std's
//! `unstable` feature), onto the executor of the thread that runs `block_on`; `block_on`
//! runs that executor while it waits, so the tasks run there and nowhere else (async-std's
//! `block_on` runs `async_global_executor::block_on`, which runs the thread's
//! `LocalExecutor`). Async does not make computation faster: the total work is the same,
//! and on one thread it is done one slice after another. Heavy computation belongs on
//! `async_std::task::spawn_blocking` or a thread pool such as rayon. async-std is
//! discontinued upstream; its authors point to smol.
//!
//! ```text
//! cargo run -p examples-async-std --bin find_divisible                     # cooperative
//! cargo run -p examples-async-std --bin find_divisible -- --mode greedy
//! cargo run -p examples-async-std --bin find_divisible -- --mode parallel  # one thread per core
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
            async_std::task::yield_now().await;
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
        mode => anyhow::bail!("find_divisible has no mode {mode} under async-std"),
    };
    // Spawn the three searches (black_box: the compiler may not work out the answers
    // itself, the work is the point): on the global pool, or on this thread.
    let handles = JOBS.map(|(n, d)| {
        let out = run.out.task(format!("find_divisibles({n}, {d})"));
        let task = find_divisibles(out, black_box(n), black_box(d), cooperative);
        let task = run
            .out
            .traced(format_args!("find_divisibles({n}, {d})"), task);
        let handle = if parallel {
            async_std::task::spawn(task)
        } else {
            async_std::task::spawn_local(task)
        };
        (n, d, handle)
    });
    // Join them and check what each found: the multiples of d below n, 0 included.
    for (n, d, handle) in handles {
        let located = handle.await;
        anyhow::ensure!(
            located.len() as u64 == (n - 1) / d + 1,
            "found {} numbers below {n} divisible by {d}",
            located.len()
        );
    }
    run.out.timing(format!(
        "Wall time: {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_async_std::main(Program::FindDivisible, run)
}
