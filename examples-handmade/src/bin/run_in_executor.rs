//! # run_in_executor: blocking work moved off the scheduler (seed 002)
//!
//! The seed's prime search with `time.sleep(0.01)` instead of `await asyncio.sleep(0.01)`:
//! a blocking sleep inside async code holds the thread, so the three searches that the seed
//! joins with `asyncio.wait` run one after another (0.36 s) instead of together (0.26 s).
//! Its list of asyncio's functions names the cure: `loop.run_in_executor`, which runs a
//! blocking function on a pool of threads and hands back something to await.
//!
//! The program runs the mistake, then the cure, and times both:
//!
//! 1. The blocking search called from three async blocks joined on one task
//!    (`futures::join!`, the seed's single event-loop thread): each block runs from `▶` to `▷`
//!    before the next one is polled.
//! 2. The same blocking function handed to `runtime::spawn_blocking`, this runtime's
//!    `run_in_executor`: it runs on a thread of its own, and the future it returns is awaited
//!    like a task; the thread's wake puts the awaiting task back in the loop's queue. The
//!    three searches overlap again and the loop stays free for other tasks.
//!
//! tokio's and async-std's `task::spawn_blocking` are the same idea.
//!
//! ```text
//! cargo run -p examples-handmade --bin run_in_executor    # 0.62 s
//! ```

use std::process::ExitCode;

use examples_handmade::runtime;
use shared::catalogue::prime_search::{PAUSE_SECS, TARGETS};
use shared::expect::concepts::{BLOCKING_HEADER, OFFLOAD_HEADER};
use shared::{NoOpts, Program, Run};

// The seed's search with `time.sleep(0.01)`: prime_search's blocking function.
use examples_handmade::prime_search::highest_prime_below_blocking;

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let pause = run.secs(PAUSE_SECS);
    let out = |x: u64| run.out.task(format!("highest_prime_below({x})"));

    // The mistake: async blocks that call the blocking search, joined on this one task.
    run.out.println(BLOCKING_HEADER);
    let start = run.out.elapsed();
    let [a, b, c] = TARGETS.map(|x| {
        let out = out(x);
        async move { highest_prime_below_blocking(out, x, pause) }
    });
    futures::join!(a, b, c);
    let blocking = run.out.elapsed() - start;
    run.out.timing(format!(
        "blocking: took {:.2} ms",
        blocking.as_secs_f64() * 1e3
    ));

    // The cure: each search on the blocking pool; awaiting the tasks joins them.
    run.out.println(OFFLOAD_HEADER);
    let start = run.out.elapsed();
    let tasks = TARGETS.map(|x| {
        let out = out(x);
        runtime::spawn_blocking(
            run.out
                .traced_blocking(&format_args!("highest_prime_below({x})"), move || {
                    highest_prime_below_blocking(out, x, pause)
                }),
        )
    });
    for task in tasks {
        task.await;
    }
    let offloaded = run.out.elapsed() - start;
    run.out.timing(format!(
        "offloaded: took {:.2} ms, {:.2}x faster than blocking",
        offloaded.as_secs_f64() * 1e3,
        blocking.as_secs_f64() / offloaded.as_secs_f64()
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::RunInExecutor, run)
}
