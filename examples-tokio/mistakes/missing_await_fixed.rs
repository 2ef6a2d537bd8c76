//! # Fixed: `.await` the call
//!
//! The fix of `missing_await.rs`: awaiting the future runs it to its end before the next line
//! (to run it alongside other work instead, spawn it, or join it with the others).
//!
//! compiles: the fix of missing_await.rs

#![deny(unused_must_use)]

async fn save() {
    println!("saved");
}

#[tokio::main]
async fn main() {
    // Runs save() to its end: "saved", then "done".
    save().await;
    println!("done");
}
