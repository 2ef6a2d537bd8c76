//! # chores: one person, two machines (seed 004)
//!
//! Laundry (a machine, 1 h), make dinner (by hand, 1 h), the dishwasher (a machine, 30 min),
//! water the plants (by hand, 30 min); one story hour lasts one second. Concurrently the person
//! starts a machine and moves on (a spawned task) and does hand work until it is done (awaited):
//! 1.5 h instead of 3 h, not by working faster but by not standing next to the machines.
//!
//! ```text
//! cargo run -p examples-tokio --example chores                 # concurrent: 1.5 s
//! cargo run -p examples-tokio --example chores -- sequential   # 3 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }
//! ```
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/chores.rs`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::task::JoinError;

/// The seed's chores, in its order: name, who does it, story minutes.
const CHORES: [(&str, &str, u64); 4] = [
    ("laundry", "machine", 60),
    ("make dinner", "by hand", 60),
    ("dishwasher", "machine", 30),
    ("water plants", "by hand", 30),
];

/// The story clock since `start`, `h:mm`: one real second is one story hour.
fn clock(start: Instant) -> String {
    let minutes = (start.elapsed().as_secs_f64() * 60.0).round() as u64;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// One chore: say it starts, let its time pass, say it is done.
async fn do_chore(start: Instant, (name, who, minutes): (&str, &str, u64)) {
    let how_long = if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{minutes} min")
    };
    println!("[{}] start {name} ({who}, {how_long})", clock(start));
    tokio::time::sleep(Duration::from_secs(minutes) / 60).await;
    println!("[{}] {name} done", clock(start));
}

/// Each chore finished before the next one starts: 3 h.
async fn sequential(start: Instant) {
    for chore in CHORES {
        do_chore(start, chore).await;
    }
}

/// Start a machine and move on; do hand work until it is done: 1.5 h.
async fn concurrent(start: Instant) -> Result<(), JoinError> {
    let mut machines = Vec::new();
    for chore in CHORES {
        let task = do_chore(start, chore);
        match chore.1 {
            // A machine runs by itself: spawn it and keep its handle.
            "machine" => machines.push(tokio::spawn(task)),
            // Hand work keeps the person busy (so the dishwasher starts after dinner).
            _ => task.await,
        }
    }
    // Wait for the machines to finish.
    for machine in machines {
        machine.await?;
    }
    Ok(())
}

/// A task that panicked ends `main` with its error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
    let start = Instant::now();
    // The mode: the first argument, concurrent by default.
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent(start).await?,
        "sequential" => sequential(start).await,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent, sequential");
            return Ok(ExitCode::from(2));
        }
    }
    println!("all chores done in {}", clock(start));
    Ok(ExitCode::SUCCESS)
}
