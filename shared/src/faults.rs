//! The stand-in server's `/load` route, for `cargo xtask bench`'s fetch at scale: a small body
//! at once, or, on a seeded share of the requests, one of four faults. The server counts what
//! it did ([`Tally`]), so that a test can check that a client reported every request, each
//! with the outcome the server gave it.
//!
//! | fault | what the server does | what the client should say |
//! | --- | --- | --- |
//! | [`Fault::Status500`] | answers `500 Internal Server Error` | `HTTP error status 500` |
//! | [`Fault::Reset`] | promises [`LOAD_BYTES`] × 2 bytes, sends half, resets the connection (TCP RST) | `connection reset by the server` |
//! | [`Fault::Slow`] | answers after [`Faults::slow`], longer than the client's timeout | `timed out` |
//! | [`Fault::Truncated`] | promises [`LOAD_BYTES`] × 2 bytes, sends half, closes (FIN) | `body cut short` |
//!
//! The reset comes after some bytes of the answer on purpose: a client whose request fails on
//! a reused connection before any byte of the answer may send it again (libcurl does), and
//! the server would then see more requests than the client sent.
//!
//! Which request gets which fault depends only on the seed and on the request's number in the
//! order the server received them: N requests get the same counts of each fault on every run
//! and under every client ([`Faults::counts`] says them in advance).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use std::convert::Infallible;
use std::future::Future;
use std::os::fd::AsFd;

use hyper::body::{Bytes, Frame};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The length of `/load`'s body: a small page.
pub const LOAD_BYTES: usize = 256;

/// What the server does with one request of `/load`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// No fault: 200 and [`LOAD_BYTES`] bytes, at once.
    None,
    Status500,
    Reset,
    Slow,
    Truncated,
}

impl Fault {
    /// Every outcome, in the order of the tally line.
    pub const ALL: [Fault; 5] = [
        Fault::None,
        Fault::Status500,
        Fault::Reset,
        Fault::Slow,
        Fault::Truncated,
    ];

    /// Its key in the tally line.
    pub fn key(self) -> &'static str {
        match self {
            Fault::None => "ok",
            Fault::Status500 => "status_500",
            Fault::Reset => "reset",
            Fault::Slow => "slow",
            Fault::Truncated => "truncated",
        }
    }
}

/// How the server misbehaves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Faults {
    /// The seed of the choice of faulty requests.
    pub seed: u64,
    /// The share of the requests that get each fault, in thousandths (10: 1 % each).
    pub per_mille: u32,
    /// How long a [`Fault::Slow`] answer takes.
    pub slow: Duration,
}

impl Faults {
    /// No faults at all: every request gets its body at once.
    pub const NONE: Faults = Faults {
        seed: 0,
        per_mille: 0,
        slow: Duration::ZERO,
    };

    /// The fault of request number `index` (0-based, in the order the server received them).
    pub fn of(&self, index: u64) -> Fault {
        let roll =
            (splitmix64(self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15)) % 1000) as u32;
        let p = self.per_mille;
        match roll {
            r if r < p => Fault::Status500,
            r if r < 2 * p => Fault::Reset,
            r if r < 3 * p => Fault::Slow,
            r if r < 4 * p => Fault::Truncated,
            _ => Fault::None,
        }
    }

    /// The counts of each outcome that `n` requests get, in [`Fault::ALL`]'s order.
    pub fn counts(&self, n: u64) -> [u64; 5] {
        let mut counts = [0; 5];
        for i in 0..n {
            counts[Fault::ALL
                .iter()
                .position(|f| *f == self.of(i))
                .unwrap_or(0)] += 1;
        }
        counts
    }
}

/// SplitMix64's output function: a well-mixed 64-bit hash of `x`.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What the server did: the requests of `/load` it received, and how many got each outcome.
#[derive(Debug, Default)]
pub struct Tally {
    received: AtomicU64,
    counts: [AtomicU64; 5],
}

impl Tally {
    /// Numbers the next request and counts its fault.
    pub fn next(&self, faults: &Faults) -> Fault {
        let index = self.received.fetch_add(1, Ordering::Relaxed);
        let fault = faults.of(index);
        let slot = Fault::ALL.iter().position(|f| *f == fault).unwrap_or(0);
        self.counts[slot].fetch_add(1, Ordering::Relaxed);
        fault
    }

    /// The requests received so far.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    /// The counts so far, in [`Fault::ALL`]'s order.
    pub fn counts(&self) -> [u64; 5] {
        std::array::from_fn(|i| self.counts[i].load(Ordering::Relaxed))
    }

    /// `requests=1000 ok=960 status_500=10 reset=10 slow=10 truncated=10`.
    pub fn line(&self) -> String {
        let mut line = format!("requests={}", self.received());
        for (fault, count) in Fault::ALL.iter().zip(self.counts()) {
            line.push_str(&format!(" {}={count}", fault.key()));
        }
        line
    }
}

/// A connection's socket, with a switch that makes it end with a reset: once [`Reset::now`]
/// is called, the socket's linger is set to zero when hyper closes it (its shutdown fails
/// instead of sending a FIN, and the close sends an RST).
pub struct ResettableIo<S: AsFd> {
    inner: S,
    reset: Reset,
}

/// The switch of a [`ResettableIo`].
#[derive(Debug, Clone, Default)]
pub struct Reset(Arc<AtomicBool>);

impl Reset {
    /// Asks for the connection to end with a reset when it closes.
    pub fn now(&self) {
        self.0.store(true, Ordering::Release);
    }

    fn asked(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

impl<S: AsFd> ResettableIo<S> {
    /// Wraps `inner`; the [`Reset`] is its switch.
    pub fn new(inner: S) -> (Self, Reset) {
        let reset = Reset::default();
        (
            ResettableIo {
                inner,
                reset: reset.clone(),
            },
            reset,
        )
    }

    /// Linger zero: the close that follows sends an RST.
    fn linger_zero(&self) {
        let _ = socket2::SockRef::from(&self.inner).set_linger(Some(Duration::ZERO));
    }
}

impl<S: AsFd> Drop for ResettableIo<S> {
    fn drop(&mut self) {
        if self.reset.asked() {
            self.linger_zero();
        }
    }
}

impl<S: AsFd + AsyncRead + Unpin> AsyncRead for ResettableIo<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsFd + AsyncWrite + Unpin> AsyncWrite for ResettableIo<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.reset.asked() {
            self.linger_zero();
            return Poll::Ready(Err(io::Error::from(io::ErrorKind::ConnectionReset)));
        }
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The body of a [`Fault::Reset`] or [`Fault::Truncated`] answer: half of the promised
/// bytes, a pause (so that the client has read the head and begun the body: no client retries
/// a request once it has bytes of its answer), then the end, short of the `Content-Length`,
/// and hyper closes the connection: with a FIN, or with an RST if `reset` is given.
pub struct CutShort {
    half: Option<Bytes>,
    pause: Pin<Box<tokio::time::Sleep>>,
    reset: Option<Reset>,
}

/// The pause of a [`CutShort`] body.
const CUT_PAUSE: Duration = Duration::from_millis(20);

impl CutShort {
    pub fn new(half: Bytes, reset: Option<Reset>) -> CutShort {
        CutShort {
            half: Some(half),
            pause: Box::pin(tokio::time::sleep(CUT_PAUSE)),
            reset,
        }
    }
}

impl hyper::body::Body for CutShort {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if let Some(half) = self.half.take() {
            return Poll::Ready(Some(Ok(Frame::data(half))));
        }
        if self.pause.as_mut().poll(cx).is_pending() {
            return Poll::Pending;
        }
        if let Some(reset) = &self.reset {
            reset.now();
        }
        Poll::Ready(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_of_each_fault_is_about_what_was_asked_and_the_same_every_time() {
        let faults = Faults {
            seed: 7,
            per_mille: 10,
            slow: Duration::from_secs(1),
        };
        let counts = faults.counts(100_000);
        assert_eq!(counts.iter().sum::<u64>(), 100_000);
        for count in &counts[1..] {
            assert!((800..1200).contains(count), "{counts:?}");
        }
        assert_eq!(counts, faults.counts(100_000));
        let tally = Tally::default();
        for _ in 0..1000 {
            tally.next(&faults);
        }
        assert_eq!(tally.counts(), faults.counts(1000));
        assert!(tally.line().starts_with("requests=1000 ok="));
        assert_eq!(Faults::NONE.counts(500), [500, 0, 0, 0, 0]);
    }
}
