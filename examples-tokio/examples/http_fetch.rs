//! # http_fetch: a queue of URLs, two workers, an async HTTP client (seed 001)
//!
//! Two workers, `One` and `Two`, take the next URL from a queue as soon as they are free and
//! fetch it with reqwest; each worker is a task, so while one waits for its server the other
//! runs. The URLs are the arguments; with none, the seed's six sites (that needs the network).
//! A URL that fails (not a URL, refused, no DNS, a status of 400 or more, over the 10 s
//! timeout) gets one line and does not stop the others; the exit code is then 1.
//!
//! ```text
//! cargo run -p examples-tokio --example http_fetch                    # the seed's six sites
//! cargo run -p examples-tokio --example http_fetch -- [MODE] URL...   # MODE: concurrent
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! reqwest = { version = "0.13", default-features = false, features = ["rustls"] }
//! anyhow = "1"
//! ```
//!
//! The measured twin (trace, `--scale`, `--workers`, a local stand-in for the six sites,
//! every kind of failure told apart, a cap on the body) is `src/bin/http_fetch.rs`.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::task::JoinError;

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

/// GETs `url` (redirects followed) and reads its body: the status and the body's length.
async fn get(client: &reqwest::Client, url: &str) -> anyhow::Result<(u16, usize)> {
    let response = client.get(url).send().await?.error_for_status()?;
    let status = response.status().as_u16();
    Ok((status, response.bytes().await?.len()))
}

/// The seed's `task(name, work_queue)`: take URLs until the queue is empty; returns how many
/// failed.
async fn worker(name: &'static str, client: reqwest::Client, queue: Queue) -> usize {
    let mut failed = 0;
    while let Some(url) = next_url(&queue) {
        println!("Task {name} getting URL: {url}");
        let start = Instant::now();
        // While this request waits for the network, tokio runs the other worker.
        let outcome = get(&client, &url).await;
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
async fn concurrent(urls: Vec<String>) -> Result<usize, JoinError> {
    let queue: Queue = Arc::new(Mutex::new(urls.into()));
    // One client for both: it holds the pool of connections, and a clone shares it.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest's TLS backend starts");
    let start = Instant::now();
    let workers =
        ["One", "Two"].map(|name| tokio::spawn(worker(name, client.clone(), queue.clone())));
    let mut failed = 0;
    for worker in workers {
        failed += worker.await?;
    }
    println!("Total Time elapsed: {:?}", start.elapsed().as_secs_f64());
    Ok(failed)
}

/// A worker that panicked ends `main` with its error (exit code 1).
#[tokio::main]
async fn main() -> Result<ExitCode, JoinError> {
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
        "concurrent" => concurrent(urls).await?,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return Ok(ExitCode::from(2));
        }
    };
    if failed > 0 {
        eprintln!("{failed} of the URLs failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
