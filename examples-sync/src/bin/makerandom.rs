//! # makerandom: three draws until a good number, without async (seed 003)
//!
//! `makerandom(idx, threshold)` draws `randint(0, 10)`; while the number is at or below its
//! threshold (`10 - idx - 1`) it says so and sleeps `idx + 1` seconds before drawing again.
//! The seed runs `makerandom(0)`, `makerandom(1)` and `makerandom(2)` concurrently on one
//! event loop; here, without async, they run one after another: each call blocks until its
//! number comes, so the run takes the sum of every pause (23 s with the default seed instead
//! of 12 s).
//!
//! All three draw from one generator, Python's `random` seeded with 444: this port draws
//! the very same numbers (`shared::random::PyRandom` is CPython's Mersenne Twister and its
//! `randint`). Since the calls draw in another order than the seed's concurrent tasks, each
//! call gets other numbers than in the seed's transcript. Each call prints in its own colour
//! (on a terminal, unless `NO_COLOR` is set).
//!
//! ```text
//! cargo run -p examples-sync --bin makerandom                      # 23 s
//! cargo run -p examples-sync --bin makerandom -- --seed 7 --scale 0.1
//! ```
//! The standalone twin is `examples/makerandom.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use shared::catalogue::makerandom::{TASKS, pause_secs, threshold};
use shared::out::TASK_COLOURS;
use shared::random::PyRandom;
use shared::{MakerandomOpts, Out, Program, Run};

/// The seed's `makerandom()`, blocking: draw until the number is above `threshold`,
/// sleeping `pause` after each miss.
fn makerandom(out: &Out, rng: &mut PyRandom, idx: usize, threshold: i64, pause: Duration) -> i64 {
    out.println(format!("Initiated makerandom({idx})."));
    let mut i = rng.randint(0, 10);
    while i <= threshold {
        out.println(format!("makerandom({idx}) == {i} too low; retrying."));
        thread::sleep(pause);
        i = rng.randint(0, 10);
    }
    out.println(format!("---> Finished: makerandom({idx}) == {i}"));
    i
}

pub fn run(run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    // One generator for the three calls, seeded like the seed's random.seed(444).
    let mut rng = PyRandom::new(run.opts.seed);
    // One call after another, in index order.
    for (idx, colour) in (0..TASKS).zip(TASK_COLOURS) {
        let out = run.out.task(format!("makerandom({idx})")).colour(colour);
        makerandom(
            &out,
            &mut rng,
            idx,
            threshold(idx),
            run.secs(pause_secs(idx)),
        );
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Makerandom, run)
}
