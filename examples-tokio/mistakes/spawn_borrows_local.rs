//! # Mistake: a spawned task that borrows a local variable
//!
//! A spawned task may outlive the function that spawned it (its handle can be dropped and the
//! task keeps running), so `tokio::spawn` asks for a `'static` future: one that owns
//! everything it uses. This async block only borrows `names`, which belongs to `main`; the
//! compiler cannot prove `main` outlives the task, and says so.
//!
//! compile-fail: E0373 "may outlive the current function"
//!
//! The compiler's whole message: `spawn_borrows_local.stderr.txt`. The fix:
//! `spawn_borrows_local_fixed_move_arc.rs` (each task owns a handle to the shared data).

#[tokio::main]
async fn main() {
    let names = vec!["One".to_string(), "Two".to_string()];
    // The async block borrows `names`: it is not `'static`.
    let task = tokio::spawn(async {
        println!("{names:?}");
    });
    task.await.unwrap();
}
