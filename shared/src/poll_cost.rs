//! What recording a poll costs: one future polled to its end by hand, bare, inside
//! [`Out::traced`] with recording off (what every task of a measured binary pays when no trace
//! is written, and always over 100 tasks), and with recording on (two clock reads and a record
//! appended under a lock); the time per poll of each. No runtime is involved: the wrapper is
//! the same code under every one. `cargo xtask bench` runs it as its `polls` stage
//! (`poll_cost`, `src/bin/poll_cost.rs`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Instant;

use crate::out::Out;

/// The time per poll of each form, in ns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollCost {
    pub polls: u32,
    pub bare_ns: f64,
    pub off_ns: f64,
    pub recorded_ns: f64,
}

impl PollCost {
    /// Polls a future that is `Pending` `polls` times to its end in each form, once to warm
    /// up and once measured.
    pub fn measure(polls: u32) -> PollCost {
        let per_poll = |f: &dyn Fn()| {
            f();
            let start = Instant::now();
            f();
            start.elapsed().as_nanos() as f64 / f64::from(polls + 1)
        };
        let bare_ns = per_poll(&|| poll_to_end(PendingTimes(polls)));
        let off = Out::capture();
        let off_ns = per_poll(&|| poll_to_end(off.traced("t", PendingTimes(polls))));
        let recorded_ns = per_poll(&|| {
            // A fresh sink each time, so that the measured run does not grow the warm-up's.
            let on = Out::capture();
            on.record_polls();
            poll_to_end(on.traced("t", PendingTimes(polls)));
        });
        PollCost {
            polls,
            bare_ns,
            off_ns,
            recorded_ns,
        }
    }

    /// `poll_cost polls=1000000 bare_ns=3.7 off_ns=3.5 recorded_ns=92.1`: what the binary prints.
    pub fn line(&self) -> String {
        format!(
            "poll_cost polls={} bare_ns={:.2} off_ns={:.2} recorded_ns={:.2}",
            self.polls, self.bare_ns, self.off_ns, self.recorded_ns
        )
    }

    /// The figures of a [`PollCost::line`] found in `text`.
    pub fn parse(text: &str) -> Option<PollCost> {
        let line = text.lines().find(|l| l.starts_with("poll_cost "))?;
        let value = |key: &str| {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
        };
        Some(PollCost {
            polls: value("polls")?.parse().ok()?,
            bare_ns: value("bare_ns")?.parse().ok()?,
            off_ns: value("off_ns")?.parse().ok()?,
            recorded_ns: value("recorded_ns")?.parse().ok()?,
        })
    }
}

/// A future that returns `Pending` this many times, waking itself each time, then `Ready`.
pub struct PendingTimes(pub u32);

impl Future for PendingTimes {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            return Poll::Ready(());
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// Polls `future` in a loop until it is ready, with a waker that does nothing.
pub fn poll_to_end<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_round_trips_and_each_form_is_timed() {
        let cost = PollCost::measure(10_000);
        assert_eq!(cost.polls, 10_000);
        assert!(cost.bare_ns > 0.0 && cost.off_ns > 0.0 && cost.recorded_ns > 0.0);
        let parsed = PollCost::parse(&format!("noise\n{}\n", cost.line())).unwrap();
        assert_eq!(parsed.polls, 10_000);
        assert!((parsed.recorded_ns - cost.recorded_ns).abs() < 0.01);
        assert_eq!(PollCost::parse("poll_cost polls=1 bare_ns=x"), None);
    }
}
