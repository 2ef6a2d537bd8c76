//! The timer: deadlines in a heap, earliest first.
//!
//! A [`sleep`] that is not due yet puts its deadline and its task's waker in the heap. Before
//! the loop sleeps it asks the heap for the earliest deadline and sleeps exactly that long
//! (the reactor's `poll.wait` with a timeout; on Linux `polling` uses a timerfd, with
//! nanosecond resolution): no rounding to a tick, like async-io. After it wakes, every entry
//! whose deadline has passed is popped and its task woken. Equal deadlines wake in the order
//! they were set (each entry carries a sequence number).
//!
//! A sleep dropped before its deadline leaves its entry in the heap until the deadline: the
//! wake it then sends is a stale one, and is ignored (tokio removes the entry at once; this
//! heap keeps the code short).

use std::cell::RefCell;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

// ANCHOR: heap
/// One deadline in the heap, and the task to wake then.
struct Entry {
    deadline: Instant,
    /// Ties broken by the order the sleeps were registered.
    seq: u64,
    waker: Waker,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.deadline, self.seq).cmp(&(other.deadline, other.seq))
    }
}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}

#[derive(Default)]
struct Timers {
    /// `BinaryHeap` is a max-heap: `Reverse` puts the earliest deadline on top.
    heap: BinaryHeap<Reverse<Entry>>,
    next_seq: u64,
}

thread_local! {
    static TIMERS: RefCell<Timers> = RefCell::default();
}

/// How long until the earliest deadline (zero if it has passed), `None` if there is none.
pub(super) fn until_next() -> Option<Duration> {
    TIMERS.with_borrow(|timers| {
        let Reverse(entry) = timers.heap.peek()?;
        Some(entry.deadline.saturating_duration_since(Instant::now()))
    })
}

/// Wakes the tasks whose deadline has passed, earliest first.
pub(super) fn wake_due() {
    let now = Instant::now();
    let mut due = Vec::new();
    TIMERS.with_borrow_mut(|timers| {
        while timers
            .heap
            .peek()
            .is_some_and(|Reverse(entry)| entry.deadline <= now)
        {
            due.push(timers.heap.pop().unwrap().0.waker);
        }
    });
    due.into_iter().for_each(Waker::wake);
}
// ANCHOR_END: heap

/// Forgets every deadline (the end of a `block_on`).
pub(super) fn clear() {
    let old = TIMERS.take();
    drop(old);
}

// ANCHOR: sleep
/// A future that is ready at `deadline`.
pub struct Sleep {
    deadline: Instant,
    /// The waker registered in the heap, if any.
    registered: Option<Waker>,
}

/// Sleeps until `deadline`.
pub fn sleep_until(deadline: Instant) -> Sleep {
    Sleep {
        deadline,
        registered: None,
    }
}

/// Sleeps for `duration` (a duration too long for an `Instant` sleeps about forever).
pub fn sleep(duration: Duration) -> Sleep {
    let now = Instant::now();
    let far = now + Duration::from_secs(60 * 60 * 24 * 365 * 30);
    sleep_until(now.checked_add(duration).unwrap_or(far))
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.deadline {
            return Poll::Ready(());
        }
        // Register once, again only if another task polls it (its waker differs).
        if !self
            .registered
            .as_ref()
            .is_some_and(|w| w.will_wake(cx.waker()))
        {
            self.registered = Some(cx.waker().clone());
            let deadline = self.deadline;
            TIMERS.with_borrow_mut(|timers| {
                timers.next_seq += 1;
                let entry = Entry {
                    deadline,
                    seq: timers.next_seq,
                    waker: cx.waker().clone(),
                };
                timers.heap.push(Reverse(entry));
            });
        }
        Poll::Pending
    }
}
// ANCHOR_END: sleep

/// Ticks every `period` from `start`, on the grid `start + k × period` (no drift).
pub struct Interval {
    next: Instant,
    period: Duration,
}

/// An [`Interval`] whose first tick is at `start`.
pub fn interval_at(start: Instant, period: Duration) -> Interval {
    Interval {
        next: start,
        period,
    }
}

impl Interval {
    /// Waits for the next tick and returns the instant it was due. A late tick does not move
    /// the grid: the ticks missed come at once, one per call (tokio's default, `Burst`).
    pub async fn tick(&mut self) -> Instant {
        let due = self.next;
        sleep_until(due).await;
        self.next = due + self.period;
        due
    }
}
