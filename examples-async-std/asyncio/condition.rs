//! # condition: `asyncio.Condition` under async-std
//!
//! `async_std::sync::Condvar` (behind async-std's `unstable` feature) is the condition
//! variable: `wait_until(guard, predicate)` releases the `Mutex` while it waits and returns
//! with it locked once the predicate holds, as `cond.wait_for(...)` does; `notify_one` wakes a
//! waiter.
//!
//! ```text
//! cargo run -p examples-async-std --example condition
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes", "unstable"] }
//! ```
//!
//! Differences from the Python form: none.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use async_std::sync::{Condvar, Mutex};
use async_std::task;

/// The state the condition guards, with its lock, and the condition variable.
#[derive(Default)]
struct Shared {
    items: Mutex<VecDeque<&'static str>>,
    changed: Condvar,
}

/// `async with cond: await cond.wait_for(lambda: items); items.pop(0)`.
async fn consumer(shared: Arc<Shared>) -> &'static str {
    let items = shared.items.lock().await;
    let mut items = shared
        .changed
        .wait_until(items, |items| !items.is_empty())
        .await;
    let item = items.pop_front().expect("the predicate held");
    println!("a consumer got {item}");
    item
}

#[async_std::main]
async fn main() {
    let shared = Arc::new(Shared::default());
    // Two consumers wait for an item.
    let consumers: Vec<_> = (0..2)
        .map(|_| task::spawn(consumer(shared.clone())))
        .collect();
    task::sleep(Duration::from_millis(10)).await;
    // The producer adds one item at a time under the lock and wakes one waiter.
    for item in ["a", "b"] {
        shared.items.lock().await.push_back(item);
        shared.changed.notify_one();
        task::sleep(Duration::from_millis(10)).await;
    }
    let mut got = Vec::new();
    for consumer in consumers {
        got.push(consumer.await);
    }
    got.sort();
    println!("consumed {}", got.join(", "));
}
