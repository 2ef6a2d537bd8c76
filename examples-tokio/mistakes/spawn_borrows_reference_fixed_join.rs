//! # Fixed: join the borrowing futures in place instead of spawning them
//!
//! The fix of `spawn_borrows_reference.rs` when the futures only need to run concurrently
//! with each other, not on other threads: `tokio::join!` polls them all inside this function,
//! so they cannot outlive `names`, and borrowing it is fine. This is scoped concurrency (the
//! futures end before the scope does); the price is that they share this task's thread.
//!
//! compiles: the fix of spawn_borrows_reference.rs

async fn greet(names: &[String], greeting: &str) {
    println!("{greeting}, {}", names.join(" and "));
}

#[tokio::main]
async fn main() {
    let names = vec!["One".to_string(), "Two".to_string()];
    // Both futures borrow `names`; join! runs them concurrently and ends before `names` does.
    tokio::join!(greet(&names, "hello"), greet(&names, "bye"));
}
