//! `bench.md`: wall time and memory against N, bytes per task over the sweep, spawn+join
//! throughput and switch cost, and the targets met or missed.

use std::fmt::Write as _;

use super::stats::{point, step_slope, sweep_slope};
use super::{Form, Point, Results};
use crate::compare::Column;
use crate::markdown::{self, Align, Layout};

/// `1 000 000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push('\u{202f}');
        }
        text.push(c);
    }
    text
}

pub fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn opt(value: Option<f64>, format: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| "–".to_string(), format)
}

/// A compact Markdown table: the first `words` columns left-aligned, the figures
/// right-aligned.
fn table(header: &[&str], words: usize, rows: &[Vec<String>]) -> String {
    let align = Align::words_then_figures(words, header.len());
    markdown::table(header, &align, rows, Layout::Compact)
}

/// A target's verdict: `met: 0.93× (limit 1.1×)` or `missed by 27 %: 1.40× (limit 1.1×)`;
/// a limit in bytes gets whole bytes (`met: 202 B (limit 210 B)`).
fn verdict(value: f64, limit: f64, unit: &str) -> String {
    let show = |v: f64| {
        if unit == " B" {
            format!("{v:.0}{unit}")
        } else {
            format!("{v:.2}{unit}")
        }
    };
    if value <= limit {
        format!("met: {} (limit {})", show(value), show(limit))
    } else {
        format!(
            "missed by {:.0} %: {} (limit {})",
            (value / limit - 1.0) * 100.0,
            show(value),
            show(limit)
        )
    }
}

/// `bench.md`.
pub fn markdown(results: &Results, sweep: &[u64], columns: &[Column]) -> String {
    let ideal = results.scale;
    let overhead = |p: Option<&Point>| p.and_then(|p| p.wall_s).map(|w| w - ideal);
    let mut text = String::new();
    let _ = writeln!(text, "# cargo xtask bench\n");
    let _ = writeln!(text, "- command: `{}`", results.command);
    let _ = writeln!(text, "- machine: {}", results.machine);
    let _ = writeln!(
        text,
        "- load average (1, 5, 15 min): {} before, {} after",
        results.load_before, results.load_after
    );
    let _ = writeln!(
        text,
        "- every task sleeps {ideal} s (the ideal wall time); {} profile; each figure is the \
         median of {} runs; wall time is the whole process, from spawn to exit; peak RSS is \
         the process's `ru_maxrss`.\n",
        results.profile, results.repeat
    );

    let _ = writeln!(
        text,
        "## Wall time: overhead over the {ideal} s ideal\n\n\
         `count` is `count --tasks N`; `bare` is `baseline spawn N`, the same spawned sleeps \
         with none of the project's plumbing; `ratio` is count's overhead over bare's; \
         `join-all` is `baseline join-all N`, the N sleeps joined on one task, no spawn.\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        for &n in sweep {
            let count = overhead(point(results, &c, Form::Count, n));
            let bare = overhead(point(results, &c, Form::Spawn, n));
            let join = overhead(point(results, &c, Form::JoinAll, n));
            let secs = |o: Option<f64>| opt(o, |o| format!("{:.3} s", o + ideal));
            let plus = |o: Option<f64>| opt(o, |o| format!("+{o:.3} s"));
            let ratio = match (count, bare) {
                (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
                _ => "–".into(),
            };
            rows.push(vec![
                c.clone(),
                thousands(n),
                secs(count),
                plus(count),
                secs(bare),
                plus(bare),
                ratio,
                secs(join),
                plus(join),
            ]);
        }
    }
    text.push_str(&table(
        &[
            "runtime", "N", "count", "overhead", "bare", "overhead", "ratio", "join-all",
            "overhead",
        ],
        1,
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Memory: peak RSS and bytes per task\n\n\
         Bytes per task is the slope of peak RSS over N, from the previous N to this one.\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        for &n in sweep {
            let rss = |form| {
                point(results, &c, form, n)
                    .and_then(|p| p.peak_rss_kib)
                    .map_or_else(|| "–".to_string(), mib)
            };
            let per = |form| step_slope(results, &c, form, n);
            let bytes = |b: Option<f64>| opt(b, |b| format!("{b:.0}"));
            let ratio = match (per(Form::Count), per(Form::Spawn)) {
                (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
                _ => "–".into(),
            };
            rows.push(vec![
                c.clone(),
                thousands(n),
                rss(Form::Count),
                bytes(per(Form::Count)),
                rss(Form::Spawn),
                bytes(per(Form::Spawn)),
                ratio,
                rss(Form::JoinAll),
                bytes(per(Form::JoinAll)),
            ]);
        }
    }
    text.push_str(&table(
        &[
            "runtime",
            "N",
            "count RSS",
            "B/task",
            "bare RSS",
            "B/task",
            "ratio",
            "join-all RSS",
            "B/task",
        ],
        1,
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Bytes per task over the whole sweep (least-squares slope)\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        let count = sweep_slope(results, &c, Form::Count);
        let bare = sweep_slope(results, &c, Form::Spawn);
        let join = sweep_slope(results, &c, Form::JoinAll);
        let bytes = |b: Option<f64>| opt(b, |b| format!("{b:.0}"));
        let ratio = match (count, bare) {
            (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
            _ => "–".into(),
        };
        rows.push(vec![c, bytes(count), bytes(bare), ratio, bytes(join)]);
    }
    text.push_str(&table(
        &["runtime", "count", "bare spawn", "ratio", "join-all"],
        1,
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Spawn+join throughput and task-switch cost\n\n\
         `baseline spawn-trivial N` spawns N tasks that do nothing and joins them in order; \
         `baseline ping-pong N`: two tasks hand a turn back and forth through the runtime's \
         yield, N times each; the time per hand-off. Both as the baselines time themselves.\n"
    );
    let rows: Vec<Vec<String>> = results
        .rates
        .iter()
        .map(|r| {
            vec![
                r.column.clone(),
                opt(r.trivial_s, |s| format!("{s:.3} s")),
                opt(r.trivial_s, |s| {
                    format!("{:.2} M/s", r.trivial_tasks as f64 / s / 1e6)
                }),
                opt(r.ns_per_switch, |ns| format!("{ns:.0} ns")),
            ]
        })
        .collect();
    let trivial = results.rates.first().map_or(0, |r| r.trivial_tasks);
    let rounds = results.rates.first().map_or(0, |r| r.ping_pong_rounds);
    text.push_str(&table(
        &[
            "runtime",
            &format!("spawn+join {} tasks", thousands(trivial)),
            "tasks per second",
            &format!("switch ({} rounds)", thousands(rounds)),
        ],
        1,
        &rows,
    ));
    for rates in results.rates.iter().filter(|r| r.note.is_some()) {
        let _ = writeln!(
            text,
            "\n{}: {}",
            rates.column,
            rates.note.as_deref().unwrap_or("")
        );
    }

    text.push_str(&targets(results, sweep, columns));
    let notes: Vec<&Point> = results.points.iter().filter(|p| p.note.is_some()).collect();
    if !notes.is_empty() {
        let _ = writeln!(text, "\n## Points without figures\n");
        for p in notes {
            let _ = writeln!(
                text,
                "- {} · {} · N={}: {}",
                p.column,
                p.form.label(),
                thousands(p.n),
                p.note.as_deref().unwrap_or("")
            );
        }
    }
    text
}

/// The targets, measured at the sweep's largest N.
fn targets(results: &Results, sweep: &[u64], columns: &[Column]) -> String {
    let ideal = results.scale;
    let Some(&top) = sweep.last() else {
        return String::new();
    };
    let overhead = |c: &str, form| {
        point(results, c, form, top)
            .and_then(|p| p.wall_s)
            .map(|w| w - ideal)
    };
    let mut rows = Vec::new();
    for column in columns.iter().filter(|c| **c != Column::Python) {
        let c = column.label();
        let wall = match (overhead(&c, Form::Count), overhead(&c, Form::Spawn)) {
            (Some(count), Some(bare)) if bare > 0.0 => verdict(count / bare, 1.1, "×"),
            _ => "not measured".into(),
        };
        rows.push(vec![
            format!(
                "count --tasks {}: wall overhead ≤ 1.1× the bare loop's",
                thousands(top)
            ),
            c.clone(),
            wall,
        ]);
        let bytes = match (
            sweep_slope(results, &c, Form::Count),
            sweep_slope(results, &c, Form::Spawn),
        ) {
            (Some(count), Some(bare)) if bare > 0.0 => verdict(count / bare, 1.1, "×"),
            _ => "not measured".into(),
        };
        rows.push(vec![
            "count: bytes per task ≤ 1.1× the bare loop's".into(),
            c.clone(),
            bytes,
        ]);
        let join = sweep_slope(results, &c, Form::JoinAll)
            .map_or("not measured".into(), |b| verdict(b, 210.0, " B"));
        rows.push(vec![
            "join-all: about 210 bytes per task at most".into(),
            c,
            join,
        ]);
    }
    let best = columns
        .iter()
        .filter_map(|c| Some((c.label(), overhead(&c.label(), Form::Count)?)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((c, best)) = best {
        rows.push(vec![
            format!(
                "count --tasks {}: overhead over the {ideal} s ideal < 0.5 s for the best runtime",
                thousands(top)
            ),
            c,
            if best < 0.5 {
                format!("met: +{best:.3} s (limit 0.5 s)")
            } else {
                format!("missed by {:.3} s: +{best:.3} s (limit 0.5 s)", best - 0.5)
            },
        ]);
    }
    let mut text = format!(
        "\n## Targets (measured, not asserted)\n\nAt N = {}; bytes per task over the whole sweep.\n\n",
        thousands(top)
    );
    text.push_str(&table(&["target", "runtime", "verdict"], 3, &rows));
    text
}

#[cfg(test)]
mod tests {
    use super::super::results::fixtures::{point, results};
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1_000_000), "1\u{202f}000\u{202f}000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn the_report_shows_ratios_slopes_and_targets() {
        let points = vec![
            point("smol", Form::Count, 1_000, 1.01, 4_000),
            point("smol", Form::Count, 1_000_000, 1.70, 344_000),
            point("smol", Form::Spawn, 1_000, 1.01, 4_000),
            point("smol", Form::Spawn, 1_000_000, 1.50, 274_000),
            point("smol", Form::JoinAll, 1_000, 1.00, 3_000),
            point("smol", Form::JoinAll, 1_000_000, 1.20, 200_000),
        ];
        let results = results(points);
        let text = markdown(&results, &[1_000, 1_000_000], &[Column::Smol]);
        // Overhead ratio at 1M: 0.70 / 0.50.
        assert!(
            text.contains("| +0.700 s | 1.500 s | +0.500 s | 1.40× |"),
            "{text}"
        );
        // Bytes per task: (344 000 - 4 000) KiB over 999 000 tasks = 348.5 B.
        assert!(text.contains("| 349 |"), "{text}");
        assert!(
            text.contains("missed by 27 %: 1.40× (limit 1.10×)"),
            "{text}"
        );
        // join-all: 197 000 KiB / 999 000 ≈ 202 B, under 210.
        assert!(text.contains("met: 202 B (limit 210 B)"), "{text}");
        assert!(
            text.contains("missed by 0.200 s: +0.700 s (limit 0.5 s)"),
            "{text}"
        );
        assert!(
            text.contains("| smol | 0.250 s | 4.00 M/s | 90 ns |"),
            "{text}"
        );
    }
}
