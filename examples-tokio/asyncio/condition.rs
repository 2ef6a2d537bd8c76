//! # condition: `asyncio.Condition` under tokio
//!
//! tokio has no condition variable; its `Notify` plays the part of `notify()` beside the
//! state in a `Mutex`. The waiter registers (`notified()`) *before* it checks the state, so a
//! notification between the check and the wait is not lost (`Notify::notify_one` also keeps
//! one permit when nobody waits).
//!
//! ```text
//! cargo run -p examples-tokio --example condition
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread", "sync", "time"] }
//! ```
//!
//! Differences from the Python form: none.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;

/// The state the condition guards, and the `notify()` beside it.
#[derive(Default)]
struct Shared {
    items: Mutex<VecDeque<&'static str>>,
    changed: Notify,
}

/// `async with cond: await cond.wait_for(lambda: items); items.pop(0)`.
async fn consumer(shared: Arc<Shared>) -> &'static str {
    loop {
        // Register first, then check: a notify_one in between is kept for us.
        let notified = shared.changed.notified();
        if let Some(item) = shared.items.lock().unwrap().pop_front() {
            println!("a consumer got {item}");
            return item;
        }
        notified.await;
    }
}

#[tokio::main]
async fn main() {
    let shared = Arc::new(Shared::default());
    // Two consumers wait for an item.
    let consumers: Vec<_> = (0..2)
        .map(|_| tokio::spawn(consumer(shared.clone())))
        .collect();
    tokio::time::sleep(Duration::from_millis(10)).await;
    // The producer adds one item at a time and wakes one waiter.
    for item in ["a", "b"] {
        shared.items.lock().unwrap().push_back(item);
        shared.changed.notify_one();
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut got = Vec::new();
    for consumer in consumers {
        got.push(consumer.await.expect("a consumer does not panic"));
    }
    got.sort();
    println!("consumed {}", got.join(", "));
}
