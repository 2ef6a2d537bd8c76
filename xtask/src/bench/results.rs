//! What a bench measures: the columns at their pool sizes ([`Series`]), the forms of a point
//! ([`Form`]), the points of the sweep ([`Point`]), the rates of a series ([`Rates`]), how
//! late sleeps end ([`Precision`]), and all of it ([`Results`], `bench.json`).

use serde::{Deserialize, Serialize};
use shared::cli::Flavor;

use super::stats::Spread;
use crate::compare::Column;

/// A column at one pool size: its runtime default (tokio multi-thread and async-std a thread
/// per core, smol one thread), or the other of 1 thread and the number of cores, set through
/// the runtime's own variable so that the cost of work-stealing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series {
    pub column: Column,
    /// Worker threads (`None`: no pool, tokio's current-thread scheduler and Python).
    pub threads: Option<usize>,
    /// The runtime's own default pool size (the plot and the memory tables show these).
    pub default: bool,
}

impl Series {
    /// `column` at its default pool size and, where it has a pool, at the other of 1 and
    /// `cores` (the default first).
    pub fn of(column: Column, cores: usize) -> Vec<Series> {
        let default = match column {
            Column::Tokio(Flavor::MultiThread) | Column::AsyncStd => cores,
            Column::Smol => 1,
            _ => {
                return vec![Series {
                    column,
                    threads: None,
                    default: true,
                }];
            }
        };
        let other = if default == 1 { cores } else { 1 };
        let mut series = vec![Series {
            column,
            threads: Some(default),
            default: true,
        }];
        if other != default {
            series.push(Series {
                column,
                threads: Some(other),
                default: false,
            });
        }
        series
    }

    /// The column's label at its default pool size, `tokio multi-thread · 1 thread` else.
    pub fn label(&self) -> String {
        match (self.default, self.threads) {
            (false, Some(1)) => format!("{} · 1 thread", self.column.label()),
            (false, Some(n)) => format!("{} · {n} threads", self.column.label()),
            _ => self.column.label(),
        }
    }

    /// The variable that sets the runtime's pool size, and its value.
    pub fn env(&self) -> Option<(&'static str, String)> {
        let var = match self.column {
            Column::Tokio(Flavor::MultiThread) => "TOKIO_WORKER_THREADS",
            Column::AsyncStd => "ASYNC_STD_THREAD_COUNT",
            Column::Smol => "SMOL_THREADS",
            _ => return None,
        };
        Some((var, self.threads?.to_string()))
    }

    /// `2`, or `1` for a runtime without a pool (Python, tokio's current-thread scheduler).
    pub fn threads_label(&self) -> String {
        self.threads.unwrap_or(1).to_string()
    }
}

/// What is run for a point of the sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// `count --tasks N`: the teaching program.
    Count,
    /// `baseline spawn N`: the bare loop.
    Spawn,
    /// `baseline join-all N`: no spawn.
    JoinAll,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Count, Form::Spawn, Form::JoinAll];

    pub fn label(self) -> &'static str {
        match self {
            Form::Count => "count",
            Form::Spawn => "bare spawn",
            Form::JoinAll => "join-all",
        }
    }

    /// The baseline's form argument (`None`: the count program itself).
    pub(super) fn baseline_form(self) -> Option<&'static str> {
        match self {
            Form::Count => None,
            Form::Spawn => Some("spawn"),
            Form::JoinAll => Some("join-all"),
        }
    }
}

/// One point of the sweep: the medians and spreads of its runs, or why there are none.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Point {
    /// The series' label ([`Series::label`]).
    pub column: String,
    /// Its worker threads (`None`: no pool).
    #[serde(default)]
    pub threads: Option<usize>,
    pub form: Form,
    pub n: u64,
    /// Median wall time from spawn to exit, seconds.
    pub wall_s: Option<f64>,
    /// Median peak RSS, KiB.
    pub peak_rss_kib: Option<u64>,
    /// Min, median and max wall time, seconds.
    #[serde(default)]
    pub wall: Option<Spread>,
    /// Min, median and max peak RSS, KiB.
    #[serde(default)]
    pub peak_rss: Option<Spread>,
    /// Every counted run's wall time, seconds, in the order they ran.
    pub runs_s: Vec<f64>,
    /// The warm-up run's wall time, seconds (not counted).
    #[serde(default)]
    pub warm_up_s: Option<f64>,
    /// Why the point has no figures (a failed run, or skipped).
    pub note: Option<String>,
}

/// Spawn+join throughput and switch cost of one series.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rates {
    pub column: String,
    #[serde(default)]
    pub threads: Option<usize>,
    pub trivial_tasks: u64,
    /// Median seconds to spawn and join the trivial tasks.
    pub trivial_s: Option<f64>,
    /// Their min, median and max.
    #[serde(default)]
    pub trivial: Option<Spread>,
    pub ping_pong_rounds: u64,
    /// Median nanoseconds per hand-off.
    pub ns_per_switch: Option<f64>,
    /// Their min, median and max.
    #[serde(default)]
    pub switch: Option<Spread>,
    pub note: Option<String>,
}

/// How late one runtime's sleeps of one length end: the spread over the runs of each run's
/// p50, p99 and max overshoot, µs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Precision {
    /// `tokio multi-thread`, `std::thread::sleep`, `spin-wait`, `python`.
    pub who: String,
    pub sleep_ms: u64,
    /// Sleeps in a row per run.
    pub sleeps: u64,
    pub p50_us: Option<Spread>,
    pub p99_us: Option<Spread>,
    pub max_us: Option<Spread>,
    pub note: Option<String>,
}

/// Everything a bench run measured (`bench.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Results {
    pub command: String,
    pub machine: String,
    /// `/proc/loadavg` before and after.
    pub load_before: String,
    pub load_after: String,
    pub scale: f64,
    pub repeat: u32,
    pub profile: String,
    /// The seed of the shuffled run order (`--seed` repeats it).
    #[serde(default)]
    pub seed: u64,
    /// The cores the pools were sized by.
    #[serde(default)]
    pub cores: usize,
    /// `/proc/self/timerslack_ns`: how late the kernel may wake a sleeping thread.
    #[serde(default)]
    pub timer_slack_ns: Option<u64>,
    pub points: Vec<Point>,
    pub rates: Vec<Rates>,
    #[serde(default)]
    pub precision: Vec<Precision>,
}

/// Made-up results for the tests of the reports.
#[cfg(test)]
pub(super) mod fixtures {
    use super::*;

    pub fn point(column: &str, form: Form, n: u64, wall_s: f64, rss_kib: u64) -> Point {
        Point {
            column: column.to_string(),
            threads: None,
            form,
            n,
            wall_s: Some(wall_s),
            peak_rss_kib: Some(rss_kib),
            wall: Spread::of(&[wall_s * 0.99, wall_s, wall_s * 1.02]),
            peak_rss: Spread::of(&[rss_kib as f64]),
            runs_s: vec![wall_s],
            warm_up_s: None,
            note: None,
        }
    }

    pub fn results(points: Vec<Point>) -> Results {
        Results {
            command: "cargo xtask bench".into(),
            machine: "a machine <2 cores>".into(),
            load_before: "0.1 0.2 0.3".into(),
            load_after: "0.1 0.2 0.3".into(),
            scale: 1.0,
            repeat: 1,
            profile: "release".into(),
            seed: 42,
            cores: 2,
            timer_slack_ns: Some(50_000),
            points,
            rates: vec![Rates {
                column: "smol".into(),
                threads: Some(1),
                trivial_tasks: 1_000_000,
                trivial_s: Some(0.25),
                trivial: Spread::of(&[0.25, 0.24, 0.30]),
                ping_pong_rounds: 100_000,
                ns_per_switch: Some(90.0),
                switch: Spread::of(&[90.0]),
                note: None,
            }],
            precision: vec![Precision {
                who: "tokio current-thread".into(),
                sleep_ms: 1,
                sleeps: 200,
                p50_us: Spread::of(&[1100.0, 1090.0, 1120.0]),
                p99_us: Spread::of(&[1400.0]),
                max_us: Spread::of(&[2200.0]),
                note: None,
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_the_default_and_the_other_of_one_and_the_cores() {
        let labels = |column, cores| -> Vec<(String, Option<(&str, String)>)> {
            Series::of(column, cores)
                .iter()
                .map(|s| (s.label(), s.env()))
                .collect()
        };
        let var = |v: &'static str, n: &str| Some((v, n.to_string()));
        assert_eq!(
            labels(Column::Tokio(Flavor::MultiThread), 4),
            [
                (
                    "tokio multi-thread".into(),
                    var("TOKIO_WORKER_THREADS", "4")
                ),
                (
                    "tokio multi-thread · 1 thread".into(),
                    var("TOKIO_WORKER_THREADS", "1")
                ),
            ]
        );
        assert_eq!(
            labels(Column::Smol, 2),
            [
                ("smol".into(), var("SMOL_THREADS", "1")),
                ("smol · 2 threads".into(), var("SMOL_THREADS", "2")),
            ]
        );
        // One core: one pool size.
        assert_eq!(labels(Column::AsyncStd, 1).len(), 1);
        assert_eq!(
            labels(Column::Tokio(Flavor::CurrentThread), 8),
            [("tokio current-thread".into(), None)]
        );
        assert_eq!(labels(Column::Python, 8), [("python".into(), None)]);
    }
}
