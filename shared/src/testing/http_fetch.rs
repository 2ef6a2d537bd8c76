//! The checks every runtime's `http_fetch` binary must pass, against the stand-in
//! [`Server`] and a refused port on 127.0.0.1 (never the internet). A runtime's
//! `tests/http_fetch.rs` calls each with `env!("CARGO_BIN_EXE_http_fetch")` and the arguments
//! of the mode under test (`&[]` for the default, `&["--mode", "threads"]`, …), through
//! [`http_fetch_tests!`](crate::http_fetch_tests), which writes one `#[test]` per check.
//!
//! Bounds are generous (a loaded two-core machine): each check asserts what must hold, not
//! how fast this machine is.

use std::collections::BTreeMap;
use std::time::Duration;

use super::{BinRun, run_bin};
use crate::catalogue::http_fetch::SITES;
use crate::fetch::MAX_REDIRECTS;
use crate::server::{self, CHUNKED_BYTES, GZIP_BYTES, Server};

/// How long any one run of the binary may take before the check fails instead of hanging.
const DEADLINE: Duration = Duration::from_secs(60);

/// Runs `exe` with `args` then `more`.
fn run(exe: &str, args: &[&str], more: &[&str]) -> BinRun {
    let all: Vec<&str> = args.iter().chain(more).copied().collect();
    run_bin(exe, &all, DEADLINE)
}

/// stdout's lines after the `getting` line of each URL: the one outcome line of that URL
/// (the next line of the same worker). Fails if a URL has no outcome line, or two.
pub fn outcomes(run: &BinRun) -> BTreeMap<String, String> {
    let mut fetching: BTreeMap<String, String> = BTreeMap::new();
    let mut outcomes = BTreeMap::new();
    for line in run.lines() {
        let Some(rest) = line.strip_prefix("Task ") else {
            continue;
        };
        let (name, what) = rest.split_once(' ').expect("Task <name> …");
        if let Some(url) = what.strip_prefix("getting URL: ") {
            let previous = fetching.insert(name.to_string(), url.to_string());
            assert!(
                previous.is_none(),
                "{name} got {url} before finishing: {run:?}"
            );
        } else {
            let url = fetching
                .remove(name)
                .unwrap_or_else(|| panic!("{line:?} follows no getting line: {run:?}"));
            let previous = outcomes.insert(url.clone(), line.clone());
            assert!(previous.is_none(), "two outcomes for {url}: {run:?}");
        }
    }
    assert!(fetching.is_empty(), "no outcome for {fetching:?}: {run:?}");
    outcomes
}

/// The seconds an outcome line reports (`elapsed time S (…)` or `failed after S s: …`).
pub fn reported_secs(line: &str) -> f64 {
    let after = line
        .split_once("elapsed time ")
        .or_else(|| line.split_once("failed after "))
        .unwrap_or_else(|| panic!("not an outcome line: {line:?}"))
        .1;
    let number = after.split_whitespace().next().unwrap_or_default();
    number
        .parse()
        .unwrap_or_else(|_| panic!("no seconds in {line:?}"))
}

/// The seconds of the last line, `Total Time elapsed: S`.
fn total_secs(run: &BinRun) -> f64 {
    let lines = run.lines();
    let last = lines.last().map(String::as_str).unwrap_or_default();
    last.strip_prefix("Total Time elapsed: ")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("the last line is not the total: {run:?}"))
}

/// No URLs: the stand-in server's six sites, six getting lines, six successes, the total,
/// exit code 0. At `scale`, one worker at a time takes at least the sum of the latencies;
/// `concurrent` runs (two workers overlapping) take less than that sum.
pub fn default_run_fetches_the_six_sites(exe: &str, args: &[&str], concurrent: bool) {
    let scale = 0.2;
    let run = run(exe, args, &["--scale", &scale.to_string()]);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    let outcomes = outcomes(&run);
    assert_eq!(outcomes.len(), 6, "{run:?}");
    for (name, _) in SITES {
        let (url, line) = outcomes
            .iter()
            .find(|(url, _)| url.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("no {name}: {run:?}"));
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert!(
            line.contains(" elapsed time ") && line.contains("(HTTP 200, "),
            "{line}"
        );
    }
    assert_eq!(run.lines().len(), 13, "{run:?}");
    let total = total_secs(&run);
    let sum: f64 = SITES.iter().map(|(_, latency)| latency * scale).sum();
    let longest = SITES.iter().map(|(_, l)| l * scale).fold(0.0, f64::max);
    if concurrent {
        // Two workers: never under the longest site nor half the sum; clearly under the sum.
        assert!(total >= longest.max(sum / 2.0) * 0.99, "{total} s: {run:?}");
        assert!(
            total < sum,
            "{total} s, not under the {sum} s of one at a time: {run:?}"
        );
    } else {
        assert!(
            total >= sum * 0.99,
            "{total} s, under the {sum} s sum: {run:?}"
        );
    }
    assert!(total < sum + 5.0, "{total} s: {run:?}");
}

/// No URLs, six workers (`--workers 6 --scale 0.05`): the six sites fetched at once, each on
/// a connection of its own that the client keeps alive, and every one answered: six
/// successes, nothing on stderr, exit code 0. (The stand-in server once left two of six such
/// connections waiting for ever.)
pub fn six_workers_fetch_the_six_sites_at_once(exe: &str, args: &[&str]) {
    let run = run(exe, args, &["--workers", "6", "--scale", "0.05"]);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    let outcomes = outcomes(&run);
    assert_eq!(outcomes.len(), 6, "{run:?}");
    for (name, _) in SITES {
        let (_, line) = outcomes
            .iter()
            .find(|(url, _)| url.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("no {name}: {run:?}"));
        assert!(
            line.contains(" elapsed time ") && line.contains("(HTTP 200, "),
            "{line}: {run:?}"
        );
    }
    total_secs(&run);
}

/// URLs that succeed, fail, redirect (up to [`MAX_REDIRECTS`] times, not one more) and come
/// compressed or chunked, in one run with three workers: each gets exactly one outcome, one bad URL does not stop the others, the exit
/// code is 1 and stderr says how many failed, on one line.
pub fn each_url_gets_one_outcome(exe: &str, args: &[&str]) {
    let server = Server::start(0.05).expect("stand-in server");
    let refused = server::refused_url().expect("a free port");
    let expected: Vec<(String, String)> = [
        (server.url("/apple"), "(HTTP 200, ".to_string()),
        (server.url("/status/404"), "HTTP error status 404".into()),
        (server.url("/status/500"), "HTTP error status 500".into()),
        (server.url("/redirect/3"), "(HTTP 200, 16 bytes)".into()),
        (
            server.url(&format!("/redirect/{MAX_REDIRECTS}")),
            "(HTTP 200, 16 bytes)".into(),
        ),
        (
            server.url(&format!("/redirect/{}", MAX_REDIRECTS + 1)),
            "too many redirects".into(),
        ),
        (server.url("/redirect-loop"), "too many redirects".into()),
        (
            server.url("/gzip"),
            format!("(HTTP 200, {GZIP_BYTES} bytes)"),
        ),
        (
            server.url("/chunked"),
            format!("(HTTP 200, {CHUNKED_BYTES} bytes)"),
        ),
        (server.url("/big"), "body larger than 10 MiB".into()),
        (refused, "connection refused".into()),
        (
            "not a url".into(),
            "invalid URL (relative URL without a base)".into(),
        ),
        (
            "ftp://x".into(),
            "invalid URL (scheme ftp is not http or https)".into(),
        ),
    ]
    .into_iter()
    .collect();
    let urls: Vec<&str> = expected.iter().map(|(url, _)| url.as_str()).collect();
    let more: Vec<&str> = ["--workers", "3", "--timeout", "30"]
        .into_iter()
        .chain(urls)
        .collect();
    let run = run(exe, args, &more);
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = outcomes(&run);
    assert_eq!(outcomes.len(), expected.len(), "{run:?}");
    for (url, text) in &expected {
        let line = &outcomes[url];
        assert!(
            line.contains(text.as_str()),
            "{url}: {line:?} lacks {text:?}"
        );
        let failed = !text.starts_with("(HTTP");
        assert_eq!(line.contains(" failed after "), failed, "{url}: {line:?}");
    }
    total_secs(&run);
    let stderr = run.stderr.trim_end();
    assert_eq!(stderr.lines().count(), 1, "{run:?}");
    let failed = expected
        .iter()
        .filter(|(_, text)| !text.starts_with("(HTTP"))
        .count();
    let summary = format!("error: {failed} of {} URLs failed: ", expected.len());
    assert!(stderr.starts_with(&summary), "{stderr}");
}

/// Every URL succeeds (a site and a redirect): exit code 0 and nothing on stderr.
pub fn all_good_exits_0(exe: &str, args: &[&str]) {
    let server = Server::start(0.05).expect("stand-in server");
    let (site, redirect) = (server.url("/google"), server.url("/redirect/1"));
    let run = run(exe, args, &[&site, &redirect]);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(run.stderr.is_empty(), "{run:?}");
    assert_eq!(outcomes(&run).len(), 2, "{run:?}");
}

/// A server that never answers: with `--timeout 0.5` its URL fails with a timeout after about
/// half a second (well under the 10 s default), and the URL queued behind it on the same
/// single worker is still fetched.
pub fn a_silent_server_times_out(exe: &str, args: &[&str]) {
    let server = Server::start(0.05).expect("stand-in server");
    let (hang, apple) = (server.url("/hang"), server.url("/apple"));
    let run = run(
        exe,
        args,
        &["--workers", "1", "--timeout", "0.5", &hang, &apple],
    );
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = outcomes(&run);
    let line = &outcomes[&hang];
    assert!(line.ends_with("s: timed out"), "{line:?}");
    let secs = reported_secs(line);
    assert!((0.45..5.0).contains(&secs), "{secs} s: {line:?}");
    assert!(outcomes[&apple].contains("(HTTP 200, "), "{run:?}");
    assert!(run.wall < Duration::from_secs(9), "{:?}: {run:?}", run.wall);
    assert!(run.stderr.contains("1 of 2 URLs failed"), "{run:?}");
}

/// Bad options after `args` (`--workers 0`, `--workers` past [`crate::cli::MAX_WORKERS`],
/// `--timeout 0`, `--timeout soon`): exit code 2, one line on stderr, nothing fetched.
pub fn bad_options_exit_2(exe: &str, args: &[&str]) {
    let too_many = (crate::cli::MAX_WORKERS + 1).to_string();
    for bad in [
        &["--workers", "0"][..],
        &["--workers", &too_many][..],
        &["--timeout", "0"][..],
        &["--timeout", "soon"][..],
    ] {
        let run = run(exe, args, bad);
        let args = [args, bad].concat();
        assert_eq!(run.code(), Some(2), "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        let stderr = run.stderr.trim_end();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(stderr.starts_with("error: "), "{args:?}: {run:?}");
    }
}

/// A server on 127.0.0.1 that answers every request with `response` (raw bytes) and closes
/// the connection, for as long as the test runs. Returns its URL.
pub fn raw_server(response: &'static [u8]) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.read(&mut [0; 4096]);
            let _ = stream.write_all(response);
        }
    });
    url
}

/// For the binaries with a hand-written redirect loop (async-std's and smol's): exactly ten
/// redirects are followed, the eleventh fails that URL (and the run exits 1).
pub fn ten_redirects_are_followed_and_the_eleventh_fails(exe: &str) {
    let server = Server::start(1.0).unwrap();
    let (ten, eleven) = (server.url("/redirect/10"), server.url("/redirect/11"));
    let run = run_bin(exe, &[&ten, &eleven], DEADLINE);
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = outcomes(&run);
    // `/redirect/0` answers "redirected here\n".
    assert!(outcomes[&ten].ends_with("(HTTP 200, 16 bytes)"), "{run:?}");
    assert!(
        outcomes[&eleven].ends_with("s: too many redirects (more than 10)"),
        "{run:?}"
    );
}

/// An HTTP/1.0 server (no length, the body ends with the connection) is read in full.
pub fn an_http_1_0_server_is_read(exe: &str) {
    let url = raw_server(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from 1.0\n");
    let run = run_bin(exe, &[&url], DEADLINE);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(
        outcomes(&run)[&url].ends_with("(HTTP 200, 15 bytes)"),
        "{run:?}"
    );
}

/// Writes a runtime crate's `#[test]` functions for the checks above, each running the binary
/// `exe` with `args` (the mode or scheduler under test); `overlapping` says whether its default
/// run's two workers overlap (see [`default_run_fetches_the_six_sites`]). `also: [check, …]`
/// adds one test per named check that takes the binary alone. For example,
///
/// ```text
/// shared::http_fetch_tests!(EXE, &[], overlapping: true, also: [an_http_1_0_server_is_read]);
/// ```
///
/// writes
///
/// ```text
/// #[test]
/// fn the_default_run_fetches_the_six_sites() {
///     default_run_fetches_the_six_sites(EXE, &[], true);
/// }
/// #[test]
/// fn six_workers_are_all_answered() {
///     six_workers_fetch_the_six_sites_at_once(EXE, &[]);
/// }
/// // … the same for each_url_gets_one_outcome, all_good_exits_0, a_silent_server_times_out
/// // and bad_options_exit_2
/// #[test]
/// fn an_http_1_0_server_is_read() {
///     an_http_1_0_server_is_read(EXE);
/// }
/// ```
///
/// A second set of arguments goes in a module of its own (the names are the same).
#[macro_export]
macro_rules! http_fetch_tests {
    (
        $exe:expr, $args:expr, overlapping: $overlapping:expr
        $(, also: [$($check:ident),* $(,)?])? $(,)?
    ) => {
        #[test]
        fn the_default_run_fetches_the_six_sites() {
            $crate::testing::http_fetch::default_run_fetches_the_six_sites(
                $exe,
                $args,
                $overlapping,
            );
        }

        #[test]
        fn six_workers_are_all_answered() {
            $crate::testing::http_fetch::six_workers_fetch_the_six_sites_at_once($exe, $args);
        }

        #[test]
        fn each_url_gets_one_outcome() {
            $crate::testing::http_fetch::each_url_gets_one_outcome($exe, $args);
        }

        #[test]
        fn all_good_exits_0() {
            $crate::testing::http_fetch::all_good_exits_0($exe, $args);
        }

        #[test]
        fn a_silent_server_times_out() {
            $crate::testing::http_fetch::a_silent_server_times_out($exe, $args);
        }

        #[test]
        fn bad_options_exit_2() {
            $crate::testing::http_fetch::bad_options_exit_2($exe, $args);
        }

        $($(
            #[test]
            fn $check() {
                $crate::testing::http_fetch::$check($exe);
            }
        )*)?
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(stdout: &str) -> BinRun {
        let status = std::process::Command::new("true")
            .status()
            .expect("true runs");
        BinRun {
            status,
            stdout: stdout.to_string(),
            stderr: String::new(),
            wall: Duration::ZERO,
        }
    }

    #[test]
    fn outcomes_follow_each_workers_getting_line() {
        let run = fake(
            "Task One getting URL: http://a\nTask Two getting URL: http://b\n\
             Task Two failed after 0.5 s: timed out\nTask One elapsed time 1.25 (HTTP 200, 3 bytes)\n\
             Total Time elapsed: 1.3\n",
        );
        let outcomes = outcomes(&run);
        assert_eq!(reported_secs(&outcomes["http://a"]), 1.25);
        assert_eq!(reported_secs(&outcomes["http://b"]), 0.5);
        assert_eq!(total_secs(&run), 1.3);
    }

    #[test]
    #[should_panic(expected = "no outcome")]
    fn a_url_without_outcome_is_caught() {
        outcomes(&fake("Task One getting URL: http://a\n"));
    }
}
