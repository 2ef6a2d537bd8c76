//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The three calls are
//! spawned as tasks and joined.
//!
//! - `--mode cooperative` (the default): like the seed, each task gives the scheduler a turn
//!   every 50 000 numbers, here with `tokio::task::yield_now()` (the seed awaits
//!   `asyncio.sleep(0.00001)`). On one thread (`--flavor current-thread`) the three `Finding`
//!   lines come first and the `Done` lines arrive smallest job first: the tasks take turns.
//! - `--mode greedy`: no yields. On one thread each task runs from `Finding` to `Done` before
//!   the next one starts, and nothing else (timers, I/O, other tasks) runs meanwhile.
//!
//! Async does not make computation faster: the total work is the same, and on one thread it is
//! done one slice after another. On the default multi-thread runtime the tasks run on several
//! worker threads at once, so even the greedy ones overlap; that is parallelism, not
//! cooperation, and the order of the lines depends on the scheduler. tokio's own cooperative
//! budget does not help here: it only makes tasks yield when they use tokio's resources
//! (sockets, channels, timers), and this loop uses none. Heavy computation belongs on
//! `tokio::task::spawn_blocking` or a thread pool such as rayon.
//!
//! ```text
//! cargo run -p examples-tokio --bin find_divisible -- --flavor current-thread
//! cargo run -p examples-tokio --bin find_divisible -- --flavor current-thread --mode greedy
//! cargo run -p examples-tokio --bin find_divisible -- --mode greedy     # on the thread pool
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
    let cooperative = match run.mode {
        Mode::Cooperative => true,
        Mode::Greedy => false,
        mode => anyhow::bail!("find_divisible has no mode {mode} under tokio"),
    };
    // Spawn the three searches (black_box: the compiler may not work out the answers
    // itself, the work is the point).
    let handles = JOBS.map(|(n, d)| {
        let out = run.out.task(format!("find_divisibles({n}, {d})"));
        let task = find_divisibles(out, black_box(n), black_box(d), cooperative);
        (
            n,
            d,
            tokio::spawn(
                run.out
                    .traced(format_args!("find_divisibles({n}, {d})"), task),
            ),
        )
    });
    // Join them and check what each found: the multiples of d below n, 0 included.
    for (n, d, handle) in handles {
        let located = handle.await?;
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
    examples_tokio::main(Program::FindDivisible, run)
}
