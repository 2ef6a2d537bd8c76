//! The reactor: sockets in non-blocking mode, and the OS telling when they are ready.
//!
//! A non-blocking read that has nothing to read returns `WouldBlock` at once instead of
//! stopping the thread. The task then registers its waker for the socket and returns
//! `Pending`; the loop, when it sleeps, asks the OS (epoll on Linux, kqueue on macOS, through
//! the `polling` crate, which async-io is built on) to wake it when any registered socket is
//! ready, and wakes the tasks waiting on those. The task then tries again.
//!
//! `polling` 2.8 is the version used here: since 3.0, `Poller::add` is `unsafe` (the socket
//! must be deleted from the poller before it is closed, a promise the compiler cannot check),
//! and this runtime is safe Rust. [`TcpStream`]'s `Drop` keeps that promise all the same.
//! Interest is one-shot: after an event the socket is disarmed, and armed again by the next
//! wait (`modify`). Unix only (`RawFd`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use polling::{Event, Poller};

use super::executor::with_poller;
use super::spawn_blocking;

/// The tasks waiting on one socket.
struct Source {
    fd: RawFd,
    reader: Option<Waker>,
    writer: Option<Waker>,
}

impl Source {
    /// What to ask the poller for: readable if a reader waits, writable if a writer does.
    fn interest(&self, key: usize) -> Event {
        Event {
            key,
            readable: self.reader.is_some(),
            writable: self.writer.is_some(),
        }
    }
}

#[derive(Default)]
struct Reactor {
    sources: HashMap<usize, Source>,
    next_key: usize,
    events: Vec<Event>,
}

thread_local! {
    static REACTOR: RefCell<Reactor> = RefCell::default();
}

/// Whether a socket is registered (else the loop need not ask the OS before running tasks).
pub(super) fn has_sources() -> bool {
    REACTOR.with_borrow(|reactor| !reactor.sources.is_empty())
}

// ANCHOR: wait
/// Sleeps until a socket is ready, `timeout` passes (`None`: no limit) or another thread
/// notifies the poller; then wakes the tasks that wait on the ready sockets.
pub(super) fn wait(poller: &Poller, timeout: Option<Duration>) {
    let mut events = REACTOR.with_borrow_mut(|reactor| std::mem::take(&mut reactor.events));
    events.clear();
    // An error here is a signal that interrupted the wait (Ctrl+C): the loop goes on.
    let _ = poller.wait(&mut events, timeout);
    let mut ready = Vec::new();
    REACTOR.with_borrow_mut(|reactor| {
        for event in &events {
            let Some(source) = reactor.sources.get_mut(&event.key) else {
                continue;
            };
            if event.readable {
                ready.extend(source.reader.take());
            }
            if event.writable {
                ready.extend(source.writer.take());
            }
            // One-shot: the socket is disarmed now; arm it again for whoever still waits.
            if source.reader.is_some() || source.writer.is_some() {
                let _ = poller.modify(source.fd, source.interest(event.key));
            }
        }
        reactor.events = events;
    });
    ready.into_iter().for_each(Waker::wake);
}
// ANCHOR_END: wait

/// A TCP connection of this runtime: a non-blocking `std::net::TcpStream`, registered with
/// the reactor. Its `poll_read` and `poll_write` are what `futures-io`'s `AsyncRead` and
/// `AsyncWrite` ask for (this crate implements those traits in `src/client.rs`).
pub struct TcpStream {
    inner: std::net::TcpStream,
    key: usize,
}

impl TcpStream {
    /// Connects to `addr`. std has no non-blocking connect (async-io starts one through
    /// rustix), so the blocking `connect` runs on a thread of its own; the socket is then made
    /// non-blocking and registered.
    pub async fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
        let inner = spawn_blocking(move || std::net::TcpStream::connect(addr)).await?;
        inner.set_nonblocking(true)?;
        let key = REACTOR.with_borrow_mut(|reactor| {
            reactor.next_key += 1;
            reactor.next_key
        });
        with_poller(|poller| poller.add(&inner, Event::none(key)))?;
        let source = Source {
            fd: inner.as_raw_fd(),
            reader: None,
            writer: None,
        };
        REACTOR.with_borrow_mut(|reactor| reactor.sources.insert(key, source));
        Ok(TcpStream { inner, key })
    }

    // ANCHOR: poll_read
    /// Reads into `buf` if the socket has data (or is closed); else registers the task's
    /// waker, to be woken when it is readable.
    pub fn poll_read(&self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        self.poll_io(cx, true, || (&self.inner).read(buf))
    }
    // ANCHOR_END: poll_read

    /// Writes from `buf` if the socket has room; else waits until it is writable.
    pub fn poll_write(&self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.poll_io(cx, false, || (&self.inner).write(buf))
    }

    /// Closes one or both directions (`Shutdown::Write` sends the end of the stream).
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.inner.shutdown(how)
    }

    /// Tries `op`; on `WouldBlock`, arms the socket for this direction and returns `Pending`.
    /// The socket is armed level-triggered: if it became ready between the try and the arm,
    /// the event comes at once, so no wake is lost.
    fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        read: bool,
        mut op: impl FnMut() -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        match op() {
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {}
            result => return Poll::Ready(result),
        }
        let interest = REACTOR.with_borrow_mut(|reactor| {
            let source = reactor
                .sources
                .get_mut(&self.key)
                .expect("registered until dropped");
            let slot = if read {
                &mut source.reader
            } else {
                &mut source.writer
            };
            *slot = Some(cx.waker().clone());
            source.interest(self.key)
        });
        match with_poller(|poller| poller.modify(&self.inner, interest)) {
            Ok(()) => Poll::Pending,
            Err(error) => Poll::Ready(Err(error)),
        }
    }
}

/// Deletes the socket from the poller before std closes it (polling 3's safety rule).
impl Drop for TcpStream {
    fn drop(&mut self) {
        REACTOR.with_borrow_mut(|reactor| reactor.sources.remove(&self.key));
        let _ = with_poller(|poller| poller.delete(&self.inner));
    }
}
