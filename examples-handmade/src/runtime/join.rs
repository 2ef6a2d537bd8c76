//! The join handle: what [`spawn`](super::spawn) returns, a future of the task's output.
//!
//! The task and its handle share a small state: the output once the task has finished, and
//! the waker of whoever awaits the handle. The edges, as this runtime chose them:
//! - Dropping the handle *detaches* the task: it runs on, and its output is dropped when it
//!   finishes (tokio, async-std and asyncio do the same; smol's `Task` cancels instead).
//!   [`JoinHandle::cancel`] is the way to stop it.
//! - A panic inside the task is caught where the task is polled, so the loop and the other
//!   tasks go on; it surfaces where the handle is awaited, as the same panic (smol does so;
//!   tokio returns it as a `JoinError`). A detached task's panic is only printed.

use std::any::Any;
use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::executor;

/// The state a task shares with its handle. `Rc`, not `Arc`: both stay on the loop's thread.
struct State<T> {
    /// The task's output, or the panic that ended it.
    output: Option<Result<T, Box<dyn Any + Send>>>,
    /// The waker of the task that awaits the handle.
    waiter: Option<Waker>,
}

/// A handle to a spawned task: `.await` it for the task's output.
pub struct JoinHandle<T> {
    id: u64,
    state: Rc<RefCell<State<T>>>,
}

// ANCHOR: task
/// Wraps `future` as the task the executor runs: it catches a panic, stores the outcome and
/// wakes whoever awaits the handle.
pub(super) fn task<T>(
    id: u64,
    future: impl Future<Output = T>,
) -> (impl Future<Output = ()>, JoinHandle<T>) {
    let state = Rc::new(RefCell::new(State {
        output: None,
        waiter: None,
    }));
    let handle = JoinHandle {
        id,
        state: state.clone(),
    };
    let task = async move {
        // Pinned inside the task's own box: no second allocation.
        let mut future = pin!(future);
        let output =
            poll_fn(
                |cx| match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
                    Ok(Poll::Pending) => Poll::Pending,
                    Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
                    Err(panic) => Poll::Ready(Err(panic)),
                },
            )
            .await;
        let waiter = {
            let mut state = state.borrow_mut();
            state.output = Some(output);
            state.waiter.take()
        };
        if let Some(waiter) = waiter {
            waiter.wake();
        }
    };
    (task, handle)
}
// ANCHOR_END: task

// ANCHOR: handle
impl<T> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut state = self.state.borrow_mut();
        match state.output.take() {
            Some(Ok(output)) => Poll::Ready(output),
            // The task panicked: the same panic goes on here, in the task that awaits.
            Some(Err(panic)) => {
                drop(state);
                resume_unwind(panic)
            }
            // Not yet: the task wakes us when it is done.
            None => {
                state.waiter = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: handle

impl<T> JoinHandle<T> {
    /// Whether the task has finished (with an output or a panic).
    pub fn is_finished(&self) -> bool {
        self.state.borrow().output.is_some()
    }

    /// Cancels the task: its future is dropped now and never polled again (the code after its
    /// current `.await` never runs). Returns its output if it had finished already.
    pub fn cancel(self) -> Option<T> {
        executor::cancel(self.id);
        let output = self.state.borrow_mut().output.take();
        output.map(|outcome| outcome.unwrap_or_else(|panic| resume_unwind(panic)))
    }
}
