//! # work_queue: two workers, one queue, no async (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`; two workers, `One` and `Two`, take items from it.
//! These are the seed's three forms before `asyncio`, each one step closer to it:
//!
//! - `--mode count` (the default), "synchronous programming": each item is a number to count
//!   to. Worker One is called first and its loop drains the whole queue; when Two's turn comes
//!   there is nothing left: `Task Two nothing to do.`
//! - `--mode cooperative`, "simple cooperative concurrency": the seed turns the worker into a
//!   generator that `yield`s after every single count, and a loop in `main` resumes each one in
//!   turn. Rust has no stable generators, so here each worker is a small state machine whose
//!   `resume()` runs it up to its next `yield`, and `round_robin` is `main`'s loop. Two
//!   prints its total first: it only counts to 10 while One counts to 15. Still one thread and
//!   no async: the tasks just take turns.
//! - `--mode blocking`, "cooperative concurrency with blocking calls": each item is a delay in
//!   seconds, slept with `std::thread::sleep`, and a worker yields after each item. They take
//!   turns, but every sleep stops the whole program: 15 + 10 + 5 + 2 = 32 s. Taking turns
//!   gains nothing while the waiting blocks; the async crates' `--mode async` does the same in
//!   17 s.
//!
//! The seed's loop removes a finished generator from the list it is iterating over, which in
//! Python skips the next one for that round; that never changes what these programs print, so
//! `round_robin` simply drops finished tasks.
//!
//! ```text
//! cargo run -p examples-sync --bin work_queue                          # count
//! cargo run -p examples-sync --bin work_queue -- --mode cooperative
//! cargo run -p examples-sync --bin work_queue -- --mode blocking       # 32 s
//! cargo run -p examples-sync --bin work_queue -- --mode blocking --scale 0.01
//! ```
//! The standalone twin is `examples/work_queue.rs`: the same program in one file, ready to copy.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::process::ExitCode;
use std::time::Duration;

use shared::catalogue::work_queue::{ITEMS, WORKERS};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The queue of work, shared by the workers of one thread.
type WorkQueue = RefCell<VecDeque<u64>>;

/// The seed's first `task(name, work_queue)`: count to every item until the queue is empty.
fn task(out: &Out, name: &str, work_queue: &WorkQueue) {
    if work_queue.borrow().is_empty() {
        out.println(format!("Task {name} nothing to do."));
        return;
    }
    while let Some(count) = work_queue.borrow_mut().pop_front() {
        out.println(format!("Task {name} is running."));
        let mut total = 0;
        for _ in 0..count {
            total += 1;
        }
        out.println(format!("Task {name} total: {total}"));
    }
}

/// What `resume()` says: the task stopped at a `yield`, or it has returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Yielded,
    Finished,
}

/// A task that can be resumed (the seed's generators): it runs up to its next `yield`.
trait Resumable {
    fn resume(&mut self) -> Step;
}

/// `main`'s loop of the seed: resume every task in turn until all have finished.
fn round_robin(mut tasks: Vec<Box<dyn Resumable + '_>>) {
    while !tasks.is_empty() {
        tasks.retain_mut(|task| task.resume() == Step::Yielded);
    }
}

/// Where a counting task is between two `resume()`s.
#[derive(Debug, Clone, Copy)]
enum At {
    /// Not started: the seed's first `if work_queue.empty()`.
    Start,
    /// At the top of `while not work_queue.empty()`.
    NextItem,
    /// Inside `for x in range(count)`, `total` counts done.
    Counting {
        count: u64,
        total: u64,
    },
    Finished,
}

/// The seed's generator `task(name, work_queue)`: `yield` after every single count.
struct CountingTask<'a> {
    out: Out,
    name: &'static str,
    work_queue: &'a WorkQueue,
    at: At,
}

impl Resumable for CountingTask<'_> {
    fn resume(&mut self) -> Step {
        let name = self.name;
        loop {
            self.at = match self.at {
                At::Start if self.work_queue.borrow().is_empty() => {
                    self.out.println(format!("Task {name} nothing to do."));
                    At::Finished
                }
                At::Start => At::NextItem,
                At::NextItem => match self.work_queue.borrow_mut().pop_front() {
                    Some(count) => {
                        self.out.println(format!("Task {name} is running."));
                        At::Counting { count, total: 0 }
                    }
                    None => At::Finished,
                },
                // total += 1, then yield: the other task gets its turn.
                At::Counting { count, total } if total < count => {
                    self.at = At::Counting {
                        count,
                        total: total + 1,
                    };
                    return Step::Yielded;
                }
                At::Counting { total, .. } => {
                    self.out.println(format!("Task {name} total: {total}"));
                    At::NextItem
                }
                At::Finished => return Step::Finished,
            };
        }
    }
}

/// The seed's generator with blocking calls: sleep each item's seconds, then `yield`.
struct SleepingTask<'a> {
    out: Out,
    name: &'static str,
    work_queue: &'a WorkQueue,
    scale: f64,
}

impl Resumable for SleepingTask<'_> {
    fn resume(&mut self) -> Step {
        let name = self.name;
        let Some(delay) = self.work_queue.borrow_mut().pop_front() else {
            return Step::Finished;
        };
        self.out.println(format!("Task {name} is running."));
        let start_time = self.out.elapsed();
        // Simulates the delay of an I/O operation, and blocks everything meanwhile.
        std::thread::sleep(Duration::from_secs_f64(delay as f64 * self.scale));
        let elapsed = self.out.elapsed() - start_time;
        self.out.timing(format!(
            "Task {name} elapsed time {:?}",
            elapsed.as_secs_f64()
        ));
        Step::Yielded
    }
}

pub fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    // Put the work in the queue.
    let work_queue: WorkQueue = RefCell::new(ITEMS.into());
    match run.mode {
        Mode::Count => {
            // Call each task in turn: the first one drains the queue.
            for name in WORKERS {
                task(&run.out.task(name), name, &work_queue);
            }
        }
        Mode::Cooperative => {
            // Resume the two counting tasks in turn.
            let tasks = WORKERS.map(|name| -> Box<dyn Resumable + '_> {
                Box::new(CountingTask {
                    out: run.out.task(name),
                    name,
                    work_queue: &work_queue,
                    at: At::Start,
                })
            });
            round_robin(tasks.into());
        }
        Mode::Blocking => {
            // Resume the two sleeping tasks in turn, and time the whole.
            let tasks = WORKERS.map(|name| -> Box<dyn Resumable + '_> {
                Box::new(SleepingTask {
                    out: run.out.task(name),
                    name,
                    work_queue: &work_queue,
                    scale: run.scale,
                })
            });
            round_robin(tasks.into());
            run.out.timing(format!(
                "Total Time elapsed: {:?} seconds",
                run.out.elapsed().as_secs_f64()
            ));
        }
        mode => anyhow::bail!("work_queue has no mode {mode} under sync"),
    }
    Ok(())
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::WorkQueue, run)
}
