//! # http_fetch: six URLs, two workers, an async HTTP client (seed 001)
//!
//! The seed's last lesson. A queue holds six URLs; two workers, `One` and `Two`, take the next
//! URL as soon as they are free and fetch it. With a blocking client (`examples-sync`) each
//! request holds up everything else and the six take 4.55 s, the sum of their latencies. Here
//! each worker is a task: while one waits for its server, the other runs, and the six take
//! 2.49 s, the longest worker's share.
//!
//! The client here, [`examples_handmade::client`], is [hyper](https://hyper.rs) (reqwest's
//! engine) on the handmade runtime's own `TcpStream`, through
//! [smol-hyper](https://docs.rs/smol-hyper)'s `futures-io` adapter: every byte goes through the
//! runtime's reactor, and hyper needs nothing else from the runtime. Plain http only (https
//! would need TLS over the stream, `futures-rustls` for instance). `runtime::spawn` starts each
//! worker as a task, and awaiting the handles joins them (the seed's `asyncio.gather`).
//!
//! What reqwest does for you and hyper does not is done here: following redirects, and the
//! timeout, a race between the fetch and a `runtime::sleep` (`futures::future::select`): the
//! first to finish wins, the other is dropped, and dropping a future cancels it.
//!
//! Give it URLs and it fetches them: redirects followed (at most 10), gzip, deflate and brotli
//! bodies decoded, bodies over 10 MiB refused, each request bounded by `--timeout`; a URL that
//! fails gets its own line and does not stop the others; the exit code is 1 if any failed.
//! Without URLs it starts a local stand-in for the seed's six sites (`shared::server`), each
//! answering after the latency the seed measured, so it needs no network.
//!
//! ```text
//! cargo run -p examples-handmade --bin http_fetch                     # the six sites: 2.49 s
//! cargo run -p examples-handmade --bin http_fetch -- --workers 1      # one at a time: 4.55 s
//! cargo run -p examples-handmade --bin http_fetch -- http://127.0.0.1:8000/
//! ```

use std::collections::VecDeque;
use std::pin::pin;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use examples_handmade::client::Client;
use examples_handmade::runtime;
use futures::AsyncReadExt;
use futures::future::{self, Either};
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

/// The client's error as one of the shared failures: I/O errors underneath say what went
/// wrong.
fn failure(error: anyhow::Error) -> Failure {
    Failure::from_error(error.as_ref())
}

/// GETs `url`, following its redirects, and reads its body to the end.
async fn get(client: &Client, url: &str) -> Outcome {
    let mut url = fetch::parse_url(url)?;
    // hyper follows no redirects: send again while the answer is one.
    let mut redirects = 0;
    let mut response = loop {
        // Resolves when the headers have arrived.
        let response = client.get(&url).await.map_err(failure)?;
        let location = response.header("location");
        match fetch::redirect_target(&url, response.status(), location)? {
            None => break response,
            Some(_) if redirects == MAX_REDIRECTS => return Err(Failure::TooManyRedirects),
            Some(next) => (url, redirects) = (next, redirects + 1),
        }
    };
    let status = response.status();
    if let Some(failure) = Failure::for_status(status) {
        return Err(failure);
    }
    // The body is read in pieces as the server sends them, decompressed on the way.
    let mut body = BodyCount::default();
    let reader = response.body();
    let mut buffer = vec![0; 16 * 1024];
    loop {
        match reader.read(&mut buffer).await {
            Ok(0) => break,
            Ok(len) => body.add(len)?,
            Err(error) => return Err(Failure::from_error(&error)),
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
    client: Client,
    queue: Queue,
    timeout: Duration,
    out: Out,
) -> Vec<(String, Outcome)> {
    let mut results = Vec::new();
    while let Some(url) = next_url(&queue) {
        fetch::getting(&out, name, &url);
        let start = Instant::now();
        // While this request waits for the network, the loop runs the other workers. It races
        // a sleep: if the sleep wins, the request is dropped, which cancels it.
        let outcome = match future::select(pin!(get(&client, &url)), runtime::sleep(timeout)).await
        {
            Either::Left((outcome, _)) => outcome,
            Either::Right(_) => Err(Failure::Timeout),
        };
        fetch::outcome(&out, name, start.elapsed(), &outcome);
        results.push((url, outcome));
    }
    results
}

pub async fn run(run: Run<HttpOpts>) -> anyhow::Result<()> {
    // The URLs: from the command line, or the stand-in server's six sites.
    let targets = fetch::targets(&run)?;
    let queue: Queue = Arc::new(Mutex::new(targets.urls.into_iter().collect()));
    let client = Client::new()?;

    // Spawn the workers, then wait for them all (the seed's `asyncio.gather`).
    let start = Instant::now();
    let handles: Vec<_> = (0..run.opts.workers)
        .map(fetch::worker_name)
        .map(|name| {
            let out = run.out.task(name);
            let timeout = run.opts.timeout();
            runtime::spawn(run.out.traced(
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
    examples_handmade::main(Program::HttpFetch, run)
}
