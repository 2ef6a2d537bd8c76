//! # bounded_queue: `asyncio.Queue(maxsize=2)`, `join()` and `task_done()` in smol: a bounded channel
//!
//! `asyncio.Queue(maxsize=2)`: `put` waits while two items wait (backpressure),
//! `task_done()` marks one processed, `join()` waits until every item is. In Rust the queue
//! is a bounded channel, `smol::channel::bounded(2)` (the `async-channel` crate): `send` waits while it is full. There is no
//! `task_done`/`join`: the producer drops its sender (the channel closes once drained, and the
//! consumer's loop ends), and awaiting the consumer's task is the `join()`.
//!
//! ```text
//! cargo run -p examples-smol --example bounded_queue
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! ```
//!
//! Prints what `python/asyncio/bounded_queue.py` prints.

use std::time::Duration;

use smol::Timer;
use smol::channel::{self, Receiver};

async fn consumer(receiver: Receiver<u32>) {
    // Ends when the channel is closed and empty.
    while let Ok(item) = receiver.recv().await {
        // Processing takes a while: the producer fills the channel meanwhile and waits.
        Timer::after(Duration::from_millis(40)).await;
        println!("done {item}");
    }
}

fn main() {
    smol::block_on(async {
        let (sender, receiver) = channel::bounded(2);
        let worker = smol::spawn(consumer(receiver));
        for item in 0..5 {
            // Waits while two items wait in the channel.
            sender.send(item).await.expect("the consumer is gone");
            println!("queued {item}");
        }
        println!("producer waits for join()");
        // No more items: the consumer ends once it has processed every one.
        drop(sender);
        worker.await;
        println!("every item processed");
    });
}
