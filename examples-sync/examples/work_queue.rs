//! # work_queue: two workers, one queue, no async (seed 001)
//!
//! A queue holds the work `[15, 10, 5, 2]`; two workers, `One` and `Two`, take items from it.
//! These are the seed's three forms before `asyncio`:
//! - `count` (the default): each item is a number to count to. One is called first and drains
//!   the queue; then `Task Two nothing to do.`
//! - `cooperative`: the seed's generators `yield` after every single count, and `main`'s loop
//!   resumes each in turn. Rust has no stable generators: here a worker is a small state
//!   machine whose `resume()` runs it up to its next `yield`. Two finishes its 10 first.
//! - `blocking`: each item is seconds slept with `std::thread::sleep`, a worker yielding after
//!   each item. They take turns, but every sleep stops everything: 15 + 10 + 5 + 2 = 32 s.
//!
//! ```text
//! cargo run -p examples-sync --example work_queue                    # count
//! cargo run -p examples-sync --example work_queue -- cooperative
//! cargo run -p examples-sync --example work_queue -- blocking        # 32 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/work_queue.rs`.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The work items.
const ITEMS: [u64; 4] = [15, 10, 5, 2];

/// The seed's first `task(name, work_queue)`: count to every item until the queue is empty.
fn task(name: &str, work_queue: &mut VecDeque<u64>) {
    if work_queue.is_empty() {
        println!("Task {name} nothing to do.");
        return;
    }
    while let Some(count) = work_queue.pop_front() {
        println!("Task {name} is running.");
        let mut total = 0;
        for _ in 0..count {
            total += 1;
        }
        println!("Task {name} total: {total}");
    }
}

/// Call each task in turn: the first one drains the queue.
fn count() {
    let mut work_queue = VecDeque::from(ITEMS);
    for name in ["One", "Two"] {
        task(name, &mut work_queue);
    }
}

/// The seed's generator `task()`: where it stopped, the item it counts to and its total so far.
struct CountingTask {
    name: &'static str,
    item: Option<(u64, u64)>,
}

impl CountingTask {
    /// Runs up to the next `yield` (true), or to the end (false).
    fn resume(&mut self, work_queue: &mut VecDeque<u64>) -> bool {
        loop {
            match self.item {
                // At the top of `while not work_queue.empty()`: take the next item.
                None => match work_queue.pop_front() {
                    Some(count) => {
                        println!("Task {} is running.", self.name);
                        self.item = Some((count, 0));
                    }
                    None => return false,
                },
                // total += 1, then yield: the other task gets its turn.
                Some((count, total)) if total < count => {
                    self.item = Some((count, total + 1));
                    return true;
                }
                Some((_, total)) => {
                    println!("Task {} total: {total}", self.name);
                    self.item = None;
                }
            }
        }
    }
}

/// `main`'s loop of the seed: resume every task in turn until all have finished.
fn cooperative() {
    let mut work_queue = VecDeque::from(ITEMS);
    let mut tasks = Vec::from(["One", "Two"].map(|name| CountingTask { name, item: None }));
    while !tasks.is_empty() {
        tasks.retain_mut(|task| task.resume(&mut work_queue));
    }
}

/// The seed's generators with blocking calls: take an item, sleep through it, yield.
fn blocking() {
    let start = Instant::now();
    let mut work_queue = VecDeque::from(ITEMS);
    let mut tasks = vec!["One", "Two"];
    while !tasks.is_empty() {
        tasks.retain(|name| {
            let Some(delay) = work_queue.pop_front() else {
                return false;
            };
            println!("Task {name} is running.");
            let start_time = Instant::now();
            // Simulates the delay of an I/O operation, and blocks everything meanwhile.
            std::thread::sleep(Duration::from_secs(delay));
            println!(
                "Task {name} elapsed time {:?}",
                start_time.elapsed().as_secs_f64()
            );
            true
        });
    }
    println!(
        "Total Time elapsed: {:?} seconds",
        start.elapsed().as_secs_f64()
    );
}

fn main() -> ExitCode {
    // The first argument picks the mode; count is the default.
    match std::env::args().nth(1).as_deref().unwrap_or("count") {
        "count" => count(),
        "cooperative" => cooperative(),
        "blocking" => blocking(),
        other => {
            eprintln!("unknown mode {other:?}: the modes are count, cooperative, blocking");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
