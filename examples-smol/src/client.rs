//! A small HTTP client that runs on smol itself, for `http_fetch`.
//!
//! [hyper](https://hyper.rs) 1 speaks HTTP/1.1 but owns no sockets and no runtime: it reads
//! and writes through two traits, and [smol-hyper](https://docs.rs/smol-hyper) implements them
//! for smol's sockets. Everything else a client such as reqwest does for you is done here, one
//! step per function, all of it on smol's reactor:
//!
//! 1. resolve the host name (`smol::net::resolve`: the system's blocking resolver, run on
//!    smol's thread pool) and connect a `smol::net::TcpStream`;
//! 2. for `https`, a TLS handshake with rustls (`futures-rustls`), trusting the Mozilla root
//!    certificates of `webpki-roots`;
//! 3. hyper's HTTP/1.1 handshake on the stream, which gives a request sender and a connection
//!    future; the connection future does the reading and writing, so it is spawned as a smol
//!    task, and the [`smol::Task`] is kept in the [`Response`]: dropping a smol task cancels
//!    it, so the connection lives exactly as long as its response (a tokio `JoinHandle` would
//!    detach instead);
//! 4. one `GET`, whose body is handed back as an `AsyncRead` that decompresses gzip, deflate
//!    and brotli (async-compression) as it is read.
//!
//! What it leaves to its caller: following redirects (a 3xx comes back like any response),
//! the timeout (race the whole fetch against a `smol::Timer`) and a cap on the body (read it
//! in pieces and count). What it does not do at all: reuse connections, HTTP/2, proxies,
//! cookies.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use anyhow::Context;
use async_compression::futures::bufread::{BrotliDecoder, GzipDecoder, ZlibDecoder};
use futures::TryStreamExt;
use futures_rustls::TlsConnector;
use futures_rustls::rustls::pki_types::ServerName;
use futures_rustls::rustls::{self, ClientConfig, RootCertStore};
use http_body_util::{BodyDataStream, Empty};
use hyper::body::Bytes;
use hyper::header::{self, HeaderMap};
use smol::io::{AsyncRead, AsyncWrite};
use smol::net::TcpStream;
use smol_hyper::rt::FuturesIo;
use url::{Host, Position, Url};

/// The client: only a TLS configuration, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    tls: TlsConnector,
}

/// A response whose body has not been read yet.
pub struct Response {
    status: u16,
    headers: HeaderMap,
    /// The body as it arrives, decompressed.
    body: Pin<Box<dyn AsyncRead + Send>>,
    /// The task that drives the connection: dropped with the response, it closes it.
    _connection: smol::Task<()>,
}

/// A TCP stream, or a TLS stream over one: what hyper reads and writes.
trait Stream: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Stream for T {}

impl Client {
    /// A client that trusts the Mozilla root certificates for `https`.
    pub fn new() -> anyhow::Result<Client> {
        // Name the crypto provider (ring) instead of relying on a process-wide default.
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Client {
            tls: TlsConnector::from(Arc::new(config)),
        })
    }

    /// Sends `GET url` on a new connection and returns the response once its headers are in.
    /// Redirects are not followed.
    pub async fn get(&self, url: &Url) -> anyhow::Result<Response> {
        let stream = self.connect(url).await?;
        // hyper's handshake: `sender` sends requests, `connection` moves the bytes.
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(FuturesIo::new(stream)).await?;
        // Spawn the connection on smol and keep its task (dropping it would cancel it).
        let connection = smol::spawn(async move {
            // Its errors also reach the request or the body: nothing more to report here.
            let _ = connection.await;
        });
        let request = hyper::Request::get(&url[Position::BeforePath..Position::AfterQuery])
            .header(
                header::HOST,
                &url[Position::BeforeHost..Position::AfterPort],
            )
            .header(header::USER_AGENT, "http_fetch (smol + hyper)")
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
        let body: Pin<Box<dyn AsyncRead + Send>> = match encoding.as_deref() {
            Some("gzip" | "x-gzip") => Box::pin(GzipDecoder::new(raw)),
            Some("deflate") => Box::pin(ZlibDecoder::new(raw)),
            Some("br") => Box::pin(BrotliDecoder::new(raw)),
            _ => Box::pin(raw),
        };
        Ok(Response {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
            _connection: connection,
        })
    }

    /// Resolves the host, connects, and for `https` shakes hands with TLS.
    async fn connect(&self, url: &Url) -> anyhow::Result<Box<dyn Stream>> {
        let port = url.port_or_known_default().context("the URL has no port")?;
        let addrs: Vec<SocketAddr> = match url.host() {
            Some(Host::Domain(name)) => smol::net::resolve((name, port)).await?,
            Some(Host::Ipv4(ip)) => vec![(ip, port).into()],
            Some(Host::Ipv6(ip)) => vec![(ip, port).into()],
            None => anyhow::bail!("the URL has no host"),
        };
        // Tries each address in turn; the error is the last one's.
        let tcp = TcpStream::connect(&addrs[..]).await?;
        if url.scheme() != "https" {
            return Ok(Box::new(tcp));
        }
        let name = match url.host() {
            Some(Host::Domain(name)) => ServerName::try_from(name.to_string())?,
            Some(Host::Ipv4(ip)) => ServerName::from(std::net::IpAddr::from(ip)),
            Some(Host::Ipv6(ip)) => ServerName::from(std::net::IpAddr::from(ip)),
            None => anyhow::bail!("the URL has no host"),
        };
        let tls = self
            .tls
            .connect(name, tcp)
            .await
            .context("TLS handshake failed")?;
        Ok(Box::new(tls))
    }
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
    pub fn body(&mut self) -> &mut (dyn AsyncRead + Send + Unpin) {
        &mut self.body
    }
}
