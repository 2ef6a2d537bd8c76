//! # Fixed: the task returns the value itself; the `Rc` is made where it is used
//!
//! The fix of `rc_returned_by_task.rs`: a `String` is `Send`, so the task may return it, and
//! `main` wraps it in an `Rc` after the join, on its own side (`main`'s future is run by
//! `block_on`, not spawned, so it need not be `Send`). Returning an `Arc` would do too, when
//! the task must keep a handle of its own.
//!
//! compiles: the fix of rc_returned_by_task.rs

use std::rc::Rc;

#[tokio::main]
async fn main() {
    // The task's output is a plain `String`: it may cross threads.
    let task = tokio::spawn(async { String::from("made by a task") });
    let name = Rc::new(task.await.unwrap());
    println!("{name}");
}
