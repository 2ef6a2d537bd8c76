//! Timer latency beside CPU work: `baseline ticker K MODE` (`bench_baseline.py ticker` for
//! Python) for every series (each runtime at a pool of 1 and of one per core, tokio's
//! current-thread scheduler, Python's one thread), K = 0, 1, 4, 16 CPU-bound tasks, greedy or
//! cooperative ([`shared::ticker`]). The lateness is measured, never asserted.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use shared::ticker::TickerLine;

use super::Series;
use super::run::Bins;
use super::stats::{Spread, schedule};
use crate::runner::{Job, Runner};

/// One cell of the ticker table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TickerRow {
    /// The series' label (`smol · 2 threads`).
    pub series: String,
    pub threads: usize,
    pub k: u64,
    pub greedy: bool,
    /// The spread over the runs of each run's ticks and lateness p50, p99, max (ms).
    pub ticks: Option<Spread>,
    pub p50_ms: Option<Spread>,
    pub p99_ms: Option<Spread>,
    pub max_ms: Option<Spread>,
    pub note: Option<String>,
}

/// The job of one ticker run.
pub fn job(series: Series, bins: Bins<'_>, k: u64, greedy: bool, secs: f64) -> Job {
    let args = [
        "ticker".to_string(),
        k.to_string(),
        shared::ticker::mode_name(greedy).to_string(),
        "--secs".to_string(),
        secs.to_string(),
    ];
    let mut job = match bins {
        Bins::Python(python) => Job::new(&python.executable)
            .arg(
                crate::build::workspace_root()
                    .join("python")
                    .join("bench_baseline.py"),
            )
            .args(args),
        Bins::Rust(dir) => Job::new(dir.join("baseline")).args(args),
    };
    if let Some(flavor) = series.column.flavor() {
        job = job.args(["--flavor".to_string(), flavor.to_string()]);
    }
    if let Some((var, threads)) = series.env() {
        job = job.env(var, threads);
    }
    job.env("NO_COLOR", "1")
        .timeout(Duration::from_secs_f64(secs * 20.0 + 60.0))
}

/// Runs every (series, K, mode) cell `1 + repeat` times in one order shuffled by `seed`.
#[allow(clippy::too_many_arguments)]
pub fn run<'a>(
    runner: &Runner,
    series: &[Series],
    bins: &impl Fn(Series) -> Bins<'a>,
    ks: &[u64],
    secs: f64,
    repeat: u32,
    seed: u64,
    stop: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<TickerRow>> {
    let mut cells = Vec::new();
    for &s in series {
        for greedy in [true, false] {
            for &k in ks {
                cells.push((s, k, greedy));
            }
        }
    }
    eprintln!("==> timer latency beside CPU work: {} cells", cells.len());
    let mut lines: Vec<Vec<TickerLine>> = vec![Vec::new(); cells.len()];
    let mut notes: Vec<Option<String>> = vec![None; cells.len()];
    let mut left = vec![1 + repeat; cells.len()];
    for slot in schedule(cells.len(), repeat, seed) {
        let (s, k, greedy) = cells[slot.cell];
        let label = format!(
            "{} · K={k} {}",
            s.label(),
            shared::ticker::mode_name(greedy)
        );
        if notes[slot.cell].is_none() {
            let outcome = runner.run(&job(s, bins(s), k, greedy, secs));
            let line = shared::ticker::parse(&outcome.stdout);
            match (outcome.status.success(), line) {
                (true, Some(line)) if line.k == k && line.greedy == greedy => {
                    if !slot.warm_up {
                        lines[slot.cell].push(line);
                    }
                }
                _ => {
                    notes[slot.cell] = Some(format!(
                        "{}: {}",
                        outcome.status,
                        outcome.last_error_line().unwrap_or(outcome.stdout.trim())
                    ))
                }
            }
            stop(&label)?;
        }
        left[slot.cell] -= 1;
        if left[slot.cell] == 0 {
            let row = row(s, k, greedy, &lines[slot.cell], notes[slot.cell].clone());
            eprintln!(
                "    {label}: p99 {}",
                row.p99_ms
                    .map_or("-".into(), |s| s.show(|v| format!("{v:.2} ms")))
            );
        }
    }
    Ok(cells
        .iter()
        .zip(lines.iter().zip(notes))
        .map(|(&(s, k, greedy), (lines, note))| row(s, k, greedy, lines, note))
        .collect())
}

/// A row from its runs' lines: each figure the spread of the runs' values (ms).
pub fn row(
    series: Series,
    k: u64,
    greedy: bool,
    lines: &[TickerLine],
    note: Option<String>,
) -> TickerRow {
    let of = |f: fn(&TickerLine) -> f64| {
        let values: Vec<f64> = lines.iter().map(f).filter(|v| !v.is_nan()).collect();
        Spread::of(&values).filter(|_| note.is_none())
    };
    TickerRow {
        series: series.label(),
        threads: series.threads.unwrap_or(1),
        k,
        greedy,
        ticks: of(|l| l.ticks as f64),
        p50_ms: of(|l| l.tail.p50 / 1e3),
        p99_ms: of(|l| l.tail.p99 / 1e3),
        max_ms: of(|l| l.tail.max / 1e3),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Column;
    use shared::precision::Tail;

    #[test]
    fn a_row_spreads_its_runs_in_ms() {
        let line = |p99: f64| TickerLine {
            k: 1,
            greedy: true,
            ticks: 10,
            tail: Tail {
                p50: 100.0,
                p99,
                max: p99 + 1000.0,
            },
        };
        let smol = Series {
            column: Column::Smol,
            threads: Some(1),
            default: true,
        };
        let row = row(
            smol,
            1,
            true,
            &[line(2000.0), line(4000.0), line(3000.0)],
            None,
        );
        let p99 = row.p99_ms.unwrap();
        assert_eq!((p99.min, p99.median, p99.max), (2.0, 3.0, 4.0));
        assert_eq!(row.max_ms.unwrap().median, 4.0);
        assert_eq!(row.threads, 1);
        let failed = super::row(smol, 1, true, &[line(1.0)], Some("crashed".into()));
        assert!(failed.p99_ms.is_none());
    }
}
