//! # prime_search: three searches that pause (seed 002)
//!
//! `highest_prime_below(x)` prints `▶`, walks down from `x - 1`, pauses 10 ms after every
//! candidate that is not prime, and prints `▷` with the prime: 8, 26 and 2 pauses for 100000,
//! 10000 and 1000. Spawned and joined, the searches pause at the same time (0.26 s, `▷` for
//! 1000, 100000, 10000); one after another they take 0.36 s. `blocking` is the seed's mistake,
//! `std::thread::sleep` in async code: each task keeps an executor thread, and smol's global
//! executor has `SMOL_THREADS`, one by default: the searches run one after another, 0.36 s.
//! `offload` moves the blocking search to smol's blocking pool (`smol::unblock`, the seed's
//! `run_in_executor`).
//!
//! ```text
//! cargo run -p examples-smol --example prime_search                  # concurrent: 0.26 s
//! cargo run -p examples-smol --example prime_search -- sequential    # 0.36 s
//! SMOL_THREADS=3 cargo run -p examples-smol --example prime_search -- blocking
//! cargo run -p examples-smol --example prime_search -- offload
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/prime_search.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

const TARGETS: [u64; 3] = [100_000, 10_000, 1_000];
const PAUSE: Duration = Duration::from_millis(10);

/// Trial division up to the square root.
fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// The seed's `highest_prime_below(x)`: pause after every candidate that is not prime.
async fn highest_prime_below(x: u64) -> Option<u64> {
    println!("▶ Highest prime below {x}");
    for y in (1..x).rev() {
        if is_prime(y) {
            println!("▷ Highest prime below {x} is {y}");
            return Some(y);
        }
        // While this task pauses, the scheduler runs the others.
        smol::Timer::after(PAUSE).await;
    }
    None
}

/// The same search with the seed's `time.sleep(0.01)`: a plain blocking function.
fn highest_prime_below_blocking(x: u64) -> Option<u64> {
    println!("▶ Highest prime below {x}");
    for y in (1..x).rev() {
        if is_prime(y) {
            println!("▷ Highest prime below {x} is {y}");
            return Some(y);
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        std::thread::sleep(PAUSE);
    }
    None
}

/// Spawn the three searches, then join them.
async fn concurrent() {
    for handle in TARGETS.map(|x| smol::spawn(highest_prime_below(x))) {
        handle.await;
    }
}

/// Each search is awaited before the next one starts.
async fn sequential() {
    for x in TARGETS {
        highest_prime_below(x).await;
    }
}

/// The classic mistake: async tasks that call the blocking search.
async fn blocking() {
    for handle in TARGETS.map(|x| smol::spawn(async move { highest_prime_below_blocking(x) })) {
        handle.await;
    }
}

/// The fix: the blocking search on smol's blocking pool, awaited from async code.
async fn offload() {
    for handle in TARGETS.map(|x| smol::unblock(move || highest_prime_below_blocking(x))) {
        handle.await;
    }
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; concurrent is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => smol::block_on(concurrent()),
        "sequential" => smol::block_on(sequential()),
        "blocking" => smol::block_on(blocking()),
        "offload" => smol::block_on(offload()),
        other => {
            eprintln!(
                "unknown mode {other:?}: the modes are concurrent, sequential, blocking, offload"
            );
            return ExitCode::from(2);
        }
    }
    println!("Took {:.2} ms", start.elapsed().as_secs_f64() * 1000.0);
    ExitCode::SUCCESS
}
