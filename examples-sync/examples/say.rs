//! # say: hello, then world, without async (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed runs `say("hello",
//! 0.5)` and `say("world", 1)` as two tasks, both sleeping at once: 1 s. Without async one call
//! blocks until it returns, so the second sleep starts after the first: `world` at 1.5 s.
//!
//! ```text
//! cargo run -p examples-sync --example say     # hello, world: 1.5 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, `--forever` with the seed's `run_forever` until
//! Ctrl+C, the harness) is `src/bin/say.rs`.

use std::process::ExitCode;
use std::thread;
use std::time::Duration;

/// The seed's `say()`, blocking: sleep, then print.
fn say(what: &str, when: f64) {
    thread::sleep(Duration::from_secs_f64(when));
    println!("{what}");
}

/// One word after the other: the second sleep starts when the first call returns.
fn sequential() {
    for (what, when) in [("hello", 0.5), ("world", 1.0)] {
        say(what, when);
    }
}

fn main() -> ExitCode {
    // The first argument picks the mode; there is one, sequential.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        other => {
            eprintln!("unknown mode {other:?}: the only mode is sequential");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
