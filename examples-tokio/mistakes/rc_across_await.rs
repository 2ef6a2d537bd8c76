//! # Mistake: an `Rc` alive across `.await` in a spawned task
//!
//! `Rc` counts its references without atomic operations, so two threads must never touch one:
//! `Rc` is not `Send`. A spawned tokio task may resume on another worker thread after any
//! `.await`, so an `Rc` alive across one makes the whole future non-`Send`, and
//! `tokio::spawn` rejects it (rust#115437 asks for a clearer message; this is today's).
//!
//! compile-fail: (no code) "future cannot be sent between threads safely"
//!
//! The error is an unmet `Send` bound, E0277 underneath, but for a future rustc rewrites it as
//! "future cannot be sent between threads safely", pointing at the `.await` and the value
//! that is alive across it, and prints it without a code (as it has since 2020; the issue
//! trackers quote it so). `rc_returned_by_task.rs` shows the same bound with its code.
//!
//! The compiler's whole message: `rc_across_await.stderr.txt`. The fixes:
//! `rc_across_await_fixed_arc.rs` (the thread-safe count), `rc_across_await_fixed_local_set.rs`
//! and `rc_across_await_fixed_local_executor.rs` (keep the task on one thread).

use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let name = Rc::new(String::from("shared name"));
        // `name` is alive across this `.await`, and an `Rc` may not change threads.
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("{name}");
    });
    task.await.unwrap();
}
