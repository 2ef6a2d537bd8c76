//! # Mistake: a `std::sync::MutexGuard` held across `.await` in a spawned task
//!
//! `tokio::spawn` may move a task to another worker thread at any `.await`, so the future it
//! is given must be `Send`: everything alive across an `.await` must be allowed to change
//! threads. A `std::sync::MutexGuard` is not (the OS lock must be released by the thread that
//! took it), and here the guard is still alive while the task sleeps. Python never says no:
//! its event loop has one thread. Rust refuses to compile it (tokio#3885).
//!
//! compile-fail: (no code) "future cannot be sent between threads safely"
//!
//! The error is an unmet `Send` bound, E0277 underneath, but for a future rustc rewrites it as
//! "future cannot be sent between threads safely", pointing at the `.await` and the value
//! that is alive across it, and prints it without a code (as it has since 2020; the issue
//! trackers quote it so). `rc_returned_by_task.rs` shows the same bound with its code.
//!
//! The compiler's whole message: `guard_across_await.stderr.txt`. The fixes:
//! `guard_across_await_fixed_scope.rs` (release the guard before the `.await`) and
//! `guard_across_await_fixed_tokio_mutex.rs` (a lock made to be held across `.await`).

use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let hits = Arc::clone(&hits);
        async move {
            let mut guard = hits.lock().unwrap();
            // The guard is alive across this `.await`: the task cannot change threads here.
            tokio::time::sleep(Duration::from_millis(10)).await;
            *guard += 1;
        }
    });
    task.await.unwrap();
    println!("hits: {}", hits.lock().unwrap());
}
