//! # Mistake: a reference to a local passed to a spawned task
//!
//! The same `'static` bound as `spawn_borrows_local.rs`, met through a function argument:
//! `greet(&names)` is a future that holds `&names`, and `tokio::spawn` needs the borrow to
//! last forever (`'static`), longer than `names` lives.
//!
//! compile-fail: E0597 "does not live long enough"
//!
//! The compiler's whole message: `spawn_borrows_reference.stderr.txt`. The fix:
//! `spawn_borrows_reference_fixed_join.rs` (run the borrowing futures concurrently without
//! spawning them).

async fn greet(names: &[String]) {
    println!("hello, {}", names.join(" and "));
}

#[tokio::main]
async fn main() {
    let names = vec!["One".to_string(), "Two".to_string()];
    // `greet(&names)` borrows `names`, but a spawned task must own what it uses.
    let task = tokio::spawn(greet(&names));
    task.await.unwrap();
}
