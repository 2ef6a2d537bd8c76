//! # find_divisible: CPU-bound work, one call after another (seed 002)
//!
//! `find_divisible(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for. The seed's first
//! version calls them one after another, and so does this one: each prints `Finding`, works,
//! and prints `Done` before the next starts.
//!
//! Nothing here waits, so there is nothing for async to overlap: the async crates' versions do
//! the same work, and only change the order of the lines (`--mode cooperative` takes turns
//! every 50 000 numbers) or spread it over a thread pool. `Wall time` is the seed's `%%time`.
//!
//! ```text
//! cargo run -p examples-sync --bin find_divisible
//! cargo run --release -p examples-sync --bin find_divisible      # the optimiser's view
//! ```
//! The standalone twin is `examples/find_divisible.rs`: the same program in one file, ready to copy.

use std::hint::black_box;
use std::process::ExitCode;

use shared::catalogue::find_divisible::JOBS;
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `find_divisible(inrange, div_by)`.
fn find_divisible(out: &Out, inrange: u64, div_by: u64) -> Vec<u64> {
    out.println(format!(
        "Finding nums in range {inrange} divisible by {div_by}"
    ));
    let mut located = Vec::new();
    for i in 0..inrange {
        if i % div_by == 0 {
            located.push(i);
        }
    }
    out.println(format!(
        "Done w/ nums in range {inrange} divisible by {div_by}"
    ));
    located
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    match run.mode {
        Mode::Sequential => {
            // Each call runs to its end before the next one starts (black_box: the compiler
            // may not work out the answers itself, the work is the point), and what it found
            // is checked: the multiples of d below n, 0 included.
            for (n, d) in JOBS {
                let out = run.out.task(format!("find_divisible({n}, {d})"));
                let located = find_divisible(&out, black_box(n), black_box(d));
                anyhow::ensure!(
                    located.len() as u64 == (n - 1) / d + 1,
                    "found {} numbers below {n} divisible by {d}",
                    located.len()
                );
            }
        }
        mode => anyhow::bail!("find_divisible has no mode {mode} under sync"),
    }
    run.out.timing(format!(
        "Wall time: {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::FindDivisible, run)
}
