//! # Fixed: `move` a shared handle (`Arc`) into each task
//!
//! The fix of `spawn_borrows_local.rs`: each task owns what it uses. `async move` moves the
//! captured variables into the future; to let several tasks read the same data, each gets its
//! own clone of an `Arc` (a clone copies a pointer and bumps a count, not the data).
//!
//! compiles: the fix of spawn_borrows_local.rs

use std::sync::Arc;

#[tokio::main]
async fn main() {
    let names = Arc::new(vec!["One".to_string(), "Two".to_string()]);
    let tasks: Vec<_> = (0..2)
        .map(|i| {
            // A clone for this task, moved into it: the task owns it, so it is `'static`.
            let names = Arc::clone(&names);
            tokio::spawn(async move {
                println!("task {i}: {names:?}");
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}
