//! # Fixed: a `tokio::task::LocalSet`, whose tasks never leave their thread
//!
//! The fix of `rc_across_await.rs` that keeps the `Rc`: `tokio::task::spawn_local` puts the
//! task on a `LocalSet`, which runs all its tasks on the one thread that drives it, so the
//! future need not be `Send`. The price: those tasks share that one thread (the set is driven
//! here by `run_until` on the current-thread runtime).
//!
//! compiles: the fix of rc_across_await.rs

use std::rc::Rc;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            // `spawn_local` asks for no `Send`: the task stays on this thread.
            let task = tokio::task::spawn_local(async {
                let name = Rc::new(String::from("shared name"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                println!("{name}");
            });
            task.await.unwrap();
        })
        .await;
}
