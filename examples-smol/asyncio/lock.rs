//! # lock: `asyncio.Lock` in smol: an async `Mutex` that owns the data
//!
//! `async with lock:` lets one coroutine at a time into the critical section, even across an
//! `await` inside it. //! asyncio.Lock is an async mutex around nothing; in Rust the lock owns the data it guards:
//! `smol::lock::Mutex` (the `async-lock` crate): its guard may be held across an `.await` (a
//! `std::sync::Mutex` is the one to use when it is not). The tasks share it through an `Arc`,
//! and the compiler refuses the counter without it.
//!
//! ```text
//! cargo run -p examples-smol --example lock
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/lock.py` prints.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use smol::Timer;
use smol::lock::Mutex;

const WORKERS: usize = 3;

/// How many tasks hold the lock now, and the most that ever did at once.
static INSIDE: AtomicUsize = AtomicUsize::new(0);
static MOST_INSIDE: AtomicUsize = AtomicUsize::new(0);

async fn increment(counter: Arc<Mutex<u32>>) {
    let mut guard = counter.lock().await;
    let inside = INSIDE.fetch_add(1, Ordering::SeqCst) + 1;
    MOST_INSIDE.fetch_max(inside, Ordering::SeqCst);
    // Read, await, write: the guard keeps the others out meanwhile.
    let value = *guard;
    Timer::after(Duration::from_millis(20)).await;
    *guard = value + 1;
    INSIDE.fetch_sub(1, Ordering::SeqCst);
}

fn main() {
    smol::block_on(async {
        let counter = Arc::new(Mutex::new(0));
        println!("{WORKERS} tasks increment a counter, each holding the lock across a sleep");
        let tasks: Vec<_> = (0..WORKERS)
            .map(|_| smol::spawn(increment(Arc::clone(&counter))))
            .collect();
        for task in tasks {
            task.await;
        }
        println!("counter = {}: no increment lost", *counter.lock().await);
        let most = MOST_INSIDE.load(Ordering::SeqCst);
        println!("at most {most} task held the lock at once");
    });
}
