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
//! next to the machines. That is the whole idea of async. The spawned machines are tasks of
//! the handmade runtime's loop, on this one thread; the program keeps their `JoinHandle`s and
//! awaits them at the end (a dropped handle would detach its task, which runs on, as in tokio).
//!
//! ```text
//! cargo run -p examples-handmade --bin chores                         # concurrent: 1.5 s
//! cargo run -p examples-handmade --bin chores -- --mode sequential    # 3 s
//! cargo run -p examples-handmade --bin chores -- --scale 0.1          # 0.15 s
//! ```

use std::fmt::Display;
use std::process::ExitCode;

use examples_handmade::runtime;
use shared::catalogue::chores::{self, CHORES, Chore, Kind};
use shared::{Mode, NoOpts, Out, Program, Run};

/// Prints `line` stamped with the story clock, `[h:mm] line`.
fn say(out: &Out, scale: f64, line: impl Display) {
    out.timing(format!("[{}] {line}", chores::clock(out.elapsed(), scale)));
}

/// One chore: start it, let its time pass, say it is done.
async fn do_chore(out: Out, chore: Chore, scale: f64) {
    say(&out, scale, format!("start {}", chore.describe()));
    runtime::sleep(chore.duration(scale)).await;
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
                    Kind::Machine => {
                        machines.push(runtime::spawn(run.out.traced(chore.name, task)))
                    }
                    Kind::Hand => task.await,
                }
            }
            // Wait for the machines to finish.
            for machine in machines {
                machine.await;
            }
        }
        mode => anyhow::bail!("chores has no mode {mode} on the handmade runtime"),
    }
    run.out.timing(format!(
        "all chores done in {}",
        chores::clock(run.out.elapsed(), scale)
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::Chores, run)
}
