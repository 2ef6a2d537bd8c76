//! # say: two spawned tasks (seed 002)
//!
//! `say(what, when)` sleeps `when` seconds, then prints `what`. The seed creates two tasks,
//! `say("hello", 0.5)` and `say("world", 1)`, and gathers them: `hello` at 0.5 s, `world` at
//! 1 s, done in 1 s because both sleep at the same time. `smol::spawn` starts a task on smol's
//! global executor; awaiting its `Task` joins it (dropping a `Task` would cancel it).
//!
//! ```text
//! cargo run -p examples-smol --example say     # hello, world: 1 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! The measured twin (trace, `--scale`, `--forever` with the seed's `run_forever` until
//! Ctrl+C, the harness) is `src/bin/say.rs`.

use std::process::ExitCode;
use std::time::Duration;

/// The seed's `say()`: sleep, then print.
async fn say(what: &str, when: f64) {
    smol::Timer::after(Duration::from_secs_f64(when)).await;
    println!("{what}");
}

/// Spawn one task per word (both start sleeping now), then join them (the seed's gather).
async fn concurrent() {
    let handles = [("hello", 0.5), ("world", 1.0)].map(|(what, when)| smol::spawn(say(what, when)));
    for handle in handles {
        handle.await;
    }
}

fn main() -> ExitCode {
    // The first argument picks the mode; there is one, concurrent.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => smol::block_on(concurrent()),
        other => {
            eprintln!("unknown mode {other:?}: the only mode is concurrent");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
