//! The fetch at scale, and the same with faults: `http_fetch` as the programs are (each
//! runtime's real client: reqwest on tokio, surf on async-std, hyper on smol, ureq on threads,
//! aiohttp on Python) sending N requests through W workers to the stand-in server in a process
//! of its own (`stand_in_server`, its `/load` route: a small body at once), beside a load
//! generator that is not ours (`wrk`) with as many connections.
//!
//! A run starts a fresh server, runs the client through the measuring [`Runner`] (wall, CPU,
//! peak RSS), closes the server's standard input and reads what it says it did (the requests
//! it received, each outcome it gave, its own CPU seconds). The client's figures come from its
//! own lines: requests per second from `Total Time elapsed`, latency from each `elapsed time`
//! or `failed after` line.
//!
//! The fault run gives 1 % of the requests each fault ([`shared::faults`]) and checks that
//! every request got exactly one outcome line, that the client's count of each outcome equals
//! the server's, and that the exit code is 1.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use shared::faults::Fault;
use shared::precision::Tail;

use super::stats::{Spread, schedule};
use crate::runner::{Job, Runner};

/// A client of the fetch at scale. To add a runtime, add a variant, its label, and its job in
/// [`client_job`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Client {
    /// reqwest on tokio's multi-thread runtime.
    Tokio,
    /// surf (curl) on async-std.
    AsyncStd,
    /// hyper + smol-hyper on smol.
    Smol,
    /// hyper on this project's handmade runtime (its reactor's `TcpStream`).
    Handmade,
    /// ureq, one thread per worker (`--mode threads`).
    Sync,
    /// aiohttp on asyncio.
    Python,
    /// `wrk`, with as many connections as workers: the ceiling each client is measured against.
    Wrk,
}

impl Client {
    pub fn label(self) -> &'static str {
        match self {
            Client::Tokio => "tokio (reqwest)",
            Client::AsyncStd => "async-std (surf)",
            Client::Smol => "smol (hyper)",
            Client::Handmade => "handmade (hyper)",
            Client::Sync => "sync threads (ureq)",
            Client::Python => "python (aiohttp)",
            Client::Wrk => "wrk (the ceiling)",
        }
    }

    /// The server's counts of each outcome ([`Fault::ALL`]'s order) as this client can
    /// report them. ureq cannot tell a reset in the middle of a body from a body cut short: it
    /// takes `ConnectionReset` while receiving a body for the peer closing (ureq 3.5
    /// `src/run.rs`, `remote_closed = true`), then reports the missing rest as "Peer
    /// disconnected" (`UnexpectedEof`). For it, the resets count as truncated bodies.
    pub fn reportable(self, mut counts: [u64; 5]) -> [u64; 5] {
        if self == Client::Sync {
            let at = |fault| Fault::ALL.iter().position(|f| *f == fault).unwrap();
            let (reset, truncated) = (at(Fault::Reset), at(Fault::Truncated));
            counts[truncated] += counts[reset];
            counts[reset] = 0;
        }
        counts
    }
}

/// Where the programs are.
#[derive(Debug, Clone)]
pub struct Programs {
    /// `target/bench/bin/`: `<runtime>/http_fetch`, `shared/stand_in_server`.
    pub bin: PathBuf,
    pub python: Option<PathBuf>,
    pub wrk: Option<PathBuf>,
}

/// `wrk` on the `PATH`; if it is missing and `apt-get` can install it (as root), installed
/// first (Debian's package); else `None` and the ceiling is left out.
pub fn find_wrk() -> Option<PathBuf> {
    let which = || {
        let out = Command::new("sh")
            .args(["-c", "command -v wrk"])
            .output()
            .ok()?;
        let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
    };
    if let Some(found) = which() {
        return Some(found);
    }
    eprintln!("==> no wrk: trying apt-get install wrk");
    let installed = Command::new("apt-get")
        .args(["install", "-y", "-q", "wrk"])
        .stdin(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let found = installed.then(which).flatten();
    if found.is_none() {
        eprintln!("==> no wrk (apt-get install wrk failed): the ceiling is left out");
    }
    found
}

/// The job of one client run: `N` requests of `url` through `W` workers. `None` for wrk
/// (run apart: it runs for a time, not for a count) and a missing Python.
pub fn client_job(
    programs: &Programs,
    client: Client,
    url: &str,
    n: u64,
    workers: u64,
    timeout: f64,
) -> Option<Job> {
    let args = [
        url.to_string(),
        "--workers".into(),
        workers.to_string(),
        "--times".into(),
        n.to_string(),
        "--timeout".into(),
        timeout.to_string(),
    ];
    let rust = |runtime: &str| Job::new(programs.bin.join(runtime).join("http_fetch"));
    let job = match client {
        Client::Tokio => rust("tokio").args(args),
        Client::AsyncStd => rust("async-std").args(args),
        Client::Smol => rust("smol").args(args),
        Client::Handmade => rust("handmade").args(args),
        Client::Sync => rust("sync").args(args).args(["--mode", "threads"]),
        Client::Python => Job::new(programs.python.as_ref()?)
            .arg(
                crate::build::workspace_root()
                    .join("python")
                    .join("http_fetch.py"),
            )
            .args(args)
            .args(["--mode", "concurrent"]),
        Client::Wrk => return None,
    };
    Some(job.env("NO_COLOR", "1").timeout(Duration::from_secs(600)))
}

/// The stand-in server, running in its own process.
pub struct ServerProcess {
    child: Child,
    pub url: String,
}

/// What the server said it did when it stopped.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Served {
    pub requests: u64,
    /// In [`Fault::ALL`]'s order.
    pub counts: [u64; 5],
    pub cpu_s: f64,
}

impl ServerProcess {
    /// Starts `stand_in_server` with `per_mille` of the requests given each fault.
    pub fn start(bin: &Path, per_mille: u32, seed: u64, slow: f64) -> anyhow::Result<Self> {
        let mut child = Command::new(bin.join("shared").join("stand_in_server"))
            .args([
                "--faults",
                &per_mille.to_string(),
                "--seed",
                &seed.to_string(),
            ])
            .args(["--slow", &slow.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let mut line = String::new();
        let stdout = child.stdout.as_mut().expect("piped");
        BufReader::new(stdout).read_line(&mut line)?;
        let Some(url) = line.trim().strip_prefix("listening ") else {
            let _ = child.kill();
            anyhow::bail!("stand_in_server said {line:?}");
        };
        Ok(ServerProcess {
            url: format!("{url}/load"),
            child,
        })
    }

    /// Stops it (closing its standard input) and reads what it did.
    pub fn stop(mut self) -> anyhow::Result<Served> {
        drop(self.child.stdin.take());
        let mut out = String::new();
        if let Some(stdout) = self.child.stdout.take() {
            for line in BufReader::new(stdout).lines() {
                out.push_str(&line?);
                out.push('\n');
            }
        }
        self.child.wait()?;
        parse_served(&out).ok_or_else(|| anyhow::anyhow!("stand_in_server said {out:?}"))
    }
}

/// The `served requests=… ok=… … cpu_s=…` line.
pub fn parse_served(stdout: &str) -> Option<Served> {
    let line = stdout.lines().find(|l| l.starts_with("served "))?;
    let value = |key: &str| -> Option<f64> {
        line.split_whitespace()
            .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))?
            .parse()
            .ok()
    };
    let mut counts = [0; 5];
    for (count, fault) in counts.iter_mut().zip(Fault::ALL) {
        *count = value(fault.key())? as u64;
    }
    Some(Served {
        requests: value("requests")? as u64,
        counts,
        cpu_s: value("cpu_s")?,
    })
}

/// What a client's lines say: each request's outcome and time, and the total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fetches {
    /// Outcomes in [`Fault::ALL`]'s order (what the client named each).
    pub counts: [u64; 5],
    /// Failures that are none of the five, with the first one's line.
    pub other: u64,
    pub other_example: Option<String>,
    /// Each request's seconds.
    pub latencies: Vec<f64>,
    /// `Total Time elapsed`.
    pub total_s: Option<f64>,
}

/// Reads `http_fetch`'s lines (any runtime's, Python's too): `Task … elapsed time S (HTTP
/// 200, …)`, `Task … failed after S s: why`, `Total Time elapsed: S`.
pub fn parse_fetches(stdout: &str) -> Fetches {
    let mut fetches = Fetches::default();
    for line in stdout.lines() {
        if let Some(total) = line.strip_prefix("Total Time elapsed: ") {
            fetches.total_s = total.trim().parse().ok();
        } else if let Some((_, rest)) = line.split_once(" elapsed time ") {
            let secs = rest
                .split_whitespace()
                .next()
                .and_then(|s| s.parse::<f64>().ok());
            fetches.latencies.extend(secs);
            let slot = if rest.contains("(HTTP 200") {
                fetches_slot(Fault::None)
            } else if rest.contains("(HTTP 500") {
                fetches_slot(Fault::Status500)
            } else {
                fetches.other += 1;
                fetches
                    .other_example
                    .get_or_insert_with(|| line.to_string());
                continue;
            };
            fetches.counts[slot] += 1;
        } else if let Some((_, rest)) = line.split_once(" failed after ") {
            let (secs, why) = rest.split_once(" s: ").unwrap_or((rest, ""));
            fetches.latencies.extend(secs.trim().parse::<f64>().ok());
            let fault = match why {
                "HTTP error status 500" => Fault::Status500,
                "connection reset by the server" => Fault::Reset,
                "timed out" => Fault::Slow,
                w if w.starts_with("body cut short") => Fault::Truncated,
                _ => {
                    fetches.other += 1;
                    fetches
                        .other_example
                        .get_or_insert_with(|| line.to_string());
                    continue;
                }
            };
            fetches.counts[fetches_slot(fault)] += 1;
        }
    }
    fetches
}

fn fetches_slot(fault: Fault) -> usize {
    Fault::ALL.iter().position(|f| *f == fault).unwrap_or(0)
}

impl Fetches {
    /// Every outcome line.
    pub fn outcomes(&self) -> u64 {
        self.counts.iter().sum::<u64>() + self.other
    }
}

/// One cell of the fetch table (or the fault table): the spread over its runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FetchRow {
    pub client: Client,
    pub n: u64,
    pub workers: u64,
    pub faults: bool,
    pub req_per_s: Option<Spread>,
    /// Per-run p50, p99, max of the requests' latencies, in ms: the spread of each.
    pub p50_ms: Option<Spread>,
    pub p99_ms: Option<Spread>,
    pub max_ms: Option<Spread>,
    pub peak_rss_kib: Option<Spread>,
    pub client_cpu_s: Option<Spread>,
    pub server_cpu_s: Option<Spread>,
    pub wall_s: Option<Spread>,
    /// The fault run's check of the last run: client counts, server counts, outcomes
    /// reported, exit code.
    pub client_counts: Option<[u64; 5]>,
    pub server_counts: Option<[u64; 5]>,
    pub outcomes: Option<u64>,
    pub exit_code: Option<i32>,
    /// Why there are no figures, or what the fault check found wrong.
    pub note: Option<String>,
}

impl FetchRow {
    fn new(client: Client, n: u64, workers: u64, faults: bool) -> FetchRow {
        FetchRow {
            client,
            n,
            workers,
            faults,
            req_per_s: None,
            p50_ms: None,
            p99_ms: None,
            max_ms: None,
            peak_rss_kib: None,
            client_cpu_s: None,
            server_cpu_s: None,
            wall_s: None,
            client_counts: None,
            server_counts: None,
            outcomes: None,
            exit_code: None,
            note: None,
        }
    }

    /// Which side was the limit, on this machine: the side that used a whole core's worth of
    /// CPU time (the server has one thread), else the client's CPU, else neither (the workers
    /// wait on the network).
    pub fn limit(&self, cores: usize) -> &'static str {
        let (Some(wall), Some(client), Some(server)) = (
            self.wall_s.map(|s| s.median),
            self.client_cpu_s.map(|s| s.median),
            self.server_cpu_s.map(|s| s.median),
        ) else {
            return "-";
        };
        let (client, server) = (client / wall, server / wall);
        if client + server > 0.85 * cores as f64 {
            if server > client {
                "CPU (server busier)"
            } else {
                "CPU (client busier)"
            }
        } else if server > 0.85 {
            "server (its one thread)"
        } else if client > 0.85 * cores as f64 {
            "client CPU"
        } else {
            "waiting (workers)"
        }
    }
}

/// What one run gave.
#[derive(Debug, Clone, Default)]
struct RunFigures {
    req_per_s: f64,
    tail_ms: Option<Tail>,
    rss_kib: f64,
    client_cpu: f64,
    server_cpu: f64,
    wall: f64,
}

/// Runs the cells (client, n, workers) in one order shuffled by `seed`, each `1 + repeat`
/// times (the first a warm-up), each against a fresh server with `per_mille` faults.
#[allow(clippy::too_many_arguments)]
pub fn run(
    runner: &Runner,
    programs: &Programs,
    cells: &[(Client, u64, u64)],
    per_mille: u32,
    timeout: f64,
    repeat: u32,
    seed: u64,
    stop: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<FetchRow>> {
    let faults = per_mille > 0;
    let mut rows: Vec<FetchRow> = cells
        .iter()
        .map(|&(c, n, w)| FetchRow::new(c, n, w, faults))
        .collect();
    let mut figures: Vec<Vec<RunFigures>> = vec![Vec::new(); cells.len()];
    let mut left = vec![1 + repeat; cells.len()];
    for slot in schedule(cells.len(), repeat, seed) {
        let (client, n, workers) = cells[slot.cell];
        let row = &mut rows[slot.cell];
        if row.note.is_none() || faults && row.client_counts.is_some() {
            let label = format!("{} · N={n} · W={workers}", client.label());
            match run_once(
                runner, programs, client, n, workers, per_mille, timeout, seed, row,
            ) {
                Ok(run) if !slot.warm_up => figures[slot.cell].push(run),
                Ok(_) => {}
                Err(why) => row.note = Some(why),
            }
            stop(&label)?;
        }
        left[slot.cell] -= 1;
        if left[slot.cell] == 0 {
            summarize(row, &figures[slot.cell]);
            eprintln!("    {}", describe(row));
        }
    }
    Ok(rows)
}

/// One run of a cell; its figures, or why it has none. A fault run also records its check in
/// `row` (a mismatch is a note, the figures are kept).
#[allow(clippy::too_many_arguments)]
fn run_once(
    runner: &Runner,
    programs: &Programs,
    client: Client,
    n: u64,
    workers: u64,
    per_mille: u32,
    timeout: f64,
    seed: u64,
    row: &mut FetchRow,
) -> Result<RunFigures, String> {
    let server = ServerProcess::start(&programs.bin, per_mille, seed, timeout * 3.0)
        .map_err(|e| format!("the server: {e}"))?;
    if client == Client::Wrk {
        return run_wrk(runner, programs, &server.url.clone(), n, workers, server);
    }
    let job = client_job(programs, client, &server.url, n, workers, timeout)
        .ok_or("no program for this client")?;
    let outcome = runner.run(&job);
    let served = server.stop().map_err(|e| e.to_string())?;
    let fetches = parse_fetches(&outcome.stdout);
    let code = match outcome.status {
        crate::runner::Status::Exited(code) => Some(code),
        _ => None,
    };
    if per_mille == 0 {
        if !outcome.status.success() {
            return Err(format!(
                "{}: {}",
                outcome.status,
                outcome.last_error_line().unwrap_or("no message")
            ));
        }
    } else {
        row.client_counts = Some(fetches.counts);
        row.server_counts = Some(served.counts);
        row.outcomes = Some(fetches.outcomes());
        row.exit_code = code;
        let mut wrong = Vec::new();
        if fetches.outcomes() != n || served.requests != n {
            wrong.push(format!(
                "{n} requests sent, {} outcomes reported, {} received by the server",
                fetches.outcomes(),
                served.requests
            ));
        }
        if fetches.counts != client.reportable(served.counts) {
            wrong.push(format!(
                "client counts {:?} ≠ server's {:?}",
                fetches.counts, served.counts
            ));
        }
        if let Some(example) = &fetches.other_example {
            wrong.push(format!(
                "{} unnamed failures, e.g. {example:?}",
                fetches.other
            ));
        }
        if code != Some(1) {
            wrong.push(format!("exit code {code:?}, not 1"));
        }
        if !wrong.is_empty() {
            row.note = Some(wrong.join("; "));
        }
    }
    let total = fetches
        .total_s
        .ok_or_else(|| format!("no total time: {:?}", outcome.last_error_line()))?;
    let ms: Vec<f64> = fetches.latencies.iter().map(|s| s * 1e3).collect();
    let cpu = outcome.user_cpu.unwrap_or_default() + outcome.system_cpu.unwrap_or_default();
    Ok(RunFigures {
        req_per_s: n as f64 / total.max(1e-9),
        tail_ms: Tail::of(&ms),
        rss_kib: outcome.peak_rss_kib.unwrap_or(0) as f64,
        client_cpu: cpu.as_secs_f64(),
        server_cpu: served.cpu_s,
        wall: outcome.wall.as_secs_f64(),
    })
}

/// `wrk -c W` against the server for about as long as `n` requests take it: wrk runs for a
/// time, and its requests per second and latency are read from its report.
fn run_wrk(
    runner: &Runner,
    programs: &Programs,
    url: &str,
    n: u64,
    workers: u64,
    server: ServerProcess,
) -> Result<RunFigures, String> {
    let wrk = programs.wrk.as_ref().ok_or("no wrk")?;
    // About a second per 10 000 requests, at least one.
    let secs = (n / 10_000).clamp(1, 10);
    let threads = workers.min(2);
    let job = Job::new(wrk)
        .args(["-t", &threads.to_string(), "-c", &workers.to_string()])
        .args(["-d", &format!("{secs}s"), "--latency", url])
        .timeout(Duration::from_secs(secs + 60));
    let outcome = runner.run(&job);
    let served = server.stop().map_err(|e| e.to_string())?;
    if !outcome.status.success() {
        return Err(format!("wrk: {}", outcome.status));
    }
    let report =
        parse_wrk(&outcome.stdout).ok_or_else(|| format!("wrk said {:?}", outcome.stdout))?;
    let cpu = outcome.user_cpu.unwrap_or_default() + outcome.system_cpu.unwrap_or_default();
    Ok(RunFigures {
        req_per_s: report.req_per_s,
        tail_ms: Some(Tail {
            p50: report.p50_ms,
            p99: report.p99_ms,
            max: report.max_ms,
        }),
        rss_kib: outcome.peak_rss_kib.unwrap_or(0) as f64,
        client_cpu: cpu.as_secs_f64(),
        server_cpu: served.cpu_s,
        wall: outcome.wall.as_secs_f64(),
    })
}

/// What wrk's report says.
#[derive(Debug, Clone, PartialEq)]
pub struct WrkReport {
    pub req_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

/// Reads `Requests/sec:`, the `Latency Distribution` (50 %, 99 %) and the latency's `Max`
/// from wrk's report.
pub fn parse_wrk(stdout: &str) -> Option<WrkReport> {
    let ms = |text: &str| -> Option<f64> {
        let (number, unit) = text
            .find(|c: char| c.is_ascii_alphabetic())
            .map(|i| text.split_at(i))?;
        let number: f64 = number.parse().ok()?;
        Some(match unit {
            "us" => number / 1e3,
            "ms" => number,
            "s" => number * 1e3,
            "m" => number * 60e3,
            _ => return None,
        })
    };
    let mut report = WrkReport {
        req_per_s: f64::NAN,
        p50_ms: f64::NAN,
        p99_ms: f64::NAN,
        max_ms: f64::NAN,
    };
    for line in stdout.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", rate] => report.req_per_s = rate.parse().ok()?,
            ["Latency", _avg, _stdev, max, ..] => report.max_ms = ms(max)?,
            ["50%", value] => report.p50_ms = ms(value)?,
            ["99%", value] => report.p99_ms = ms(value)?,
            _ => {}
        }
    }
    (!report.req_per_s.is_nan()).then_some(report)
}

/// The row's spreads from its counted runs.
fn summarize(row: &mut FetchRow, runs: &[RunFigures]) {
    if runs.is_empty() {
        return;
    }
    let of = |f: &dyn Fn(&RunFigures) -> Option<f64>| {
        Spread::of(&runs.iter().filter_map(f).collect::<Vec<_>>())
    };
    row.req_per_s = of(&|r| Some(r.req_per_s));
    row.p50_ms = of(&|r| r.tail_ms.map(|t| t.p50));
    row.p99_ms = of(&|r| r.tail_ms.map(|t| t.p99));
    row.max_ms = of(&|r| r.tail_ms.map(|t| t.max));
    row.peak_rss_kib = of(&|r| Some(r.rss_kib));
    row.client_cpu_s = of(&|r| Some(r.client_cpu));
    row.server_cpu_s = of(&|r| Some(r.server_cpu));
    row.wall_s = of(&|r| Some(r.wall));
}

fn describe(row: &FetchRow) -> String {
    let what = format!("{} · N={} · W={}", row.client.label(), row.n, row.workers);
    let rate = row
        .req_per_s
        .map_or("-".into(), |s| s.show(|v| format!("{v:.0} req/s")));
    match &row.note {
        Some(note) => format!("{what}: {rate} ({note})"),
        None => format!("{what}: {rate}"),
    }
}

/// Asks for the fault run's result in words: `ok`, or what was wrong.
pub fn verdict(row: &FetchRow) -> String {
    match (&row.note, row.client_counts) {
        (Some(note), _) => note.clone(),
        (None, Some(_)) => "every request accounted for".into(),
        (None, None) => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_lines_are_counted_by_outcome() {
        let out = "Task One getting URL: http://x/load\n\
            Task One elapsed time 0.002 (HTTP 200, 256 bytes)\n\
            Task Two failed after 0.001 s: HTTP error status 500\n\
            Task 9 failed after 0.5 s: timed out\n\
            Task 9 failed after 0.001 s: connection reset by the server\n\
            Task 9 failed after 0.001 s: body cut short (the connection closed before its end)\n\
            Task One failed after 0.003 s: something else\n\
            Total Time elapsed: 0.75\n";
        let f = parse_fetches(out);
        assert_eq!(f.counts, [1, 1, 1, 1, 1]);
        assert_eq!((f.other, f.outcomes()), (1, 6));
        assert!(f.other_example.unwrap().ends_with("something else"));
        assert_eq!(f.latencies.len(), 6);
        assert_eq!(f.total_s, Some(0.75));
    }

    #[test]
    fn the_servers_line_is_read() {
        let line = "listening x\nserved requests=100 ok=96 status_500=1 reset=1 slow=1 truncated=1 \
                    cpu_s=0.120 peak_rss_kib=9000\n";
        let served = parse_served(line).unwrap();
        assert_eq!(served.requests, 100);
        assert_eq!(served.counts, [96, 1, 1, 1, 1]);
        assert_eq!(served.cpu_s, 0.12);
        assert_eq!(parse_served("served requests=1"), None);
    }

    #[test]
    fn wrks_report_is_read() {
        let report = "Running 1s test @ http://127.0.0.1:1/load\n\
  2 threads and 64 connections\n\
  Thread Stats   Avg      Stdev     Max   +/- Stdev\n\
    Latency     3.10ms    1.20ms  25.00ms   90.00%\n\
    Req/Sec    10.50k     1.00k   12.00k    70.00%\n\
  Latency Distribution\n\
     50%    2.90ms\n\
     75%    3.50ms\n\
     90%    4.20ms\n\
     99%  800.00us\n\
  20900 requests in 1.00s, 5.00MB read\n\
Requests/sec:  20890.12\n\
Transfer/sec:      5.00MB\n";
        let r = parse_wrk(report).unwrap();
        assert_eq!(r.req_per_s, 20890.12);
        assert_eq!((r.p50_ms, r.p99_ms, r.max_ms), (2.9, 0.8, 25.0));
        assert_eq!(parse_wrk("nothing"), None);
    }

    #[test]
    fn the_limit_is_the_side_that_used_its_cpu() {
        let mut row = FetchRow::new(Client::Tokio, 1000, 64, false);
        let one = |v| {
            Some(Spread {
                min: v,
                median: v,
                max: v,
            })
        };
        (row.wall_s, row.client_cpu_s, row.server_cpu_s) = (one(1.0), one(0.3), one(0.95));
        assert_eq!(row.limit(2), "server (its one thread)");
        (row.client_cpu_s, row.server_cpu_s) = (one(1.2), one(0.6));
        assert_eq!(row.limit(2), "CPU (client busier)");
        (row.client_cpu_s, row.server_cpu_s) = (one(0.1), one(0.1));
        assert_eq!(row.limit(2), "waiting (workers)");
    }
}
