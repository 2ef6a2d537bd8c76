//! The stand-in server of `http_fetch`: a small HTTP server on `127.0.0.1` that answers for the
//! seed's six sites, each after the latency the seed measured for it, so that the default run
//! needs no network and lands near the ideal time. It also serves the routes the tests of
//! every runtime fetch.
//!
//! # Its own runtime, on a thread of its own
//!
//! The server is [hyper](https://docs.rs/hyper) 1 (HTTP/1.1: keep-alive, chunked bodies) on a
//! small current-thread [tokio](https://docs.rs/tokio) runtime, which [`Server::start`] builds
//! on a thread of its own (`stand-in server`) and which dropping the [`Server`] stops. Why:
//!
//! - The caller gets a URL and nothing else to run. The server works the same beside tokio,
//!   async-std, smol or no runtime at all, and never borrows the caller's scheduler, whose
//!   behaviour is what the examples compare: a client stuck in a blocking call, or a
//!   current-thread runtime busy elsewhere, does not stall the server, and the server's work
//!   does not show up in the client's timings. The client reaches it over a real socket, as it
//!   would reach a remote site.
//! - `examples-sync` still has no async runtime in its client: ureq blocks on its socket. The
//!   tokio runtime here is the server's, on the other side of that socket, like a remote
//!   site's.
//! - Any number of clients may keep their connections alive. Each connection is a task, and
//!   an idle one holds no thread; a latency is a timer, and `/hang` is a future that never
//!   completes. (The server used to be tiny_http, whose fixed pool of threads could all be held
//!   by idle keep-alive connections while a new connection waited in its queue for ever: six
//!   keep-alive clients at once got four answers.)
//!
//! It binds an ephemeral port on `127.0.0.1` only. Dropping the [`Server`] stops accepting,
//! then drops the runtime, and with it every connection, answered or not (a `/hang`, a
//! latency still running).
//!
//! | path | answer |
//! | --- | --- |
//! | `/google`, `/yahoo`, … (the [`SITES`]) | 200, a small HTML page, after the site's latency × scale |
//! | `/` | 200, a list of the routes |
//! | `/status/<code>` | that status (200 to 599), a short text body |
//! | `/redirect/<n>` | 302 to `/redirect/<n-1>`; `/redirect/0` answers 200 |
//! | `/redirect-loop` | 302 to itself, for ever |
//! | `/gzip` | 200, [`GZIP_BYTES`] bytes of text sent gzip-compressed (`Content-Encoding: gzip`) |
//! | `/chunked` | 200, [`CHUNKED_BYTES`] bytes sent with `Transfer-Encoding: chunked` |
//! | `/big` | 200, [`BIG_BYTES`] bytes (more than [`MAX_BODY_BYTES`]), streamed, chunked |
//! | `/hang` | nothing: the request is read and never answered (until the server stops) |
//! | `/load` | 200, a small body at once, or on a seeded share one of four faults ([`crate::faults`]) |
//! | anything else | 404 |

use std::convert::Infallible;
use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::Duration;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, LOCATION};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;

use crate::catalogue::http_fetch::SITES;
use crate::faults::{CutShort, Fault, Faults, LOAD_BYTES, Reset, ResettableIo, Tally};
use crate::fetch::MAX_BODY_BYTES;

/// The text `/gzip` sends, compressed.
const GZIP_TEXT: &str = "The seed's sites answered in between 0.125 and 1.481 seconds.\n";
/// How many times `/gzip` repeats [`GZIP_TEXT`].
const GZIP_REPEAT: usize = 64;
/// The length of `/gzip`'s body once decompressed.
pub const GZIP_BYTES: u64 = (GZIP_TEXT.len() * GZIP_REPEAT) as u64;

/// The pieces `/chunked` sends.
const CHUNKED_TEXT: &str = "one chunk after another, no Content-Length\n";
/// How many times `/chunked` repeats [`CHUNKED_TEXT`].
const CHUNKED_REPEAT: usize = 100;
/// The length of `/chunked`'s body.
pub const CHUNKED_BYTES: u64 = (CHUNKED_TEXT.len() * CHUNKED_REPEAT) as u64;

/// The length of `/big`'s body: one MiB over the cap.
pub const BIG_BYTES: u64 = MAX_BODY_BYTES + (1 << 20);

/// The size of the pieces `/big` is sent in.
const BIG_PIECE: usize = 64 * 1024;

/// The running server (see the module documentation). Dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    /// Sending (or dropping) it tells the server's thread to stop.
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    /// What `/load` did.
    tally: Arc<Tally>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

impl Server {
    /// Starts the server on `127.0.0.1` with an ephemeral port; the sites answer after their
    /// latency times `scale`. It is ready when this returns.
    pub fn start(scale: f64) -> anyhow::Result<Server> {
        Server::start_with(scale, Faults::NONE)
    }

    /// [`Server::start`], with `/load` misbehaving as `faults` say ([`crate::faults`]).
    pub fn start_with(scale: f64, faults: Faults) -> anyhow::Result<Server> {
        let tally = Arc::new(Tally::default());
        let load = Load {
            faults,
            tally: tally.clone(),
        };
        let listener = listener()?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel();
        // The runtime is built on the server's thread, and dropped there: tokio refuses to drop
        // a runtime inside another one's task, which a caller under tokio would be.
        let (ready, is_ready) = std::sync::mpsc::sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("stand-in server".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .enable_time()
                    .build();
                let started = runtime.and_then(|runtime| {
                    let listener = {
                        let _inside = runtime.enter();
                        tokio::net::TcpListener::from_std(listener)?
                    };
                    Ok((runtime, listener))
                });
                match started {
                    Ok((runtime, listener)) => {
                        let _ = ready.send(Ok(()));
                        runtime.block_on(serve(listener, scale, load, stopped));
                        // Dropping the runtime here drops the connections still open.
                    }
                    Err(e) => {
                        let _ = ready.send(Err(e));
                    }
                }
            })?;
        let server = Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
            tally,
        };
        match is_ready.recv() {
            Ok(Ok(())) => Ok(server),
            Ok(Err(e)) => Err(anyhow::anyhow!("cannot start the stand-in server: {e}")),
            Err(_) => Err(anyhow::anyhow!("the stand-in server's thread died")),
        }
    }

    /// What `/load` did so far: the requests it received and the outcome it gave each.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of `path` (which starts with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The URLs of the seed's six sites, in the seed's order.
    pub fn site_urls(&self) -> Vec<String> {
        SITES
            .iter()
            .map(|(name, _)| self.url(&format!("/{name}")))
            .collect()
    }
}

impl Drop for Server {
    /// Stops the server and waits for its thread (a moment: nothing there blocks).
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The server's socket: `127.0.0.1`, an ephemeral port, non-blocking (for tokio), and
/// `TCP_NODELAY`, which the connections it accepts inherit on Linux (and which [`serve`] sets
/// again on each). Without it, a response written in two pieces (headers, then a chunked
/// body) waits for the client's delayed acknowledgement of the first: 40 ms on Linux, more
/// than the stand-in's apple.com latency at `--scale 0.2`.
///
/// Its backlog is 4 096 (Linux caps it at `net.core.somaxconn`, 4 096 by default), room for
/// `http_fetch --workers 4096` connecting at once. With 128, the bench's 1 024 workers
/// overflowed the accept queue (`nstat`'s `TcpExtListenOverflows` counted it), and each
/// connection the kernel dropped was retried after TCP's initial retransmission timeout, one
/// second: a stall that the clients did not cause.
fn listener() -> io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())?;
    socket.listen(4096)?;
    socket.set_nonblocking(true)?;
    Ok(socket.into())
}

/// A URL on `127.0.0.1` where nothing listens: a port bound, then released. (Another program
/// could take the port in between; on a test machine it does not happen in practice.)
pub fn refused_url() -> io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    drop(listener);
    Ok(format!("http://127.0.0.1:{port}/"))
}

/// What `/load` needs: the faults to give, and where to count them.
#[derive(Clone)]
struct Load {
    faults: Faults,
    tally: Arc<Tally>,
}

/// Accepts connections until told to stop, each served by a task of its own.
async fn serve(
    listener: tokio::net::TcpListener,
    scale: f64,
    load: Load,
    mut stop: oneshot::Receiver<()>,
) {
    loop {
        let accepted = tokio::select! {
            // Sent, or dropped with the Server.
            _ = &mut stop => return,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, _)) => {
                let _ = stream.set_nodelay(true);
                // `/load`'s reset fault resets the connection through this switch.
                let (stream, reset) = ResettableIo::new(stream);
                let load = load.clone();
                tokio::spawn(async move {
                    // HTTP/1.1 with keep-alive: as many requests, one after the other, as the
                    // client sends on this connection. An error is the client's doing (it left,
                    // or sent something that is not HTTP) or a reset of `/load`'s: nothing to
                    // answer to.
                    let _ = http1::Builder::new()
                        .serve_connection(
                            TokioIo::new(stream),
                            service_fn(move |request| {
                                route(request, scale, load.clone(), reset.clone())
                            }),
                        )
                        .await;
                });
            }
            // Accepting failed (out of file descriptors, a connection reset before it was
            // accepted): try again shortly.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// A response's body: whole, or streamed in pieces.
type Body = BoxBody<Bytes, Infallible>;

/// A body sent whole, with a `Content-Length`.
fn whole(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed()
}

/// A body of `len` bytes made of `piece` over and over, one frame per piece (the last one
/// cut short). Its length is not given, so hyper sends it with `Transfer-Encoding: chunked`,
/// one chunk per piece, and asks for the next piece only when the previous ones are written:
/// it is streamed, never whole in memory.
struct Pieces {
    piece: Bytes,
    left: u64,
}

impl hyper::body::Body for Pieces {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.left == 0 || self.piece.is_empty() {
            return Poll::Ready(None);
        }
        let len =
            usize::try_from(self.left).map_or(self.piece.len(), |left| left.min(self.piece.len()));
        self.left -= len as u64;
        Poll::Ready(Some(Ok(Frame::data(self.piece.slice(..len)))))
    }
}

fn response(status: StatusCode, content_type: &'static str, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

const TEXT: &str = "text/plain; charset=utf-8";

fn text(status: StatusCode, body: impl Into<String>) -> Response<Body> {
    response(status, TEXT, whole(body.into()))
}

fn redirect(to: &str) -> Response<Body> {
    let mut response = text(StatusCode::FOUND, format!("see {to}\n"));
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

/// `/load` (which may fail the connection), or any other route.
async fn route(
    request: Request<Incoming>,
    scale: f64,
    load: Load,
    reset: Reset,
) -> Result<Response<Body>, Infallible> {
    if request.uri().path() != "/load" {
        return answer(request, scale).await;
    }
    drop(request);
    let body = || whole(vec![b'.'; LOAD_BYTES]);
    Ok(match load.tally.next(&load.faults) {
        Fault::None => response(StatusCode::OK, TEXT, body()),
        Fault::Status500 => text(StatusCode::INTERNAL_SERVER_ERROR, "a fault: status 500\n"),
        fault @ (Fault::Reset | Fault::Truncated) => {
            // Twice the length promised, half sent, then the end: hyper closes the
            // connection, with an RST for a reset.
            let half = Bytes::from(vec![b'.'; LOAD_BYTES]);
            let reset = (fault == Fault::Reset).then_some(reset);
            let mut response = response(StatusCode::OK, TEXT, CutShort::new(half, reset).boxed());
            response
                .headers_mut()
                .insert(CONTENT_LENGTH, HeaderValue::from(2 * LOAD_BYTES));
            response
        }
        Fault::Slow => {
            tokio::time::sleep(load.faults.slow).await;
            response(StatusCode::OK, TEXT, body())
        }
    })
}

/// Answers one request (a task of the connection's).
async fn answer(request: Request<Incoming>, scale: f64) -> Result<Response<Body>, Infallible> {
    let path = request.uri().path().to_string();
    // The body of a GET, if any, is not needed.
    drop(request);
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    Ok(match segments.as_slice() {
        [""] => {
            let sites: Vec<String> = SITES.iter().map(|(n, s)| format!("/{n} ({s} s)")).collect();
            text(
                StatusCode::OK,
                format!(
                    "Stand-in for the seed's sites: {}.\nTest routes: /status/<code>, \
                     /redirect/<n>, /redirect-loop, /gzip, /chunked, /big, /hang.\n",
                    sites.join(", ")
                ),
            )
        }
        [name] if SITES.iter().any(|(n, _)| n == name) => {
            let latency = SITES.iter().find(|(n, _)| n == name).map_or(0.0, |s| s.1);
            tokio::time::sleep(Duration::from_secs_f64(latency * scale)).await;
            let page = format!(
                "<!doctype html>\n<html><head><title>{name}</title></head>\n<body><p>A stand-in \
                 for http://{name}.com, answering after {latency} s as it did in seed 001.</p>\
                 </body></html>\n"
            );
            response(StatusCode::OK, "text/html; charset=utf-8", whole(page))
        }
        ["status", code] => match code.parse::<u16>().map(StatusCode::from_u16) {
            Ok(Ok(status)) if (200..=599).contains(&status.as_u16()) => {
                text(status, format!("status {}\n", status.as_u16()))
            }
            _ => text(
                StatusCode::BAD_REQUEST,
                "the status must be a number from 200 to 599\n",
            ),
        },
        ["redirect", hops] => match hops.parse::<u32>() {
            Ok(0) => text(StatusCode::OK, "redirected here\n"),
            Ok(n) => redirect(&format!("/redirect/{}", n - 1)),
            Err(_) => text(StatusCode::BAD_REQUEST, "the hops must be a number\n"),
        },
        ["redirect-loop"] => redirect("/redirect-loop"),
        ["gzip"] => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            let compressed = encoder
                .write_all(GZIP_TEXT.repeat(GZIP_REPEAT).as_bytes())
                .and_then(|()| encoder.finish());
            match compressed {
                Ok(bytes) => {
                    let mut response = response(StatusCode::OK, TEXT, whole(bytes));
                    response
                        .headers_mut()
                        .insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    response
                }
                Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")),
            }
        }
        ["chunked"] => {
            let body = Pieces {
                piece: Bytes::from_static(CHUNKED_TEXT.as_bytes()),
                left: CHUNKED_BYTES,
            };
            response(StatusCode::OK, TEXT, body.boxed())
        }
        ["big"] => {
            let body = Pieces {
                piece: Bytes::from(vec![b'x'; BIG_PIECE]),
                left: BIG_BYTES,
            };
            response(StatusCode::OK, "application/octet-stream", body.boxed())
        }
        // Never answers; the task, and the connection, end when the server stops.
        ["hang"] => std::future::pending().await,
        _ => text(StatusCode::NOT_FOUND, format!("no route {path}\n")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::{Fault, Faults, LOAD_BYTES};
    use std::io::{BufRead, Read};
    use std::net::TcpStream;
    use std::sync::Barrier;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    /// A minimal HTTP/1.1 GET: the status, the headers (lowercased names) and the raw body.
    fn get(server: &Server, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr()
        )
        .unwrap();
        let mut reader = io::BufReader::new(stream);
        let (status, headers) = read_head(&mut reader);
        let mut body = Vec::new();
        reader.read_to_end(&mut body).unwrap();
        (status, headers, body)
    }

    /// The status line and the headers (lowercased names) of a response.
    fn read_head(reader: &mut impl BufRead) -> (u16, Vec<(String, String)>) {
        let mut status_line = String::new();
        reader.read_line(&mut status_line).unwrap();
        let status = status_line
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.to_lowercase(), value.trim().to_string()));
        }
        (status, headers)
    }

    /// Reads one response with a `Content-Length` off a keep-alive connection: the status and
    /// the body.
    fn read_response(reader: &mut impl BufRead) -> (u16, Vec<u8>) {
        let (status, headers) = read_head(reader);
        let length: usize = header_of(&headers, "content-length")
            .expect("a Content-Length")
            .parse()
            .unwrap();
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        (status, body)
    }

    #[test]
    fn many_keep_alive_clients_at_once_are_all_answered() {
        // Eight clients, each on one connection kept alive: they start together, send two
        // requests one after the other on their connection, and keep it open, idle, until all
        // have had their answers. (tiny_http answered four of six such clients.)
        const CLIENTS: usize = 8;
        // Every answer by then, or the test fails (the longest site takes 1.481 s × 0.05 =
        // 74 ms; generous for a loaded machine). Clients keep their connections open until
        // then at most, so a server that waits for idle connections to close fails it.
        const BOUND: Duration = Duration::from_secs(10);

        /// Counts a client as finished when dropped, even by a failed assertion, so that the
        /// others never wait for it.
        struct Finished<'a>(&'a AtomicUsize);
        impl Drop for Finished<'_> {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }

        let server = Server::start(0.05).unwrap();
        let (start_together, finished) = (Barrier::new(CLIENTS), AtomicUsize::new(0));
        let start = Instant::now();
        std::thread::scope(|scope| {
            for client in 0..CLIENTS {
                let (server, start_together, finished) = (&server, &start_together, &finished);
                scope.spawn(move || {
                    start_together.wait();
                    let finish = Finished(finished);
                    let stream = TcpStream::connect(server.addr()).unwrap();
                    stream.set_read_timeout(Some(3 * BOUND)).unwrap();
                    let mut reader = io::BufReader::new(&stream);
                    let (site, _) = SITES[client % SITES.len()];
                    for path in [format!("/{site}"), "/status/200".to_string()] {
                        let host = server.addr();
                        write!(&stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
                        let (status, body) = read_response(&mut reader);
                        assert_eq!(status, 200, "client {client}, {path}");
                        assert!(!body.is_empty(), "client {client}, {path}");
                    }
                    drop(finish);
                    // Keep the connection open until every client has finished.
                    while finished.load(Ordering::SeqCst) < CLIENTS && start.elapsed() < BOUND {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                });
            }
        });
        let took = start.elapsed();
        assert!(
            took < BOUND,
            "{CLIENTS} keep-alive clients all answered only after {took:?}"
        );
    }

    fn header_of<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn sites_answer_after_their_scaled_latency() {
        let server = Server::start(0.2).unwrap();
        assert_eq!(server.site_urls().len(), 6);
        assert!(server.site_urls()[0].ends_with("/google"));
        let start = Instant::now();
        let (status, headers, body) = get(&server, "/yahoo");
        let took = start.elapsed();
        assert_eq!(status, 200);
        assert!(
            header_of(&headers, "content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert!(String::from_utf8(body).unwrap().contains("yahoo"));
        // 1.481 s × 0.2 = 0.296 s; generous above for a loaded machine.
        assert!(took >= Duration::from_millis(290), "{took:?}");
        assert!(took < Duration::from_secs(5), "{took:?}");
    }

    #[test]
    fn test_routes_answer_as_documented() {
        let server = Server::start(1.0).unwrap();
        assert_eq!(get(&server, "/status/404").0, 404);
        assert_eq!(get(&server, "/status/500").0, 500);
        assert_eq!(get(&server, "/status/abc").0, 400);
        assert_eq!(get(&server, "/nowhere").0, 404);
        let (status, headers, _) = get(&server, "/redirect/2");
        assert_eq!(
            (status, header_of(&headers, "location")),
            (302, Some("/redirect/1"))
        );
        assert_eq!(get(&server, "/redirect/0").0, 200);
        let (status, headers, _) = get(&server, "/redirect-loop");
        assert_eq!(
            (status, header_of(&headers, "location")),
            (302, Some("/redirect-loop"))
        );

        let (status, headers, body) = get(&server, "/gzip");
        assert_eq!(
            (status, header_of(&headers, "content-encoding")),
            (200, Some("gzip"))
        );
        let mut text = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text.len() as u64, GZIP_BYTES);
        assert!(body.len() < text.len());

        let (status, headers, body) = get(&server, "/chunked");
        assert_eq!(
            (status, header_of(&headers, "transfer-encoding")),
            (200, Some("chunked"))
        );
        assert!(header_of(&headers, "content-length").is_none());
        assert!(
            body.len() as u64 > CHUNKED_BYTES,
            "chunk sizes come with the data"
        );
    }

    #[test]
    fn big_is_streamed_past_the_cap() {
        let server = Server::start(1.0).unwrap();
        let (status, headers, body) = get(&server, "/big");
        assert_eq!(
            (status, header_of(&headers, "transfer-encoding")),
            (200, Some("chunked"))
        );
        let data = body.iter().filter(|&&b| b == b'x').count() as u64;
        assert_eq!(data, BIG_BYTES);
        assert!(data > MAX_BODY_BYTES);
    }

    #[test]
    fn hang_never_answers_but_others_still_do_and_drop_stops_it() {
        let server = Server::start(1.0).unwrap();
        let mut hung = TcpStream::connect(server.addr()).unwrap();
        write!(hung, "GET /hang HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        hung.set_read_timeout(Some(Duration::from_millis(300)))
            .unwrap();
        let mut buf = [0u8; 1];
        let read = hung.read(&mut buf);
        assert!(
            matches!(&read, Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut)),
            "{read:?}"
        );
        // Another request is answered meanwhile.
        assert_eq!(get(&server, "/status/200").0, 200);
        let start = Instant::now();
        drop(server);
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_refused_url_refuses() {
        let url = refused_url().unwrap();
        let addr = url.trim_start_matches("http://").trim_end_matches('/');
        let error = TcpStream::connect(addr).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::ConnectionRefused);
    }

    #[test]
    fn load_gives_each_fault_its_seed_says_and_counts_it() {
        let faults = Faults {
            seed: 3,
            per_mille: 200,
            slow: Duration::from_millis(50),
        };
        let server = Server::start_with(1.0, faults).unwrap();
        let requests = 30;
        for index in 0..requests {
            let mut stream = TcpStream::connect(server.addr()).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(30)))
                .unwrap();
            write!(
                stream,
                "GET /load HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut bytes = Vec::new();
            let read = stream.read_to_end(&mut bytes);
            let text = String::from_utf8_lossy(&bytes);
            let body_len = text.split_once("\r\n\r\n").map_or(0, |(_, b)| b.len());
            match faults.of(index) {
                Fault::None | Fault::Slow => {
                    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
                    assert_eq!(body_len, LOAD_BYTES);
                }
                Fault::Status500 => assert!(text.starts_with("HTTP/1.1 500"), "{text}"),
                Fault::Truncated => {
                    assert!(read.is_ok(), "a FIN, not a reset: {read:?}");
                    assert!(text.contains(&format!("content-length: {}", 2 * LOAD_BYTES)));
                    assert_eq!(body_len, LOAD_BYTES, "half the promised body");
                }
                Fault::Reset => {
                    let error = read.expect_err("a reset");
                    assert_eq!(error.kind(), io::ErrorKind::ConnectionReset);
                }
            }
        }
        assert_eq!(server.tally().received(), requests);
        assert_eq!(server.tally().counts(), faults.counts(requests));
        assert!(
            faults.counts(requests)[1..].iter().all(|&c| c > 0),
            "every fault was tried"
        );
    }
}
