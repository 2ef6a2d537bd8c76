//! `spawn_blocking`: a blocking closure on a thread of its own, awaited like a task.
//!
//! A blocking call (a `std::thread::sleep`, a long computation, a blocking `connect`) inside a
//! task stops the loop, and every task with it. On another thread it stops only that thread;
//! the loop awaits its result. This is the wake from another thread: the thread stores the
//! result and calls the waker, which puts the awaiting task in the run queue and wakes the
//! loop's poller if it sleeps.
//!
//! One new thread per call keeps it short; tokio and the `blocking` crate (smol, async-std)
//! keep a pool of threads instead, reused, with a cap (tokio: 512 threads, `blocking`: 500).

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// What the thread and the awaiting task share: the result, and the waker to call.
struct Slot<T> {
    result: Option<Result<T, Box<dyn Any + Send>>>,
    waker: Option<Waker>,
}

/// The future of a [`spawn_blocking`] call: ready with the closure's value (a panic of the
/// closure goes on where this is awaited).
pub struct Blocking<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

// ANCHOR: spawn_blocking
/// Runs `f` on a new thread; await the returned future for its value.
pub fn spawn_blocking<T, F>(f: F) -> Blocking<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let slot = Arc::new(Mutex::new(Slot {
        result: None,
        waker: None,
    }));
    let theirs = slot.clone();
    std::thread::Builder::new()
        .name("spawn_blocking".into())
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(f));
            let waker = {
                let mut slot = theirs.lock().unwrap();
                slot.result = Some(result);
                slot.waker.take()
            };
            // The wake from another thread.
            if let Some(waker) = waker {
                waker.wake();
            }
        })
        .expect("the OS refused a new thread");
    Blocking { slot }
}
// ANCHOR_END: spawn_blocking

impl<T> Future for Blocking<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.slot.lock().unwrap();
        match slot.result.take() {
            Some(Ok(value)) => Poll::Ready(value),
            Some(Err(panic)) => {
                drop(slot);
                resume_unwind(panic)
            }
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
