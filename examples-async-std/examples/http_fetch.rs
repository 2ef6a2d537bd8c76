//! # http_fetch: a queue of URLs, two workers, an async HTTP client (seed 001)
//!
//! Two workers, `One` and `Two`, take the next URL from a queue as soon as they are free and
//! fetch it with surf (on its curl backend); each worker is a task, so while one waits for its
//! server the other runs. surf's `Redirect` middleware sends every request twice, so the
//! redirects are followed by hand. The URLs are the arguments; with none, the seed's six sites
//! (that needs the network). A URL that fails (not a URL, refused, no DNS, a status of 400 or
//! more, over the 10 s timeout) gets one line and does not stop the others; the exit code is
//! then 1.
//!
//! ```text
//! cargo run -p examples-async-std --example http_fetch                    # the six sites
//! cargo run -p examples-async-std --example http_fetch -- [MODE] URL...   # MODE: concurrent
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! async-std = { version = "1", features = ["attributes"] }
//! surf = { version = "2.3", default-features = false, features = ["curl-client"] }
//! anyhow = "1"
//! ```
//!
//! The measured twin (trace, `--scale`, `--workers`, a local stand-in for the six sites,
//! every kind of failure told apart, a cap on the body) is `src/bin/http_fetch.rs`.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use surf::Url;

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

/// GETs `url`, following at most 10 redirects: the final status and the body's length.
async fn get(client: &surf::Client, url: &str) -> anyhow::Result<(u16, usize)> {
    // Parse first: surf panics on a URL it cannot parse.
    let mut url = Url::parse(url)?;
    for _ in 0..=10 {
        anyhow::ensure!(
            matches!(url.scheme(), "http" | "https"),
            "not an http(s) URL"
        );
        let mut response = client.get(&url).await.map_err(surf::Error::into_inner)?;
        let status = u16::from(response.status());
        match response.header("location") {
            Some(next) if (300..400).contains(&status) => url = url.join(next.as_str())?,
            _ if status < 400 => {
                let body = response
                    .body_bytes()
                    .await
                    .map_err(surf::Error::into_inner)?;
                return Ok((status, body.len()));
            }
            _ => anyhow::bail!("HTTP status {status}"),
        }
    }
    anyhow::bail!("more than 10 redirects")
}

/// The seed's `task(name, work_queue)`: take URLs until the queue is empty; returns how many
/// failed.
async fn worker(name: &'static str, client: surf::Client, queue: Queue) -> usize {
    let mut failed = 0;
    while let Some(url) = next_url(&queue) {
        println!("Task {name} getting URL: {url}");
        let start = Instant::now();
        // While this request waits for the network, async-std runs the other worker. Past the
        // timeout it is dropped, which cancels it.
        let outcome = async_std::future::timeout(Duration::from_secs(10), get(&client, &url))
            .await
            .unwrap_or_else(|timed_out| Err(timed_out.into()));
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
    // One client for both; a clone shares it.
    let client = surf::Client::new();
    let start = Instant::now();
    let workers = ["One", "Two"]
        .map(|name| async_std::task::spawn(worker(name, client.clone(), queue.clone())));
    let mut failed = 0;
    for worker in workers {
        failed += worker.await;
    }
    println!("Total Time elapsed: {:?}", start.elapsed().as_secs_f64());
    failed
}

#[async_std::main]
async fn main() -> ExitCode {
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
        "concurrent" => concurrent(urls).await,
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
