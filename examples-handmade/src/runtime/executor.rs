//! The executor: the loop that runs tasks.
//!
//! A task is a future that was given to [`spawn`]. The loop keeps a FIFO queue of the tasks
//! that are ready to run and polls them one after another. Polling a future runs it until it
//! has to wait (it returns `Poll::Pending`) or has finished (`Poll::Ready`). A task that had to
//! wait stays in the task table (a slab, `tasks.rs`), out of the queue, until
//! something calls its `Waker`: the timer when its deadline passes, the reactor when its socket
//! is ready, another task (a channel), another thread (`spawn_blocking`). `wake` puts the
//! task's waker at the end of the queue; the loop pops it, finds the task by the id the waker
//! carries, and polls the task with that same waker.
//!
//! One turn of the loop (asyncio's `_run_once` has the same three steps):
//! 1. If no task is ready, sleep in the reactor until a socket is ready, the earliest timer is
//!    due, or another thread wakes a task ([`polling::Poller::notify`]).
//! 2. Wake the tasks whose timers are due.
//! 3. Run the tasks that were ready at the start of this step, in the order they were woken.
//!    A task woken while they run (`yield_now` wakes itself) waits for the next turn, so timers
//!    and sockets are checked between two turns of a task that keeps yielding.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::{Future, poll_fn};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use super::join::{self, JoinHandle};
use super::tasks::{Id, Stage, Tasks};
use super::{reactor, timer};

// ANCHOR: task
/// A spawned future, boxed so that the table can hold futures of any type, and pinned: once
/// polled, a future may hold references into itself (a local borrowed across an `.await`),
/// so it must never move again. `Pin<Box<…>>` promises that, in safe code.
pub(super) type Task = Pin<Box<dyn Spawned>>;

/// A future whose output comes boxed as `dyn Any`, so that tasks of any output type fit in
/// one table (a `()` boxes to nothing: no allocation). Implemented for every future: the box
/// holds the future itself, where a wrapping `async` block would hold it twice (its
/// argument, and the future it awaits, are two fields of its state).
pub(super) trait Spawned {
    fn poll_boxed(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Box<dyn Any>>;
}

impl<F: Future<Output: 'static>> Spawned for F {
    fn poll_boxed(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Box<dyn Any>> {
        self.poll(cx).map(|output| Box::new(output) as Box<dyn Any>)
    }
}
// ANCHOR_END: task

// ANCHOR: waker
/// What the wakers share with the loop. A `Waker` must be `Send` and `Sync` (a thread may wake
/// a task of another thread), so the queue is behind a `Mutex`, not a `RefCell`.
pub(super) struct Shared {
    ready: Mutex<Ready>,
    /// The loop sleeps in `poller.wait`; `poller.notify()` wakes it up from any thread.
    pub(super) poller: polling::Poller,
}

/// The run queue: the wakers of the tasks that are ready, oldest first.
struct Ready {
    queue: VecDeque<Arc<TaskWaker>>,
    /// Whether the loop sleeps (or is about to): then a wake must also notify the poller.
    sleeping: bool,
}

/// The waker of one task: it knows the task's id and the queue to put it in.
struct TaskWaker {
    /// The task's slot in the table (`None`: `block_on`'s own future, which has none).
    id: Option<Id>,
    /// Whether the waker is in the queue already: waking a task twice queues it once.
    queued: AtomicBool,
    shared: Arc<Shared>,
}

/// `std::task::Wake` turns an `Arc<TaskWaker>` into a `Waker`, with no unsafe code.
impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if self.queued.swap(true, Ordering::AcqRel) {
            return;
        }
        let mut ready = self.shared.ready.lock().unwrap();
        ready.queue.push_back(self.clone());
        // The loop sleeps in the reactor, and this may be another thread: wake the loop up.
        if std::mem::take(&mut ready.sleeping) {
            let _ = self.shared.poller.notify();
        }
    }
}
// ANCHOR_END: waker

/// The executor of one thread: the run queue (shared with the wakers) and the task table.
struct Executor {
    shared: Arc<Shared>,
    tasks: RefCell<Tasks>,
    running: Cell<bool>,
}

thread_local! {
    /// Single-threaded: each thread has its own executor, and a task never leaves it. That is
    /// why a task need not be `Send`.
    static EXECUTOR: Executor = Executor {
        shared: Arc::new(Shared {
            ready: Mutex::new(Ready { queue: VecDeque::new(), sleeping: false }),
            poller: polling::Poller::new().expect("the OS gave no poller (epoll, kqueue)"),
        }),
        tasks: RefCell::default(),
        running: Cell::new(false),
    };
}

/// The poller of this thread's loop, for the reactor.
pub(super) fn with_poller<R>(f: impl FnOnce(&polling::Poller) -> R) -> R {
    EXECUTOR.with(|executor| f(&executor.shared.poller))
}

/// This thread's task table, for the join handles. `None` once the thread's executor is gone
/// (a handle dropped while the thread ends: nothing is left to detach from).
pub(super) fn with_tasks<R>(f: impl FnOnce(&mut Tasks) -> R) -> Option<R> {
    EXECUTOR
        .try_with(|executor| f(&mut executor.tasks.borrow_mut()))
        .ok()
}

// ANCHOR: spawn
/// Starts `future` as a task and returns a handle to await its output. Like
/// `asyncio.create_task`, the task is queued at once; it runs when the loop gets to it (inside
/// [`block_on`] on this thread). No `Send` bound: the task never leaves this thread.
pub fn spawn<T: 'static>(future: impl Future<Output = T> + 'static) -> JoinHandle<T> {
    // The future's allocation, one of two per task.
    let task: Task = Box::pin(future);
    EXECUTOR.with(|executor| {
        let id = executor.tasks.borrow_mut().insert(task);
        // And the waker's, the other one: every `Waker` of the task shares this `Arc`.
        let waker = Arc::new(TaskWaker {
            id: Some(id),
            queued: AtomicBool::new(false),
            shared: executor.shared.clone(),
        });
        waker.wake();
        JoinHandle::new(id)
    })
}
// ANCHOR_END: spawn

// ANCHOR: yield_now
/// Lets the other ready tasks run: wakes this task (to the end of the queue), then returns
/// `Pending` once. It runs again on the loop's next turn.
pub async fn yield_now() {
    let mut yielded = false;
    poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await;
}
// ANCHOR_END: yield_now

/// Runs the loop on this thread until `future` is done, and returns its output. The tasks
/// left when it is done are dropped (tokio does the same when its runtime is dropped;
/// `asyncio.run` cancels them).
///
/// Panics if the loop already runs on this thread (a `block_on` inside a task would stop
/// every other task while it runs), or if `future` panics.
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    EXECUTOR.with(|executor| executor.block_on(future))
}

impl Executor {
    // ANCHOR: block_on
    fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        assert!(
            !self.running.replace(true),
            "block_on inside block_on: the loop already runs on this thread"
        );
        let _stop = Stop(self);
        let mut future = pin!(future);
        let main = Arc::new(TaskWaker {
            id: None,
            queued: AtomicBool::new(false),
            shared: self.shared.clone(),
        });
        main.wake();
        let mut batch = VecDeque::new();
        loop {
            self.next_batch(&mut batch);
            while let Some(waker) = batch.pop_front() {
                // Out of the queue: from now on a wake queues the task again.
                waker.queued.store(false, Ordering::Release);
                // The task is polled with the waker that queued it: no copy made.
                let id = waker.id;
                let waker = Waker::from(waker);
                match id {
                    Some(id) => self.run(id, &waker),
                    None => {
                        let mut cx = Context::from_waker(&waker);
                        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                            return output;
                        }
                    }
                }
            }
        }
    }
    // ANCHOR_END: block_on

    // ANCHOR: next_batch
    /// Steps 1 and 2 of a turn: sleeps if nothing is ready, wakes the due timers, and moves
    /// the ready wakers into `batch`.
    fn next_batch(&self, batch: &mut VecDeque<Arc<TaskWaker>>) {
        let timeout = {
            let mut ready = self.shared.ready.lock().unwrap();
            if ready.queue.is_empty() {
                // From here on a wake from another thread also notifies the poller.
                ready.sleeping = true;
                timer::until_next() // `None`: no timer, sleep until a socket or a wake
            } else {
                Some(Duration::ZERO)
            }
        };
        // With tasks ready and no socket to check, the system call can be skipped.
        if timeout != Some(Duration::ZERO) || reactor::has_sources() {
            reactor::wait(&self.shared.poller, timeout);
        }
        self.shared.ready.lock().unwrap().sleeping = false;
        timer::wake_due();
        std::mem::swap(&mut self.shared.ready.lock().unwrap().queue, batch);
    }
    // ANCHOR_END: next_batch

    // ANCHOR: run
    /// Step 3 for one task: polls it once with its waker.
    fn run(&self, id: Id, waker: &Waker) {
        // Out of the table while it runs: it may spawn, which grows the table.
        let Some(mut future) = self.tasks.borrow_mut().take_future(id) else {
            return; // A stale wake: the task has ended (its slot may hold another one now).
        };
        // A panic of the task is caught here, so that the loop and the other tasks go on.
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            future.as_mut().poll_boxed(&mut Context::from_waker(waker))
        }));
        match outcome {
            // Back in its slot, unless it cancelled itself meanwhile (then it is dropped here).
            Ok(Poll::Pending) => {
                if let Some(slot) = self.tasks.borrow_mut().get(id) {
                    slot.stage = Stage::Running(Some(future));
                }
            }
            Ok(Poll::Ready(output)) => join::ended(id, Ok(output)),
            Err(panic) => join::ended(id, Err(panic)),
        }
    }
    // ANCHOR_END: run
}

/// Ends a `block_on`, by return or by panic: drops the tasks left, and the queue and timers.
struct Stop<'a>(&'a Executor);

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        // Dropped after the borrow ends: their drop code may spawn or cancel in turn.
        let tasks = self.0.tasks.borrow_mut().clear();
        drop(tasks);
        self.0.shared.ready.lock().unwrap().queue.clear();
        timer::clear();
        self.0.running.set(false);
    }
}
