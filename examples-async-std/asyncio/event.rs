//! # event: `asyncio.Event` in async-std: a flag beside an `event_listener::Event`
//!
//! `event.set()` wakes every waiter and stays set: a later `wait()` returns at once, until
//! `clear()`. async-std has no such event. The `event-listener` crate (what async-lock and
//! async-channel are built on, any executor) wakes waiters but keeps no state: a notification
//! nobody listens for is lost. So an `Event` is an `AtomicBool` beside it, checked before and
//! after listening (the flag may be set in between).
//!
//! ```text
//! cargo run -p examples-async-std --example event
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! event-listener = "5"
//! ```
//!
//! Prints what `python/asyncio/event.py` prints.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_std::task;

/// `asyncio.Event`: the flag, and the waiters to wake when it is set.
#[derive(Default)]
struct Event {
    flag: AtomicBool,
    waiters: event_listener::Event,
}

impl Event {
    fn set(&self) {
        self.flag.store(true, Ordering::SeqCst);
        self.waiters.notify(usize::MAX);
    }

    fn clear(&self) {
        self.flag.store(false, Ordering::SeqCst);
    }

    fn is_set(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    async fn wait(&self) {
        while !self.is_set() {
            let listener = self.waiters.listen();
            // Set between the first check and listen(): the listener would miss it.
            if self.is_set() {
                return;
            }
            listener.await;
        }
    }
}

async fn waiter(event: Arc<Event>, name: &'static str) -> &'static str {
    event.wait().await;
    name
}

#[async_std::main]
async fn main() {
    let event = Arc::new(Event::default());
    let waiters = ["a", "b"].map(|name| task::spawn(waiter(Arc::clone(&event), name)));
    println!("two waiters wait for the event");
    task::sleep(Duration::from_millis(50)).await;
    println!("main sets the event");
    event.set();
    for task in waiters {
        println!("waiter {} woke", task.await);
    }
    // Set stays set.
    event.wait().await;
    println!("a later wait returns at once: the event stays set");
    event.clear();
    let state = if event.is_set() { "on" } else { "off" };
    println!("after clear(): set is {state}");
    let timed_out = async_std::future::timeout(Duration::from_millis(50), event.wait())
        .await
        .is_err();
    if timed_out {
        println!("a wait after clear() times out");
    }
}
