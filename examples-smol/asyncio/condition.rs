//! # condition: `asyncio.Condition` under smol
//!
//! smol has no condition variable (`smol::lock` is async-lock: mutexes, semaphores, a
//! barrier). The `event-listener` crate, which async-lock is built on, is the `notify()`:
//! it keeps no state, so the state lives beside it in a `Mutex`, and a waiter registers
//! (`listen()`) *before* it checks the state, so a notification in between is not lost.
//!
//! ```text
//! cargo run -p examples-smol --example condition
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! event-listener = "5"
//! smol = "2"
//! ```
//!
//! Differences from the Python form: none.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use event_listener::Event;
use smol::Timer;

/// The state the condition guards, and the `notify()` beside it.
#[derive(Default)]
struct Shared {
    items: Mutex<VecDeque<&'static str>>,
    changed: Event,
}

/// `async with cond: await cond.wait_for(lambda: items); items.pop(0)`.
async fn consumer(shared: Arc<Shared>) -> &'static str {
    loop {
        // Register first, then check: a notify in between reaches this listener.
        let listener = shared.changed.listen();
        if let Some(item) = shared.items.lock().unwrap().pop_front() {
            println!("a consumer got {item}");
            return item;
        }
        listener.await;
    }
}

fn main() {
    smol::block_on(async {
        let shared = Arc::new(Shared::default());
        // Two consumers wait for an item.
        let consumers: Vec<_> = (0..2)
            .map(|_| smol::spawn(consumer(shared.clone())))
            .collect();
        Timer::after(Duration::from_millis(10)).await;
        // The producer adds one item at a time and wakes one waiter.
        for item in ["a", "b"] {
            shared.items.lock().unwrap().push_back(item);
            shared.changed.notify(1);
            Timer::after(Duration::from_millis(10)).await;
        }
        let mut got = Vec::new();
        for consumer in consumers {
            got.push(consumer.await);
        }
        got.sort();
        println!("consumed {}", got.join(", "));
    });
}
