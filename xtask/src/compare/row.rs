//! The record of one run (one row of a table, one entry of `report.json`): its figures, its
//! verdict and its trace; and the report that gathers the rows.

use std::time::Duration;

use serde::Serialize;
use shared::catalogue::Ordering;
use shared::out::Trace;
use shared::{Mode, Program, Runtime};

use super::Column;
use crate::order::{self, Verdict};

/// What a run's order is compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Against {
    /// The catalogue's transcript ([`shared::expect::transcript`]): what must be printed.
    Transcript,
    /// Nothing: this is the first run of its mode, the reference of the others.
    ThisRun,
    /// The first successful run of the mode (the catalogue has no transcript: which lines are
    /// printed depends on how ties are broken).
    Run { column: String },
}

impl Against {
    pub(super) fn describe(&self) -> String {
        match self {
            Against::Transcript => "the catalogue's transcript".to_string(),
            Against::ThisRun => "itself".to_string(),
            Against::Run { column } => format!("the {column} run"),
        }
    }
}

/// How a run went.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum RunStatus {
    Ok,
    Failed { error: String },
    Timeout,
    Skipped { why: String },
}

/// One run: its figures, its verdict, its trace (one row of a table, one entry of
/// `report.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub program: Program,
    pub runtime: Runtime,
    /// tokio's scheduler.
    pub flavor: Option<String>,
    /// The table's runtime column: `tokio current-thread`.
    pub column: String,
    pub mode: Mode,
    /// What the order of lines is worth (from the catalogue).
    pub ordering: Ordering,
    pub command: String,
    #[serde(flatten)]
    pub status: RunStatus,
    /// Worker threads of the runtime's pool, as the run reported it.
    pub threads: Option<usize>,
    pub ideal_us: u64,
    /// The program's own measure, from its first instruction to its end.
    pub elapsed_us: Option<u64>,
    /// `elapsed − ideal`.
    pub overhead_us: Option<i64>,
    /// The process's, start-up and runtime construction included.
    pub wall_us: Option<u64>,
    pub peak_rss_kib: Option<u64>,
    pub user_cpu_us: Option<u64>,
    pub system_cpu_us: Option<u64>,
    /// Lines printed less than this apart may swap places ("ties only").
    pub tolerance_us: u64,
    /// What the order was compared with.
    pub reference: Option<Against>,
    pub verdict: Option<Verdict>,
    pub stderr: String,
    pub trace: Option<Trace>,
    #[serde(skip)]
    pub(super) column_kind: Option<Column>,
}

impl Row {
    /// The row of a run of `program` in `mode` under `column`, before it runs: no figures yet,
    /// the scaled `ideal` and the tolerance for ties that goes with it.
    pub fn planned(program: Program, column: Column, mode: Mode, ideal: Duration) -> Row {
        Row {
            program,
            runtime: column.runtime(),
            flavor: column.flavor().map(|f| f.to_string()),
            column: column.label(),
            mode,
            ordering: program.ordering(mode),
            command: String::new(),
            status: RunStatus::Ok,
            threads: None,
            ideal_us: ideal.as_micros() as u64,
            elapsed_us: None,
            overhead_us: None,
            wall_us: None,
            peak_rss_kib: None,
            user_cpu_us: None,
            system_cpu_us: None,
            tolerance_us: order::tolerance(ideal).as_micros() as u64,
            reference: None,
            verdict: None,
            stderr: String::new(),
            trace: None,
            column_kind: Some(column),
        }
    }

    pub fn ok(&self) -> bool {
        self.status == RunStatus::Ok
    }

    /// A failure for the exit code: the run failed, or it differs from the catalogue's
    /// transcript where the catalogue says the order is a fact (not scheduler-dependent).
    /// Where there is no transcript, the lines themselves may depend on how a tie was broken
    /// (which worker takes the last item): a difference from another run is shown, not failed.
    pub fn fails(&self) -> bool {
        match &self.status {
            RunStatus::Failed { .. } | RunStatus::Timeout => true,
            RunStatus::Skipped { .. } => false,
            RunStatus::Ok => self.differs_from_a_fact(),
        }
    }

    pub(super) fn differs_from_a_fact(&self) -> bool {
        matches!(self.verdict, Some(Verdict::Differs { .. }))
            && self.ordering != Ordering::Scheduler
            && self.reference == Some(Against::Transcript)
    }

    pub(super) fn column(&self) -> Column {
        self.column_kind.expect("rows are made with their column")
    }
}

/// `report.json`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub command: String,
    pub machine: String,
    pub scale: f64,
    pub threads: usize,
    pub profile: &'static str,
    pub tolerance: &'static str,
    pub notes: Vec<String>,
    pub closest: Vec<Closest>,
    pub rows: Vec<Row>,
}

/// The runtime closest to the ideal on one program and mode.
#[derive(Debug, Clone, Serialize)]
pub struct Closest {
    pub program: Program,
    pub mode: Mode,
    pub ideal_us: u64,
    pub closest: String,
    pub closest_overhead_us: i64,
    pub farthest: String,
    pub farthest_overhead_us: i64,
}

/// A successful row of `program` with a trace printing `lines` (`(text, ms)`), for tests.
#[cfg(test)]
pub(super) fn finished(program: Program, column: Column, mode: Mode, lines: &[(&str, u64)]) -> Row {
    let events = lines
        .iter()
        .map(|&(line, ms)| shared::out::Event {
            t_us: ms * 1000,
            task: "main".into(),
            line: line.into(),
            timing: false,
            thread: String::new(),
        })
        .collect();
    let summary = shared::out::Summary {
        program: program.name().into(),
        runtime: column.runtime().name().into(),
        mode: mode.name().into(),
        scale: 1.0,
        threads: None,
        elapsed_us: lines.last().map_or(0, |l| l.1 * 1000),
    };
    let mut row = Row::planned(program, column, mode, Duration::ZERO);
    row.elapsed_us = Some(summary.elapsed_us);
    row.trace = Some(Trace {
        events,
        polls: Vec::new(),
        summary,
    });
    row
}
