//! # http_fetch: a queue of URLs, two workers, a blocking HTTP client (seed 001)
//!
//! Two workers, `One` and `Two`, drain a queue of URLs with ureq, a blocking client. In the
//! seed's way (`sequential`, its two generators) they take turns: each request holds up
//! everything else, so the run takes the sum of the latencies. With a thread each (`threads`)
//! the blocking calls overlap like async tasks, for the price of a thread per worker. The URLs
//! are the arguments; with none, the seed's six sites (that needs the network). A URL that
//! fails (not a URL, refused, no DNS, a status of 400 or more, over the 10 s timeout) gets one
//! line and does not stop the others; the exit code is then 1.
//!
//! ```text
//! cargo run -p examples-sync --example http_fetch                    # the seed's six sites
//! cargo run -p examples-sync --example http_fetch -- [MODE] URL...   # sequential or threads
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! ureq = "3"
//! ```
//!
//! The measured twin (trace, `--scale`, `--workers`, a local stand-in for the six sites,
//! every kind of failure told apart, a cap on the body) is `src/bin/http_fetch.rs`.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use ureq::Agent;

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
type Queue = Mutex<VecDeque<String>>;

fn next_url(queue: &Queue) -> Option<String> {
    queue.lock().unwrap().pop_front()
}

/// GETs `url` (redirects followed; a status of 400 or more is an error) and reads its body:
/// the status and the body's length.
fn get(agent: &Agent, url: &str) -> Result<(u16, usize), ureq::Error> {
    let mut response = agent.get(url).call()?;
    let status = response.status().as_u16();
    Ok((status, response.body_mut().read_to_vec()?.len()))
}

/// One URL, from `getting URL` to its outcome; returns whether it failed.
fn fetch(name: &str, agent: &Agent, url: &str) -> bool {
    println!("Task {name} getting URL: {url}");
    let start = Instant::now();
    // The thread waits here until the whole body has arrived: nothing else runs on it.
    let outcome = get(agent, url);
    let secs = start.elapsed().as_secs_f64();
    match outcome {
        Ok((status, bytes)) => {
            println!("Task {name} elapsed time {secs:?} (HTTP {status}, {bytes} bytes)");
            false
        }
        Err(error) => {
            println!("Task {name} failed after {secs:?} s: {error}");
            true
        }
    }
}

/// The seed's two generators taking turns: each worker fetches one URL, then hands over.
fn sequential(agent: &Agent, queue: &Queue) -> usize {
    let mut failed = 0;
    for name in ["One", "Two"].iter().cycle() {
        let Some(url) = next_url(queue) else { break };
        failed += usize::from(fetch(name, agent, &url));
    }
    failed
}

/// A thread per worker, each taking URLs until the queue is empty.
fn threads(agent: &Agent, queue: &Queue) -> usize {
    thread::scope(|s| {
        let workers = ["One", "Two"].map(|name| {
            s.spawn(move || {
                let mut failed = 0;
                while let Some(url) = next_url(queue) {
                    failed += usize::from(fetch(name, agent, &url));
                }
                failed
            })
        });
        workers
            .map(|w| w.join().expect("a worker panicked"))
            .iter()
            .sum()
    })
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // The mode: a first argument without "://", sequential by default.
    let mode = match args.first() {
        Some(first) if !first.contains("://") => args.remove(0),
        _ => "sequential".to_string(),
    };
    // The URLs: the other arguments, or the seed's six sites.
    let urls = if args.is_empty() {
        SITES.map(String::from).to_vec()
    } else {
        args
    };
    let queue: Queue = Mutex::new(urls.into());
    // One agent for both workers: it holds the pool of connections.
    let config = Agent::config_builder().timeout_global(Some(Duration::from_secs(10)));
    let agent: Agent = config.build().into();
    let start = Instant::now();
    let failed = match mode.as_str() {
        "sequential" => sequential(&agent, &queue),
        "threads" => threads(&agent, &queue),
        other => {
            eprintln!("unknown mode {other:?}: expected one of sequential, threads");
            return ExitCode::from(2);
        }
    };
    println!("Total Time elapsed: {:?}", start.elapsed().as_secs_f64());
    if failed > 0 {
        eprintln!("{failed} of the URLs failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
