//! The ordering verdicts of a program's runs, and the order of its rows: each successful run
//! against the catalogue's transcript, or, where the catalogue has none, against the first
//! run of its mode ([`crate::order`] decides `same`, `ties only` or `differs`).

use std::collections::BTreeMap;

use shared::{Mode, Program, Runtime};

use super::run::scaled_ideal;
use super::{Against, Column, Row};
use crate::order::{self, Reference, Verdict};
use crate::python;

/// The ordering verdict of every successful row of one program.
pub fn judge(program: Program, rows: &mut [Row], scale: f64) {
    // Reference runs: the first successful run of each mode, among runs that follow the
    // same (sync or async) transcript.
    let key = |row: &Row| {
        let runtime = row.column().transcript_runtime(program, row.mode);
        (row.mode, runtime.is_async())
    };
    let mut first_runs: BTreeMap<(Mode, bool), usize> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        if row.ok() {
            first_runs.entry(key(row)).or_insert(i);
        }
    }
    let lines_of = |row: &Row| {
        row.trace
            .as_ref()
            .map(|t| order::comparable(&t.events))
            .unwrap_or_default()
    };
    let judged: Vec<Option<(Against, Verdict)>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if !row.ok() {
                return None;
            }
            let tolerance = order::tolerance(scaled_ideal(program, row.mode, scale));
            let runtime = row.column().transcript_runtime(program, row.mode);
            let lines = lines_of(row);
            if let Some(groups) = shared::expect::transcript(program, runtime, row.mode) {
                let reference = Reference::from_transcript(groups);
                return Some((
                    Against::Transcript,
                    order::classify(&reference, &lines, tolerance),
                ));
            }
            let first = *first_runs.get(&key(row))?;
            if first == i {
                return Some((Against::ThisRun, Verdict::Same));
            }
            let reference = Reference::from_run(&lines_of(&rows[first]), tolerance);
            Some((
                Against::Run {
                    column: rows[first].column.clone(),
                },
                order::classify(&reference, &lines, tolerance),
            ))
        })
        .collect();
    for (row, judged) in rows.iter_mut().zip(judged) {
        if let Some((reference, verdict)) = judged {
            row.reference = Some(reference);
            row.verdict = Some(verdict);
        }
    }
}

/// The order of a program's modes in its table: the async crates', then the sync crate's,
/// then Python's own.
pub fn mode_rank(program: Program, mode: Mode) -> usize {
    let mut modes: Vec<Mode> = Vec::new();
    for m in program
        .modes(Runtime::Tokio)
        .iter()
        .chain(program.modes(Runtime::Sync))
        .chain(python::modes(program))
    {
        if !modes.contains(m) {
            modes.push(*m);
        }
    }
    modes.iter().position(|&m| m == mode).unwrap_or(usize::MAX)
}

pub fn sort_rows(program: Program, rows: &mut [Row]) {
    let column_rank = |row: &Row| Column::ALL.iter().position(|&c| c == row.column());
    rows.sort_by_key(|row| (mode_rank(program, row.mode), column_rank(row)));
}

#[cfg(test)]
mod tests {
    use shared::cli::Flavor;

    use super::super::report::order_cell;
    use super::super::row::finished as row;
    use super::*;
    use crate::compare::RunStatus;

    #[test]
    fn a_difference_from_the_transcript_fails_where_the_order_is_a_fact() {
        let good = [
            ("One", 0),
            ("One", 0),
            ("One", 0),
            ("Two", 1000),
            ("Two", 1000),
            ("Two", 1000),
        ];
        let bad = [
            ("One", 0),
            ("Two", 1000),
            ("One", 1000),
            ("Two", 2000),
            ("One", 2000),
            ("Two", 3000),
        ];
        let mut rows = vec![
            row(Program::Count, Column::Smol, Mode::Concurrent, &good),
            row(Program::Count, Column::AsyncStd, Mode::Concurrent, &bad),
        ];
        judge(Program::Count, &mut rows, 1.0);
        assert_eq!(rows[0].reference, Some(Against::Transcript));
        assert_eq!(rows[0].verdict, Some(Verdict::Same));
        assert!(!rows[0].fails());
        assert_eq!(rows[1].verdict.as_ref().map(Verdict::word), Some("differs"));
        assert!(rows[1].fails(), "count's order is a fact");
        assert!(order_cell(&rows[1]).starts_with("**differs**"));
    }

    #[test]
    fn without_a_transcript_the_first_run_is_the_reference_and_differences_do_not_fail() {
        // work_queue async: who takes the last item after the tie at 15 s decides the lines.
        let one = [
            ("Task One running", 0),
            ("Task Two running", 0),
            ("Task Two running", 10),
            ("Task One running", 15),
        ];
        let two = [
            ("Task One running", 0),
            ("Task Two running", 0),
            ("Task Two running", 10),
            ("Task Two running", 15),
        ];
        let mut rows = vec![
            row(
                Program::WorkQueue,
                Column::Tokio(Flavor::MultiThread),
                Mode::Async,
                &one,
            ),
            row(Program::WorkQueue, Column::Smol, Mode::Async, &two),
            row(Program::WorkQueue, Column::AsyncStd, Mode::Async, &one),
        ];
        judge(Program::WorkQueue, &mut rows, 1.0);
        assert_eq!(rows[0].reference, Some(Against::ThisRun));
        assert_eq!(
            rows[1].reference,
            Some(Against::Run {
                column: "tokio multi-thread".into()
            })
        );
        assert_eq!(rows[1].verdict.as_ref().map(Verdict::word), Some("differs"));
        assert_eq!(rows[2].verdict, Some(Verdict::Same));
        assert!(rows.iter().all(|r| !r.fails()));
        assert!(order_cell(&rows[1]).starts_with("differs (a tie decided)"));
        // A failed run fails, whatever its order.
        rows[2].status = RunStatus::Timeout;
        assert!(rows[2].fails());
    }

    #[test]
    fn modes_are_listed_async_first_then_sync_then_python() {
        let mut modes = vec![Mode::Threads, Mode::Sequential, Mode::Concurrent];
        modes.sort_by_key(|&m| mode_rank(Program::Count, m));
        assert_eq!(modes, [Mode::Concurrent, Mode::Sequential, Mode::Threads]);
    }
}
