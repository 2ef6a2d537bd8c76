//! # find_divisible: CPU-bound work, one call after another (seed 002)
//!
//! `find_divisible(n, d)` collects the numbers below `n` divisible by `d`, for (508000, 34113),
//! (100052, 3210) and (500, 3): pure computation, nothing to wait for, so nothing for async to
//! overlap. Each call prints `Finding`, works, and prints `Done` before the next one starts.
//!
//! ```text
//! cargo run -p examples-sync --example find_divisible
//! cargo run --release -p examples-sync --example find_divisible    # the optimiser's view
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, the harness) is `src/bin/find_divisible.rs`.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

/// The seed's `find_divisible(inrange, div_by)`.
fn find_divisible(inrange: u64, div_by: u64) -> Vec<u64> {
    println!("Finding nums in range {inrange} divisible by {div_by}");
    let mut located = Vec::new();
    for i in 0..inrange {
        if i % div_by == 0 {
            located.push(i);
        }
    }
    println!("Done w/ nums in range {inrange} divisible by {div_by}");
    located
}

/// Each call runs to its end before the next one starts (black_box: the compiler may not work
/// out the answers itself, the work is the point).
fn sequential() {
    for (n, d) in [(508_000, 34_113), (100_052, 3_210), (500, 3)] {
        find_divisible(black_box(n), black_box(d));
    }
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; there is one, sequential.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        other => {
            eprintln!("unknown mode {other:?}: the only mode is sequential");
            return ExitCode::from(2);
        }
    }
    println!(
        "Wall time: {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    ExitCode::SUCCESS
}
