//! The output sink: prints the human lines on stdout and records each one as a timestamped
//! trace event for `--trace FILE` and the comparison harness.
//!
//! An [`Out`] is a cheap handle (an `Arc`): clone it into every task, or derive a handle per
//! task with [`Out::task`] so that each line knows which task printed it. Printing and
//! recording happen under one lock, so stdout's order is the trace's order. Each event also
//! names the thread that printed it ([`Event::thread`]), so that a timeline can show which
//! worker ran which task.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anstyle::{AnsiColor, Style};
use serde::{Deserialize, Serialize};

use crate::polls::{Poll, RawPoll, Traced};

/// One printed line of a trace (one JSON object per line of the `--trace` file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Time since the start of the run, in microseconds.
    pub t_us: u64,
    /// The task that printed the line (`main` for the program itself).
    pub task: String,
    /// The line, without colour.
    pub line: String,
    /// A line that reports a measured time (its numbers change from run to run).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timing: bool,
    /// The thread that printed the line: `main`, or the thread's name and a number of this
    /// process's own, counted in the order threads first print (`tokio-runtime-worker #2`,
    /// `smol-0 #1`, `thread #3` for an unnamed one). Empty in traces that do not record it;
    /// never part of a transcript.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thread: String,
}

/// The next number [`thread_label`] gives a thread.
static NEXT_THREAD: AtomicUsize = AtomicUsize::new(1);

thread_local! {
    /// This thread's label, made when it first prints or polls a traced task.
    static THREAD: Arc<str> = thread_label();
}

/// `main` for the main thread, else the thread's name (`thread` if it has none) and the next
/// number: several of a pool's workers share one name.
fn thread_label() -> Arc<str> {
    match std::thread::current().name() {
        Some("main") => Arc::from("main"),
        name => {
            let number = NEXT_THREAD.fetch_add(1, Ordering::Relaxed);
            Arc::from(format!("{} #{number}", name.unwrap_or("thread")))
        }
    }
}

/// This thread's label (see [`Event::thread`]).
pub(crate) fn this_thread() -> Arc<str> {
    THREAD.with(Arc::clone)
}

/// The last object of a trace: what ran, and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub program: String,
    pub runtime: String,
    pub mode: String,
    pub scale: f64,
    /// Worker threads of the runtime, where it has a pool (`None`: one thread or none).
    #[serde(default)]
    pub threads: Option<usize>,
    pub elapsed_us: u64,
}

/// A whole trace file: the events, the polls of its traced tasks, then the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub events: Vec<Event>,
    /// Every poll of every task wrapped by [`Out::traced`], in the order they ended (empty
    /// when the run did not record them: see [`crate::polls`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub polls: Vec<Poll>,
    pub summary: Summary,
}

/// One line of a trace file before its summary: a printed line or a poll.
#[derive(Deserialize)]
#[serde(untagged)]
enum Line {
    Event(Event),
    Poll(Poll),
}

impl Trace {
    /// Reads a JSON Lines trace written by `--trace`.
    pub fn read(path: &Path) -> anyhow::Result<Trace> {
        use anyhow::Context;
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Trace::parse(&text).with_context(|| format!("parsing {}", path.display()))
    }

    /// Parses JSON Lines: every line an [`Event`] or a [`Poll`], the last a [`Summary`]. A
    /// trace whose last line is not a summary (empty, or cut short) is an [`IncompleteTrace`]
    /// error.
    pub fn parse(text: &str) -> anyhow::Result<Trace> {
        let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let last = lines.pop().ok_or(IncompleteTrace)?;
        let summary = serde_json::from_str(last).map_err(|_| IncompleteTrace)?;
        let mut trace = Trace {
            events: Vec::new(),
            polls: Vec::new(),
            summary,
        };
        for (i, line) in lines.into_iter().enumerate() {
            match serde_json::from_str(line) {
                Ok(Line::Event(event)) => trace.events.push(event),
                Ok(Line::Poll(poll)) => trace.polls.push(poll),
                Err(error) => anyhow::bail!("line {}: neither an event nor a poll: {error}", i + 1),
            }
        }
        Ok(trace)
    }
}

/// A trace without its summary line: the run did not finish (it was killed, or stopped at a
/// closed stdout), so its events are not the whole story. `anyhow`'s `downcast_ref` finds it
/// under [`Trace::read`]'s context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncompleteTrace;

impl fmt::Display for IncompleteTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("incomplete trace: its last line is not the summary (the run did not finish)")
    }
}

impl std::error::Error for IncompleteTrace {}

/// The exit code of a program whose stdout was closed under it (`| head -1`): 128 + SIGPIPE,
/// what a shell shows for a Unix tool that SIGPIPE ended.
pub const EXIT_CLOSED_STDOUT: i32 = 141;

/// stdout refused a line: the lines after it would be lost too, so the program ends at once.
/// A closed pipe (EPIPE: Rust ignores SIGPIPE, so the write fails instead of killing the
/// process) ends it quietly with [`EXIT_CLOSED_STDOUT`]; any other error (`> /dev/full`, an
/// I/O error) is one line on stderr and exit code 1. The `--trace` file gets no summary, so a
/// reader knows it is incomplete.
fn stdout_failed(error: &io::Error) -> ! {
    if error.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(EXIT_CLOSED_STDOUT);
    }
    let _ = writeln!(io::stderr(), "error: cannot write to stdout: {error}");
    std::process::exit(1)
}

/// The colours `makerandom` gives its tasks (the seed's cyan, red and magenta).
pub const TASK_COLOURS: [AnsiColor; 3] =
    [AnsiColor::Cyan, AnsiColor::BrightRed, AnsiColor::Magenta];

/// Where the lines go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// stdout (colour only on a terminal without `NO_COLOR`, decided by `anstream`).
    Stdout,
    /// Nowhere: lines are only recorded (tests read them back with [`Out::lines`]).
    Capture,
}

struct Shared {
    sink: Sink,
    clock: fn() -> Instant,
    start: Instant,
    events: Mutex<Vec<Event>>,
    /// Whether [`Out::traced`] records polls (off unless a trace is asked for).
    polls_on: AtomicBool,
    polls: Mutex<Vec<RawPoll>>,
}

/// The output sink of one run. See the module documentation.
///
/// One pointer wide: a task's handle is a single `Arc`, so a million tasks that each hold
/// one cost a million pointers (and clones of one handle share it).
#[derive(Clone)]
pub struct Out {
    handle: Arc<Handle>,
}

/// What one handle knows: the run's sink, and how this handle's lines are tagged and shown.
struct Handle {
    shared: Arc<Shared>,
    task: Box<str>,
    style: Style,
    muted: bool,
}

impl fmt::Debug for Out {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Out")
            .field("task", &self.handle.task)
            .finish_non_exhaustive()
    }
}

fn std_now() -> Instant {
    Instant::now()
}

impl Out {
    fn new(sink: Sink, clock: fn() -> Instant) -> Out {
        let shared = Arc::new(Shared {
            sink,
            clock,
            start: clock(),
            events: Mutex::new(Vec::new()),
            polls_on: AtomicBool::new(false),
            polls: Mutex::new(Vec::new()),
        });
        Out {
            handle: Arc::new(Handle {
                shared,
                task: Box::from("main"),
                style: Style::new(),
                muted: false,
            }),
        }
    }

    /// A new handle on the same sink, with `change` applied to a copy of this one's settings.
    fn derive(&self, change: impl FnOnce(&mut Handle)) -> Out {
        let mut handle = Handle {
            shared: Arc::clone(&self.handle.shared),
            task: self.handle.task.clone(),
            style: self.handle.style,
            muted: self.handle.muted,
        };
        change(&mut handle);
        Out {
            handle: Arc::new(handle),
        }
    }

    /// Prints to stdout and records; time is read from `std::time::Instant`.
    pub fn stdout() -> Out {
        Out::new(Sink::Stdout, std_now)
    }

    /// Records without printing (for tests).
    pub fn capture() -> Out {
        Out::new(Sink::Capture, std_now)
    }

    /// Records without printing, reading time from `clock`: a tokio test passes
    /// `|| tokio::time::Instant::now().into_std()` so that, under a paused clock, every
    /// event carries virtual time and [`Out::elapsed`] is exact.
    pub fn capture_with_clock(clock: fn() -> Instant) -> Out {
        Out::new(Sink::Capture, clock)
    }

    /// A handle for one task: the lines it prints are tagged with `name`.
    pub fn task(&self, name: impl fmt::Display) -> Out {
        self.derive(|h| h.task = name.to_string().into_boxed_str())
    }

    /// A handle whose lines are printed in `colour` (on a terminal only).
    pub fn colour(&self, colour: AnsiColor) -> Out {
        self.derive(|h| h.style = Style::new().fg_color(Some(colour.into())))
    }

    /// A handle whose lines are neither printed nor recorded (`count --tasks 1000000` prints
    /// a summary instead of two million lines).
    pub fn muted(&self) -> Out {
        self.derive(|h| h.muted = true)
    }

    /// Prints one human line.
    pub fn println(&self, line: impl fmt::Display) {
        self.emit(line.to_string(), false);
    }

    /// Prints one line that reports a measured time (the harness knows its numbers vary).
    pub fn timing(&self, line: impl fmt::Display) {
        self.emit(line.to_string(), true);
    }

    fn emit(&self, line: String, timing: bool) {
        if self.handle.muted {
            return;
        }
        let mut events = self.events();
        let t_us = self.elapsed().as_micros() as u64;
        if self.handle.shared.sink == Sink::Stdout {
            let written = writeln!(
                anstream::stdout().lock(),
                "{}{line}{}",
                self.handle.style.render(),
                self.handle.style.render_reset()
            );
            if let Err(error) = written {
                stdout_failed(&error);
            }
        }
        events.push(Event {
            t_us,
            task: self.handle.task.to_string(),
            line,
            timing,
            thread: THREAD.with(|label| label.to_string()),
        });
    }

    fn events(&self) -> MutexGuard<'_, Vec<Event>> {
        // A task that panicked while printing leaves whole events behind: keep them.
        self.handle
            .shared
            .events
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Time since the run started, by the sink's clock.
    pub fn elapsed(&self) -> Duration {
        (self.handle.shared.clock)().saturating_duration_since(self.handle.shared.start)
    }

    /// The lines printed so far, in order.
    pub fn lines(&self) -> Vec<String> {
        self.events().iter().map(|e| e.line.clone()).collect()
    }

    /// The events recorded so far, in order.
    pub fn recorded(&self) -> Vec<Event> {
        self.events().clone()
    }

    /// From now on, futures wrapped by [`Out::traced`] record their polls (every handle of
    /// this run: the switch is the sink's). `cli::main` turns it on for `--trace` and
    /// `--chrome-trace`; without it a wrapped future is polled as if unwrapped.
    pub fn record_polls(&self) {
        self.handle.shared.polls_on.store(true, Ordering::Relaxed);
    }

    /// Wraps `future`, one task, so that each of its polls is recorded under the lane `name`:
    /// when it began, how long it ran, on which thread, and whether it returned `Ready`
    /// ([`crate::polls`]). `name` is formatted only when polls are recorded; a muted handle
    /// (over 100 `count` tasks) records nothing. Works under any executor:
    /// `tokio::spawn(out.traced("worker", work(out.clone())))`.
    pub fn traced<F: std::future::Future>(&self, name: impl fmt::Display, future: F) -> Traced<F> {
        let lane = self
            .polls_recorded()
            .then(|| (self.clone(), Arc::from(name.to_string())));
        Traced::new(future, lane)
    }

    /// Whether this handle records polls: they are on, and it is not muted. A program that
    /// spawns many tasks spawns them bare when it is false (`count`: the wrapper adds a word).
    pub fn polls_recorded(&self) -> bool {
        !self.handle.muted && self.handle.shared.polls_on.load(Ordering::Relaxed)
    }

    /// Records one poll of the lane `task` that began at `start` (by the sink's clock).
    pub(crate) fn record_poll(&self, task: &Arc<str>, start: Instant, ready: bool) {
        let shared = &self.handle.shared;
        let end = (shared.clock)();
        let start_us = start.saturating_duration_since(shared.start).as_micros() as u64;
        let end_us = end.saturating_duration_since(shared.start).as_micros() as u64;
        let poll = RawPoll {
            task: Arc::clone(task),
            start_us,
            dur_us: end_us.saturating_sub(start_us),
            thread: this_thread(),
            ready,
        };
        shared
            .polls
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(poll);
    }

    /// Now, by the sink's clock.
    pub(crate) fn now(&self) -> Instant {
        (self.handle.shared.clock)()
    }

    /// The polls recorded so far, in the order they ended.
    pub fn polls(&self) -> Vec<Poll> {
        let polls = self
            .handle
            .shared
            .polls
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        polls.iter().map(RawPoll::to_poll).collect()
    }

    /// The whole trace so far: the events, the polls, and `summary`.
    pub fn trace(&self, summary: &Summary) -> Trace {
        Trace {
            events: self.recorded(),
            polls: self.polls(),
            summary: summary.clone(),
        }
    }

    /// Writes the trace (JSON Lines: the events, then `summary`) to `path`.
    pub fn write_trace(&self, path: &Path, summary: &Summary) -> anyhow::Result<()> {
        use anyhow::Context;
        std::fs::File::create(path)
            .and_then(|file| self.write_trace_to(file, summary))
            .with_context(|| format!("cannot write trace {}", path.display()))
    }

    /// Writes the trace into `file` (opened before the run: see `cli::main`): the events,
    /// the polls, the summary.
    pub fn write_trace_to(&self, file: impl Write, summary: &Summary) -> io::Result<()> {
        let mut file = io::BufWriter::new(file);
        for event in self.events().iter() {
            serde_json::to_writer(&mut file, event)?;
            file.write_all(b"\n")?;
        }
        for poll in self.polls() {
            serde_json::to_writer(&mut file, &poll)?;
            file.write_all(b"\n")?;
        }
        serde_json::to_writer(&mut file, summary)?;
        file.write_all(b"\n")?;
        file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_is_one_pointer_wide() {
        // Every `count()` task holds one: `count --tasks 1000000` must not pay for plumbing.
        assert_eq!(std::mem::size_of::<Out>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn derived_handles_keep_the_sink_and_their_own_settings() {
        let out = Out::capture();
        let one = out.task("One").colour(AnsiColor::Cyan);
        one.muted().println("never seen");
        one.println("seen");
        assert_eq!(out.lines(), ["seen"]);
        assert_eq!(out.recorded()[0].task, "One");
    }

    #[test]
    fn lines_are_recorded_in_order_with_their_task() {
        let out = Out::capture();
        out.println("One");
        out.task("Two").timing("took 1 ms");
        let events = out.recorded();
        assert_eq!(out.lines(), ["One", "took 1 ms"]);
        assert_eq!((events[0].task.as_str(), events[0].timing), ("main", false));
        assert_eq!((events[1].task.as_str(), events[1].timing), ("Two", true));
    }

    #[test]
    fn each_event_names_the_thread_that_printed_it() {
        let out = Out::capture();
        out.println("here");
        let worker = out.clone();
        std::thread::Builder::new()
            .name("pool-worker".into())
            .spawn(move || {
                worker.println("there");
                worker.println("there again");
            })
            .unwrap()
            .join()
            .unwrap();
        std::thread::spawn({
            let out = out.clone();
            move || out.println("unnamed")
        })
        .join()
        .unwrap();
        let threads: Vec<String> = out.recorded().into_iter().map(|e| e.thread).collect();
        // The test harness names its threads after the test (or runs it on `main`, with
        // one test thread); the others are numbered.
        assert!(
            threads[0] == "main" || threads[0].contains("each_event_names_the_thread"),
            "{threads:?}"
        );
        assert!(threads[1].starts_with("pool-worker #"), "{threads:?}");
        assert_eq!(threads[1], threads[2], "one thread, one label");
        assert!(threads[3].starts_with("thread #"), "{threads:?}");
        assert_ne!(threads[1], threads[3]);
    }

    #[test]
    fn a_trace_without_threads_still_parses() {
        let text = "{\"t_us\":5,\"task\":\"main\",\"line\":\"One\"}\n\
            {\"program\":\"count\",\"runtime\":\"python\",\"mode\":\"concurrent\",\
            \"scale\":1.0,\"elapsed_us\":9}\n";
        let trace = Trace::parse(text).unwrap();
        assert_eq!(trace.events[0].thread, "");
    }

    #[test]
    fn a_trace_round_trips_through_json_lines() {
        let out = Out::capture();
        out.task("One").println("Task One running");
        let summary = Summary {
            program: "work_queue".into(),
            runtime: "tokio".into(),
            mode: "async".into(),
            scale: 0.01,
            threads: Some(2),
            elapsed_us: 170_000,
        };
        let dir = std::env::temp_dir().join(format!("shared-trace-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("trace.jsonl");
        out.write_trace(&path, &summary).unwrap();
        let trace = Trace::read(&path).unwrap();
        assert_eq!(trace.events, out.recorded());
        assert_eq!(trace.summary, summary);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_trace_without_its_summary_is_incomplete() {
        let event = r#"{"t_us":1,"task":"main","line":"One"}"#;
        for text in [
            "",
            "\n",
            &format!("{event}\n"),
            &format!("{event}\n{{\"progr"),
        ] {
            let error = Trace::parse(text).unwrap_err();
            assert!(
                error.downcast_ref::<IncompleteTrace>().is_some(),
                "{text:?}: {error}"
            );
        }
        // A bad event before the summary is a parse error, not an incomplete trace.
        let summary = r#"{"program":"count","runtime":"tokio","mode":"concurrent","scale":1.0,"elapsed_us":5}"#;
        let error = Trace::parse(&format!("nonsense\n{summary}\n")).unwrap_err();
        assert!(error.downcast_ref::<IncompleteTrace>().is_none(), "{error}");
        assert!(Trace::parse(&format!("{event}\n{summary}\n")).is_ok());
    }
}
