//! # repeat_message: three messages, three intervals, without async (seed 000)
//!
//! `blocking_repeat_message(message, interval)` prints its message, sleeps, and prints it
//! again, ten sleeps in all: `xXxX…` every 0.5 s, `I LOVE` every 1 s, `EXPLOSIONS!` every
//! 1.5 s. The seed's "old-school" version calls them one after another: 30 s. One OS thread per
//! message sleeps the three at once: 15 s, and lines due at the same instant are a tie.
//!
//! ```text
//! cargo run -p examples-sync --example repeat_message               # sequential: 30 s
//! cargo run -p examples-sync --example repeat_message -- threads    # 15 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/repeat_message.rs`.

use std::thread;
use std::time::{Duration, Instant};

/// The three messages and their intervals in seconds.
const MESSAGES: [(&str, f64); 3] = [
    ("xXxXxXxXxXxXxXxXxXxXx", 0.5),
    ("I LOVE", 1.0),
    ("EXPLOSIONS!", 1.5),
];

/// The seed's `blocking_repeat_message()`: print, sleep, print again, `max_iters` sleeps.
fn blocking_repeat_message(message: &str, interval: f64) {
    let max_iters = 10;
    for iters in 0..=max_iters {
        println!("{message}");
        if iters == max_iters {
            break;
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        thread::sleep(Duration::from_secs_f64(interval));
    }
}

/// Each call returns before the next one starts: 30 s.
fn sequential() {
    for (message, interval) in MESSAGES {
        blocking_repeat_message(message, interval);
    }
}

/// One thread per message; the scope joins every thread before it returns: 15 s.
fn threads() {
    thread::scope(|scope| {
        for (message, interval) in MESSAGES {
            scope.spawn(move || blocking_repeat_message(message, interval));
        }
    });
}

fn main() {
    let start = Instant::now();
    // The first argument picks the mode; sequential is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        "threads" => threads(),
        other => {
            eprintln!("unknown mode {other:?}: the modes are sequential, threads");
            std::process::exit(2);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("Execution time in seconds: {secs:?}");
}
