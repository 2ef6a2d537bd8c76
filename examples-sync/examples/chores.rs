//! # chores: one person, two machines, and OS threads (seed 004)
//!
//! Laundry (a machine, 1 h), make dinner (by hand, 1 h), the dishwasher (a machine, 30 min),
//! water the plants (by hand, 30 min); one story hour lasts one second. Sequentially the person
//! stands by each chore until it is done: 3 h. With a thread per chore it takes 1.5 h, but the
//! story has one person: hand work holds a `Mutex` and the dishwasher waits for dinner's dishes
//! (a channel). Threads alone don't let one person cook and water at once.
//!
//! ```text
//! cargo run -p examples-sync --example chores              # sequential: 3 s
//! cargo run -p examples-sync --example chores -- threads   # 1.5 s
//! ```
//!
//! Dependencies: none, the standard library only.
//!
//! The measured twin (trace, `--scale`, the harness) is `src/bin/chores.rs`.

use std::process::ExitCode;
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

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
fn do_chore(start: Instant, (name, who, minutes): (&str, &str, u64)) {
    let how_long = if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{minutes} min")
    };
    println!("[{}] start {name} ({who}, {how_long})", clock(start));
    thread::sleep(Duration::from_secs(minutes) / 60);
    println!("[{}] {name} done", clock(start));
}

/// Each chore finished before the next one starts: 3 h.
fn sequential(start: Instant) {
    for chore in CHORES {
        do_chore(start, chore);
    }
}

/// A thread per chore, one person (a lock) for the hand work: 1.5 h.
fn threads(start: Instant) {
    let [laundry, dinner, dishwasher, plants] = CHORES;
    let person = &Mutex::new(());
    // Dinner says when it has the person, and hands the dishes to the dishwasher when done.
    let (has_person, dinner_has_person) = mpsc::channel();
    let (dinner_done, dishes) = mpsc::channel();
    thread::scope(|s| {
        // Laundry: a machine, it runs by itself.
        s.spawn(move || do_chore(start, laundry));
        // Dinner: by hand, so it holds the person throughout; then the dishes are ready.
        s.spawn(move || {
            let _me = person.lock().unwrap();
            has_person.send(()).unwrap();
            do_chore(start, dinner);
            dinner_done.send(()).unwrap();
        });
        // The dishwasher: a machine, but it waits for the dishes.
        s.spawn(move || {
            dishes.recv().unwrap();
            do_chore(start, dishwasher);
        });
        // Watering: by hand; its thread starts while dinner has the person, so it waits.
        dinner_has_person.recv().unwrap();
        s.spawn(move || {
            let _me = person.try_lock().unwrap_or_else(|_| {
                println!("[{}] water plants waits for the person", clock(start));
                person.lock().unwrap()
            });
            do_chore(start, plants);
        });
    });
}

fn main() -> ExitCode {
    let start = Instant::now();
    // The mode: the first argument, sequential by default.
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(start),
        "threads" => threads(start),
        other => {
            eprintln!("unknown mode {other:?}: expected one of sequential, threads");
            return ExitCode::from(2);
        }
    }
    println!("all chores done in {}", clock(start));
    ExitCode::SUCCESS
}
