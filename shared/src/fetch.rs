//! What the four `http_fetch` programs share, so that their lines read the same whatever the
//! runtime and whatever the HTTP client: the outcome of one fetch, the lines printed, the
//! limits (redirects, body size), URL checking and the final verdict.
//!
//! A program (see `examples-*/src/bin/http_fetch.rs`) does, per URL taken from the queue:
//!
//! 1. [`getting`]: `Task One getting URL: http://…` (the seed's line);
//! 2. [`parse_url`]: a URL that is not `http`/`https` fails here, the same way everywhere;
//! 3. the request, with its client, following at most [`MAX_REDIRECTS`] redirects, under the
//!    `--timeout`, reading the body (decompressed, de-chunked) through a [`BodyCount`] so that
//!    it stops at [`MAX_BODY_BYTES`];
//! 4. [`outcome`]: `Task One elapsed time 1.062… (HTTP 200, 1256 bytes)` or
//!    `Task One failed after 0.000… s: connection refused`;
//!
//! and at the end [`finish`]: `Total Time elapsed: …`, then an error (exit code 1) naming the
//! URLs that failed, if any did. With no URLs on the command line, [`targets`] starts the
//! stand-in [`Server`] for the seed's six sites.
//!
//! # Mapping a client's errors to [`Failure`]
//!
//! Each client has its own error type. A program maps it in this order:
//!
//! - what the client tells apart itself: its timeout error to [`Failure::Timeout`], its
//!   redirect-limit error to [`Failure::TooManyRedirects`], an HTTP status of 400 or more
//!   (returned as an error by some clients, as a response by others) to
//!   [`Failure::Status`] (use [`Failure::for_status`] on a response);
//! - anything else to [`Failure::from_error`], which walks the error's `source()` chain (and
//!   the errors wrapped inside `std::io::Error`s) for a refused connection, a timeout or a
//!   failed DNS lookup, and otherwise keeps the chain's messages as [`Failure::Other`], on one
//!   line.
//!
//! The body is counted with a [`BodyCount`], whose [`BodyCount::add`] fails with
//! [`Failure::BodyTooLarge`] past the cap.

use std::error::Error as StdError;
use std::fmt;
use std::io;
use std::time::Duration;

use crate::catalogue::http_fetch::WORKERS;
use crate::cli::HttpOpts;
use crate::out::Out;
use crate::run::Run;
use crate::server::Server;

/// Redirects followed before a fetch fails with [`Failure::TooManyRedirects`].
pub const MAX_REDIRECTS: usize = 10;

/// Body bytes read (after decompression) before a fetch fails with [`Failure::BodyTooLarge`].
pub const MAX_BODY_BYTES: u64 = 10 * 1024 * 1024;

/// A successful fetch: the final status (after redirects) and the body's length in bytes
/// (decoded: after de-chunking and decompression).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fetched {
    pub status: u16,
    pub bytes: u64,
}

/// Why a fetch failed. Its `Display` is one line, the same under every runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not an `http` or `https` URL (the reason says what is wrong with it).
    InvalidUrl(String),
    /// The host name did not resolve.
    Dns,
    /// Nothing listens on the port.
    Refused,
    /// The request took longer than `--timeout`.
    Timeout,
    /// The server answered with this status (400 or more).
    Status(u16),
    /// More than [`MAX_REDIRECTS`] redirects.
    TooManyRedirects,
    /// The body is longer than [`MAX_BODY_BYTES`].
    BodyTooLarge,
    /// The server reset the connection (a TCP RST) before the answer was whole.
    Reset,
    /// The connection closed before the body had all the bytes its header promised.
    Truncated,
    /// Anything else, as the client said it (one line).
    Other(String),
}

/// What fetching one URL came to.
pub type Outcome = Result<Fetched, Failure>;

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::InvalidUrl(why) => write!(f, "invalid URL ({why})"),
            Failure::Dns => f.write_str("DNS lookup failed"),
            Failure::Refused => f.write_str("connection refused"),
            Failure::Timeout => f.write_str("timed out"),
            Failure::Status(code) => write!(f, "HTTP error status {code}"),
            Failure::TooManyRedirects => {
                write!(f, "too many redirects (more than {MAX_REDIRECTS})")
            }
            Failure::BodyTooLarge => write!(f, "body larger than {} MiB", MAX_BODY_BYTES >> 20),
            Failure::Reset => f.write_str("connection reset by the server"),
            Failure::Truncated => {
                f.write_str("body cut short (the connection closed before its end)")
            }
            Failure::Other(why) => f.write_str(why),
        }
    }
}

impl Failure {
    /// The failure an HTTP status stands for: `Some` for 400 and above.
    pub fn for_status(status: u16) -> Option<Failure> {
        (status >= 400).then_some(Failure::Status(status))
    }

    /// Classifies a client's error by walking its chain of sources (see the module
    /// documentation): a refused connection, a timeout, a failed DNS lookup, or else
    /// [`Failure::Other`] with the chain's messages on one line.
    pub fn from_error(error: &(dyn StdError + 'static)) -> Failure {
        let mut messages = Vec::new();
        let mut found = None;
        walk(error, &mut |e| {
            if let Some(io) = e.downcast_ref::<io::Error>() {
                match io.kind() {
                    io::ErrorKind::ConnectionRefused => {
                        found.get_or_insert(Failure::Refused);
                    }
                    io::ErrorKind::TimedOut => {
                        found.get_or_insert(Failure::Timeout);
                    }
                    io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                        found.get_or_insert(Failure::Reset);
                    }
                    io::ErrorKind::UnexpectedEof => {
                        found.get_or_insert(Failure::Truncated);
                    }
                    _ => {}
                }
            }
            let message = e.to_string();
            let lower = message.to_lowercase();
            if DNS_MESSAGES.iter().any(|m| lower.contains(m)) {
                found.get_or_insert(Failure::Dns);
            } else if lower.contains("connection refused") {
                found.get_or_insert(Failure::Refused);
            } else if lower.contains("timed out") {
                found.get_or_insert(Failure::Timeout);
            } else if RESET_MESSAGES.iter().any(|m| lower.contains(m)) {
                found.get_or_insert(Failure::Reset);
            } else if TRUNCATED_MESSAGES.iter().any(|m| lower.contains(m)) {
                found.get_or_insert(Failure::Truncated);
            }
            messages.push(message);
        });
        found.unwrap_or_else(|| Failure::Other(one_line(&messages)))
    }
}

/// What resolvers say when a name does not resolve (getaddrinfo on Linux and macOS, hyper,
/// ureq, async-std).
const DNS_MESSAGES: [&str; 7] = [
    "failed to lookup address",
    "name or service not known",
    "nodename nor servname",
    "no address associated",
    "name resolution",
    "dns error",
    "host not found",
];

/// What clients say when the server reset the connection (the system's ECONNRESET, curl's
/// receive error).
const RESET_MESSAGES: [&str; 3] = [
    "connection reset",
    "failure when receiving data from the peer",
    "broken pipe",
];

/// What clients say when a body ended short of its `Content-Length` (hyper, curl's partial
/// file, ureq).
const TRUNCATED_MESSAGES: [&str; 5] = [
    "end of file before message length reached",
    "connection closed before message completed",
    "transferred a partial file",
    "partial file",
    "unexpected eof",
];

/// Calls `visit` on `error` and each of its sources, looking inside `std::io::Error`s too
/// (their `source()` skips the error they wrap).
fn walk(error: &(dyn StdError + 'static), visit: &mut dyn FnMut(&(dyn StdError + 'static))) {
    let mut next = Some(error);
    while let Some(e) = next {
        visit(e);
        if let Some(inner) = e.downcast_ref::<io::Error>().and_then(|io| io.get_ref()) {
            walk(inner, visit);
        }
        next = e.source();
    }
}

/// Messages of an error chain joined by `: `, leaving out those the line already says, with
/// line breaks flattened.
fn one_line(messages: &[String]) -> String {
    let mut line = String::new();
    for message in messages {
        let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        if message.is_empty() || line.contains(&message) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&message);
    }
    if line.is_empty() {
        line.push_str("unknown error");
    }
    line
}

/// Parses a URL given on the command line: only absolute `http` and `https` URLs with a host
/// are fetched; anything else is [`Failure::InvalidUrl`], with the reason.
pub fn parse_url(text: &str) -> Result<url::Url, Failure> {
    let url = url::Url::parse(text.trim()).map_err(|e| Failure::InvalidUrl(e.to_string()))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(url),
        "http" | "https" => Err(Failure::InvalidUrl("no host".to_string())),
        other => Err(Failure::InvalidUrl(format!(
            "scheme {other} is not http or https"
        ))),
    }
}

/// For a client that leaves redirects to the program (surf without its `Redirect` middleware,
/// hyper): where a response sends the request next. `Some(url)` for a 301, 302, 303, 307 or
/// 308 with a `Location` header, resolved against `current` and checked like a command-line
/// URL (a redirect to `ftp:` fails with [`Failure::InvalidUrl`]); `None` for any other
/// response: it is the final one. The program follows at most [`MAX_REDIRECTS`] of them, then
/// fails with [`Failure::TooManyRedirects`].
pub fn redirect_target(
    current: &url::Url,
    status: u16,
    location: Option<&str>,
) -> Result<Option<url::Url>, Failure> {
    let Some(location) = location.filter(|_| matches!(status, 301 | 302 | 303 | 307 | 308)) else {
        return Ok(None);
    };
    let next = current
        .join(location.trim())
        .map_err(|e| Failure::InvalidUrl(format!("redirect to {location}: {e}")))?;
    parse_url(next.as_str()).map(Some)
}

/// Counts the bytes of a body as it is read, failing past [`MAX_BODY_BYTES`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BodyCount(u64);

impl BodyCount {
    /// Adds `len` bytes just read.
    pub fn add(&mut self, len: usize) -> Result<(), Failure> {
        self.0 += len as u64;
        if self.0 > MAX_BODY_BYTES {
            Err(Failure::BodyTooLarge)
        } else {
            Ok(())
        }
    }

    /// The bytes counted so far.
    pub fn bytes(&self) -> u64 {
        self.0
    }
}

/// The name of worker `index` (0-based): `One`, `Two`, … `Eight`, then `9`, `10`, … (for the
/// bench's loads, `--workers` goes up to [`crate::cli::MAX_WORKERS`]).
pub fn worker_name(index: usize) -> &'static str {
    static MORE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORKERS.get(index).copied().unwrap_or_else(|| {
        let more = MORE.get_or_init(|| {
            (WORKERS.len()..crate::cli::MAX_WORKERS)
                .map(|i| (i + 1).to_string())
                .collect()
        });
        more.get(index - WORKERS.len()).map_or("?", String::as_str)
    })
}

/// The URLs to fetch: those on the command line, or, with none, the six site URLs of a
/// stand-in [`Server`] started here (kept in `server` for as long as the fetches run).
#[derive(Debug)]
pub struct Targets {
    pub urls: Vec<String>,
    pub server: Option<Server>,
}

/// The URLs of `run` (see [`Targets`]), `--times` over; the stand-in server answers after the
/// seed's latencies times `--scale`.
pub fn targets(run: &Run<HttpOpts>) -> anyhow::Result<Targets> {
    let (urls, server) = if run.opts.urls.is_empty() {
        let server = Server::start(run.scale)?;
        (server.site_urls(), Some(server))
    } else {
        (run.opts.urls.clone(), None)
    };
    let times = run.opts.times.max(1);
    let urls = std::iter::repeat_n(urls, times).flatten().collect();
    Ok(Targets { urls, server })
}

/// The seed's `Task One getting URL: …` (`out` is the worker's handle).
pub fn getting(out: &Out, name: &str, url: &str) {
    out.println(format!("Task {name} getting URL: {url}"));
}

/// The line of one fetch's outcome, `elapsed` after its `getting` line:
/// `Task One elapsed time 1.0623 (HTTP 200, 1256 bytes)` (the seed's line, plus what came
/// back) or `Task One failed after 0.0004 s: connection refused`.
pub fn outcome_line(name: &str, elapsed: Duration, outcome: &Outcome) -> String {
    let secs = elapsed.as_secs_f64();
    match outcome {
        Ok(Fetched { status, bytes }) => {
            format!("Task {name} elapsed time {secs:?} (HTTP {status}, {bytes} bytes)")
        }
        Err(failure) => format!("Task {name} failed after {secs:?} s: {failure}"),
    }
}

/// Prints [`outcome_line`] as a timing line (its numbers change from run to run).
pub fn outcome(out: &Out, name: &str, elapsed: Duration, outcome: &Outcome) {
    out.timing(outcome_line(name, elapsed, outcome));
}

/// The seed's `Total Time elapsed: …`.
pub fn total_line(elapsed: Duration) -> String {
    format!("Total Time elapsed: {:?}", elapsed.as_secs_f64())
}

/// At most this many failed URLs are named in [`finish`]'s error.
const NAMED_FAILURES: usize = 3;

/// The end of a run: prints the total (`elapsed` since the fetching started), then returns an
/// error (exit code 1) if any URL failed, naming the first few: `2 of 6 URLs failed:
/// http://a: connection refused; http://b: HTTP error status 404`. `results` holds every
/// URL with its outcome, in any order.
pub fn finish(out: &Out, elapsed: Duration, results: &[(String, Outcome)]) -> anyhow::Result<()> {
    out.timing(total_line(elapsed));
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(url, outcome)| outcome.as_ref().err().map(|f| format!("{url}: {f}")))
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    let mut named = failed[..failed.len().min(NAMED_FAILURES)].join("; ");
    if failed.len() > NAMED_FAILURES {
        named.push_str(&format!("; and {} more", failed.len() - NAMED_FAILURES));
        // Many failures: how many of each, so that every URL is accounted for.
        let mut kinds = std::collections::BTreeMap::<String, usize>::new();
        for (_, outcome) in results {
            let kind = match outcome {
                Ok(fetched) => format!("HTTP {}", fetched.status),
                Err(failure) => failure.to_string(),
            };
            *kinds.entry(kind).or_default() += 1;
        }
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        named.push_str(&format!(" (outcomes: {})", kinds.join(", ")));
    }
    anyhow::bail!("{} of {} URLs failed: {named}", failed.len(), results.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_like_the_seed() {
        let ok: Outcome = Ok(Fetched {
            status: 200,
            bytes: 1256,
        });
        assert_eq!(
            outcome_line("One", Duration::from_millis(1062), &ok),
            "Task One elapsed time 1.062 (HTTP 200, 1256 bytes)"
        );
        assert_eq!(
            outcome_line("Two", Duration::from_millis(500), &Err(Failure::Refused)),
            "Task Two failed after 0.5 s: connection refused"
        );
        assert_eq!(
            total_line(Duration::from_millis(2490)),
            "Total Time elapsed: 2.49"
        );
        let out = Out::capture();
        getting(&out.task("One"), "One", "http://google.com");
        assert_eq!(out.lines(), ["Task One getting URL: http://google.com"]);
    }

    #[test]
    fn failures_are_one_line_each() {
        for (failure, text) in [
            (Failure::Dns, "DNS lookup failed"),
            (Failure::Timeout, "timed out"),
            (Failure::Status(404), "HTTP error status 404"),
            (
                Failure::TooManyRedirects,
                "too many redirects (more than 10)",
            ),
            (Failure::BodyTooLarge, "body larger than 10 MiB"),
        ] {
            assert_eq!(failure.to_string(), text);
        }
        assert_eq!(Failure::for_status(500), Some(Failure::Status(500)));
        assert_eq!(Failure::for_status(302), None);
    }

    #[test]
    fn urls_are_checked_the_same_way_everywhere() {
        assert!(parse_url("http://127.0.0.1:8080/google").is_ok());
        assert!(parse_url("https://example.com").is_ok());
        assert_eq!(
            parse_url("not a url").unwrap_err().to_string(),
            "invalid URL (relative URL without a base)"
        );
        assert_eq!(
            parse_url("ftp://x").unwrap_err().to_string(),
            "invalid URL (scheme ftp is not http or https)"
        );
        assert!(matches!(parse_url("http://"), Err(Failure::InvalidUrl(_))));
    }

    #[derive(Debug)]
    struct Wrapper(&'static str, Option<io::Error>);
    impl fmt::Display for Wrapper {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }
    impl StdError for Wrapper {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            self.1.as_ref().map(|e| e as _)
        }
    }

    #[test]
    fn errors_are_classified_through_their_chain() {
        let refused = Wrapper(
            "error sending request",
            Some(io::Error::from(io::ErrorKind::ConnectionRefused)),
        );
        assert_eq!(Failure::from_error(&refused), Failure::Refused);
        // An io::Error wrapping another error: its source() skips the wrapped one.
        let wrapped = io::Error::other(Wrapper(
            "client error",
            Some(io::Error::from(io::ErrorKind::TimedOut)),
        ));
        assert_eq!(Failure::from_error(&wrapped), Failure::Timeout);
        let dns = Wrapper(
            "client error (Connect)",
            Some(io::Error::other(
                "failed to lookup address information: Name or service not known",
            )),
        );
        assert_eq!(Failure::from_error(&dns), Failure::Dns);
        let other = Wrapper("protocol error", Some(io::Error::other("bad\nheader")));
        assert_eq!(
            Failure::from_error(&other),
            Failure::Other("protocol error: bad header".into())
        );
    }

    #[test]
    fn resets_and_short_bodies_are_named_whatever_the_client_says() {
        let reset = Wrapper(
            "error sending request",
            Some(io::Error::from(io::ErrorKind::ConnectionReset)),
        );
        assert_eq!(Failure::from_error(&reset), Failure::Reset);
        let curl = io::Error::other("Curl(\"Failure when receiving data from the peer\")");
        assert_eq!(Failure::from_error(&curl), Failure::Reset);
        let hyper = Wrapper(
            "error decoding response body",
            Some(io::Error::other(
                "end of file before message length reached",
            )),
        );
        assert_eq!(Failure::from_error(&hyper), Failure::Truncated);
        let eof = io::Error::from(io::ErrorKind::UnexpectedEof);
        assert_eq!(Failure::from_error(&eof), Failure::Truncated);
        assert_eq!(Failure::Reset.to_string(), "connection reset by the server");
        assert!(Failure::Truncated.to_string().starts_with("body cut short"));
    }

    #[test]
    fn workers_past_the_seeds_eight_are_numbered() {
        assert_eq!(worker_name(0), "One");
        assert_eq!(worker_name(7), "Eight");
        assert_eq!(worker_name(8), "9");
        assert_eq!(worker_name(1023), "1024");
    }

    #[test]
    fn redirects_resolve_against_the_current_url() {
        let here = parse_url("http://127.0.0.1:8080/redirect/2").unwrap();
        let next = |status, location| redirect_target(&here, status, location);
        assert_eq!(
            next(302, Some("/redirect/1")).unwrap().unwrap().as_str(),
            "http://127.0.0.1:8080/redirect/1"
        );
        assert_eq!(
            next(308, Some("https://example.com/x"))
                .unwrap()
                .unwrap()
                .as_str(),
            "https://example.com/x"
        );
        assert_eq!(next(200, Some("/elsewhere")), Ok(None));
        assert_eq!(next(304, Some("/elsewhere")), Ok(None));
        assert_eq!(next(301, None), Ok(None));
        assert_eq!(
            next(302, Some("ftp://example.com/"))
                .unwrap_err()
                .to_string(),
            "invalid URL (scheme ftp is not http or https)"
        );
    }

    #[test]
    fn the_body_count_stops_past_the_cap() {
        let mut count = BodyCount::default();
        assert_eq!(count.add(MAX_BODY_BYTES as usize), Ok(()));
        assert_eq!(count.bytes(), MAX_BODY_BYTES);
        assert_eq!(count.add(1), Err(Failure::BodyTooLarge));
    }

    #[test]
    fn finish_prints_the_total_and_names_the_failures() {
        let out = Out::capture();
        let ok = |url: &str| {
            (
                url.to_string(),
                Ok(Fetched {
                    status: 200,
                    bytes: 1,
                }),
            )
        };
        assert!(finish(&out, Duration::from_secs(1), &[ok("http://a")]).is_ok());
        assert_eq!(out.lines(), ["Total Time elapsed: 1.0"]);
        let results = [
            ok("http://a"),
            ("http://b".to_string(), Err(Failure::Refused)),
            ("x".to_string(), Err(Failure::InvalidUrl("no".into()))),
        ];
        let error = finish(&out, Duration::from_secs(1), &results).unwrap_err();
        assert_eq!(
            error.to_string(),
            "2 of 3 URLs failed: http://b: connection refused; x: invalid URL (no)"
        );
        let mut many = vec![ok("http://a"), ok("http://a")];
        many.extend((0..3).map(|_| ("http://b".to_string(), Err(Failure::Reset))));
        many.push(("http://c".to_string(), Err(Failure::Status(500))));
        let error = finish(&out, Duration::from_secs(1), &many).unwrap_err();
        assert!(
            error.to_string().ends_with(
                "and 1 more (outcomes: 2 HTTP 200, 1 HTTP error status 500, \
                 3 connection reset by the server)"
            ),
            "{error}"
        );
    }
}
