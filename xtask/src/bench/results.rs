//! What a bench measures: the forms of a point ([`Form`]), the points of the sweep
//! ([`Point`]), the rates of a column ([`Rates`]), and all of it ([`Results`], `bench.json`).

use serde::{Deserialize, Serialize};

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

/// One point of the sweep: the medians of its runs, or why there are none.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Point {
    pub column: String,
    pub form: Form,
    pub n: u64,
    /// Median wall time from spawn to exit, seconds.
    pub wall_s: Option<f64>,
    /// Median peak RSS, KiB.
    pub peak_rss_kib: Option<u64>,
    /// Every run's wall time, seconds.
    pub runs_s: Vec<f64>,
    /// Why the point has no figures (a failed run, or skipped).
    pub note: Option<String>,
}

/// Spawn+join throughput and switch cost of one column.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rates {
    pub column: String,
    pub trivial_tasks: u64,
    /// Median seconds to spawn and join the trivial tasks.
    pub trivial_s: Option<f64>,
    pub ping_pong_rounds: u64,
    /// Median nanoseconds per hand-off.
    pub ns_per_switch: Option<f64>,
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
    pub points: Vec<Point>,
    pub rates: Vec<Rates>,
}

/// Made-up results for the tests of the reports.
#[cfg(test)]
pub(super) mod fixtures {
    use super::*;

    pub fn point(column: &str, form: Form, n: u64, wall_s: f64, rss_kib: u64) -> Point {
        Point {
            column: column.to_string(),
            form,
            n,
            wall_s: Some(wall_s),
            peak_rss_kib: Some(rss_kib),
            runs_s: vec![wall_s],
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
            points,
            rates: vec![Rates {
                column: "smol".into(),
                trivial_tasks: 1_000_000,
                trivial_s: Some(0.25),
                ping_pong_rounds: 100_000,
                ns_per_switch: Some(90.0),
                note: None,
            }],
        }
    }
}
