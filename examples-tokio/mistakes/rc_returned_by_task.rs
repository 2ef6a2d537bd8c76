//! # Mistake: a spawned task that returns an `Rc`
//!
//! A task's result is handed to whoever awaits its `JoinHandle`, possibly on another thread,
//! so `tokio::spawn` asks for a `Send` output as well as a `Send` future. An `Rc` returned by
//! the task breaks that bound; here the compiler names the error E0277, the code of every
//! unmet trait bound (for a value alive across an `.await`, see `rc_across_await.rs`, it
//! prints the same bound without the code).
//!
//! compile-fail: E0277 "cannot be sent between threads safely"
//!
//! The compiler's whole message: `rc_returned_by_task.stderr.txt`. The fix:
//! `rc_returned_by_task_fixed_plain_value.rs` (return the value itself, share it afterwards).

use std::rc::Rc;

#[tokio::main]
async fn main() {
    // The task's output, an `Rc`, would cross from the worker thread to `main`'s.
    let task = tokio::spawn(async { Rc::new(String::from("made by a task")) });
    let name = task.await.unwrap();
    println!("{name}");
}
