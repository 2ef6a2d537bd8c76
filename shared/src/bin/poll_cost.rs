//! `poll_cost [POLLS]`: what recording a poll costs, bare against wrapped with recording off
//! and on (`shared::poll_cost`); prints one line, `poll_cost polls=… bare_ns=… off_ns=…
//! recorded_ns=…`. Run by `cargo xtask bench` (its `polls` stage); a release build is the one
//! worth reading.

use std::process::ExitCode;

use shared::poll_cost::PollCost;

fn main() -> ExitCode {
    let polls = match std::env::args().nth(1).map(|a| a.parse::<u32>()) {
        None => 1_000_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: poll_cost [POLLS] (a whole number from 1)");
            return ExitCode::from(2);
        }
    };
    println!("{}", PollCost::measure(polls).line());
    ExitCode::SUCCESS
}
