//! # chores: one person, two machines (seed 004)
//!
//! The seed's real-world picture of async: laundry (a machine, 1 h), make dinner (by hand,
//! 1 h), the dishwasher (a machine, 30 min) and water the plants (by hand, 30 min). One hour
//! of the story lasts one second (times `--scale`); each line is stamped with the story clock.
//!
//! - `--mode sequential`: each chore finished before the next one starts: 3 h.
//! - `--mode concurrent` (the default): the person starts the laundry and lets the machine run
//!   (a spawned task), makes dinner (awaited: their hands are busy), starts the dishwasher once
//!   dinner is done (spawned), waters the plants (awaited), then waits for the machines: 1.5 h.
//!
//! One person, one thread of control, half the time: not by working faster but by not standing
//! next to the machines. That is the whole idea of async. The spawned machines run by
//! themselves; the program awaits their `JoinHandle`s at the end so that it does not finish
//! before they do. (A dropped tokio `JoinHandle` detaches its task, which keeps running; in
//! smol a dropped `Task` is cancelled.)
//!
//! ```text
//! cargo run -p examples-tokio --bin chores                         # concurrent: 1.5 s
//! cargo run -p examples-tokio --bin chores -- --mode sequential    # 3 s
//! cargo run -p examples-tokio --bin chores -- --scale 0.1          # 0.15 s
//! ```
//! The standalone twin is `examples/chores.rs`: the same program in one file, ready to copy.

use std::fmt::Display;
use std::process::ExitCode;

use shared::catalogue::chores::{self, CHORES, Chore, Kind};
use shared::{Mode, NoOpts, Out, Program, Run};

/// Prints `line` stamped with the story clock, `[h:mm] line`.
fn say(out: &Out, scale: f64, line: impl Display) {
    out.timing(format!("[{}] {line}", chores::clock(out.elapsed(), scale)));
}

/// One chore: start it, let its time pass, say it is done.
async fn do_chore(out: Out, chore: Chore, scale: f64) {
    say(&out, scale, format!("start {}", chore.describe()));
    tokio::time::sleep(chore.duration(scale)).await;
    say(&out, scale, format!("{} done", chore.name));
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let scale = run.scale;
    match run.mode {
        Mode::Sequential => {
            // Each chore is finished before the next one starts.
            for chore in CHORES {
                do_chore(run.out.task(chore.name), chore, scale).await;
            }
        }
        Mode::Concurrent => {
            // In the list's order: start a machine and move on, or do hand work until it is
            // done (so the dishwasher starts after dinner, when the dishes are there).
            let mut machines = Vec::new();
            for chore in CHORES {
                let task = do_chore(run.out.task(chore.name), chore, scale);
                match chore.kind {
                    Kind::Machine => machines.push(tokio::spawn(run.out.traced(chore.name, task))),
                    Kind::Hand => task.await,
                }
            }
            // Wait for the machines to finish.
            for machine in machines {
                machine.await?;
            }
        }
        mode => anyhow::bail!("chores has no mode {mode} under tokio"),
    }
    run.out.timing(format!(
        "all chores done in {}",
        chores::clock(run.out.elapsed(), scale)
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::Chores, run)
}
