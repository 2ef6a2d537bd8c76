//! # http_fetch: a queue of URLs, two workers, an async HTTP client (seed 001)
//!
//! Two workers, `One` and `Two`, take the next URL from a queue as soon as they are free; each
//! is a task, so while one waits for its server the other runs. smol has no HTTP client: this is
//! hyper on smol's sockets (smol-hyper) with rustls for https, redirects and timeout by hand.
//! The URLs are the arguments; with none, the seed's six sites (that needs the network). A URL
//! that fails (not a URL, refused, no DNS, a status of 400 or more, over the 10 s timeout) gets
//! one line and does not stop the others; the exit code is then 1.
//!
//! ```text
//! cargo run -p examples-smol --example http_fetch                    # the seed's six sites
//! cargo run -p examples-smol --example http_fetch -- [MODE] URL...   # MODE: concurrent
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! smol = "2"
//! hyper = { version = "1", features = ["client", "http1"] }
//! smol-hyper = "0.1"
//! http-body-util = "0.1"
//! futures-rustls = { version = "0.26", default-features = false, features = ["ring", "tls12"] }
//! webpki-roots = "1"
//! url = "2"
//! anyhow = "1"
//! ```
//!
//! The measured twin (trace, `--scale`, `--workers`, a local stand-in for the six sites,
//! failures told apart, compressed bodies, a cap on the body) is `src/bin/http_fetch.rs`.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use futures_rustls::TlsConnector;
use futures_rustls::rustls::pki_types::ServerName;
use futures_rustls::rustls::{ClientConfig, RootCertStore, crypto::ring};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::HeaderValue;
use smol::io::{AsyncRead, AsyncWrite};
use smol::net::TcpStream;
use smol_hyper::rt::FuturesIo;
use url::{Position, Url};

/// The seed's six sites.
const SITES: [&str; 6] = [
    "http://google.com",
    "http://yahoo.com",
    "http://linkedin.com",
    "http://apple.com",
    "http://microsoft.com",
    "http://facebook.com",
];

/// The queue of URLs: filled before the workers start, then only taken from.
type Queue = Arc<Mutex<VecDeque<String>>>;

fn next_url(queue: &Queue) -> Option<String> {
    queue.lock().unwrap().pop_front()
}

/// One GET over `stream`: the status, the `Location` header and the body's length.
async fn send(
    stream: impl AsyncRead + AsyncWrite + Send + Unpin + 'static,
    url: &Url,
) -> anyhow::Result<(u16, Option<HeaderValue>, usize)> {
    // hyper's handshake: `sender` sends, `connection` moves the bytes. It runs as a task, kept
    // until the body is read: dropping a smol Task cancels it.
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(FuturesIo::new(stream)).await?;
    let _connection = smol::spawn(connection);
    let request = hyper::Request::get(&url[Position::BeforePath..Position::AfterQuery])
        .header("host", &url[Position::BeforeHost..Position::AfterPort])
        .body(Empty::<Bytes>::new())?;
    let response = sender.send_request(request).await?;
    let status = response.status().as_u16();
    let location = response.headers().get("location").cloned();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, location, body.len()))
}

/// GETs `url`, following at most 10 redirects: the final status and the body's length.
async fn get(tls: &TlsConnector, url: &str) -> anyhow::Result<(u16, usize)> {
    let mut url = Url::parse(url)?;
    for _ in 0..=10 {
        let https = url.scheme() == "https";
        anyhow::ensure!(https || url.scheme() == "http", "not an http(s) URL");
        // Connect (smol resolves the name on its thread pool); for https, shake hands.
        let host = url.host_str().context("no host")?.to_string();
        let port = url.port_or_known_default().context("no port")?;
        let tcp = TcpStream::connect((host.as_str(), port)).await?;
        let (status, location, bytes) = if https {
            let name = ServerName::try_from(host)?;
            send(tls.connect(name, tcp).await?, &url).await?
        } else {
            send(tcp, &url).await?
        };
        match location {
            Some(next) if (300..400).contains(&status) => url = url.join(next.to_str()?)?,
            _ if status < 400 => return Ok((status, bytes)),
            _ => anyhow::bail!("HTTP status {status}"),
        }
    }
    anyhow::bail!("more than 10 redirects")
}

/// The seed's `task(name, work_queue)`: take URLs until the queue is empty; returns how many
/// failed.
async fn worker(name: &'static str, tls: TlsConnector, queue: Queue) -> usize {
    let mut failed = 0;
    while let Some(url) = next_url(&queue) {
        println!("Task {name} getting URL: {url}");
        let start = Instant::now();
        // While this request waits for the network, smol runs the other worker. It races a
        // timer: if the timer wins, the request is dropped, which cancels it.
        let timeout = async {
            smol::Timer::after(Duration::from_secs(10)).await;
            Err(anyhow::anyhow!("timed out after 10 s"))
        };
        let outcome = smol::future::or(get(&tls, &url), timeout).await;
        let secs = start.elapsed().as_secs_f64();
        match outcome {
            Ok((status, bytes)) => {
                println!("Task {name} elapsed time {secs:?} (HTTP {status}, {bytes} bytes)")
            }
            Err(error) => {
                println!("Task {name} failed after {secs:?} s: {error:#}");
                failed += 1;
            }
        }
    }
    failed
}

/// Two workers, each a task, drain the queue; returns how many URLs failed.
async fn concurrent(urls: Vec<String>) -> usize {
    let queue: Queue = Arc::new(Mutex::new(urls.into()));
    // TLS that trusts the Mozilla root certificates, ring for the cryptography; one for both.
    let roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let config = ClientConfig::builder_with_provider(Arc::new(ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring has TLS 1.2 and 1.3")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tls = TlsConnector::from(Arc::new(config));
    let start = Instant::now();
    // Keep the `Task`s and await them: dropping one would cancel its worker.
    let workers = ["One", "Two"].map(|name| smol::spawn(worker(name, tls.clone(), queue.clone())));
    let mut failed = 0;
    for worker in workers {
        failed += worker.await;
    }
    println!("Total Time elapsed: {:?}", start.elapsed().as_secs_f64());
    failed
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // The mode: a first argument without "://", concurrent by default (and the only one).
    let mode = match args.first() {
        Some(first) if !first.contains("://") => args.remove(0),
        _ => "concurrent".to_string(),
    };
    // The URLs: the other arguments, or the seed's six sites.
    let urls = if args.is_empty() {
        SITES.map(String::from).to_vec()
    } else {
        args
    };
    let failed = match mode.as_str() {
        "concurrent" => smol::block_on(concurrent(urls)),
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return ExitCode::from(2);
        }
    };
    if failed > 0 {
        eprintln!("{failed} of the URLs failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
