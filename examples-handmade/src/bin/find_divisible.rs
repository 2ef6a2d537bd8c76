//! # find_divisible: CPU-bound work in async tasks (seed 002)
//!
//! `find_divisibles(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The three calls are
//! spawned as tasks and joined.
//!
//! - `--mode cooperative` (the default): like the seed, each task gives the scheduler a turn
//!   every 50 000 numbers, here with `runtime::yield_now()` (the seed awaits
//!   `asyncio.sleep(0.00001)`). The three `Finding` lines come first and the `Done` lines
//!   arrive smallest job first: the tasks take turns on one thread.
//! - `--mode greedy`: no yields. Each task runs from `Finding` to `Done` before the next one
//!   starts, and nothing else (timers, I/O, other tasks) runs on the thread meanwhile.
//!
//! The handmade runtime has one thread and a FIFO run queue: `runtime::spawn` queues the three
//! tasks, none runs before `run` awaits, and `yield_now` puts a task at the end of the queue.
//! So the order above is a fact here, as in asyncio, not luck. Async does not make computation
//! faster: the total work is the same, done one slice after another. Heavy computation belongs
//! on `runtime::spawn_blocking` or a thread pool such as rayon.
//!
//! ```text
//! cargo run -p examples-handmade --bin find_divisible                   # cooperative
//! cargo run -p examples-handmade --bin find_divisible -- --mode greedy
//! ```

use std::hint::black_box;
use std::process::ExitCode;

use examples_handmade::runtime;
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
            runtime::yield_now().await;
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
        mode => anyhow::bail!("find_divisible has no mode {mode} on the handmade runtime"),
    };
    // Spawn the three searches (black_box: the compiler may not work out the answers
    // itself, the work is the point). They are queued; none runs before the first await.
    let handles = JOBS.map(|(n, d)| {
        let out = run.out.task(format!("find_divisibles({n}, {d})"));
        let task = find_divisibles(out, black_box(n), black_box(d), cooperative);
        let task = run
            .out
            .traced(format_args!("find_divisibles({n}, {d})"), task);
        (n, d, runtime::spawn(task))
    });
    // Join them, and check what each found: the multiples of d below n, 0 included.
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
    examples_handmade::main(Program::FindDivisible, run)
}
