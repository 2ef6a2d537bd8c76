//! # semaphore: `asyncio.Semaphore(2)` in async-std
//!
//! `async with semaphore:` lets at most two holders in at once; the others wait for a permit.
//! async-std has no semaphore: the `async-lock` crate's (any executor; async-std's own `Mutex`
//! is async-lock's). `acquire()` returns a guard, the permit given back when it is dropped. It
//! does not tell how many permits are left: `try_acquire()` tells whether one would be had at
//! once.
//!
//! ```text
//! cargo run -p examples-async-std --example semaphore
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! async-lock = "3"
//! ```
//!
//! Prints what `python/asyncio/semaphore.py` prints.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_lock::Semaphore;
use async_std::task;

const WORKERS: usize = 4;

/// How many workers hold a permit now, and the most that ever did at once.
static HOLDING: AtomicUsize = AtomicUsize::new(0);
static MOST: AtomicUsize = AtomicUsize::new(0);

async fn worker(semaphore: Arc<Semaphore>) {
    let _permit = semaphore.acquire().await;
    let holding = HOLDING.fetch_add(1, Ordering::SeqCst) + 1;
    MOST.fetch_max(holding, Ordering::SeqCst);
    task::sleep(Duration::from_millis(30)).await;
    HOLDING.fetch_sub(1, Ordering::SeqCst);
    // The permit goes back here, when it is dropped.
}

/// "yes" if a third acquire would wait.
fn would_wait(semaphore: &Semaphore) -> &'static str {
    if semaphore.try_acquire().is_none() {
        "yes"
    } else {
        "no"
    }
}

#[async_std::main]
async fn main() {
    let semaphore = Arc::new(Semaphore::new(2));
    println!("{WORKERS} workers share a semaphore of 2 permits");
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| task::spawn(worker(Arc::clone(&semaphore))))
        .collect();
    for task in workers {
        task.await;
    }
    println!(
        "at most {} workers held a permit at once",
        MOST.load(Ordering::SeqCst)
    );
    // Take both permits: a third acquire would wait.
    let first = semaphore.acquire().await;
    let _second = semaphore.acquire().await;
    println!(
        "main holds both permits; a third acquire would wait: {}",
        would_wait(&semaphore)
    );
    drop(first);
    println!(
        "one released; a third acquire would wait: {}",
        would_wait(&semaphore)
    );
}
