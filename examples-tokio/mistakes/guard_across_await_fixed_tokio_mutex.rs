//! # Fixed: `tokio::sync::Mutex`, a lock that may be held across `.await`
//!
//! The fix of `guard_across_await.rs` when the lock really must be held while the task waits
//! (a connection used for a whole exchange, say): tokio's own mutex. Its `lock()` is itself a
//! future (a task waiting for the lock yields instead of blocking its thread) and its guard is
//! `Send`, so the spawned future is `Send` too. It is slower than `std::sync::Mutex`: use it
//! only when the guard has to live across an `.await`.
//!
//! compiles: the fix of guard_across_await.rs

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let hits = Arc::clone(&hits);
        async move {
            // Awaiting the lock: other tasks run while this one waits for it.
            let mut guard = hits.lock().await;
            // tokio's guard may cross threads, so it may live across this `.await`.
            tokio::time::sleep(Duration::from_millis(10)).await;
            *guard += 1;
        }
    });
    task.await.unwrap();
    println!("hits: {}", hits.lock().await);
}
