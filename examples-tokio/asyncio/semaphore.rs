//! # semaphore: `asyncio.Semaphore(2)` in tokio
//!
//! `async with semaphore:` lets at most two holders in at once; the others wait for a permit.
//! `tokio::sync::Semaphore`: `acquire()` returns a permit, given back when dropped (an
//! `Arc<Semaphore>` and `acquire_owned()` give a permit that can move into a task).
//! `available_permits()` is how many are left.
//!
//! ```text
//! cargo run -p examples-tokio --example semaphore
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "sync", "time"] }
//! ```
//!
//! Prints what `python/asyncio/semaphore.py` prints.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;

const WORKERS: usize = 4;

/// How many workers hold a permit now, and the most that ever did at once.
static HOLDING: AtomicUsize = AtomicUsize::new(0);
static MOST: AtomicUsize = AtomicUsize::new(0);

async fn worker(semaphore: Arc<Semaphore>) {
    let _permit = semaphore.acquire().await.expect("the semaphore is open");
    let holding = HOLDING.fetch_add(1, Ordering::SeqCst) + 1;
    MOST.fetch_max(holding, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(30)).await;
    HOLDING.fetch_sub(1, Ordering::SeqCst);
    // The permit goes back here, when it is dropped.
}

/// "yes" if a third acquire would wait.
fn would_wait(semaphore: &Semaphore) -> &'static str {
    if semaphore.available_permits() == 0 {
        "yes"
    } else {
        "no"
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let semaphore = Arc::new(Semaphore::new(2));
    println!("{WORKERS} workers share a semaphore of 2 permits");
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| tokio::spawn(worker(Arc::clone(&semaphore))))
        .collect();
    for task in workers {
        task.await.expect("a worker panicked");
    }
    println!(
        "at most {} workers held a permit at once",
        MOST.load(Ordering::SeqCst)
    );
    // Take both permits: a third acquire would wait.
    let first = semaphore.acquire().await.expect("the semaphore is open");
    let _second = semaphore.acquire().await.expect("the semaphore is open");
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
