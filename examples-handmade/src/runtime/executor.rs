//! The executor: the loop that runs tasks.
//!
//! A task is a future that was given to [`spawn`]. The loop keeps a FIFO queue of the tasks
//! that are ready to run and polls them one after another. Polling a future runs it until it
//! has to wait (it returns `Poll::Pending`) or has finished (`Poll::Ready`). A task that had to
//! wait stays in the table, out of the queue, until something calls its `Waker`: the timer
//! when its deadline passes, the reactor when its socket is ready, another task (a channel),
//! another thread (`spawn_blocking`). `wake` puts the task back at the end of the queue.
//!
//! One turn of the loop (asyncio's `_run_once` has the same three steps):
//! 1. If no task is ready, sleep in the reactor until a socket is ready, the earliest timer is
//!    due, or another thread wakes a task ([`polling::Poller::notify`]).
//! 2. Wake the tasks whose timers are due.
//! 3. Run the tasks that were ready at the start of this step, in the order they were woken.
//!    A task woken while they run (`yield_now` wakes itself) waits for the next turn, so timers
//!    and sockets are checked between two turns of a task that keeps yielding.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use super::join::{self, JoinHandle};
use super::{reactor, timer};

// ANCHOR: task
/// A spawned future, boxed so that the table can hold futures of any type, and pinned: once
/// polled, a future may hold references into itself (a local borrowed across an `.await`),
/// so it must never move again. `Pin<Box<…>>` promises that, in safe code.
type Task = Pin<Box<dyn Future<Output = ()>>>;
// ANCHOR_END: task

/// The id under which [`block_on`]'s own future is woken: it is not in the table, but it
/// waits in the queue like a task (task ids start at 1).
const MAIN: u64 = 0;

// ANCHOR: waker
/// What the wakers share with the loop. A `Waker` must be `Send` and `Sync` (a thread may wake
/// a task of another thread), so the queue is behind a `Mutex`, not a `RefCell`.
pub(super) struct Shared {
    ready: Mutex<Ready>,
    /// The loop sleeps in `poller.wait`; `poller.notify()` wakes it up from any thread.
    pub(super) poller: polling::Poller,
}

/// The run queue: the ids of the tasks that are ready, oldest first.
struct Ready {
    queue: VecDeque<u64>,
    /// Whether the loop sleeps (or is about to): then a wake must also notify the poller.
    sleeping: bool,
}

/// The waker of one task: it knows the task's id and the queue to put it in.
struct TaskWaker {
    id: u64,
    /// Whether the id is in the queue already: waking a task twice queues it once.
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
        ready.queue.push_back(self.id);
        // The loop sleeps in the reactor, and this may be another thread: wake the loop up.
        if std::mem::take(&mut ready.sleeping) {
            let _ = self.shared.poller.notify();
        }
    }
}
// ANCHOR_END: waker

/// The executor of one thread: the run queue (shared with the wakers) and the table of tasks.
struct Executor {
    shared: Arc<Shared>,
    tasks: RefCell<HashMap<u64, (Task, Arc<TaskWaker>)>>,
    next_id: Cell<u64>,
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
        tasks: RefCell::new(HashMap::new()),
        next_id: Cell::new(MAIN + 1),
        running: Cell::new(false),
    };
}

/// The poller of this thread's loop, for the reactor.
pub(super) fn with_poller<R>(f: impl FnOnce(&polling::Poller) -> R) -> R {
    EXECUTOR.with(|executor| f(&executor.shared.poller))
}

// ANCHOR: spawn
/// Starts `future` as a task and returns a handle to await its output. Like
/// `asyncio.create_task`, the task is queued at once; it runs when the loop gets to it (inside
/// [`block_on`] on this thread). No `Send` bound: the task never leaves this thread.
pub fn spawn<T: 'static>(future: impl Future<Output = T> + 'static) -> JoinHandle<T> {
    EXECUTOR.with(|executor| {
        let id = executor.next_id.get();
        executor.next_id.set(id + 1);
        let (task, handle) = join::task(id, future);
        let waker = Arc::new(TaskWaker {
            id,
            queued: AtomicBool::new(false),
            shared: executor.shared.clone(),
        });
        executor
            .tasks
            .borrow_mut()
            .insert(id, (Box::pin(task), waker.clone()));
        waker.wake();
        handle
    })
}
// ANCHOR_END: spawn

/// Drops a task's future now, if it has not finished: [`JoinHandle::cancel`].
pub(super) fn cancel(id: u64) {
    // Dropped after the borrow ends: its drop code may spawn or cancel in turn.
    let task = EXECUTOR.with(|executor| executor.tasks.borrow_mut().remove(&id));
    drop(task);
}

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
            id: MAIN,
            queued: AtomicBool::new(false),
            shared: self.shared.clone(),
        });
        let main_waker = Waker::from(main.clone());
        main_waker.wake_by_ref();
        let mut batch = VecDeque::new();
        loop {
            self.next_batch(&mut batch);
            while let Some(id) = batch.pop_front() {
                if id != MAIN {
                    self.run(id);
                    continue;
                }
                main.queued.store(false, Ordering::Release);
                if let Poll::Ready(output) =
                    future.as_mut().poll(&mut Context::from_waker(&main_waker))
                {
                    return output;
                }
            }
        }
    }
    // ANCHOR_END: block_on

    // ANCHOR: next_batch
    /// Steps 1 and 2 of a turn: sleeps if nothing is ready, wakes the due timers, and moves
    /// the ready ids into `batch`.
    fn next_batch(&self, batch: &mut VecDeque<u64>) {
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
    fn run(&self, id: u64) {
        // Out of the table while it runs: it may spawn, which borrows the table.
        let Some((mut task, waker)) = self.tasks.borrow_mut().remove(&id) else {
            return; // Woken after it finished or was cancelled: a stale wake, ignored.
        };
        waker.queued.store(false, Ordering::Release);
        let cx_waker = Waker::from(waker.clone());
        // A panic inside cannot unwind to here: `join::task` catches it.
        if task
            .as_mut()
            .poll(&mut Context::from_waker(&cx_waker))
            .is_pending()
        {
            self.tasks.borrow_mut().insert(id, (task, waker));
        }
    }
    // ANCHOR_END: run
}

/// Ends a `block_on`, by return or by panic: drops the tasks left, and the queue and timers.
struct Stop<'a>(&'a Executor);

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        let tasks = std::mem::take(&mut *self.0.tasks.borrow_mut());
        drop(tasks);
        self.0.shared.ready.lock().unwrap().queue.clear();
        timer::clear();
        self.0.running.set(false);
    }
}
