//! `report.md` (and from it `report.html`) and `report.json`: the notes on the run, the closest-to-ideal table, and one
//! table per program (with the diffs of the orders that differ); the same tables are what
//! `cargo xtask compare` prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use shared::catalogue::Ordering;
use shared::{Mode, Program};

use super::judge::mode_rank;
use super::{Against, Closest, Report, Row, RunStatus};
use crate::atomic;
use crate::markdown::{self, Align, Layout};
use crate::order::Verdict;

/// Writes `report.md`, `report.html` (the same, one self-contained page with its timelines
/// inline, [`super::html`]: the timelines are written before the reports) and `report.json`
/// into `out`.
pub fn write(out: &Path, report: &Report) -> anyhow::Result<()> {
    // Each whole or not at all (a reader, or an interrupt, never meets half a report).
    let markdown = markdown(report);
    atomic::write(&out.join("report.md"), &markdown)?;
    atomic::write(&out.join("report.html"), super::html::page(&markdown, out))?;
    atomic::write(
        &out.join("report.json"),
        serde_json::to_string_pretty(report)?,
    )
}

/// A table of the report: left-aligned and padded, so that it reads in a terminal too.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let align = vec![Align::Left; header.len()];
    markdown::table(header, &align, rows, Layout::Padded)
}

/// `15.003 s`, `152.3 ms`.
pub fn duration(us: u64) -> String {
    if us >= 1_000_000 {
        format!("{:.3} s", us as f64 / 1e6)
    } else {
        format!("{:.1} ms", us as f64 / 1e3)
    }
}

/// `+3.2 ms`, `-120.0 ms`, `+1.204 s`.
pub fn signed(us: i64) -> String {
    let sign = if us < 0 { "-" } else { "+" };
    format!("{sign}{}", duration(us.unsigned_abs()))
}

pub fn order_cell(row: &Row) -> String {
    match &row.status {
        RunStatus::Failed { error } => format!("**failed**: {error}"),
        RunStatus::Timeout => "**timeout**".to_string(),
        RunStatus::Skipped { why } => format!("skipped: {why}"),
        RunStatus::Ok => match (&row.verdict, &row.reference) {
            (None, _) => "—".to_string(),
            (Some(Verdict::Same), Some(Against::ThisRun)) => "same (reference)".to_string(),
            (Some(Verdict::Differs { why, .. }), _) if row.differs_from_a_fact() => {
                format!("**differs**: {why}")
            }
            (Some(Verdict::Differs { why, .. }), _) if row.ordering == Ordering::Scheduler => {
                format!("differs (scheduler-dependent): {why}")
            }
            (Some(Verdict::Differs { why, .. }), _) => format!("differs (a tie decided): {why}"),
            (Some(Verdict::TiesOnly { swaps }), _) => format!("ties only ({swaps} swapped)"),
            (Some(verdict), _) => verdict.word().to_string(),
        },
    }
}

/// One program's table, with its diffs; `timeline` links the picture (in report.md).
pub fn program_section(program: Program, rows: &[Row], timeline: Option<&str>) -> String {
    let mut text = format!(
        "## {program} (seed {})\n\n{}\n\n",
        program.seeds(),
        program.about()
    );
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.column.clone(),
                r.mode.to_string(),
                r.threads.map_or("—".to_string(), |n| n.to_string()),
                r.elapsed_us.map_or("—".to_string(), duration),
                duration(r.ideal_us),
                r.overhead_us.map_or("—".to_string(), signed),
                r.wall_us
                    .filter(|_| !matches!(r.status, RunStatus::Skipped { .. }))
                    .map_or("—".to_string(), duration),
                r.peak_rss_kib.map_or("—".to_string(), |k| {
                    format!("{:.1} MiB", k as f64 / 1024.0)
                }),
                order_cell(r),
            ]
        })
        .collect();
    text.push_str(&table(
        &[
            "runtime", "mode", "threads", "elapsed", "ideal", "overhead", "wall", "peak RSS",
            "order",
        ],
        &cells,
    ));
    for row in rows {
        if let Some(Verdict::Differs { diff, .. }) = &row.verdict {
            let _ = write!(
                text,
                "\n{} · {} against {}:\n\n```diff\n{diff}```\n",
                row.column,
                row.mode,
                row.reference
                    .as_ref()
                    .map_or("the reference".to_string(), Against::describe)
            );
        }
    }
    if let Some(timeline) = timeline {
        let _ = write!(text, "\n![{program} timeline]({timeline})\n");
    }
    text
}

/// Per program and mode, the successful runs closest to and farthest from the ideal.
pub fn closest(rows: &[Row]) -> Vec<Closest> {
    let mut by_mode: BTreeMap<(Program, Mode), Vec<&Row>> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.ok()) {
        by_mode
            .entry((row.program, row.mode))
            .or_default()
            .push(row);
    }
    let mut list: Vec<Closest> = by_mode
        .into_iter()
        .filter_map(|((program, mode), rows)| {
            let overhead = |r: &&Row| r.overhead_us.unwrap_or(i64::MAX);
            let best = rows.iter().min_by_key(|r| overhead(r).unsigned_abs())?;
            let worst = rows.iter().max_by_key(|r| overhead(r).unsigned_abs())?;
            Some(Closest {
                program,
                mode,
                ideal_us: best.ideal_us,
                closest: best.column.clone(),
                closest_overhead_us: overhead(best),
                farthest: worst.column.clone(),
                farthest_overhead_us: overhead(worst),
            })
        })
        .collect();
    list.sort_by_key(|c| (c.program, mode_rank(c.program, c.mode)));
    list
}

pub fn closest_section(closest: &[Closest]) -> String {
    let cells: Vec<Vec<String>> = closest
        .iter()
        .map(|c| {
            vec![
                c.program.to_string(),
                c.mode.to_string(),
                duration(c.ideal_us),
                format!("{} ({})", c.closest, signed(c.closest_overhead_us)),
                format!("{} ({})", c.farthest, signed(c.farthest_overhead_us)),
            ]
        })
        .collect();
    format!(
        "## Closest to ideal\n\nPer program and mode, the run whose elapsed time is closest to \
         the ideal (CPU-bound modes have an ideal of 0: closest is fastest), and the \
         farthest.\n\n{}",
        table(&["program", "mode", "ideal", "closest", "farthest"], &cells)
    )
}

fn markdown(report: &Report) -> String {
    let mut text = String::from("# cargo xtask compare\n\n");
    let _ = writeln!(text, "- Command: `{}`", report.command);
    let _ = writeln!(text, "- Machine: {}", report.machine);
    let _ = writeln!(
        text,
        "- Scale {}: every duration of the seeds × {}; {} builds; thread pools of {} \
         (`TOKIO_WORKER_THREADS`, `ASYNC_STD_THREAD_COUNT`, `SMOL_THREADS`); one run at a time.",
        report.scale, report.scale, report.profile, report.threads
    );
    let _ = writeln!(
        text,
        "- elapsed: the program's own clock, first line to end; ideal: the catalogue's critical \
         path, scaled; overhead = elapsed − ideal; wall: the whole process (start-up included); \
         threads: the runtime's pool (— for none)."
    );
    let _ = writeln!(
        text,
        "- order: the printed lines (timing lines left out) against the catalogue's transcript, \
         or, where the transcript depends on the scheduler, against the first runtime's run of \
         that mode. `same`; `ties only`: lines of one ideal instant, or printed less than {} \
         apart, swapped places; `differs`: with the diff. A difference from the catalogue's \
         transcript fails the comparison (exit code 1) unless the catalogue says the order \
         depends on the scheduler; a difference from another run is shown, not failed (without \
         a transcript, which lines are printed can depend on how a tie was broken).",
        report.tolerance
    );
    for note in &report.notes {
        let _ = writeln!(text, "- Note: {note}");
    }
    text.push('\n');
    text.push_str(&closest_section(&report.closest));
    let mut programs: Vec<Program> = report.rows.iter().map(|r| r.program).collect();
    programs.dedup();
    for program in programs {
        let rows: Vec<Row> = report
            .rows
            .iter()
            .filter(|r| r.program == program)
            .cloned()
            .collect();
        text.push('\n');
        text.push_str(&program_section(
            program,
            &rows,
            Some(&format!("timeline-{program}.svg")),
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_ms_below_a_second() {
        assert_eq!(duration(152_345), "152.3 ms");
        assert_eq!(duration(15_003_000), "15.003 s");
        assert_eq!(signed(-1_200), "-1.2 ms");
        assert_eq!(signed(3_200), "+3.2 ms");
    }

    #[test]
    fn tables_are_padded_markdown() {
        let text = table(&["a", "bb"], &[vec!["x|y".into(), "z".into()]]);
        assert_eq!(text, "| a    | bb  |\n| ---- | --- |\n| x\\|y | z   |\n");
    }
}
