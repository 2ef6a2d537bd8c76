//! The under-load part of `bench.md` (the fetch at scale, the fault run, timer latency beside
//! CPU work) and its two plots, `fetch.svg` and `ticker.svg`.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::load::{Client, FetchRow, verdict};
use super::polls::PollCostRow;
use super::report::thousands;
use super::stats::Spread;
use super::ticker::TickerRow;
use crate::svg::escape;

/// Everything the under-load stages measured.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LoadResults {
    pub command: String,
    pub machine: String,
    pub load_before: String,
    pub load_after: String,
    pub seed: u64,
    pub repeat: u32,
    pub cores: usize,
    /// How long these stages took, s.
    pub took_s: f64,
    pub fault_timeout_s: f64,
    pub ticker_secs: f64,
    pub fetch: Vec<FetchRow>,
    pub faults: Vec<FetchRow>,
    pub ticker: Vec<TickerRow>,
    /// What a recorded poll costs (the `polls` stage, not a load: reported with these).
    #[serde(default)]
    pub polls: Option<PollCostRow>,
}

fn show(spread: Option<Spread>, digits: usize) -> String {
    spread.map_or("-".into(), |s| s.show(|v| format!("{v:.digits$}")))
}

fn med(spread: Option<Spread>) -> Option<f64> {
    spread.map(|s| s.median)
}

/// The markdown of the three tables, with the headline ratios.
pub fn markdown(results: &LoadResults) -> String {
    let mut text = String::new();
    // The heading names the stages that ran.
    let mut ran = Vec::new();
    for (has, what) in [
        (!results.fetch.is_empty(), "the fetch at scale"),
        (!results.faults.is_empty(), "faults"),
        (!results.ticker.is_empty(), "timers beside CPU work"),
    ] {
        if has {
            ran.push(what);
        }
    }
    let title = match (ran.is_empty(), results.polls.is_some()) {
        (true, _) => "The cost of a recorded poll".to_string(),
        (false, false) => format!("Under load: {}", ran.join(", ")),
        (false, true) => format!(
            "Under load: {}; and what recording a poll costs",
            ran.join(", ")
        ),
    };
    let _ = writeln!(text, "## {title}\n");
    let _ = writeln!(text, "- command: `{}`", results.command);
    let _ = writeln!(text, "- machine: {}", results.machine);
    let _ = writeln!(
        text,
        "- load average (1, 5, 15 min): {} before, {} after; these stages took {:.0} s",
        results.load_before, results.load_after, results.took_s
    );
    let _ = writeln!(
        text,
        "- run order shuffled with seed {}; every cell ran once to warm up, then {} times; \
         figures are medians with min–max\n",
        results.seed, results.repeat
    );
    if !results.fetch.is_empty() {
        fetch_table(&mut text, results);
    }
    if !results.faults.is_empty() {
        fault_table(&mut text, results);
    }
    if !results.ticker.is_empty() {
        ticker_table(&mut text, results);
    }
    if let Some(polls) = &results.polls {
        super::polls::markdown(&mut text, polls);
    }
    text
}

fn fetch_table(text: &mut String, results: &LoadResults) {
    let _ = writeln!(
        text,
        "### The fetch at scale\n\n`http_fetch URL --times N --workers W` as the programs are \
         (each runtime's own client), against the stand-in server in its own process \
         (`stand_in_server`, one tokio thread, a {}-byte body at once), a fresh server per run. \
         req/s from the program's own `Total Time elapsed`; latency from its per-request lines; \
         CPU is user + system seconds of the whole run. `vs wrk`: the client's req/s over wrk's \
         with as many connections against the same server (the ceiling).\n",
        shared::faults::LOAD_BYTES
    );
    let _ = writeln!(
        text,
        "| client | N | W | req/s | vs wrk | p50 ms | p99 ms | max ms | peak RSS MiB | client CPU s | server CPU s | the limit |\n\
         | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |"
    );
    for row in &results.fetch {
        let wrk = results
            .fetch
            .iter()
            .find(|r| r.client == Client::Wrk && r.workers == row.workers && r.n == row.n)
            .and_then(|r| med(r.req_per_s));
        let ratio = match (med(row.req_per_s), wrk) {
            (Some(a), Some(b)) if row.client != Client::Wrk => format!("{:.2}", a / b),
            _ => "-".into(),
        };
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {ratio} | {} | {} | {} | {} | {} | {} | {} |",
            row.client.label(),
            thousands(row.n),
            row.workers,
            row.note
                .as_ref()
                .map_or_else(|| show(row.req_per_s, 0), |n| format!("({n})")),
            show(row.p50_ms, 2),
            show(row.p99_ms, 2),
            show(row.max_ms, 1),
            show(row.peak_rss_kib.map(|s| s.map(|k| k / 1024.0)), 1),
            show(row.client_cpu_s, 2),
            show(row.server_cpu_s, 2),
            row.limit(results.cores),
        );
    }
    let _ = writeln!(text, "\n{}\n", headline(results));
}

/// Each Rust client against Python, and tokio against smol, at the largest N and W measured
/// by both.
pub fn headline(results: &LoadResults) -> String {
    let rate = |client: Client, n: u64, w: u64| {
        results
            .fetch
            .iter()
            .find(|r| r.client == client && r.n == n && r.workers == w)
            .and_then(|r| med(r.req_per_s))
    };
    let mut lines = Vec::new();
    let mut cells: Vec<(u64, u64)> = results.fetch.iter().map(|r| (r.n, r.workers)).collect();
    cells.sort_unstable();
    cells.dedup();
    for (n, w) in cells.iter().rev().take(3) {
        let mut parts = Vec::new();
        if let Some(python) = rate(Client::Python, *n, *w) {
            for c in [
                Client::Tokio,
                Client::AsyncStd,
                Client::Smol,
                Client::Handmade,
                Client::Sync,
            ] {
                if let Some(r) = rate(c, *n, *w) {
                    parts.push(format!("{} {:.1}× Python", c.label(), r / python));
                }
            }
        }
        if let (Some(t), Some(s)) = (rate(Client::Tokio, *n, *w), rate(Client::Smol, *n, *w)) {
            parts.push(format!("tokio {:.2}× smol", t / s));
        }
        if !parts.is_empty() {
            lines.push(format!(
                "- N={}, W={w}: {}",
                thousands(*n),
                parts.join("; ")
            ));
        }
    }
    if lines.is_empty() {
        "Headline ratios: not enough cells measured.".into()
    } else {
        format!("Headline ratios (req/s):\n\n{}", lines.join("\n"))
    }
}

fn fault_table(text: &mut String, results: &LoadResults) {
    let _ = writeln!(
        text,
        "### Faults under load\n\nThe same fetch with the server told to misbehave on 1 % of \
         the requests each (seeded): a 500, a reset connection, an answer slower than the \
         client's `--timeout {}`, a body cut short. Counts are ok / 500 / reset / timed out / \
         cut short, the client's (from its lines) and the server's (from its log); the exit \
         code must be 1.\n",
        results.fault_timeout_s
    );
    let _ = writeln!(
        text,
        "| client | N | W | outcomes reported | client's counts | server's counts | exit | peak RSS MiB | wall s | verdict |\n\
         | --- | --: | --: | --: | --- | --- | --: | --: | --: | --- |"
    );
    let counts = |c: Option<[u64; 5]>| {
        c.map_or("-".into(), |c| {
            c.iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" / ")
        })
    };
    for row in &results.faults {
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            row.client.label(),
            thousands(row.n),
            row.workers,
            row.outcomes.map_or("-".into(), thousands),
            counts(row.client_counts),
            counts(row.server_counts),
            row.exit_code.map_or("-".into(), |c| c.to_string()),
            show(row.peak_rss_kib.map(|s| s.map(|k| k / 1024.0)), 1),
            show(row.wall_s, 2),
            verdict(row).replace('|', "\\|"),
        );
    }
    let _ = writeln!(text);
}

fn ticker_table(text: &mut String, results: &LoadResults) {
    let _ = writeln!(
        text,
        "### Timer latency beside CPU work\n\nA ticker task sleeps 1 ms in a loop for {} s and \
         records how late each wake-up is, while K CPU-bound tasks run on the same runtime: \
         greedy (never yield) or cooperative (yield after every 1 ms slice). Lateness in ms; \
         `ticks` is how many wake-ups the ticker got (about 1 000 per second when it is never \
         held up). Measured, never asserted.\n",
        results.ticker_secs
    );
    let _ = writeln!(
        text,
        "| runtime | pool | mode | K | ticks | p50 ms | p99 ms | max ms |\n\
         | --- | --: | --- | --: | --: | --: | --: | --: |"
    );
    for row in &results.ticker {
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.series,
            row.threads,
            shared::ticker::mode_name(row.greedy),
            row.k,
            row.note
                .as_ref()
                .map_or_else(|| show(row.ticks, 0), |n| format!("({n})")),
            show(row.p50_ms, 2),
            show(row.p99_ms, 2),
            show(row.max_ms, 1),
        );
    }
    let _ = writeln!(text, "\n{}\n", ticker_headline(results));
}

/// Greedy against cooperative: the p99 lateness at the largest K, each series.
pub fn ticker_headline(results: &LoadResults) -> String {
    let Some(k) = results.ticker.iter().map(|r| r.k).max() else {
        return String::new();
    };
    let mut lines = Vec::new();
    let mut series: Vec<&str> = results.ticker.iter().map(|r| r.series.as_str()).collect();
    series.dedup();
    for s in series {
        let p99 = |greedy: bool| {
            results
                .ticker
                .iter()
                .find(|r| r.series == s && r.k == k && r.greedy == greedy)
                .and_then(|r| med(r.p99_ms))
        };
        if let (Some(g), Some(c)) = (p99(true), p99(false)) {
            lines.push(format!(
                "- {s}: greedy {g:.1} ms, cooperative {c:.1} ms ({:.1}×)",
                g / c.max(1e-3)
            ));
        }
    }
    format!(
        "p99 lateness at K={k}, greedy against cooperative:\n\n{}",
        lines.join("\n")
    )
}

/// A line of a chart: its label, its dash pattern, its points.
type Line<'a> = (String, &'a str, Vec<(f64, f64)>);

const COLOURS: [&str; 9] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#17becf",
];

/// A line chart, both axes logarithmic; x ticked at the values measured (it may hold 0: drawn
/// where 0.5 would be, left of 1).
fn chart(title: &str, subtitle: &str, x_label: &str, y_label: &str, lines: &[Line<'_>]) -> String {
    let (width, height, left, top, pw, ph) = (1000.0, 640.0, 90.0, 80.0, 620.0, 480.0);
    let ys: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.2.iter().map(|p| p.1.max(1e-3)))
        .collect();
    let span = |v: &[f64]| {
        let lo = v
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .log10()
            .floor();
        let hi = v
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .log10()
            .ceil();
        if lo.is_finite() && hi.is_finite() {
            (lo, hi.max(lo + 1.0))
        } else {
            (0.0, 1.0)
        }
    };
    let (y_lo, y_hi) = span(&ys);
    // The x axis: log, from the smallest value measured to the largest with a margin each
    // side, ticked at the values measured (K = 0, 1, 4, 16; W = 2, 64, 1 024), 0 drawn at 0.5.
    let mut ticks: Vec<f64> = lines.iter().flat_map(|l| l.2.iter().map(|p| p.0)).collect();
    ticks.sort_by(f64::total_cmp);
    ticks.dedup();
    let (x_lo, x_hi) = match (ticks.first(), ticks.last()) {
        (Some(&lo), Some(&hi)) => {
            let (lo, hi) = (lo.max(0.5).log10(), hi.max(0.5).log10());
            let margin = 0.06 * (hi - lo).max(1.0);
            (lo - margin, hi + margin)
        }
        _ => (0.0, 1.0),
    };
    let x = |v: f64| left + pw * (v.max(0.5).log10() - x_lo) / (x_hi - x_lo);
    let y = |v: f64| top + ph - ph * (v.max(1e-3).log10() - y_lo) / (y_hi - y_lo);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"26\" text-anchor=\"middle\" font-size=\"16\">{}</text>\n\
         <text x=\"{}\" y=\"46\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n\
         <rect x=\"{left}\" y=\"{top}\" width=\"{pw}\" height=\"{ph}\" fill=\"none\" stroke=\"#999\"/>\n",
        width / 2.0,
        escape(title),
        width / 2.0,
        escape(subtitle)
    );
    for &t in &ticks {
        let gx = x(t);
        let _ = writeln!(
            svg,
            "<line x1=\"{gx:.1}\" y1=\"{top}\" x2=\"{gx:.1}\" y2=\"{}\" stroke=\"#eee\"/>\
             <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            top + ph,
            top + ph + 16.0,
            thousands(t as u64)
        );
    }
    for d in (y_lo as i32)..=(y_hi as i32) {
        let gy = y(10f64.powi(d));
        let label = if d < 0 {
            format!("{}", 10f64.powi(d))
        } else {
            thousands(10u64.pow(d as u32))
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{left}\" y1=\"{gy:.1}\" x2=\"{}\" y2=\"{gy:.1}\" stroke=\"#eee\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
            left + pw,
            left - 6.0,
            gy + 4.0
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
         <text x=\"20\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 20 {})\">{}</text>",
        left + pw / 2.0,
        top + ph + 40.0,
        escape(x_label),
        top + ph / 2.0,
        top + ph / 2.0,
        escape(y_label)
    );
    for (i, (label, dash, points)) in lines.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let path: Vec<String> = points
            .iter()
            .map(|&(px, py)| format!("{:.1},{:.1}", x(px), y(py)))
            .collect();
        let _ = writeln!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" \
             stroke-dasharray=\"{dash}\"/>",
            path.join(" ")
        );
        for &(px, py) in points {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"/>",
                x(px),
                y(py)
            );
        }
        let ly = top + 10.0 + 18.0 * i as f64;
        let _ = writeln!(
            svg,
            "<line x1=\"{}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"2\" \
             stroke-dasharray=\"{dash}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            left + pw + 15.0,
            left + pw + 45.0,
            left + pw + 50.0,
            ly + 4.0,
            escape(label)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// `fetch.svg`: req/s against W at the largest N, one line per client.
pub fn fetch_plot(results: &LoadResults) -> String {
    let n = results.fetch.iter().map(|r| r.n).max().unwrap_or(0);
    let mut clients: Vec<Client> = results.fetch.iter().map(|r| r.client).collect();
    clients.dedup();
    clients.sort_by_key(|c| *c as u8);
    clients.dedup();
    let lines: Vec<Line<'_>> = clients
        .iter()
        .map(|&c| {
            let points = results
                .fetch
                .iter()
                .filter(|r| r.client == c && r.n == n)
                .filter_map(|r| Some((r.workers as f64, med(r.req_per_s)?)))
                .collect();
            let dash = if c == Client::Wrk { "6 4" } else { "" };
            (c.label().to_string(), dash, points)
        })
        .collect();
    chart(
        &format!(
            "http_fetch at scale: {} requests, requests per second against workers",
            thousands(n)
        ),
        &results.machine,
        "workers (W, concurrent requests; a log scale)",
        "requests per second",
        &lines,
    )
}

/// `ticker.svg`: the ticker's p99 lateness against K, one line per series and mode.
pub fn ticker_plot(results: &LoadResults) -> String {
    let mut series: Vec<&str> = results.ticker.iter().map(|r| r.series.as_str()).collect();
    series.dedup();
    let mut lines = Vec::new();
    for greedy in [true, false] {
        for s in &series {
            let points = results
                .ticker
                .iter()
                .filter(|r| r.series == *s && r.greedy == greedy)
                .filter_map(|r| Some((r.k as f64, med(r.p99_ms)?)))
                .collect();
            let dash = if greedy { "" } else { "5 4" };
            lines.push((
                format!("{s} · {}", shared::ticker::mode_name(greedy)),
                dash,
                points,
            ));
        }
    }
    chart(
        "A 1 ms ticker beside K CPU-bound tasks: p99 lateness (solid: greedy, dashed: cooperative)",
        &results.machine,
        "K, CPU-bound tasks (a log scale, 0 drawn left of 1)",
        "p99 lateness (ms)",
        &lines,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::ticker::TickerRow;

    fn one(v: f64) -> Option<Spread> {
        Some(Spread {
            min: v,
            median: v,
            max: v,
        })
    }

    #[test]
    fn the_headline_compares_each_client_with_python_and_tokio_with_smol() {
        let row = |client, rate| {
            let mut r: FetchRow = serde_json::from_value(serde_json::json!({
                "client": client, "n": 1000, "workers": 64, "faults": false,
                "req_per_s": null, "p50_ms": null, "p99_ms": null, "max_ms": null,
                "peak_rss_kib": null, "client_cpu_s": null, "server_cpu_s": null,
                "wall_s": null, "client_counts": null, "server_counts": null,
                "outcomes": null, "exit_code": null, "note": null
            }))
            .unwrap();
            r.req_per_s = one(rate);
            r
        };
        let results = LoadResults {
            fetch: vec![
                row("Tokio", 9000.0),
                row("Smol", 6000.0),
                row("Python", 3000.0),
                row("Wrk", 20000.0),
            ],
            ..LoadResults::default()
        };
        let line = headline(&results);
        assert!(line.contains("tokio (reqwest) 3.0× Python"), "{line}");
        assert!(line.contains("smol (hyper) 2.0× Python"), "{line}");
        assert!(line.contains("tokio 1.50× smol"), "{line}");
        let md = markdown(&results);
        assert!(md.contains("| 0.45 |"), "tokio vs wrk: {md}");
        let svg = fetch_plot(&results);
        assert!(svg.contains("wrk (the ceiling)") && svg.ends_with("</svg>\n"));
    }

    #[test]
    fn the_ticker_plot_is_ticked_at_the_ks_measured() {
        let row = |k, greedy, p99| TickerRow {
            series: "smol".into(),
            threads: 1,
            k,
            greedy,
            ticks: one(1.0),
            p50_ms: one(p99),
            p99_ms: one(p99),
            max_ms: one(p99),
            note: None,
        };
        let results = LoadResults {
            ticker: [0, 1, 4, 16]
                .into_iter()
                .flat_map(|k| [row(k, true, 999.0), row(k, false, 1.0 + k as f64)])
                .collect(),
            ..LoadResults::default()
        };
        let svg = ticker_plot(&results);
        let labels: Vec<&str> = svg
            .lines()
            .filter(|l| l.contains("stroke=\"#eee\"") && l.contains("y2=\"560\""))
            .filter_map(|l| l.rsplit_once("\">")?.1.strip_suffix("</text>"))
            .collect();
        // Not the decades 0.1 … 100 it once had, running far past the last K.
        assert_eq!(labels, ["0", "1", "4", "16"], "{svg}");
    }
}
