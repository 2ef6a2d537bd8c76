//! A small HTTP client on the handmade runtime, for `http_fetch`: the lesson that hyper runs on
//! any executor, and that a reactor is all it needs from a runtime.
//!
//! [hyper](https://hyper.rs) 1 owns no sockets and no runtime: it reads and writes through
//! two traits, and [smol-hyper](https://docs.rs/smol-hyper)'s `FuturesIo` implements them for
//! anything that implements `futures-io`'s `AsyncRead` and `AsyncWrite`. So the runtime's
//! [`TcpStream`] gets those two traits here (a few lines: they call its `poll_read` and
//! `poll_write`, which return `Pending` and register the task with the reactor when the socket
//! is not ready), and hyper runs on it unchanged:
//!
//! 1. resolve the host name (std's blocking resolver, on `spawn_blocking`) and connect;
//! 2. hyper's HTTP/1.1 handshake on the stream, which gives a request sender and a connection
//!    future; the connection future moves the bytes, so it is spawned as a task of its own,
//!    cancelled when the [`Response`] is dropped;
//! 3. one `GET`, whose body is handed back as an `AsyncRead` that decompresses gzip, deflate
//!    and brotli (async-compression, another crate on the `futures-io` traits) as it is read.
//!
//! Plain http only. https needs a TLS layer over the stream: `futures-rustls` (rustls behind
//! the same `futures-io` traits, as the smol member's client does) would wrap this
//! `TcpStream` with no change to the runtime; it is left out to keep the lesson on the
//! runtime. No connection reuse, no HTTP/2, no proxies.

use std::io;
use std::net::{Shutdown, SocketAddr, ToSocketAddrs};
use std::pin::Pin;
use std::task::{Context, Poll};

use anyhow::Context as _;
use async_compression::futures::bufread::{BrotliDecoder, GzipDecoder, ZlibDecoder};
use futures::TryStreamExt;
use futures_io::{AsyncRead, AsyncWrite};
use http_body_util::{BodyDataStream, Empty};
use hyper::body::Bytes;
use hyper::header::{self, HeaderMap};
use smol_hyper::rt::FuturesIo;
use url::{Host, Position, Url};

use crate::runtime::{self, JoinHandle, TcpStream};

// ANCHOR: futures_io
/// `futures-io`'s read trait, on the runtime's socket: what smol-hyper (and async-channel's
/// neighbours: async-compression, futures-rustls, …) ask of a runtime.
impl AsyncRead for TcpStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        TcpStream::poll_read(&self, cx, buf)
    }
}

impl AsyncWrite for TcpStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        TcpStream::poll_write(&self, cx, buf)
    }

    /// A socket has no buffer of its own to flush.
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(self.shutdown(Shutdown::Write))
    }
}
// ANCHOR_END: futures_io

/// The client: no state at all (no TLS, no pool). Cheap to clone.
#[derive(Clone, Default)]
pub struct Client;

/// A response whose body has not been read yet.
pub struct Response {
    status: u16,
    headers: HeaderMap,
    body: Pin<Box<dyn AsyncRead>>,
    /// The task that drives the connection: cancelled when the response is dropped.
    connection: Option<JoinHandle<()>>,
}

impl Client {
    /// A client for plain http.
    pub fn new() -> anyhow::Result<Client> {
        Ok(Client)
    }

    /// Sends `GET url` on a new connection and returns the response once its headers are in.
    /// Redirects are not followed.
    pub async fn get(&self, url: &Url) -> anyhow::Result<Response> {
        let stream = connect(url).await?;
        // hyper's handshake: `sender` sends requests, `connection` moves the bytes.
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(FuturesIo::new(stream)).await?;
        let connection = runtime::spawn(async move {
            // Its errors also reach the request or the body: nothing more to report here.
            let _ = connection.await;
        });
        let request = hyper::Request::get(&url[Position::BeforePath..Position::AfterQuery])
            .header(
                header::HOST,
                &url[Position::BeforeHost..Position::AfterPort],
            )
            .header(header::USER_AGENT, "http_fetch (handmade runtime + hyper)")
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
            .body(Empty::<Bytes>::new())?;
        let response = sender.send_request(request).await?;
        let (parts, body) = response.into_parts();
        // The body as an `AsyncRead`: hyper's frames of bytes, then a decoder if compressed.
        let raw = BodyDataStream::new(body)
            .map_err(io::Error::other)
            .into_async_read();
        let encoding = parts
            .headers
            .get(header::CONTENT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .map(|value| value.trim().to_ascii_lowercase());
        let body: Pin<Box<dyn AsyncRead>> = match encoding.as_deref() {
            Some("gzip" | "x-gzip") => Box::pin(GzipDecoder::new(raw)),
            Some("deflate") => Box::pin(ZlibDecoder::new(raw)),
            Some("br") => Box::pin(BrotliDecoder::new(raw)),
            _ => Box::pin(raw),
        };
        Ok(Response {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
            connection: Some(connection),
        })
    }
}

/// Resolves the host (on a thread: std's resolver blocks) and connects to the first address
/// that answers.
async fn connect(url: &Url) -> anyhow::Result<TcpStream> {
    if url.scheme() != "http" {
        anyhow::bail!(
            "{} is not supported: this client speaks plain http (https needs TLS)",
            url.scheme()
        );
    }
    let port = url.port_or_known_default().context("the URL has no port")?;
    let addrs: Vec<SocketAddr> = match url.host() {
        Some(Host::Domain(name)) => {
            let name = name.to_string();
            runtime::spawn_blocking(move || (name.as_str(), port).to_socket_addrs())
                .await?
                .collect()
        }
        Some(Host::Ipv4(ip)) => vec![(ip, port).into()],
        Some(Host::Ipv6(ip)) => vec![(ip, port).into()],
        None => anyhow::bail!("the URL has no host"),
    };
    let mut last = io::Error::new(io::ErrorKind::NotFound, "the host has no address");
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => return Ok(stream),
            Err(error) => last = error,
        }
    }
    Err(last.into())
}

impl Response {
    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// A header's value, if it is there and is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The body, decompressed as it is read.
    pub fn body(&mut self) -> &mut (dyn AsyncRead + Unpin) {
        &mut self.body
    }
}

/// The connection dies with its response.
impl Drop for Response {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            connection.cancel();
        }
    }
}
