//! # gather_try: `asyncio.gather(*aws)` that raises, in async-std: `futures::try_join!`
//!
//! With `return_exceptions=False` (the default) the first exception reaches the awaiter of
//! `asyncio.gather` at once, and the other awaitables go on running. async-std has no try-join of
//! its own; `futures::try_join!` (any executor) returns the first `Err` at once too, but its
//! futures live inside it: returning drops them, so the others are cancelled. (To let them
//! run on, spawn them and try-join the handles.)
//!
//! Declared difference: `slow finished` is not printed: `try_join!` dropped `slow` when
//! `broken` failed.
//!
//! ```text
//! cargo run -p examples-async-std --example gather_try
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/gather_try.py` prints, but for the declared difference.

use std::time::Duration;

use async_std::task;

async fn job(name: &'static str, millis: u64, fails: bool) -> Result<&'static str, String> {
    task::sleep(Duration::from_millis(millis)).await;
    if fails {
        println!("{name} fails");
        return Err(format!("{name} failed"));
    }
    println!("{name} finished");
    Ok(name)
}

#[async_std::main]
async fn main() {
    // The first Err comes back at once; the futures still running are dropped with the macro.
    let gathered = futures::try_join!(
        job("fast", 50, false),
        job("broken", 100, true),
        job("slow", 200, false)
    );
    if let Err(error) = gathered {
        println!("gather raised: {error}");
    }
    // Nothing of slow is left to finish while main sleeps.
    task::sleep(Duration::from_millis(200)).await;
    println!("main slept 200 ms more");
}
