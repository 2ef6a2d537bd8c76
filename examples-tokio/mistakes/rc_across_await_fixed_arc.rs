//! # Fixed: `Arc` instead of `Rc`
//!
//! The fix of `rc_across_await.rs` for a multi-threaded runtime: `Arc` counts its references
//! atomically, so it is `Send` (when what it holds is `Send` and `Sync`), and the spawned future
//! is `Send` again. The cost is an atomic increment per clone, nothing per read.
//!
//! compiles: the fix of rc_across_await.rs

use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let name = Arc::new(String::from("shared name"));
        // An `Arc` may change threads, so it may live across the `.await`.
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("{name}");
    });
    task.await.unwrap();
}
