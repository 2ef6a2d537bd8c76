//! # http_fetch: six URLs, two workers, an async HTTP client (seed 001)
//!
//! The seed's last lesson. A queue holds six URLs; two workers, `One` and `Two`, take the next
//! URL as soon as they are free and fetch it. With a blocking client (`examples-sync`) each
//! request holds up everything else and the six take 4.55 s, the sum of their latencies. Here
//! each worker is a task: while one waits for its server, the other runs, and the six take
//! 2.49 s, the longest worker's share.
//!
//! [surf](https://docs.rs/surf) is the client of the async-std world. Neither is maintained any
//! more: async-std is discontinued in favour of smol, and surf is unmaintained; they are here for
//! comparison. surf runs on its default backend, libcurl (through isahc 0.9), which does its I/O on
//! a thread of its own and decompresses gzip and deflate; unlike surf's `h1-client` backends, it
//! also reads answers from HTTP/1.0 servers. One `surf::Client` is shared by the workers, and
//! cloning it is cheap. `async_std::task::spawn` starts each worker as a task, and awaiting the
//! handles joins them (the seed's `asyncio.gather`); a dropped handle would detach its task, as
//! tokio's does.
//!
//! What reqwest does for you and surf does not is done here, as in the smol version: following
//! redirects (surf's `Redirect` middleware would send every request twice, once to look for a
//! redirect and once for real) and the timeout, `async_std::future::timeout` around each
//! fetch: when time is up the fetch is dropped, and dropping a future cancels it.
//!
//! Give it URLs and it fetches them: redirects followed (at most 10), gzip and deflate bodies
//! decoded, bodies over 10 MiB refused, each request bounded by `--timeout`; a URL that fails
//! gets its own line and does not stop the others; the exit code is 1 if any failed. Without
//! URLs it starts a local stand-in for the seed's six sites (`shared::server`), each answering
//! after the latency the seed measured, so it needs no network.
//!
//! ```text
//! cargo run -p examples-async-std --bin http_fetch                  # the six sites: 2.49 s
//! cargo run -p examples-async-std --bin http_fetch -- --workers 1   # one at a time: 4.55 s
//! cargo run -p examples-async-std --bin http_fetch -- https://www.rust-lang.org https://async.rs
//! ```
//! The standalone twin is `examples/http_fetch.rs`: the same program in one file, ready to copy.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_std::io::ReadExt;
use futures::FutureExt;
use shared::fetch::{self, BodyCount, Failure, Fetched, MAX_REDIRECTS, Outcome};
use shared::{HttpOpts, Out, Program, Run};

/// The queue of URLs. It is filled before the workers start and only shrinks, so a plain
/// mutex is enough: taking a URL never waits (the seed's `await work_queue.get()` never did).
type Queue = Arc<Mutex<VecDeque<String>>>;

fn next_url(queue: &Queue) -> Option<String> {
    queue
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .pop_front()
}

/// surf's error as one of the shared failures: it wraps curl's (isahc's), which says what
/// went wrong.
fn failure(error: surf::Error) -> Failure {
    match error.downcast_ref::<isahc::Error>() {
        Some(isahc::Error::CouldntResolveHost) => Failure::Dns,
        // curl does not tell a refused connection from an unreachable host.
        Some(isahc::Error::ConnectFailed) => Failure::Refused,
        Some(isahc::Error::Timeout) => Failure::Timeout,
        _ => Failure::from_error(error.as_ref()),
    }
}

/// An error reading surf's body: curl's `ResponseBodyError` (a partial body) says nothing
/// more than "unknown error", so it is named here.
fn body_failure(error: std::io::Error) -> Failure {
    match error
        .get_ref()
        .and_then(|e| e.downcast_ref::<isahc::Error>())
    {
        Some(isahc::Error::ResponseBodyError(_)) => Failure::Truncated,
        _ => Failure::from_error(&error),
    }
}

/// A panic inside surf as a failure of the URL that caused it.
fn panicked(panic: Box<dyn std::any::Any + Send>) -> Failure {
    let message = (panic.downcast_ref::<&str>().copied())
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    Failure::Other(format!("surf panicked: {message}"))
}

/// GETs `url`, following its redirects, and reads its body to the end.
async fn get(client: &surf::Client, url: &str) -> Outcome {
    let mut url = fetch::parse_url(url)?;
    // surf follows no redirects: send again while the answer is one.
    let mut redirects = 0;
    let mut response = loop {
        // Resolves when the headers have arrived. surf's curl backend panics on a header
        // value that is not ASCII (it unwraps it as text): that panic is caught here.
        let sent = AssertUnwindSafe(client.get(url.as_str())).catch_unwind();
        let response = sent.await.map_err(panicked)?.map_err(failure)?;
        let location = response
            .header("location")
            .map(|values| values.last().as_str());
        match fetch::redirect_target(&url, response.status().into(), location)? {
            None => break response,
            Some(_) if redirects == MAX_REDIRECTS => return Err(Failure::TooManyRedirects),
            Some(next) => (url, redirects) = (next, redirects + 1),
        }
    };
    let status = response.status().into();
    if let Some(failure) = Failure::for_status(status) {
        return Err(failure);
    }
    // The body is read in pieces as the server sends them, decompressed on the way.
    let mut body = BodyCount::default();
    let mut reader = response.take_body();
    let mut buffer = vec![0; 16 * 1024];
    loop {
        match reader.read(&mut buffer).await {
            Ok(0) => break,
            Ok(len) => body.add(len)?,
            Err(error) => return Err(body_failure(error)),
        }
    }
    Ok(Fetched {
        status,
        bytes: body.bytes(),
    })
}

/// The seed's `task(name, work_queue)`: take URLs until the queue is empty.
async fn worker(
    name: &'static str,
    client: surf::Client,
    queue: Queue,
    timeout: Duration,
    out: Out,
) -> Vec<(String, Outcome)> {
    let mut results = Vec::new();
    while let Some(url) = next_url(&queue) {
        fetch::getting(&out, name, &url);
        let start = Instant::now();
        // While this request waits for the network, async-std runs the other workers. Past
        // the timeout it is dropped, which cancels it.
        let outcome = async_std::future::timeout(timeout, get(&client, &url))
            .await
            .unwrap_or(Err(Failure::Timeout));
        fetch::outcome(&out, name, start.elapsed(), &outcome);
        results.push((url, outcome));
    }
    results
}

pub async fn run(run: Run<HttpOpts>) -> anyhow::Result<()> {
    // The URLs: from the command line, or the stand-in server's six sites.
    let targets = fetch::targets(&run)?;
    let queue: Queue = Arc::new(Mutex::new(targets.urls.into_iter().collect()));
    let client = surf::Client::new();

    // Spawn the workers, then wait for them all (the seed's `asyncio.gather`).
    let start = Instant::now();
    let handles: Vec<_> = (0..run.opts.workers)
        .map(fetch::worker_name)
        .map(|name| {
            let out = run.out.task(name);
            let timeout = run.opts.timeout();
            async_std::task::spawn(run.out.traced(
                name,
                worker(name, client.clone(), queue.clone(), timeout, out),
            ))
        })
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.extend(handle.await);
    }
    fetch::finish(&run.out, start.elapsed(), &results)
}

pub fn main() -> ExitCode {
    examples_async_std::main(Program::HttpFetch, run)
}
