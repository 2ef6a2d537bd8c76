//! # http_fetch: six URLs, two workers, a blocking HTTP client (seed 001)
//!
//! The seed's last lesson, its "old-school" half. A queue holds six URLs; two workers, `One`
//! and `Two`, take turns: each fetches one URL, then hands over to the other (the seed's two
//! generators driven by a `while` loop). The client blocks: while a request waits for its
//! server, nothing else happens, so the six take 4.55 s, the sum of their latencies. The async
//! versions (`examples-tokio` and the others) take 2.49 s.
//!
//! [ureq](https://docs.rs/ureq) is a blocking client with no async runtime inside (unlike
//! `reqwest::blocking`, which runs tokio on a thread of its own). Its `Agent` holds the pool of
//! open connections, like the seed's `requests.Session`; clones share one pool.
//!
//! - `--mode sequential` (default): the generators taking turns, written by hand: each
//!   `Task::resume` fetches one URL and returns, like the seed's `yield`. 4.55 s.
//! - `--mode threads`: each worker on an OS thread of its own, in a [`std::thread::scope`].
//!   Blocking calls on two threads overlap like the async tasks do: 2.49 s, for the price of a
//!   thread per worker.
//!
//! Give it URLs and it fetches them: redirects followed (at most 10), gzip and brotli bodies
//! decoded, bodies over 10 MiB refused, each request bounded by `--timeout`; a URL that fails
//! gets its own line and does not stop the others; the exit code is 1 if any failed. Without
//! URLs it starts a local stand-in for the seed's six sites (`shared::server`), each answering
//! after the latency the seed measured, so it needs no network.
//!
//! ```text
//! cargo run -p examples-sync --bin http_fetch                      # taking turns: 4.55 s
//! cargo run -p examples-sync --bin http_fetch -- --mode threads    # 2.49 s
//! cargo run -p examples-sync --bin http_fetch -- https://www.rust-lang.org https://docs.rs
//! ```
//! The standalone twin is `examples/http_fetch.rs`: the same program in one file, ready to copy.

use std::collections::VecDeque;
use std::io;
use std::process::ExitCode;
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

use shared::fetch::{self, Failure, Fetched, MAX_BODY_BYTES, MAX_REDIRECTS, Outcome};
use shared::{HttpOpts, Mode, Out, Program, Run};
use ureq::Agent;

/// The queue of URLs, filled before the workers start. The mutex is for `--mode threads`.
type Queue = Mutex<VecDeque<String>>;

fn next_url(queue: &Queue) -> Option<String> {
    queue
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .pop_front()
}

/// ureq's error as one of the shared failures.
fn failure(error: ureq::Error) -> Failure {
    match error {
        ureq::Error::StatusCode(status) => Failure::Status(status),
        ureq::Error::Timeout(_) => Failure::Timeout,
        ureq::Error::HostNotFound => Failure::Dns,
        ureq::Error::TooManyRedirects => Failure::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => Failure::BodyTooLarge,
        ureq::Error::Io(error) => Failure::from_error(&error),
        other => Failure::from_error(&other),
    }
}

/// GETs `url` and reads its body to the end.
fn get(agent: &Agent, url: &str) -> Outcome {
    let url = fetch::parse_url(url)?;
    // `call` returns when the headers have arrived (redirects already followed); a status of
    // 400 or more comes back as an error.
    let mut response = agent.get(url.as_str()).call().map_err(failure)?;
    let status = response.status().as_u16();
    // The body, decompressed on the way, read to the end; ureq stops past the cap.
    let mut body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .reader();
    let bytes = io::copy(&mut body, &mut io::sink()).map_err(|e| failure(e.into()))?;
    Ok(Fetched { status, bytes })
}

/// One turn of a worker, the body of the seed's loop: from `getting URL` to `elapsed time`.
fn fetch_one(name: &str, agent: &Agent, url: String, out: &Out) -> (String, Outcome) {
    fetch::getting(out, name, &url);
    let start = Instant::now();
    // The thread waits here until the whole body has arrived: nothing else runs on it.
    let outcome = get(agent, &url);
    fetch::outcome(out, name, start.elapsed(), &outcome);
    (url, outcome)
}

/// The seed's generator `task(name, work_queue)`, resumed by hand.
struct Task {
    name: &'static str,
    agent: Agent,
    out: Out,
}

impl Task {
    /// Fetches the next URL and returns, like the seed's `yield`; `false` when the queue is
    /// empty (the seed's `StopIteration`).
    fn resume(&self, queue: &Queue, results: &mut Vec<(String, Outcome)>) -> bool {
        let Some(url) = next_url(queue) else {
            return false;
        };
        results.push(fetch_one(self.name, &self.agent, url, &self.out));
        true
    }
}

/// A worker on a thread of its own: take URLs until the queue is empty.
fn worker(name: &'static str, agent: Agent, queue: &Queue, out: Out) -> Vec<(String, Outcome)> {
    let mut results = Vec::new();
    while let Some(url) = next_url(queue) {
        results.push(fetch_one(name, &agent, url, &out));
    }
    results
}

pub fn run(run: Run<HttpOpts>) -> anyhow::Result<()> {
    // The URLs: from the command line, or the stand-in server's six sites.
    let targets = fetch::targets(&run)?;
    let queue: Queue = Mutex::new(targets.urls.into_iter().collect());
    let agent: Agent = Agent::config_builder()
        .max_redirects(MAX_REDIRECTS as u32)
        .timeout_global(Some(run.opts.timeout()))
        .build()
        .into();
    let names = (0..run.opts.workers).map(fetch::worker_name);

    let start = Instant::now();
    let mut results = Vec::new();
    match run.mode {
        Mode::Threads => {
            // One thread per worker; the scope joins them all before it returns.
            thread::scope(|scope| -> anyhow::Result<()> {
                let mut handles = Vec::new();
                for name in names {
                    let (agent, queue, out) = (agent.clone(), &queue, run.out.task(name));
                    let handle = thread::Builder::new().name(name.to_string()).spawn_scoped(
                        scope,
                        run.out
                            .traced_blocking(&name, move || worker(name, agent, queue, out)),
                    )?;
                    handles.push(handle);
                }
                for handle in handles {
                    let worker_results = handle
                        .join()
                        .map_err(|_| anyhow::anyhow!("a worker thread panicked"))?;
                    results.extend(worker_results);
                }
                Ok(())
            })?;
        }
        _ => {
            // The seed's `while not done: for t in tasks: next(t)`: resume each task in turn,
            // and drop the ones that are finished.
            let mut tasks: Vec<Task> = names
                .map(|name| Task {
                    name,
                    agent: agent.clone(),
                    out: run.out.task(name),
                })
                .collect();
            while !tasks.is_empty() {
                tasks.retain(|task| task.resume(&queue, &mut results));
            }
        }
    }
    fetch::finish(&run.out, start.elapsed(), &results)
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::HttpFetch, run)
}
