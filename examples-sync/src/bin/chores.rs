//! # chores: one person, two machines, and OS threads (seed 004)
//!
//! The seed's real-world picture of async: laundry (a machine, 1 h), make dinner (by hand,
//! 1 h), the dishwasher (a machine, 30 min) and water the plants (by hand, 30 min). One hour
//! of the story lasts one second (times `--scale`); each line is stamped with the story clock.
//!
//! - `--mode sequential` (the default): start a chore and stand there until it is done, then
//!   the next: 3 h, the seed's first way.
//! - `--mode threads`: one OS thread per chore, spawned in the list's order. Threads run
//!   side by side, but the story has one person: hand work holds a `Mutex` (the person) for
//!   its whole length, and the dishwasher waits for dinner (a channel brings it the dishes).
//!   So when the plants' thread wants the person, dinner has them:
//!   `[0:00] water plants waits for the person`, and it blocks until 1:00. The machines run by
//!   themselves, and it all takes 1.5 h, like the async versions.
//!
//! The lesson: threads alone don't let one person cook and water at once. Four threads, a
//! lock and a channel spell out what the async versions say with "start the machine and move
//! on"; and without the lock the threads would happily cook and water at the same time, which
//! is a second person (parallelism), not one person not waiting (concurrency).
//!
//! ```text
//! cargo run -p examples-sync --bin chores                       # sequential: 3 s
//! cargo run -p examples-sync --bin chores -- --mode threads     # 1.5 s
//! cargo run -p examples-sync --bin chores -- --mode threads --scale 0.1
//! ```
//! The standalone twin is `examples/chores.rs`: the same program in one file, ready to copy.

use std::fmt::Display;
use std::process::ExitCode;
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError, mpsc};
use std::thread;

use anyhow::Context;
use shared::catalogue::chores::{self, CHORES, Chore};
use shared::{Mode, NoOpts, Out, Program, Run};

/// Prints `line` stamped with the story clock, `[h:mm] line`.
fn say(out: &Out, scale: f64, line: impl Display) {
    out.timing(format!("[{}] {line}", chores::clock(out.elapsed(), scale)));
}

/// Tells the main thread, once, that a chore's thread has begun: it has started its chore, or
/// started waiting for what it needs. (`Began::default()`: nobody is told.)
#[derive(Default)]
struct Began(Option<mpsc::Sender<()>>);

impl Began {
    fn now(&mut self) {
        if let Some(main) = self.0.take() {
            let _ = main.send(());
        }
    }
}

/// One chore: start it, let its time pass, say it is done.
fn do_chore(out: &Out, chore: Chore, scale: f64, began: &mut Began) {
    say(out, scale, format!("start {}", chore.describe()));
    began.now();
    thread::sleep(chore.duration(scale));
    say(out, scale, format!("{} done", chore.name));
}

/// Hand work needs the one person: take them, waiting first if another chore has them.
fn take_person<'p>(
    person: &'p Mutex<()>,
    out: &Out,
    chore: Chore,
    scale: f64,
    began: &mut Began,
) -> MutexGuard<'p, ()> {
    match person.try_lock() {
        Ok(me) => me,
        Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(TryLockError::WouldBlock) => {
            say(out, scale, format!("{} waits for the person", chore.name));
            began.now();
            person.lock().unwrap_or_else(PoisonError::into_inner)
        }
    }
}

/// Spawns `work` on a thread named after `chore`, and returns once it has begun.
fn spawn<'scope>(
    scope: &'scope thread::Scope<'scope, '_>,
    chore: Chore,
    work: impl FnOnce(&mut Began) -> anyhow::Result<()> + Send + 'scope,
) -> anyhow::Result<thread::ScopedJoinHandle<'scope, anyhow::Result<()>>> {
    let (began, has_begun) = mpsc::channel();
    let handle = thread::Builder::new()
        .name(chore.name.to_string())
        .spawn_scoped(scope, move || work(&mut Began(Some(began))))
        .with_context(|| format!("cannot start a thread for {}", chore.name))?;
    // A thread that ends without saying so has dropped its sender: no hang either way.
    let _ = has_begun.recv();
    Ok(handle)
}

fn threads(out: &Out, scale: f64) -> anyhow::Result<()> {
    let [laundry, dinner, dishwasher, plants] = CHORES;
    let out = |chore: Chore| out.task(chore.name);
    // The one person: hand work holds them for its whole length.
    let person = &Mutex::new(());
    // Dinner hands the dishes to the dishwasher when it is done.
    let (dinner_done, dishes) = mpsc::channel::<()>();
    thread::scope(|s| {
        let handles = [
            // Laundry: a machine, it runs by itself.
            spawn(s, laundry, move |began| {
                do_chore(&out(laundry), laundry, scale, began);
                Ok(())
            })?,
            // Dinner: by hand, so it takes the person; then the dishes are ready.
            spawn(s, dinner, move |began| {
                let _me = take_person(person, &out(dinner), dinner, scale, began);
                do_chore(&out(dinner), dinner, scale, began);
                dinner_done.send(()).context("the dishwasher is gone")
            })?,
            // The dishwasher: a machine, but it waits for the dishes.
            spawn(s, dishwasher, move |began| {
                began.now();
                dishes.recv().context("dinner never finished")?;
                do_chore(&out(dishwasher), dishwasher, scale, began);
                Ok(())
            })?,
            // Watering: by hand, so it waits until the person is free.
            spawn(s, plants, move |began| {
                let _me = take_person(person, &out(plants), plants, scale, began);
                do_chore(&out(plants), plants, scale, began);
                Ok(())
            })?,
        ];
        // Wait for every chore.
        for handle in handles {
            handle
                .join()
                .map_err(|_| anyhow::anyhow!("a chore's thread panicked"))??;
        }
        Ok(())
    })
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let scale = run.scale;
    match run.mode {
        Mode::Sequential => {
            // Each chore is finished before the next one starts.
            for chore in CHORES {
                do_chore(
                    &run.out.task(chore.name),
                    chore,
                    scale,
                    &mut Began::default(),
                );
            }
        }
        Mode::Threads => threads(&run.out, scale)?,
        mode => anyhow::bail!("chores has no mode {mode} under sync"),
    }
    run.out.timing(format!(
        "all chores done in {}",
        chores::clock(run.out.elapsed(), scale)
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Chores, run)
}
