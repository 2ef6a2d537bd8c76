//! # Mistake: calling an async function without `.await`
//!
//! In Python, calling a coroutine function without `await` makes a coroutine object and
//! warns "coroutine was never awaited"; in JavaScript, the call starts a Promise. A Rust
//! future is neither: calling `save()` only builds the future, and nothing runs until it is
//! awaited or spawned (rust#57640). Rust warns (`unused_must_use`); this file denies the lint,
//! as a project can, so the warning is an error.
//!
//! compile-fail: unused_must_use "futures do nothing unless you `.await` or poll them"
//!
//! The compiler's whole message: `missing_await.stderr.txt`. The fix: `missing_await_fixed.rs`.

#![deny(unused_must_use)]

async fn save() {
    println!("saved");
}

#[tokio::main]
async fn main() {
    // Builds a future and drops it: "saved" is never printed.
    save();
    println!("done");
}
