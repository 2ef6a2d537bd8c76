//! The `polls` stage: what recording a poll costs ([`shared::poll_cost`], the release
//! `poll_cost` binary), bare against wrapped with recording off and on. One figure for every
//! runtime: the wrapper is the same code under each, and the binary polls by hand.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use shared::poll_cost::PollCost;

use super::stats::Spread;
use crate::markdown::{self, Align, Layout};
use crate::runner::{Job, Runner};

/// The stage's figures: ns per poll of each form, the spread over the counted runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PollCostRow {
    pub polls: u32,
    pub bare_ns: Option<Spread>,
    pub off_ns: Option<Spread>,
    pub recorded_ns: Option<Spread>,
    pub note: Option<String>,
}

/// Runs `<bin>/shared/poll_cost POLLS` `1 + repeat` times; the first is a warm-up.
pub fn run(
    runner: &Runner,
    bin: &Path,
    polls: u32,
    repeat: u32,
    stop: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<PollCostRow> {
    eprintln!("==> what recording a poll costs: 1 cell");
    let job = Job::new(bin.join("shared").join("poll_cost"))
        .arg(polls.to_string())
        .timeout(Duration::from_secs(120));
    let mut costs = Vec::new();
    let mut note = None;
    for run in 0..=repeat {
        let outcome = runner.run(&job);
        match PollCost::parse(&outcome.stdout).filter(|_| outcome.status.success()) {
            Some(cost) if run > 0 => costs.push(cost),
            Some(_) => {}
            None => {
                note = Some(format!(
                    "{}: {}",
                    outcome.status,
                    outcome.last_error_line().unwrap_or(outcome.stdout.trim())
                ));
                break;
            }
        }
        stop("poll_cost")?;
    }
    Ok(row(polls, &costs, note))
}

/// The row of the counted runs' figures.
pub fn row(polls: u32, costs: &[PollCost], note: Option<String>) -> PollCostRow {
    let of = |f: fn(&PollCost) -> f64| {
        let values: Vec<f64> = costs.iter().map(f).collect();
        Spread::of(&values).filter(|_| note.is_none())
    };
    PollCostRow {
        polls,
        bare_ns: of(|c| c.bare_ns),
        off_ns: of(|c| c.off_ns),
        recorded_ns: of(|c| c.recorded_ns),
        note,
    }
}

/// The stage's section of `bench.md`.
pub fn markdown(text: &mut String, row: &PollCostRow) {
    let _ = writeln!(text, "### What recording a poll costs\n");
    let _ = writeln!(
        text,
        "`poll_cost {polls}` ([`shared/src/poll_cost.rs`](../shared/src/poll_cost.rs)): a \
         future that is `Pending` {polls} times, polled to its end by hand, bare, inside \
         `Out::traced` with recording off (what every task of a measured binary pays when no \
         trace is written, and always over 100 tasks), and with recording on (two clock reads \
         and a record appended under a lock). No runtime is involved: the wrapper is the same \
         code under every one. ns per poll, the median of the runs with their min–max.\n",
        polls = super::report::thousands(u64::from(row.polls))
    );
    if let Some(note) = &row.note {
        let _ = writeln!(text, "It failed: {note}\n");
        return;
    }
    let bare = row.bare_ns.map(|s| s.median);
    let show = |s: Option<Spread>| s.map_or("-".into(), |s| s.show(|v| format!("{v:.1}")));
    let over = |s: Option<Spread>| match (s, bare) {
        (Some(s), Some(bare)) => format!("{:+.1}", s.median - bare),
        _ => "-".into(),
    };
    let table = markdown::table(
        &["form", "ns per poll", "more than bare (ns)"],
        &Align::words_then_figures(1, 3),
        &[
            vec!["bare".into(), show(row.bare_ns), "—".into()],
            vec![
                "wrapped, recording off".into(),
                show(row.off_ns),
                over(row.off_ns),
            ],
            vec![
                "wrapped, recording on".into(),
                show(row.recorded_ns),
                over(row.recorded_ns),
            ],
        ],
        Layout::Compact,
    );
    let _ = writeln!(text, "{table}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_spreads_the_counted_runs_and_the_table_shows_the_extra_cost() {
        let cost = |recorded_ns| PollCost {
            polls: 10,
            bare_ns: 4.0,
            off_ns: 4.0,
            recorded_ns,
        };
        let row = row(10, &[cost(90.0), cost(100.0), cost(95.0)], None);
        let recorded = row.recorded_ns.unwrap();
        assert_eq!(
            (recorded.min, recorded.median, recorded.max),
            (90.0, 95.0, 100.0)
        );
        let mut md = String::new();
        markdown(&mut md, &row);
        assert!(md.contains("| wrapped, recording on"), "{md}");
        assert!(md.contains("+91.0"), "{md}");
        let failed = super::row(10, &[], Some("exit status: 1: no".into()));
        let mut md = String::new();
        markdown(&mut md, &failed);
        assert!(md.contains("It failed: exit status: 1: no"), "{md}");
    }
}
