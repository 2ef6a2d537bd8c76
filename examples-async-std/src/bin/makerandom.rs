//! # makerandom: three tasks, one random generator (seed 003)
//!
//! `makerandom(idx, threshold)` draws `randint(0, 10)`; while the number is at or below its
//! threshold (`10 - idx - 1`) it says so and sleeps `idx + 1` seconds before drawing again.
//! The seed gathers `makerandom(0)`, `makerandom(1)` and `makerandom(2)` on one event loop,
//! all drawing from Python's `random` seeded with 444; this port draws the very same numbers
//! (`shared::random::PyRandom` is CPython's generator), each task in its own colour.
//!
//! Because the three tasks share one generator, *who draws when* decides who gets which
//! number. asyncio runs its tasks on one thread, starts them in the order they were created,
//! and when two sleeps end at the same instant (t = 2 s: task 0's second sleep and task 1's
//! first), the one that started sleeping earlier draws first. This program keeps that order:
//!
//! - the tasks are spawned with `async_std::task::spawn_local`, onto the executor of the
//!   thread that runs `block_on` (this program's main thread): all three run on that one
//!   thread (like asyncio's loop), in the order they wake. With `async_std::task::spawn`,
//!   the three tasks would start on whichever threads of async-std's pool pick them up first,
//!   and the first draws could go to any of them;
//! - async-std's sleeps are async-io timers, which wake their tasks in the order of their
//!   deadlines, to the nanosecond. Sleeps that end "at the same instant" in the seed's
//!   arithmetic end a hair apart in real time: every wake-up comes a little late, so the task
//!   that slept more often to get there (the one with the shorter pause) is a little behind,
//!   and the one whose sleep started earlier wakes first, as in CPython. That is how real time
//!   goes, not a promise: a thread delayed at the wrong moment could swap two draws, so the
//!   tests check what is certain (the numbers come in the generator's order, each task's
//!   lines follow the seed's rules).
//!
//! (`futures::join!` or `join_all` over the three futures would run them on one task too,
//! but it polls them in index order whenever any of them wakes: when two sleeps have both
//! ended, task 0 would draw before task 1, the other way round from CPython.)
//!
//! Local tasks need not be `Send`, so the generator is shared as a plain
//! `Rc<RefCell<PyRandom>>`, with no lock: only one task runs at a time.
//!
//! The seed's transcript starts the tasks in the order 2, 1, 0 (an old asyncio detail); this
//! program, like current Python, starts 0, 1, 2, so its first draws land on other tasks. From
//! the seventh line on, it prints the seed's transcript whenever real time breaks the ties
//! as CPython's model does (see above).
//!
//! (async-std is discontinued upstream; its authors point to smol.)
//!
//! ```text
//! cargo run -p examples-async-std --bin makerandom                   # 12 s
//! cargo run -p examples-async-std --bin makerandom -- --seed 7 --scale 0.1
//! ```
//! The standalone twin is `examples/makerandom.rs`: the same program in one file, ready to copy.

use std::cell::RefCell;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use shared::catalogue::makerandom::{TASKS, pause_secs, threshold};
use shared::out::TASK_COLOURS;
use shared::random::PyRandom;
use shared::{MakerandomOpts, Out, Program, Run};

/// The seed's `makerandom()`: draw until the number is above `threshold`, sleeping `pause`
/// after each miss.
async fn makerandom(
    out: Out,
    rng: Rc<RefCell<PyRandom>>,
    idx: usize,
    threshold: i64,
    pause: Duration,
) -> i64 {
    out.println(format!("Initiated makerandom({idx})."));
    let mut i = rng.borrow_mut().randint(0, 10);
    while i <= threshold {
        out.println(format!("makerandom({idx}) == {i} too low; retrying."));
        async_std::task::sleep(pause).await;
        i = rng.borrow_mut().randint(0, 10);
    }
    out.println(format!("---> Finished: makerandom({idx}) == {i}"));
    i
}

pub async fn run(run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    // One generator for the three tasks, seeded like the seed's random.seed(444).
    let rng = Rc::new(RefCell::new(PyRandom::new(run.opts.seed)));
    // Spawn the three calls, in index order, as local tasks: one thread, like asyncio's loop.
    let handles: Vec<_> = (0..TASKS)
        .map(|idx| {
            let out = run
                .out
                .task(format!("makerandom({idx})"))
                .colour(TASK_COLOURS[idx]);
            let task = makerandom(
                out,
                rng.clone(),
                idx,
                threshold(idx),
                run.secs(pause_secs(idx)),
            );
            async_std::task::spawn_local(run.out.traced(format_args!("makerandom({idx})"), task))
        })
        .collect();
    // Join them (the seed's gather).
    for handle in handles {
        handle.await;
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_async_std::main(Program::Makerandom, run)
}
