//! # event: `asyncio.Event` in tokio: a `watch` channel of a `bool`
//!
//! `event.set()` wakes every waiter and stays set: a later `wait()` returns at once, until
//! `clear()`. `tokio::sync::Notify` is not that (it stores at most one permit, no state that
//! stays set); a `tokio::sync::watch::channel(false)` is: `send_replace(true)` sets,
//! `wait_for(|set| *set)` returns at once when it is set already, `send_replace(false)`
//! clears. (`tokio_util`'s `CancellationToken` is an event that cannot be cleared.)
//!
//! ```text
//! cargo run -p examples-tokio --example event
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "sync", "time"] }
//! ```
//!
//! Prints what `python/asyncio/event.py` prints.

use std::time::Duration;

use tokio::sync::watch;

async fn waiter(mut event: watch::Receiver<bool>, name: &'static str) -> &'static str {
    event.wait_for(|set| *set).await.expect("the event is gone");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (event, receiver) = watch::channel(false);
    let waiters = ["a", "b"].map(|name| tokio::spawn(waiter(receiver.clone(), name)));
    println!("two waiters wait for the event");
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!("main sets the event");
    event.send_replace(true);
    for task in waiters {
        println!("waiter {} woke", task.await.expect("a waiter panicked"));
    }
    // Set stays set.
    let mut later = receiver.clone();
    later.wait_for(|set| *set).await.expect("the event is gone");
    println!("a later wait returns at once: the event stays set");
    event.send_replace(false);
    let state = if *event.borrow() { "on" } else { "off" };
    println!("after clear(): set is {state}");
    let wait = later.wait_for(|set| *set);
    if tokio::time::timeout(Duration::from_millis(50), wait)
        .await
        .is_err()
    {
        println!("a wait after clear() times out");
    }
}
