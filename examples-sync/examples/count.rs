//! # count: the same function three times, without async (seeds 003 and 004)
//!
//! `count()` prints `One`, sleeps one second, prints `Two`. Called three times in a row it
//! takes 3 s, `One Two One Two One Two`: `std::thread::sleep` blocks the only thread. With the
//! standard library alone there is one way to sleep three times at once: three OS threads,
//! `One One One Two Two Two` in 1 s, each call costing a whole thread.
//!
//! ```text
//! cargo run -p examples-sync --example count                # sequential: 3 s
//! cargo run -p examples-sync --example count -- threads     # 1 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, `--tasks N`, the harness) is `src/bin/count.rs`.

use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

/// The seed's synchronous `count()`.
fn count() {
    println!("One");
    // The whole thread sleeps: nothing else runs on it meanwhile.
    thread::sleep(Duration::from_secs(1));
    println!("Two");
}

/// Each call returns before the next one starts: 3 s.
fn sequential() {
    for _ in 0..3 {
        count();
    }
}

/// One thread per call; the scope joins every thread before it returns: 1 s.
fn threads() {
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(count);
        }
    });
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The first argument picks the mode; sequential is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        "threads" => threads(),
        other => {
            eprintln!("unknown mode {other:?}: the modes are sequential, threads");
            return ExitCode::from(2);
        }
    }
    println!("executed in {:.2} seconds.", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
