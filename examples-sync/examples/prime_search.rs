//! # prime_search: three searches that pause, one after another (seed 002)
//!
//! `highest_prime_below(x)` prints `▶`, walks down from `x - 1`, pauses 10 ms after every
//! candidate that is not prime (`std::thread::sleep`), and prints `▷` with the prime: 8, 26 and
//! 2 pauses for 100000, 10000 and 1000. One after another the pauses add up: 0.36 s. The async
//! crates run the three at once (0.26 s).
//!
//! ```text
//! cargo run -p examples-sync --example prime_search     # 0.36 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/prime_search.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Trial division up to the square root.
fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// The seed's `highest_prime_below(x)`: pause after every candidate that is not prime.
fn highest_prime_below(x: u64) -> Option<u64> {
    println!("▶ Highest prime below {x}");
    for y in (1..x).rev() {
        if is_prime(y) {
            println!("▷ Highest prime below {x} is {y}");
            return Some(y);
        }
        // The whole thread sleeps: nothing else happens meanwhile.
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

/// Each search runs to its end before the next one starts.
fn sequential() {
    for x in [100_000, 10_000, 1_000] {
        highest_prime_below(x);
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
    println!("Took {:.2} ms", start.elapsed().as_secs_f64() * 1000.0);
    ExitCode::SUCCESS
}
