//! The stand-in server of `http_fetch`: a small HTTP server on `127.0.0.1` that answers for the
//! seed's six sites, each after the latency the seed measured for it, so that the default run
//! needs no network and lands near the ideal time. It also serves the routes the tests of
//! every runtime fetch.
//!
//! It runs on threads of its own ([tiny_http](https://docs.rs/tiny_http) accepts and parses;
//! one thread per request answers), so it works the same beside any async runtime or none.
//! It binds an ephemeral port and stops when dropped.
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
//! | anything else | 404 |

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tiny_http::{Header, Request, Response, StatusCode};

use crate::catalogue::http_fetch::SITES;
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

/// Set when the server stops: wakes the requests still waiting (latencies, `/hang`).
#[derive(Debug, Default)]
struct Stop {
    stopped: Mutex<bool>,
    wake: Condvar,
}

impl Stop {
    /// Waits `duration`, or less if the server stops; `true` if it stopped.
    fn wait(&self, duration: Duration) -> bool {
        let deadline = Instant::now() + duration;
        let mut stopped = self.stopped.lock().unwrap_or_else(|p| p.into_inner());
        while !*stopped {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            stopped = self
                .wake
                .wait_timeout(stopped, deadline - now)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        true
    }

    fn is_set(&self) -> bool {
        *self.stopped.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self) {
        *self.stopped.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.wake.notify_all();
    }
}

/// The running server (see the module documentation). Dropping it stops it.
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    stop: Arc<Stop>,
    dispatcher: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

impl Server {
    /// Starts the server on `127.0.0.1` with an ephemeral port; the sites answer after their
    /// latency times `scale`.
    pub fn start(scale: f64) -> anyhow::Result<Server> {
        let http = tiny_http::Server::from_listener(listener()?, None)
            .map_err(|e| anyhow::anyhow!("cannot start the stand-in server: {e}"))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| anyhow::anyhow!("the stand-in server has no IP address"))?;
        let http = Arc::new(http);
        let stop = Arc::new(Stop::default());
        let dispatcher = {
            let (http, stop) = (http.clone(), stop.clone());
            std::thread::Builder::new()
                .name("stand-in server".into())
                .spawn(move || dispatch(&http, &stop, scale))?
        };
        Ok(Server {
            http,
            addr,
            stop,
            dispatcher: Some(dispatcher),
        })
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
    fn drop(&mut self) {
        self.stop.set();
        self.http.unblock();
        if let Some(dispatcher) = self.dispatcher.take() {
            let _ = dispatcher.join();
        }
    }
}

/// The server's socket: `127.0.0.1`, an ephemeral port, and `TCP_NODELAY`, which the
/// connections it accepts inherit. Without it, a response written in two pieces (headers,
/// then a chunked body) waits for the client's delayed acknowledgement of the first: 40 ms on
/// Linux, more than the stand-in's apple.com latency at `--scale 0.2`.
fn listener() -> io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())?;
    socket.listen(128)?;
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

/// Hands each request to a thread of its own until the server stops.
fn dispatch(http: &tiny_http::Server, stop: &Arc<Stop>, scale: f64) {
    loop {
        match http.recv() {
            Ok(request) => {
                let stop = stop.clone();
                // If no thread can be started, the request is dropped: tiny_http answers 500.
                let _ = std::thread::Builder::new()
                    .name("stand-in request".into())
                    .spawn(move || answer(request, &stop, scale));
            }
            // recv fails when unblocked by Drop, or when accepting a connection failed.
            Err(_) if stop.is_set() => return,
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn text(status: u16, body: impl Into<String>) -> Response<io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn redirect(to: &str) -> Response<io::Cursor<Vec<u8>>> {
    text(302, format!("see {to}\n")).with_header(header("Location", to))
}

/// Answers one request (on its own thread). Write errors mean the client left: ignored.
fn answer(request: Request, stop: &Stop, scale: f64) {
    let path = request.url().split('?').next().unwrap_or("/").to_string();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let _ = match segments.as_slice() {
        [""] => {
            let sites: Vec<String> = SITES.iter().map(|(n, s)| format!("/{n} ({s} s)")).collect();
            request.respond(text(
                200,
                format!(
                    "Stand-in for the seed's sites: {}.\nTest routes: /status/<code>, \
                     /redirect/<n>, /redirect-loop, /gzip, /chunked, /big, /hang.\n",
                    sites.join(", ")
                ),
            ))
        }
        [name] if SITES.iter().any(|(n, _)| n == name) => {
            let latency = SITES.iter().find(|(n, _)| n == name).map_or(0.0, |s| s.1);
            if stop.wait(Duration::from_secs_f64(latency * scale)) {
                return;
            }
            let page = format!(
                "<!doctype html>\n<html><head><title>{name}</title></head>\n<body><p>A stand-in \
                 for http://{name}.com, answering after {latency} s as it did in seed 001.</p>\
                 </body></html>\n"
            );
            request.respond(
                Response::from_string(page)
                    .with_header(header("Content-Type", "text/html; charset=utf-8")),
            )
        }
        ["status", code] => match code.parse::<u16>() {
            Ok(code @ 200..=599) => request.respond(text(code, format!("status {code}\n"))),
            _ => request.respond(text(400, "the status must be a number from 200 to 599\n")),
        },
        ["redirect", hops] => match hops.parse::<u32>() {
            Ok(0) => request.respond(text(200, "redirected here\n")),
            Ok(n) => request.respond(redirect(&format!("/redirect/{}", n - 1))),
            Err(_) => request.respond(text(400, "the hops must be a number\n")),
        },
        ["redirect-loop"] => request.respond(redirect("/redirect-loop")),
        ["gzip"] => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            let compressed = encoder
                .write_all(GZIP_TEXT.repeat(GZIP_REPEAT).as_bytes())
                .and_then(|()| encoder.finish());
            match compressed {
                Ok(bytes) => request.respond(
                    Response::from_data(bytes)
                        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
                        .with_header(header("Content-Encoding", "gzip")),
                ),
                Err(e) => request.respond(text(500, format!("{e}\n"))),
            }
        }
        ["chunked"] => {
            let body = CHUNKED_TEXT.repeat(CHUNKED_REPEAT).into_bytes();
            // No length given: tiny_http sends it chunked to HTTP/1.1 clients.
            request.respond(Response::new(
                StatusCode(200),
                vec![header("Content-Type", "text/plain; charset=utf-8")],
                io::Cursor::new(body),
                None,
                None,
            ))
        }
        ["big"] => request.respond(Response::new(
            StatusCode(200),
            vec![header("Content-Type", "application/octet-stream")],
            io::repeat(b'x').take(BIG_BYTES),
            None,
            None,
        )),
        ["hang"] => {
            // Hold the request (dropping it would answer 500) until the server stops.
            while !stop.wait(Duration::from_secs(3600)) {}
            drop(request);
            return;
        }
        _ => request.respond(text(404, format!("no route {path}\n"))),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;
    use std::net::TcpStream;

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
        // Eight clients, each on one connection kept alive: they connect together, send a
        // request each, then a second one on the same connection, and keep their connections
        // open until all are done. (tiny_http answered four of six such clients.)
        const CLIENTS: usize = 8;
        let server = Server::start(0.05).unwrap();
        let barrier = std::sync::Barrier::new(CLIENTS);
        let start = Instant::now();
        std::thread::scope(|scope| {
            for client in 0..CLIENTS {
                let (server, barrier) = (&server, &barrier);
                scope.spawn(move || {
                    let stream = TcpStream::connect(server.addr()).unwrap();
                    stream
                        .set_read_timeout(Some(Duration::from_secs(20)))
                        .unwrap();
                    let mut reader = io::BufReader::new(&stream);
                    let (site, _) = SITES[client % SITES.len()];
                    for path in [format!("/{site}"), "/status/200".to_string()] {
                        barrier.wait();
                        write!(
                            &stream,
                            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
                            server.addr()
                        )
                        .unwrap();
                        let (status, body) = read_response(&mut reader);
                        assert_eq!(status, 200, "client {client}, {path}");
                        assert!(!body.is_empty(), "client {client}, {path}");
                    }
                    // Held open, idle, until every client has had both answers.
                    barrier.wait();
                });
            }
        });
        // The longest site takes 1.481 s × 0.05 = 74 ms; generous for a loaded machine.
        let took = start.elapsed();
        assert!(took < Duration::from_secs(10), "{took:?}");
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
}
