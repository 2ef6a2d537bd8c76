//! The join handle: what [`spawn`](super::spawn) returns, a future of the task's output.
//!
//! The handle is only the task's id: what the task and its handle share lives in the task's
//! slot of the table (`tasks.rs`): the outcome once the task has ended, the
//! waker of whoever awaits the handle, and whether the handle still exists. The slot is freed
//! when both are done: the task has ended, and its handle has taken the outcome or is gone.
//! The edges, as this runtime chose them:
//! - Dropping the handle *detaches* the task: it runs on, and its output is dropped when it
//!   finishes (tokio, async-std and asyncio do the same; smol's `Task` cancels instead).
//!   [`JoinHandle::cancel`] is the way to stop it.
//! - A panic inside the task is caught where the task is polled, so the loop and the other
//!   tasks go on; it surfaces where the handle is awaited, as the same panic (smol does so;
//!   tokio returns it as a `JoinError`). A detached task's panic is only printed.

use std::marker::PhantomData;
use std::panic::resume_unwind;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::executor::with_tasks;
use super::tasks::{Id, Outcome, Stage};

/// A handle to a spawned task: `.await` it for the task's output.
pub struct JoinHandle<T> {
    id: Id,
    /// The output's type, and no `Send`: the handle stays on the thread of its task's table.
    output: PhantomData<Rc<T>>,
}

impl<T> JoinHandle<T> {
    pub(super) fn new(id: Id) -> JoinHandle<T> {
        JoinHandle {
            id,
            output: PhantomData,
        }
    }
}

// ANCHOR: task
/// The end of task `id`, called by the executor: the outcome waits in the slot for the handle,
/// and the task that awaits the handle is woken. If the handle is gone (detached), the slot
/// is freed instead and the outcome dropped.
pub(super) fn ended(id: Id, outcome: Outcome) {
    let (waiter, unclaimed) = with_tasks(|tasks| match tasks.get(id) {
        Some(slot) if slot.handle => {
            slot.stage = Stage::Ended(outcome);
            (slot.waiter.take(), None)
        }
        _ => {
            tasks.remove(id);
            (None, Some(outcome))
        }
    })
    .unwrap_or_default();
    // After the borrow of the table: an output's drop code may spawn or cancel.
    drop(unclaimed);
    if let Some(waiter) = waiter {
        waiter.wake();
    }
}
// ANCHOR_END: task

/// The output of a task that ended: the value its future returned, or its panic resumed.
fn output<T: 'static>(outcome: Outcome) -> T {
    match outcome {
        Ok(output) => *output.downcast().expect("spawn boxed a T"),
        // The task panicked: the same panic goes on here, in the task that awaits.
        Err(panic) => resume_unwind(panic),
    }
}

// ANCHOR: handle
impl<T: 'static> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let id = self.id;
        let stage = with_tasks(|tasks| {
            let slot = tasks
                .get(id)
                .expect("JoinHandle polled after its output or its block_on");
            match slot.stage {
                // Done: the outcome is taken and the slot freed.
                Stage::Ended(_) => tasks.remove(id),
                // Not yet: the task wakes us when it is done.
                _ => {
                    slot.waiter = Some(cx.waker().clone());
                    None
                }
            }
        });
        match stage.flatten() {
            Some(Stage::Ended(outcome)) => Poll::Ready(output(outcome)),
            _ => Poll::Pending,
        }
    }
}
// ANCHOR_END: handle

/// Dropping the handle detaches the task; if the task has ended, its outcome is dropped now.
impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        let id = self.id;
        let ended = with_tasks(|tasks| {
            let slot = tasks.get(id)?;
            slot.handle = false;
            match slot.stage {
                Stage::Ended(_) => tasks.remove(id),
                _ => None,
            }
        });
        // After the borrow of the table, like every drop of a task's value.
        drop(ended);
    }
}

impl<T: 'static> JoinHandle<T> {
    /// Whether the task has finished (with an output or a panic).
    pub fn is_finished(&self) -> bool {
        let stage = with_tasks(|tasks| tasks.get(self.id).map(|slot| slot.is_ended()));
        stage.flatten().unwrap_or(true)
    }

    /// Cancels the task: its future is dropped now and never polled again (the code after its
    /// current `.await` never runs). Returns its output if it had finished already.
    pub fn cancel(self) -> Option<T> {
        // The slot is freed; the future or the outcome is dropped, after the borrow.
        let stage = with_tasks(|tasks| tasks.remove(self.id));
        match stage.flatten() {
            Some(Stage::Ended(outcome)) => Some(output(outcome)),
            _ => None,
        }
    }
}
