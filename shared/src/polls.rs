//! What the loop does: every poll of every task, recorded into the trace.
//!
//! A future wrapped by [`Out::traced`] records each call of its `poll`: when it began, how
//! long it ran, on which thread, and whether it returned `Ready`. The wrapper knows nothing of
//! the executor that polls it, so it works under tokio, async-std, smol, or an executor of
//! one's own: `tokio::spawn(out.traced("worker", work(out.clone())))`. A task spends its life
//! between polls waiting (for a timer, a socket, a lock); the polls are when it runs, and the
//! timelines and `--chrome-trace` draw them as bars.
//!
//! Polls are recorded only when the sink was asked to ([`Out::record_polls`]: `--trace` or
//! `--chrome-trace`), and never through a muted handle (over 100 `count` tasks, as the printed
//! lines): otherwise the wrapper checks one `Option` per poll and adds nothing else. With
//! polls on, each poll reads the clock twice and appends one record under a lock.
//!
//! A printed line belongs to the task that was being polled on its thread when it was
//! printed: [`Lanes`] finds it from the times and threads alone, so the events need no task
//! id, and a Python trace (whose polls are timed `send`s of a coroutine) works the same way.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll as TaskPoll};

use serde::{Deserialize, Serialize};

use crate::out::{Event, Out, Trace};

/// One poll of a traced task (one JSON object per line of a `--trace` file, after the
/// events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poll {
    /// The task's lane, as the program names it (`count() #1`, `Task One`, `main`).
    pub task: String,
    /// When the poll began, in µs since the start of the run.
    pub start_us: u64,
    /// How long it ran, in µs.
    pub dur_us: u64,
    /// The thread that polled it, labelled as [`crate::out::Event::thread`] is.
    pub thread: String,
    /// Whether the poll returned `Ready` (the task's last poll).
    pub ready: bool,
}

impl Poll {
    /// When the poll returned, in µs since the start of the run.
    pub fn end_us(&self) -> u64 {
        self.start_us + self.dur_us
    }
}

/// A poll as recorded during the run: the task and thread shared, not copied.
#[derive(Debug, Clone)]
pub(crate) struct RawPoll {
    pub task: Arc<str>,
    pub start_us: u64,
    pub dur_us: u64,
    pub thread: Arc<str>,
    pub ready: bool,
}

impl RawPoll {
    pub fn to_poll(&self) -> Poll {
        Poll {
            task: self.task.to_string(),
            start_us: self.start_us,
            dur_us: self.dur_us,
            thread: self.thread.to_string(),
            ready: self.ready,
        }
    }
}

pin_project_lite::pin_project! {
    /// A future whose polls are recorded (see the module documentation); made by
    /// [`Out::traced`].
    pub struct Traced<F> {
        #[pin]
        future: F,
        // The sink and the lane's name; `None` when polls are not recorded. Boxed, so that
        // the wrapper adds one pointer to every task, not three: at a million tasks, tokio's
        // task cells (aligned to 128 bytes) grew by a whole line with the pair inline.
        lane: Option<Box<(Out, Arc<str>)>>,
    }
}

impl<F> fmt::Debug for Traced<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Traced")
            .field("lane", &self.lane.as_ref().map(|lane| &lane.1))
            .finish_non_exhaustive()
    }
}

impl<F> Traced<F> {
    pub(crate) fn new(future: F, lane: Option<(Out, Arc<str>)>) -> Traced<F> {
        Traced {
            future,
            lane: lane.map(Box::new),
        }
    }
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> TaskPoll<F::Output> {
        let this = self.project();
        let Some(lane) = this.lane else {
            return this.future.poll(cx);
        };
        let (out, task) = &**lane;
        let start = out.now();
        let result = this.future.poll(cx);
        out.record_poll(task, start, result.is_ready());
        result
    }
}

impl Out {
    /// `work`, a blocking call (a thread's body, a `spawn_blocking` closure), wrapped so that
    /// its whole run is recorded as one poll of the lane `name`, `Ready` at its end: the sync
    /// programs' threads and the blocking pools drawn as tasks are.
    /// `scope.spawn(out.traced_blocking("Task One", move || work()))`. Like [`Out::traced`],
    /// it records only when polls are on and the handle is not muted.
    /// (`name` is a `&dyn Display`, `&format_args!(…)` too, so that the closure does not
    /// borrow it: a blocking pool wants a `'static` one.)
    pub fn traced_blocking<T, W: FnOnce() -> T>(
        &self,
        name: &dyn fmt::Display,
        work: W,
    ) -> impl FnOnce() -> T + use<T, W> {
        let lane = self
            .polls_recorded()
            .then(|| (self.clone(), Arc::<str>::from(name.to_string())));
        move || match lane {
            None => work(),
            Some((out, task)) => {
                let start = out.now();
                let value = work();
                out.record_poll(&task, start, true);
                value
            }
        }
    }
}

/// A trace's tasks as lanes: their names, and which lane each poll and each printed line is
/// on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lanes {
    /// The lanes' names: `main` first, then in the order the tasks first ran or printed.
    pub names: Vec<String>,
    /// The lane of each of the trace's polls.
    pub of_poll: Vec<usize>,
    /// The lane of each of the trace's events.
    pub of_event: Vec<usize>,
}

impl Lanes {
    /// The lanes of `trace`. A printed line goes on the lane of the poll that was running on
    /// its thread when it was printed (the shortest, if polls nest); a line printed outside
    /// any poll (a sync program's thread, a trace without polls) goes on the lane of its
    /// handle's task name. A line of a trace without threads (Python's are all on one) may
    /// match a poll of any thread.
    pub fn of(trace: &Trace) -> Lanes {
        Lanes::of_parts(&trace.events, &trace.polls)
    }

    /// [`Lanes::of`] a trace's events and polls.
    pub fn of_parts(events: &[Event], polls: &[Poll]) -> Lanes {
        let event_task: Vec<&str> = events
            .iter()
            .map(|e| {
                polls
                    .iter()
                    .filter(|p| {
                        (e.thread.is_empty() || p.thread == e.thread)
                            && p.start_us <= e.t_us
                            && e.t_us <= p.end_us()
                    })
                    .min_by_key(|p| p.dur_us)
                    .map_or(e.task.as_str(), |p| p.task.as_str())
            })
            .collect();
        // First appearance: a poll's start, an event's time.
        let mut first: Vec<(u64, &str)> = polls
            .iter()
            .map(|p| (p.start_us, p.task.as_str()))
            .chain(events.iter().zip(&event_task).map(|(e, t)| (e.t_us, *t)))
            .collect();
        first.sort_by_key(|&(t, name)| (name != "main", t));
        let mut names: Vec<String> = Vec::new();
        for (_, name) in first {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        let index = |name: &str| names.iter().position(|n| n == name).expect("a lane");
        Lanes {
            of_poll: polls.iter().map(|p| index(&p.task)).collect(),
            of_event: event_task.iter().map(|t| index(t)).collect(),
            names: names.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::out::Summary;
    use crate::poll_cost::{PendingTimes, PollCost, poll_to_end};
    use std::sync::Mutex;

    fn on() -> Out {
        let out = Out::capture();
        out.record_polls();
        out
    }

    #[test]
    fn n_pendings_are_n_plus_one_polls_the_last_ready() {
        for n in [0, 1, 5] {
            let out = on();
            poll_to_end(out.traced("pending", PendingTimes(n)));
            let polls = out.polls();
            assert_eq!(polls.len(), n as usize + 1, "{polls:?}");
            assert!(polls.iter().all(|p| p.task == "pending"));
            let ready: Vec<bool> = polls.iter().map(|p| p.ready).collect();
            assert_eq!(ready.last(), Some(&true));
            assert!(ready[..n as usize].iter().all(|r| !r), "{ready:?}");
            assert!(polls.windows(2).all(|w| w[0].end_us() <= w[1].start_us));
        }
    }

    #[test]
    fn nothing_is_recorded_when_off_or_muted() {
        let off = Out::capture();
        poll_to_end(off.traced("pending", PendingTimes(3)));
        off.traced_blocking(&"thread", || ())();
        assert!(off.polls().is_empty());
        let out = on();
        // The name is not even formatted.
        struct Panics;
        impl fmt::Display for Panics {
            fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
                panic!("formatted")
            }
        }
        poll_to_end(out.muted().traced(Panics, PendingTimes(3)));
        poll_to_end(off.traced(Panics, PendingTimes(3)));
        assert!(out.polls().is_empty());
    }

    #[test]
    fn no_poll_is_lost_across_threads() {
        let out = on();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let out = out.clone();
                std::thread::Builder::new()
                    .name(format!("poller-{t}"))
                    .spawn(move || {
                        for k in 0..50 {
                            poll_to_end(out.traced(format_args!("task {t}.{k}"), PendingTimes(9)));
                        }
                    })
                    .unwrap()
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let polls = out.polls();
        assert_eq!(polls.len(), 8 * 50 * 10);
        for t in 0..8 {
            let mine: Vec<&Poll> = polls
                .iter()
                .filter(|p| p.task.starts_with(&format!("task {t}.")))
                .collect();
            assert_eq!(mine.len(), 500);
            assert!(
                mine.iter()
                    .all(|p| p.thread.starts_with(&format!("poller-{t} #")))
            );
            assert_eq!(mine.iter().filter(|p| p.ready).count(), 50);
        }
    }

    #[test]
    fn a_printed_line_goes_on_the_lane_of_the_poll_that_printed_it() {
        let out = on();
        let quiet = out.clone();
        poll_to_end(out.traced("count() #1", async move {
            quiet.println("One");
        }));
        out.traced_blocking(&"a thread", || out.task("worker").println("busy"))();
        // (Times are whole µs: a line printed within the µs a poll ended would count as its.)
        std::thread::sleep(std::time::Duration::from_millis(2));
        out.task("outside").println("no poll");
        let summary = Summary {
            program: "count".into(),
            runtime: "tokio".into(),
            mode: "concurrent".into(),
            scale: 1.0,
            threads: None,
            elapsed_us: out.elapsed().as_micros() as u64,
        };
        let trace = out.trace(&summary);
        let lanes = Lanes::of(&trace);
        assert_eq!(lanes.names, ["count() #1", "a thread", "outside"]);
        assert_eq!(lanes.of_event, [0, 1, 2]);
        assert_eq!(lanes.of_poll, [0, 1]);
        // The trace round-trips with its polls.
        let mut text = Vec::new();
        out.write_trace_to(&mut text, &summary).unwrap();
        let read = Trace::parse(std::str::from_utf8(&text).unwrap()).unwrap();
        assert_eq!(read, trace);
    }

    #[test]
    fn the_wrapper_adds_one_pointer_to_a_task() {
        // What a million sleeping tasks pay for being traceable: one word each, not the sink
        // and the name inline (three words, which cost tokio a 128-byte line per task).
        let future = std::future::ready([0u8; 100]);
        let traced = Out::capture().traced("t", std::future::ready([0u8; 100]));
        assert!(
            std::mem::size_of_val(&traced)
                <= std::mem::size_of_val(&future) + std::mem::size_of::<usize>() + 7,
            "{} bytes for a {}-byte future",
            std::mem::size_of_val(&traced),
            std::mem::size_of_val(&future)
        );
    }

    /// Many polls, every one recorded. What a poll costs is the bench's (`cargo xtask bench
    /// --only polls`, [`crate::poll_cost`]); printed here too, as a measurement, not a bound.
    #[test]
    fn many_polls_are_all_recorded() {
        const N: u32 = 200_000;
        let on = on();
        poll_to_end(on.traced("t", PendingTimes(N)));
        assert_eq!(on.polls().len(), N as usize + 1);
        println!("{}", PollCost::measure(N).line());
    }

    #[test]
    fn a_wrapped_future_under_a_lock_heavy_executor_keeps_its_output() {
        // The wrapper is transparent: the output comes through, whatever polls it.
        let out = on();
        let seen = Arc::new(Mutex::new(0));
        let value = poll_to_end(out.traced("t", {
            let seen = Arc::clone(&seen);
            async move {
                *seen.lock().unwrap() += 1;
                42
            }
        }));
        assert_eq!((value, *seen.lock().unwrap()), (42, 1));
    }
}
