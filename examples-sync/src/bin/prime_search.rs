//! # prime_search: three searches that pause, one after another (seed 002)
//!
//! `highest_prime_below(x)` prints `▶`, walks down from `x - 1`, pauses 10 ms after every
//! candidate that is not prime (`std::thread::sleep`), and prints `▷` with the prime it found.
//! For 100000, 10000 and 1000 it pauses 8, 26 and 2 times; called one after another, the
//! pauses add up: 0.36 s. This is the seed's "normal function" (its pause is 0.1 ms there; here
//! it is the 10 ms of its async versions, so the programs compare).
//!
//! Every pause blocks the only thread. The async crates run the three searches concurrently
//! (0.26 s: the longest alone), and show what happens when the async version still calls this
//! blocking sleep (`--mode blocking`) and how to move it off the scheduler (`--mode offload`).
//!
//! ```text
//! cargo run -p examples-sync --bin prime_search                   # 0.36 s
//! cargo run -p examples-sync --bin prime_search -- --scale 0.1
//! ```
//! The standalone twin is `examples/prime_search.rs`: the same program in one file, ready to copy.

use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::prime_search::{PAUSE_SECS, TARGETS, is_prime};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `highest_prime_below(x)`: pause after every candidate that is not prime.
fn highest_prime_below(out: &Out, x: u64, pause: Duration) -> Option<u64> {
    out.println(format!("▶ Highest prime below {x}"));
    for y in (1..x).rev() {
        if is_prime(y) {
            out.println(format!("▷ Highest prime below {x} is {y}"));
            return Some(y);
        }
        // The whole thread sleeps: nothing else happens meanwhile.
        std::thread::sleep(pause);
    }
    None
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let pause = run.secs(PAUSE_SECS);
    match run.mode {
        Mode::Sequential => {
            // Each search runs to its end before the next one starts.
            for x in TARGETS {
                highest_prime_below(&run.out.task(format!("highest_prime_below({x})")), x, pause);
            }
        }
        mode => anyhow::bail!("prime_search has no mode {mode} under sync"),
    }
    run.out.timing(format!(
        "Took {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::PrimeSearch, run)
}
