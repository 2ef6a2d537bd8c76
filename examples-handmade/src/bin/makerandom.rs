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
//! - the handmade runtime runs every task on the thread of its `block_on`, like asyncio's
//!   loop, and starts them in the order they were spawned (its run queue is FIFO);
//! - its timer heap wakes tasks in the order of their deadlines, to the nanosecond (like
//!   async-io). Sleeps that end "at the same instant" in the seed's arithmetic end a hair apart
//!   in real time: every wake-up comes a little late, so the task that slept more often to get
//!   there is a little behind, and the one whose sleep started earlier wakes first, as in
//!   CPython. That is how real time goes, not a promise: a thread delayed at the wrong moment
//!   could swap two draws, so the tests check what is certain (the numbers come in the
//!   generator's order, each task's lines follow the seed's rules).
//!
//! (`futures::join!` or `join_all` over the three futures would run them on one task too,
//! but it polls them in index order whenever any of them wakes: when two sleeps have both
//! ended, task 0 would draw before task 1, the other way round from CPython.)
//!
//! The runtime's tasks need not be `Send`, so the generator is shared as a plain
//! `Rc<RefCell<PyRandom>>`, with no lock: only one task runs at a time.
//!
//! The seed's transcript starts the tasks in the order 2, 1, 0 (an old asyncio detail); this
//! program, like current Python, starts 0, 1, 2, so its first draws land on other tasks. From
//! the seventh line on, it prints the seed's transcript whenever real time breaks the ties
//! as CPython's model does (see above).
//!
//! ```text
//! cargo run -p examples-handmade --bin makerandom                   # 12 s
//! cargo run -p examples-handmade --bin makerandom -- --seed 7 --scale 0.1
//! ```

use std::cell::RefCell;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use examples_handmade::runtime;
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
        runtime::sleep(pause).await;
        i = rng.borrow_mut().randint(0, 10);
    }
    out.println(format!("---> Finished: makerandom({idx}) == {i}"));
    i
}

pub async fn run(run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    // One generator for the three tasks, seeded like the seed's random.seed(444).
    let rng = Rc::new(RefCell::new(PyRandom::new(run.opts.seed)));
    // Spawn the three calls, in index order: one thread, like asyncio's loop.
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
            runtime::spawn(run.out.traced(format_args!("makerandom({idx})"), task))
        })
        .collect();
    // Join them (the seed's gather).
    for handle in handles {
        handle.await;
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::Makerandom, run)
}
