//! # gather_try: `asyncio.gather(*aws)` that raises, in smol: `futures::try_join!`
//!
//! With `return_exceptions=False` (the default) the first exception reaches the awaiter of
//! `asyncio.gather` at once, and the other awaitables go on running. smol has no try-join of
//! its own; `futures::try_join!` (any executor) returns the first `Err` at once too, but its
//! futures live inside it: returning drops them, so the others are cancelled. (To let them
//! run on, spawn them and try-join the handles.)
//!
//! Declared difference: `slow finished` is not printed: `try_join!` dropped `slow` when
//! `broken` failed.
//!
//! ```text
//! cargo run -p examples-smol --example gather_try
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! futures = "0.3"
//! ```
//!
//! Prints what `python/asyncio/gather_try.py` prints, but for the declared difference.

use std::time::Duration;

use smol::Timer;

async fn job(name: &'static str, millis: u64, fails: bool) -> Result<&'static str, String> {
    Timer::after(Duration::from_millis(millis)).await;
    if fails {
        println!("{name} fails");
        return Err(format!("{name} failed"));
    }
    println!("{name} finished");
    Ok(name)
}

fn main() {
    smol::block_on(async {
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
        Timer::after(Duration::from_millis(200)).await;
        println!("main slept 200 ms more");
    });
}
