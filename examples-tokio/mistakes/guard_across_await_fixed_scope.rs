//! # Fixed: the `std::sync::MutexGuard` is released before the `.await`
//!
//! The fix of `guard_across_await.rs` when the lock is only needed for a moment (the usual
//! case): take it in a block of its own, so the guard is dropped at the block's end, before
//! the task sleeps. Nothing that is not `Send` lives across the `.await`, so the future is
//! `Send` and `tokio::spawn` takes it. A plain `std::sync::Mutex` is the right lock for short
//! critical sections, even in async code (tokio's documentation says so too).
//!
//! compiles: the fix of guard_across_await.rs

use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let hits = Arc::clone(&hits);
        async move {
            {
                // The guard lives only in this block...
                let mut guard = hits.lock().unwrap();
                *guard += 1;
            }
            // ...so nothing that must stay on this thread is alive across the `.await`.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    });
    task.await.unwrap();
    println!("hits: {}", hits.lock().unwrap());
}
