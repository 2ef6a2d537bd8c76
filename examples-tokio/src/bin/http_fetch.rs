//! # http_fetch: six URLs, two workers, an async HTTP client (seed 001)
//!
//! The seed's last lesson. A queue holds six URLs; two workers, `One` and `Two`, take the next
//! URL as soon as they are free and fetch it. With a blocking client (`examples-sync`) each
//! request holds up everything else and the six take 4.55 s, the sum of their latencies. Here
//! each worker is a task: while one waits for its server, the other runs, and the six take
//! 2.49 s, the longest worker's share.
//!
//! [reqwest](https://docs.rs/reqwest) is the client of the tokio world (hyper underneath).
//! One `Client` is shared by the workers: it holds the pool of open connections, like the
//! seed's `aiohttp.ClientSession`, and cloning it is cheap. `tokio::spawn` starts each worker
//! as a task, and awaiting the handles joins them (the seed's `asyncio.gather`).
//!
//! Give it URLs and it fetches them: redirects followed (at most 10), gzip, deflate and brotli
//! bodies decoded, bodies over 10 MiB refused, each request bounded by `--timeout`; a URL that
//! fails gets its own line and does not stop the others; the exit code is 1 if any failed.
//! Without URLs it starts a local stand-in for the seed's six sites (`shared::server`), each
//! answering after the latency the seed measured, so it needs no network.
//!
//! ```text
//! cargo run -p examples-tokio --bin http_fetch                     # the six sites: 2.49 s
//! cargo run -p examples-tokio --bin http_fetch -- --workers 1      # one at a time: 4.55 s
//! cargo run -p examples-tokio --bin http_fetch -- https://www.rust-lang.org https://tokio.rs
//! ```
//! The standalone twin is `examples/http_fetch.rs`: the same program in one file, ready to copy.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use reqwest::Client;
use reqwest::redirect::Policy;
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

/// reqwest's error as one of the shared failures.
fn failure(error: reqwest::Error) -> Failure {
    if error.is_timeout() {
        Failure::Timeout
    } else if error.is_redirect() {
        Failure::TooManyRedirects
    } else {
        Failure::from_error(&error)
    }
}

/// GETs `url` and reads its body to the end.
async fn get(client: &Client, url: &str) -> Outcome {
    let url = fetch::parse_url(url)?;
    // `send` resolves when the headers have arrived (redirects already followed).
    let mut response = client.get(url).send().await.map_err(failure)?;
    let status = response.status().as_u16();
    if let Some(failure) = Failure::for_status(status) {
        return Err(failure);
    }
    // The body comes in chunks as the server sends them, decompressed on the way.
    let mut body = BodyCount::default();
    while let Some(chunk) = response.chunk().await.map_err(failure)? {
        body.add(chunk.len())?;
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
    out: Out,
) -> Vec<(String, Outcome)> {
    let mut results = Vec::new();
    while let Some(url) = next_url(&queue) {
        fetch::getting(&out, name, &url);
        let start = Instant::now();
        // While this request waits for the network, tokio runs the other workers.
        let outcome = get(&client, &url).await;
        fetch::outcome(&out, name, start.elapsed(), &outcome);
        results.push((url, outcome));
    }
    results
}

pub async fn run(run: Run<HttpOpts>) -> anyhow::Result<()> {
    // The URLs: from the command line, or the stand-in server's six sites.
    let targets = fetch::targets(&run)?;
    let queue: Queue = Arc::new(Mutex::new(targets.urls.into_iter().collect()));
    let client = Client::builder()
        .redirect(Policy::limited(MAX_REDIRECTS))
        .timeout(run.opts.timeout())
        .build()?;

    // Spawn the workers, then wait for them all (the seed's `asyncio.gather`).
    let start = Instant::now();
    let handles: Vec<_> = (0..run.opts.workers)
        .map(fetch::worker_name)
        .map(|name| {
            let out = run.out.task(name);
            tokio::spawn(
                run.out
                    .traced(name, worker(name, client.clone(), queue.clone(), out)),
            )
        })
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.extend(handle.await?);
    }
    fetch::finish(&run.out, start.elapsed(), &results)
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::HttpFetch, run)
}
