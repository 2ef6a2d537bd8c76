//! `cargo xtask bench --quick` on a tiny configuration of the under-load stages (dev builds,
//! a few hundred requests, a 0.1 s ticker): it ends, the fault run accounts for every request
//! (the client's count of each outcome equals the server's log, exactly, and the exit code is
//! 1), every series' ticker cells ran, and the greedy cell on one thread is reported. The figures themselves are
//! measured, never asserted.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use shared::faults::Faults;
use xtask::bench::load::Client;

/// The seed the test gives the bench; the fault run's server uses it as the bench does.
const SEED: u64 = 7;
const FAULT_REQUESTS: u64 = 400;

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-load-quick");
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_tiny_quick_bench_accounts_for_every_request_and_reports_the_ticker_and_poll_cost() {
    let out = out_dir();
    let run = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "bench",
            "--quick",
            "--debug",
            "--only",
            "fetch,faults,ticker,polls",
        ])
        .args(["--requests", "100", "--workers", "2,16"])
        .args([
            "--fault-requests",
            &FAULT_REQUESTS.to_string(),
            "--fault-workers",
            "16",
        ])
        .args(["--ticker-tasks", "0,1", "--ticker-secs", "0.1"])
        .args(["--polls", "10000"])
        .args(["--seed", &SEED.to_string(), "--out"])
        .arg(&out)
        .output()
        .expect("run xtask");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("load.json")).unwrap()).unwrap();

    // The fault run: every client, every request accounted for, the server's counts exactly
    // what its seed gives that many requests.
    let expected = Faults {
        seed: SEED ^ 0xFA17,
        per_mille: 10,
        slow: std::time::Duration::ZERO,
    }
    .counts(FAULT_REQUESTS);
    let faults = json["faults"].as_array().unwrap();
    assert!(
        faults.len() >= 5,
        "the five Rust clients at least: {faults:?}"
    );
    for row in faults {
        let counts = |key: &str| -> Vec<u64> {
            row[key]
                .as_array()
                .unwrap_or_else(|| panic!("{key} of {row}"))
                .iter()
                .map(|v| v.as_u64().unwrap())
                .collect()
        };
        assert_eq!(counts("server_counts"), expected, "{row}");
        // What the client can tell apart (ureq counts a reset mid-body as a body cut short).
        let client: Client = serde_json::from_value(row["client"].clone()).unwrap();
        assert_eq!(
            counts("client_counts"),
            client.reportable(expected),
            "{row}"
        );
        assert_eq!(row["outcomes"], FAULT_REQUESTS, "{row}");
        assert_eq!(row["exit_code"], 1, "{row}");
        assert!(row["note"].is_null(), "{row}");
    }

    // The fetch at scale: a rate for every Rust client at every W.
    let fetch = json["fetch"].as_array().unwrap();
    for client in ["Tokio", "AsyncStd", "Smol", "Handmade", "Sync"] {
        for w in [2, 16] {
            let row = fetch
                .iter()
                .find(|r| r["client"] == client && r["workers"] == w)
                .unwrap_or_else(|| panic!("{client} at W={w}"));
            assert!(row["req_per_s"]["median"].as_f64().unwrap() > 0.0, "{row}");
        }
    }

    // The ticker: every series ran every cell (the handmade runtime's too), and the greedy
    // cell on one thread is there, with figures (not judged).
    let ticker = json["ticker"].as_array().unwrap();
    for row in ticker {
        assert!(row["note"].is_null(), "{row}");
    }
    assert!(
        ticker.iter().any(|r| r["series"] == "handmade"),
        "{ticker:?}"
    );
    let greedy_one_thread = ticker
        .iter()
        .find(|r| r["threads"] == 1 && r["greedy"] == true && r["k"] == 1 && r["note"].is_null())
        .expect("a greedy, one-thread cell");
    assert!(greedy_one_thread["p99_ms"]["median"].as_f64().is_some());

    // What a recorded poll costs: each form timed (measured, not judged).
    let polls = &json["polls"];
    assert_eq!(polls["polls"], 10_000, "{polls}");
    for form in ["bare_ns", "off_ns", "recorded_ns"] {
        assert!(polls[form]["median"].as_f64().unwrap() > 0.0, "{polls}");
    }

    let md = std::fs::read_to_string(out.join("bench.md")).unwrap();
    for heading in [
        "### The fetch at scale",
        "### Faults under load",
        "### Timer latency beside CPU work",
        "### What recording a poll costs",
    ] {
        assert!(md.contains(heading), "{heading}: {md}");
    }
    assert!(out.join("bench-fetch.svg").exists() && out.join("bench-ticker.svg").exists());
}
