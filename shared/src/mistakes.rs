//! What the programs about mistakes share (`runtime_mixing`, `timers`, repeat_message's
//! `deadline` mode): catching a panic that a mistake is expected to cause, with its message in
//! one line and without the panic hook's report on stderr; and measuring how late a loop of
//! sleeps runs.
//!
//! The panic hook is process-wide, so [`catch_panic`] installs, once, a hook that stays quiet
//! while the current thread is inside [`catch_panic`] or [`catch_panic_async`] and hands every
//! other panic to the hook that was there before.

use std::cell::Cell;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::sync::Once;
use std::task::Poll;
use std::time::{Duration, Instant};

use crate::out::Out;

thread_local! {
    /// Set while this thread runs a mistake whose panic is expected and caught.
    static EXPECTING_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// Installs the quiet hook (once per process).
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !EXPECTING_PANIC.get() {
                report(info);
            }
        }));
    });
}

/// The first line of a panic's message.
fn message(payload: Box<dyn std::any::Any + Send>) -> String {
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic without a message".to_string());
    text.lines().next().unwrap_or_default().to_string()
}

/// Runs `mistake` on this thread; its panic, if any, is caught and its message (first line)
/// returned as the error.
pub fn catch_panic<R>(mistake: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    EXPECTING_PANIC.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(mistake));
    EXPECTING_PANIC.set(false);
    result.map_err(message)
}

/// Awaits `mistake`; a panic while it is polled is caught and its message (first line)
/// returned as the error. The panic happens inside the runtime's poll of this task, as it
/// would in the learner's program.
pub async fn catch_panic_async<F: Future>(mistake: F) -> Result<F::Output, String> {
    let mut mistake = pin!(mistake);
    std::future::poll_fn(|cx| match catch_panic(|| mistake.as_mut().poll(cx)) {
        Ok(Poll::Pending) => Poll::Pending,
        Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
        Err(message) => Poll::Ready(Err(message)),
    })
    .await
}

/// `"<what> panicked: <message>"`, or `"<what> ran to its end"` if it did not panic.
pub fn outcome<T>(what: &str, result: &Result<T, String>) -> String {
    match result {
        Ok(_) => format!("{what} ran to its end"),
        Err(message) => format!("{what} panicked: {message}"),
    }
}

/// How late a loop of sleeps runs: fed the deadline and the real end of each sleep, it
/// reports the drift (how far after `start + n × period` the last sleep ended) and the mean
/// lateness of one sleep (how far after its own deadline each one ended).
#[derive(Debug, Clone)]
pub struct Lateness {
    ideal_end: Instant,
    last_end: Instant,
    late: Duration,
    sleeps: u32,
}

impl Lateness {
    /// A loop of `sleeps` sleeps of `period` from `start`.
    pub fn new(start: Instant, period: Duration, sleeps: u32) -> Lateness {
        Lateness {
            ideal_end: start + period * sleeps,
            last_end: start,
            late: Duration::ZERO,
            sleeps: 0,
        }
    }

    /// One sleep that was due at `due` ended at `ended`.
    pub fn slept(&mut self, due: Instant, ended: Instant) {
        self.late += ended.saturating_duration_since(due);
        self.last_end = ended;
        self.sleeps += 1;
    }

    /// How far after `start + n × period` the last sleep ended (negative: before it).
    pub fn drift_ms(&self) -> f64 {
        match self.last_end.checked_duration_since(self.ideal_end) {
            Some(after) => after.as_secs_f64() * 1e3,
            None => -(self.ideal_end - self.last_end).as_secs_f64() * 1e3,
        }
    }

    /// The mean of how far after its own deadline each sleep ended.
    pub fn mean_late_ms(&self) -> f64 {
        self.late.as_secs_f64() * 1e3 / f64::from(self.sleeps.max(1))
    }

    /// The two timing lines: `drift +1.234 ms after 10 sleeps` and `mean lateness 0.123 ms
    /// per sleep`.
    pub fn report(&self, out: &Out) {
        out.timing(format!(
            "drift {:+.3} ms after {} sleeps",
            self.drift_ms(),
            self.sleeps
        ));
        out.timing(format!(
            "mean lateness {:.3} ms per sleep",
            self.mean_late_ms()
        ));
    }
}

/// Reads the two figures back from lines printed by [`Lateness::report`]: `(drift, mean
/// lateness)` in milliseconds.
pub fn read_report(lines: &[String]) -> Option<(f64, f64)> {
    let number = |prefix: &str| {
        lines.iter().find_map(|l| {
            let rest = l.strip_prefix(prefix)?;
            rest.split_whitespace().next()?.parse::<f64>().ok()
        })
    };
    Some((number("drift ")?, number("mean lateness ")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_its_message_and_no_panic_is_the_value() {
        assert_eq!(catch_panic(|| 7), Ok(7));
        assert_eq!(
            catch_panic(|| -> u32 { panic!("first line\nsecond") }),
            Err("first line".to_string())
        );
        let owned = catch_panic(|| -> u32 { panic!("{} {}", "formatted", 1) });
        assert_eq!(owned, Err("formatted 1".to_string()));
        assert_eq!(outcome("x", &owned), "x panicked: formatted 1".to_string());
        assert_eq!(outcome("x", &Ok(())), "x ran to its end".to_string());
    }

    #[test]
    fn a_panic_inside_a_poll_is_caught_by_the_async_form() {
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut caught = pin!(catch_panic_async(async { panic!("inside a poll") }));
        let polled: Poll<Result<(), String>> = caught.as_mut().poll(&mut cx);
        assert_eq!(polled, Poll::Ready(Err("inside a poll".to_string())));
    }

    #[test]
    fn lateness_adds_up_for_each_sleep_and_drift_is_the_last_ones() {
        let start = Instant::now();
        let ms = Duration::from_millis;
        let mut naive = Lateness::new(start, ms(10), 2);
        // Each sleep 1 ms late, each starting where the last ended: 2 ms of drift.
        naive.slept(start + ms(10), start + ms(11));
        naive.slept(start + ms(21), start + ms(22));
        assert!((naive.drift_ms() - 2.0).abs() < 1e-6);
        assert!((naive.mean_late_ms() - 1.0).abs() < 1e-6);
        let mut deadline = Lateness::new(start, ms(10), 2);
        deadline.slept(start + ms(10), start + ms(11));
        deadline.slept(start + ms(20), start + ms(21));
        assert!((deadline.drift_ms() - 1.0).abs() < 1e-6);
        let out = Out::capture();
        naive.report(&out);
        assert_eq!(read_report(&out.lines()), Some((2.0, 1.0)));
    }
}
