//! `bench.md`: wall time and memory against N, bytes per task over the sweep, spawn+join
//! throughput and switch cost, sleep precision beside this machine's floor, and the targets
//! met or missed. Every figure is the median of its runs with their min and max beside it.

use std::fmt::Write as _;

use super::stats::{Spread, point, step_slope, sweep_slope};
use super::{Form, Point, Results, Series};
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

/// `median (min–max)`, each number by `format`, or `–`.
fn spread(value: Option<Spread>, format: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| "–".to_string(), |s| s.show(format))
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
pub fn markdown(results: &Results, sweep: &[u64], series: &[Series]) -> String {
    let ideal = results.scale;
    let columns: Vec<Column> = series
        .iter()
        .filter(|s| s.default)
        .map(|s| s.column)
        .collect();
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
        "- run order: every stage's runs shuffled with seed {seed} (`cargo xtask bench --seed \
         {seed}` repeats it); every cell ran once to warm up (discarded), then {} times",
        results.repeat,
        seed = results.seed
    );
    let _ = writeln!(
        text,
        "- every task sleeps {ideal} s (the ideal wall time); {} profile; each figure is the \
         median of its runs, their min–max beside it; wall time is the whole process, from \
         spawn to exit; peak RSS is the process's `ru_maxrss`.\n",
        results.profile
    );

    let _ = writeln!(
        text,
        "## Wall time: overhead over the {ideal} s ideal\n\n\
         `count` is `count --tasks N`; `bare` is `baseline spawn N`, the same spawned sleeps \
         with none of the project's plumbing; `ratio` is count's median overhead over bare's; \
         `join-all` is `baseline join-all N`, the N sleeps joined on one task, no spawn (at \
         the runtime's default pool size only). `threads` is the pool's size: each runtime's \
         default (a thread per core for tokio's multi-thread scheduler and async-std, one for \
         smol), and the other of 1 and {} (the cores), set by `TOKIO_WORKER_THREADS`, \
         `ASYNC_STD_THREAD_COUNT` and `SMOL_THREADS`.\n",
        results.cores
    );
    let mut rows = Vec::new();
    for s in series {
        let label = s.label();
        for &n in sweep {
            let wall = |form| point(results, &label, form, n).and_then(|p| p.wall);
            let over = |form| wall(form).map(|w| w.map(|w| w - ideal));
            let plus = |o: Option<Spread>| spread(o, |o| format!("{o:+.3}"));
            let ratio = match (over(Form::Count), over(Form::Spawn)) {
                (Some(c), Some(b)) if b.median > 0.0 => format!("{:.2}×", c.median / b.median),
                _ => "–".into(),
            };
            rows.push(vec![
                s.column.label(),
                s.threads_label(),
                thousands(n),
                plus(over(Form::Count)),
                plus(over(Form::Spawn)),
                ratio,
                plus(over(Form::JoinAll)),
            ]);
        }
    }
    text.push_str(&table(
        &[
            "runtime",
            "threads",
            "N",
            "count overhead (s)",
            "bare overhead (s)",
            "ratio",
            "join-all overhead (s)",
        ],
        1,
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Memory: peak RSS and bytes per task\n\n\
         At each runtime's default pool size. Bytes per task is the slope of the median \
         peak RSS over N, from the previous N to this one.\n"
    );
    let mut rows = Vec::new();
    for column in &columns {
        let c = column.label();
        for &n in sweep {
            let rss = |form| {
                let kib = point(results, &c, form, n).and_then(|p| p.peak_rss);
                spread(kib, |k| format!("{:.1}", k / 1024.0))
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
            "count RSS (MiB)",
            "B/task",
            "bare RSS (MiB)",
            "B/task",
            "ratio",
            "join-all RSS (MiB)",
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
    for column in &columns {
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
         yield, N times each; the time per hand-off. Both as the baselines time themselves, \
         at both pool sizes: with more than one worker, tokio and async-std steal tasks \
         between threads, and a hand-off may cross threads.\n"
    );
    let rows: Vec<Vec<String>> = results
        .rates
        .iter()
        .map(|r| {
            let (column, threads) = split_label(&r.column, r.threads);
            vec![
                column,
                threads,
                spread(r.trivial, |s| format!("{s:.3}")),
                opt(r.trivial_s, |s| {
                    format!("{:.2} M/s", r.trivial_tasks as f64 / s / 1e6)
                }),
                spread(r.switch, |ns| format!("{ns:.0}")),
            ]
        })
        .collect();
    let trivial = results.rates.first().map_or(0, |r| r.trivial_tasks);
    let rounds = results.rates.first().map_or(0, |r| r.ping_pong_rounds);
    text.push_str(&table(
        &[
            "runtime",
            "threads",
            &format!("spawn+join {} tasks (s)", thousands(trivial)),
            "tasks per second",
            &format!("switch, {} rounds (ns)", thousands(rounds)),
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

    text.push_str(&precision(results));
    text.push_str(&targets(results, sweep, &columns));
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

/// A rates row's runtime and pool size, from its series label (`smol · 2 threads`).
fn split_label(label: &str, threads: Option<usize>) -> (String, String) {
    let column = label.split(" · ").next().unwrap_or(label).to_string();
    (column, threads.unwrap_or(1).to_string())
}

/// The sleep-precision table, this machine's floor beside it, and why tokio's is ~1 ms.
fn precision(results: &Results) -> String {
    let mut text = String::new();
    if results.precision.is_empty() {
        return text;
    }
    let sleeps = results.precision[0].sleeps;
    let _ = writeln!(
        text,
        "\n## Sleep precision: how late a sleep ends\n\n\
         `baseline sleep {}`: {} sleeps in a row of 1 ms, then as many of 10 ms, on one task \
         (one thread for `std::thread::sleep`); the overshoot of each is the time from its \
         deadline to the moment the code after it ran. Each figure is the median over the \
         runs of that run's p50, p99 or max, with their min–max. The floor: `spin-wait` \
         busy-waits to the same deadlines (the overshoot of the measurement itself, and of \
         being preempted on a shared machine), and the kernel's timer slack, how late Linux \
         may fire a sleeping thread's timer to batch wake-ups, is {}.\n",
        sleeps,
        thousands(sleeps),
        results
            .timer_slack_ns
            .map_or("unknown here".to_string(), |ns| format!(
                "{:.0} µs (`/proc/self/timerslack_ns` = {ns})",
                ns as f64 / 1000.0
            ))
    );
    let rows: Vec<Vec<String>> = results
        .precision
        .iter()
        .map(|p| {
            let us = |s: Option<Spread>| spread(s, |v| format!("{v:.0}"));
            vec![
                p.who.clone(),
                format!("{} ms", p.sleep_ms),
                us(p.p50_us),
                us(p.p99_us),
                us(p.max_us),
            ]
        })
        .collect();
    text.push_str(&table(
        &[
            "sleep",
            "length",
            "p50 overshoot (µs)",
            "p99 (µs)",
            "max (µs)",
        ],
        2,
        &rows,
    ));
    for p in results.precision.iter().filter(|p| p.note.is_some()) {
        let _ = writeln!(
            text,
            "\n{} ({} ms): {}",
            p.who,
            p.sleep_ms,
            p.note.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(
        text,
        "\n**Why tokio's sleeps end about 1 ms late.** tokio's timer is a hierarchical wheel \
         whose finest slots are one millisecond wide: a sleep's deadline is rounded *up* to \
         the end of its millisecond (`deadline_to_tick` in tokio's time driver), and the \
         driver then waits for that tick in `epoll_wait`, whose timeout is itself a whole \
         number of milliseconds, rounded up by mio. So every tokio sleep overshoots by up to \
         a millisecond more than the kernel's own timers, on either scheduler. async-std and \
         smol share async-io's timers, a sorted map of `Instant`s, and their poller (the \
         polling crate) arms a `timerfd` with the earliest deadline to the nanosecond, so \
         they are late by about what `std::thread::sleep` (`clock_nanosleep`) is: the timer \
         slack plus a wake-up; so is the handmade runtime, whose timer heap hands the \
         earliest deadline to the same poller. Python's asyncio \
         wakes its loop with `epoll` too, a millisecond-resolution timeout, plus the \
         interpreter's own overhead. The seeds' timings in this project are 10 ms and \
         longer, so a millisecond is visible at `--scale 0.01` and lost in the noise at 1 s.\n"
    );
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
    rows.extend(handmade_targets(results, top, columns));
    let mut text = format!(
        "\n## Targets (measured, not asserted)\n\nAt N = {}; bytes per task over the whole sweep.\n\n",
        thousands(top)
    );
    text.push_str(&table(&["target", "runtime", "verdict"], 3, &rows));
    text
}

/// The handmade runtime's goals (issue 19), beside smol's, the runtime it is closest to: its
/// bytes per task at most smol's, its overhead at the sweep's largest N within 1.5× smol's,
/// and its sleeps' median overshoot within 0.1 ms of `std::thread::sleep`'s.
fn handmade_targets(results: &Results, top: u64, columns: &[Column]) -> Vec<Vec<String>> {
    if !columns.contains(&Column::Handmade) || !columns.contains(&Column::Smol) {
        return Vec::new();
    }
    let (handmade, smol) = (Column::Handmade.label(), Column::Smol.label());
    let overhead = |c: &str| {
        point(results, c, Form::Count, top)
            .and_then(|p| p.wall_s)
            .map(|w| w - results.scale)
    };
    let mut rows = Vec::new();
    let bytes = match (
        sweep_slope(results, &handmade, Form::Count),
        sweep_slope(results, &smol, Form::Count),
    ) {
        (Some(h), Some(s)) => verdict(h, s, " B"),
        _ => "not measured".into(),
    };
    rows.push(vec![
        "count: bytes per task ≤ smol's".into(),
        handmade.clone(),
        bytes,
    ]);
    let wall = match (overhead(&handmade), overhead(&smol)) {
        (Some(h), Some(s)) if s > 0.0 => verdict(h / s, 1.5, "× smol's"),
        _ => "not measured".into(),
    };
    rows.push(vec![
        format!("count --tasks {}: overhead ≤ 1.5× smol's", thousands(top)),
        handmade.clone(),
        wall,
    ]);
    let p50 = |who: &str, ms: u64| {
        results
            .precision
            .iter()
            .find(|p| p.who == who && p.sleep_ms == ms)
            .and_then(|p| p.p50_us)
            .map(|s| s.median)
    };
    for ms in [1, 10] {
        let sleep = match (p50(&handmade, ms), p50("std::thread::sleep", ms)) {
            (Some(h), Some(std)) => {
                let over = h - std;
                if over <= 100.0 {
                    format!("met: {h:.0} µs, std's {std:.0} µs")
                } else {
                    format!("missed: {h:.0} µs, std's {std:.0} µs (+{over:.0} µs)")
                }
            }
            _ => "not measured".into(),
        };
        rows.push(vec![
            format!("{ms} ms sleep: p50 overshoot ≤ std::thread::sleep's + 0.1 ms"),
            handmade.clone(),
            sleep,
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::results::fixtures::{point, results};
    use super::*;

    #[test]
    fn the_handmade_runtime_is_judged_against_smol_and_std_sleep() {
        let mut results = results(vec![
            point("smol", Form::Count, 1_000, 1.01, 4_000),
            point("smol", Form::Count, 1_000_000, 1.50, 254_000),
            point("handmade", Form::Count, 1_000, 1.01, 4_000),
            point("handmade", Form::Count, 1_000_000, 1.80, 444_000),
        ]);
        let sleep = |who: &str, ms: u64, p50: f64| crate::bench::Precision {
            who: who.into(),
            sleep_ms: ms,
            sleeps: 200,
            p50_us: Spread::of(&[p50]),
            p99_us: None,
            max_us: None,
            note: None,
        };
        results.precision = vec![
            sleep("handmade", 1, 60.0),
            sleep("std::thread::sleep", 1, 90.0),
            sleep("handmade", 10, 300.0),
            sleep("std::thread::sleep", 10, 150.0),
        ];
        let rows = handmade_targets(&results, 1_000_000, &[Column::Smol, Column::Handmade]);
        let verdicts: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
        // (444 000 − 4 000) KiB over 999 000 tasks = 451 B against smol's 256 B.
        assert_eq!(verdicts[0], "missed by 76 %: 451 B (limit 256 B)");
        // +0.80 s against smol's +0.50 s: 1.6×.
        assert_eq!(
            verdicts[1],
            "missed by 7 %: 1.60× smol's (limit 1.50× smol's)"
        );
        assert_eq!(verdicts[2], "met: 60 µs, std's 90 µs");
        assert_eq!(verdicts[3], "missed: 300 µs, std's 150 µs (+150 µs)");
        // Without smol's column there is nothing to judge against.
        assert!(handmade_targets(&results, 1_000_000, &[Column::Handmade]).is_empty());
    }

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
        let smol = Series {
            column: Column::Smol,
            threads: Some(1),
            default: true,
        };
        let text = markdown(&results, &[1_000, 1_000_000], &[smol]);
        // Overhead ratio at 1M: 0.70 / 0.50; every overhead with its min and max (the
        // fixture's runs are 0.99×, 1× and 1.02× the median).
        let row = format!(
            "| smol | 1 | {} | +0.700 (+0.683–+0.734) | +0.500 (+0.485–+0.530) | 1.40× |",
            thousands(1_000_000)
        );
        assert!(text.contains(&row), "{text}");
        assert!(
            text.contains("seed 42 (`cargo xtask bench --seed 42`"),
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
            text.contains("| smol | 1 | 0.250 (0.240–0.300) | 4.00 M/s | 90 (90–90) |"),
            "{text}"
        );
        // The sleep-precision table and its floor.
        assert!(
            text.contains("| tokio current-thread | 1 ms | 1100 (1090–1120) | 1400 (1400–1400) |"),
            "{text}"
        );
        assert!(text.contains("timer slack"), "{text}");
        assert!(
            text.contains("50 µs (`/proc/self/timerslack_ns` = 50000)"),
            "{text}"
        );
    }
}
