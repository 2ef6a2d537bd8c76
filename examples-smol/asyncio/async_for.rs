//! # async_for: `async for` over an async generator, under smol
//!
//! Rust has no `yield` in async code (async generators are unstable): an async sequence is
//! a `Stream`, made here with `smol::stream::unfold` (futures-lite's; state in,
//! `(item, next state)` out) and consumed with `StreamExt::next` in a `while let`
//! (`async for`) or `collect` (an async comprehension).
//!
//! ```text
//! cargo run -p examples-smol --example async_for
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::time::Duration;

use smol::Timer;
use smol::stream::{self, Stream, StreamExt};

/// `async def ticks(n)`: waits 10 ms, yields i, for i in 0..n.
fn ticks(n: u32) -> impl Stream<Item = u32> {
    stream::unfold(0, move |i| async move {
        if i == n {
            return None;
        }
        Timer::after(Duration::from_millis(10)).await;
        Some((i, i + 1))
    })
}

fn main() {
    smol::block_on(async {
        // `async for tick in ticks(3)`: the stream must be pinned to be polled in place.
        let mut tick_stream = std::pin::pin!(ticks(3));
        while let Some(tick) = tick_stream.next().await {
            println!("tick {tick}");
        }
        // `[t * t async for t in ticks(4)]`.
        let squares: Vec<u32> = ticks(4).map(|t| t * t).collect().await;
        println!("squares {squares:?}");
    });
}
