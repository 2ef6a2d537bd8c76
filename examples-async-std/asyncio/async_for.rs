//! # async_for: `async for` over an async generator, under async-std
//!
//! Rust has no `yield` in async code (async generators are unstable): an async sequence is
//! a `Stream`, made here with `futures::stream::unfold` (state in, `(item, next state)` out)
//! and consumed with `StreamExt::next` in a `while let` (`async for`) or `collect`
//! (an async comprehension). The `futures` crate works under every runtime.
//!
//! ```text
//! cargo run -p examples-async-std --example async_for
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
//! Differences from the Python form: none.

use std::time::Duration;

use async_std::task;
use futures::stream::{self, Stream, StreamExt};

/// `async def ticks(n)`: sleeps 10 ms, yields i, for i in 0..n.
fn ticks(n: u32) -> impl Stream<Item = u32> {
    stream::unfold(0, move |i| async move {
        if i == n {
            return None;
        }
        task::sleep(Duration::from_millis(10)).await;
        Some((i, i + 1))
    })
}

#[async_std::main]
async fn main() {
    // `async for tick in ticks(3)`: the stream must be pinned to be polled in place.
    let mut tick_stream = std::pin::pin!(ticks(3));
    while let Some(tick) = tick_stream.next().await {
        println!("tick {tick}");
    }
    // `[t * t async for t in ticks(4)]`.
    let squares: Vec<u32> = ticks(4).map(|t| t * t).collect().await;
    println!("squares {squares:?}");
}
