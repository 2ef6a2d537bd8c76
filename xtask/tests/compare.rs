//! `cargo xtask compare` end to end, on `count` at scale 0.01 with the dev builds: the reports
//! exist and name every runtime, every run is a row, and the exit code says what the rows say.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn python3_present() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn compare_count_writes_the_three_reports_naming_every_runtime() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-count");
    let _ = std::fs::remove_dir_all(&out);
    let python = python3_present();
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .args(["compare", "--program", "count", "--scale", "0.01"])
        .args(["--debug", "--threads", "2", "--out"])
        .arg(&out);
    if python {
        command.arg("--python");
    }
    let output = command.output().expect("runs xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "xtask compare crashed ({code:?}):\n{stdout}\n{stderr}"
    );

    // What xtask printed goes with any missing report: it says why.
    let read = |name: &str| {
        std::fs::read_to_string(out.join(name)).unwrap_or_else(|error| {
            panic!("{name}: {error}\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
        })
    };
    let markdown = read("report.md");
    let json: Value = serde_json::from_str(&read("report.json")).expect("report.json is JSON");
    let svg = read("timeline-count.svg");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    // report.html: the same report on one page, the timeline inline, nothing linked.
    let html = read("report.html");
    assert!(
        html.contains("<table>") && html.contains(svg.trim_end()),
        "report.html"
    );
    assert!(!html.contains("<img"), "report.html links no picture");

    let mut columns = vec![
        ("sync", 2),
        ("tokio multi-thread", 2),
        ("tokio current-thread", 2),
        ("async-std", 2),
        ("smol", 2),
        ("handmade", 2),
    ];
    if python {
        columns.push(("python", 3));
    }
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(
        rows.len(),
        columns.iter().map(|c| c.1).sum::<usize>(),
        "{markdown}"
    );
    for (column, modes) in &columns {
        assert!(
            markdown.contains(&format!("| {column} ")),
            "{column} in {markdown}"
        );
        assert!(
            stdout.contains(&format!("| {column} ")),
            "{column} in {stdout}"
        );
        assert!(
            svg.contains(&format!(">{column} · ")),
            "{column} in the timeline"
        );
        let of_column: Vec<&Value> = rows.iter().filter(|r| r["column"] == *column).collect();
        assert_eq!(of_column.len(), *modes, "{column}");
    }

    let mut any_failure = false;
    for row in rows {
        assert_eq!(row["program"], "count");
        let name = format!("{} {}", row["column"], row["mode"]);
        match row["status"].as_str().unwrap() {
            "ok" => {
                // count's order is a fact: One One One Two Two Two, or One Two × 3.
                let verdict = row["verdict"]["verdict"].as_str().unwrap_or("none");
                assert!(
                    verdict == "same" || verdict == "ties-only",
                    "{name}: {verdict}\n{markdown}"
                );
                assert!(
                    row["trace"]["events"]
                        .as_array()
                        .is_some_and(|e| !e.is_empty())
                );
                assert!(row["elapsed_us"].as_u64().is_some(), "{name}");
                assert!(
                    row["peak_rss_kib"].as_u64().is_some_and(|k| k > 0),
                    "{name}"
                );
                // The harness sets one pool size for every runtime, and the runs report it.
                let pool = matches!(
                    row["column"].as_str().unwrap(),
                    "tokio multi-thread" | "async-std" | "smol"
                );
                let expected = if pool { Value::from(2) } else { Value::Null };
                assert_eq!(row["threads"], expected, "{name}");
            }
            "failed" | "timeout" => any_failure = true,
            other => panic!("{name}: status {other}"),
        }
    }
    // Non-zero exactly when a run failed (count's order is a fact: any difference is one).
    assert_eq!(code == Some(1), any_failure, "{markdown}");
}
