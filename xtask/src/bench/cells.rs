//! Running a stage of the bench fairly: its cells (one job each, measured `repeat` times) in
//! one shuffled order ([`schedule`]), each cell's first run a discarded warm-up, and what the
//! kept runs gave turned into the report's figures ([`Point`], [`Rates`], [`Precision`]).
//!
//! A cell that fails once (a crash, a timeout, output that is not what it should print) gets
//! a note and no figures, and its remaining runs are skipped.

use shared::precision::{SleepLine, TARGETS};

use super::run::{baseline_value, check_output};
use super::stats::{Spread, median, schedule};
use super::{Form, Point, Precision, Rates, Series};
use crate::runner::{Job, Outcome, Runner};

/// What a cell measures.
#[derive(Debug, Clone)]
pub enum What {
    /// A point of the sweep: wall time and peak RSS.
    Point { series: Series, form: Form, n: u64 },
    /// A figure the baseline prints itself (`secs` of `spawn-trivial`, `ns_per_switch` of
    /// `ping-pong`).
    Rate {
        series: Series,
        baseline: &'static str,
        key: &'static str,
    },
    /// A row of the sleep-precision table: the `form=sleep` lines.
    Sleep { who: String },
}

/// One thing to measure: what, and the job that measures it.
#[derive(Debug, Clone)]
pub struct Cell {
    pub what: What,
    pub job: Job,
}

/// What a cell's counted runs gave, in the order they ran.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub walls: Vec<f64>,
    pub rss_kib: Vec<f64>,
    /// A [`What::Rate`]'s figure of each run.
    pub values: Vec<f64>,
    /// A [`What::Sleep`]'s lines of each run.
    pub sleeps: Vec<Vec<SleepLine>>,
    /// The warm-up's wall time.
    pub warm_up_s: Option<f64>,
    /// Why the cell has no figures.
    pub note: Option<String>,
}

/// Runs every cell `1 + repeat` times in the order `seed` shuffles them to; a tally per cell,
/// in the cells' order. A progress line when a cell's last run is done. `stop` ends the stage
/// after a run that a signal interrupted (its error names the cell).
pub fn run(
    runner: &Runner,
    cells: &[Cell],
    repeat: u32,
    seed: u64,
    stop: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Tally>> {
    let mut tallies = vec![Tally::default(); cells.len()];
    let mut left = vec![1 + repeat; cells.len()];
    for slot in schedule(cells.len(), repeat, seed) {
        let (cell, tally) = (&cells[slot.cell], &mut tallies[slot.cell]);
        if tally.note.is_none() {
            let outcome = runner.run(&cell.job);
            match check(&cell.what, &outcome) {
                Err(why) => tally.note = Some(why),
                Ok(()) if slot.warm_up => tally.warm_up_s = Some(outcome.wall.as_secs_f64()),
                Ok(()) => count(&cell.what, &outcome, tally),
            }
            stop(&label(&cell.what))?;
        }
        left[slot.cell] -= 1;
        if left[slot.cell] == 0 {
            eprintln!("    {}", progress(&cell.what, tally));
        }
    }
    Ok(tallies)
}

/// Whether a run ended well and printed what it should.
fn check(what: &What, outcome: &Outcome) -> Result<(), String> {
    if !outcome.status.success() {
        return Err(format!(
            "{}: {}",
            outcome.status,
            outcome.last_error_line().unwrap_or("no message")
        ));
    }
    let stdout = &outcome.stdout;
    match what {
        What::Point { form, n, .. } => check_output(*form, *n, stdout),
        What::Rate { baseline, key, .. } => baseline_value(stdout, key)
            .map(|_| ())
            .ok_or_else(|| format!("{baseline} printed no {key}: {:?}", stdout.trim())),
        What::Sleep { .. } => {
            let lines = shared::precision::parse(stdout);
            let lengths: Vec<u64> = lines.iter().map(|l| l.sleep_ms).collect();
            let wanted: Vec<u64> = TARGETS.iter().map(|t| t.as_millis() as u64).collect();
            (lengths == wanted)
                .then_some(())
                .ok_or_else(|| format!("unexpected output: {:?}", stdout.trim()))
        }
    }
}

/// Adds a counted run to its cell's tally.
fn count(what: &What, outcome: &Outcome, tally: &mut Tally) {
    tally.walls.push(outcome.wall.as_secs_f64());
    tally.rss_kib.push(outcome.peak_rss_kib.unwrap_or(0) as f64);
    match what {
        What::Rate { key, .. } => tally.values.extend(baseline_value(&outcome.stdout, key)),
        What::Sleep { .. } => tally.sleeps.push(shared::precision::parse(&outcome.stdout)),
        What::Point { .. } => {}
    }
}

/// `smol · 2 threads · count · N=1000`.
fn label(what: &What) -> String {
    match what {
        What::Point { series, form, n } => {
            format!("{} · {} · N={n}", series.label(), form.label())
        }
        What::Rate {
            series, baseline, ..
        } => format!("{} · {baseline}", series.label()),
        What::Sleep { who } => format!("sleep precision · {who}"),
    }
}

fn progress(what: &What, tally: &Tally) -> String {
    let label = label(what);
    let figure = match (&tally.note, what) {
        (Some(note), _) => note.clone(),
        (None, What::Rate { key, .. }) => Spread::of(&tally.values).map_or("-".into(), |s| {
            format!("{key} {}", s.show(|v| format!("{v:.3}")))
        }),
        (None, What::Sleep { .. }) => format!("{} runs", tally.sleeps.len()),
        (None, What::Point { .. }) => {
            Spread::of(&tally.walls).map_or("-".into(), |s| s.show(|v| format!("{v:.3} s")))
        }
    };
    format!("{label}: {figure}")
}

/// The point a [`What::Point`] cell's tally gives.
pub fn point(series: Series, form: Form, n: u64, tally: Tally) -> Point {
    let ok = tally.note.is_none();
    let wall = Spread::of(&tally.walls).filter(|_| ok);
    let peak_rss = Spread::of(&tally.rss_kib).filter(|_| ok);
    Point {
        column: series.label(),
        threads: series.threads,
        form,
        n,
        wall_s: wall.map(|w| w.median),
        peak_rss_kib: peak_rss.map(|r| r.median as u64),
        wall,
        peak_rss,
        runs_s: tally.walls,
        warm_up_s: tally.warm_up_s,
        note: tally.note,
    }
}

/// The rates of a series from its `spawn-trivial` and `ping-pong` tallies.
pub fn rates(series: Series, trivial: &Tally, switch: &Tally, tasks: u64, rounds: u64) -> Rates {
    let spread = |t: &Tally| Spread::of(&t.values).filter(|_| t.note.is_none());
    let note = [("spawn-trivial", trivial), ("ping-pong", switch)]
        .iter()
        .filter_map(|(form, t)| Some(format!("{form}: {}", t.note.as_ref()?)))
        .reduce(|a, b| format!("{a}; {b}"));
    Rates {
        column: series.label(),
        threads: series.threads,
        trivial_tasks: tasks,
        trivial_s: spread(trivial).map(|s| s.median),
        trivial: spread(trivial),
        ping_pong_rounds: rounds,
        ns_per_switch: spread(switch).map(|s| s.median),
        switch: spread(switch),
        note,
    }
}

/// The sleep-precision rows of one runtime (a row per sleep length) from its tally: each
/// figure the spread, over the runs, of that run's p50, p99 or max.
pub fn precision(who: &str, sleeps: u64, tally: &Tally) -> Vec<Precision> {
    TARGETS
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let of = |pick: fn(&SleepLine) -> f64| {
                let values: Vec<f64> = tally
                    .sleeps
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(pick)
                    .collect();
                Spread::of(&values).filter(|_| tally.note.is_none())
            };
            Precision {
                who: who.to_string(),
                sleep_ms: target.as_millis() as u64,
                sleeps,
                p50_us: of(|l| l.tail.p50),
                p99_us: of(|l| l.tail.p99),
                max_us: of(|l| l.tail.max),
                note: tally.note.clone(),
            }
        })
        .collect()
}

/// The median wall time of a tally, for [`super::python_skip`]'s prediction.
pub fn median_wall(tally: &Tally) -> Option<f64> {
    median(&tally.walls).filter(|_| tally.note.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Column;

    fn smol() -> Series {
        Series {
            column: Column::Smol,
            threads: Some(1),
            default: true,
        }
    }

    #[test]
    fn a_point_has_the_spread_of_its_counted_runs_and_keeps_the_warm_up_apart() {
        let tally = Tally {
            walls: vec![1.02, 1.01, 1.05],
            rss_kib: vec![4000.0, 4100.0, 3900.0],
            warm_up_s: Some(1.30),
            ..Tally::default()
        };
        let point = point(smol(), Form::Count, 1000, tally);
        assert_eq!(point.wall_s, Some(1.02));
        assert_eq!(
            point.wall.unwrap().max,
            1.05,
            "the warm-up's 1.30 is not counted"
        );
        assert_eq!(point.peak_rss_kib, Some(4000));
        assert_eq!(point.warm_up_s, Some(1.30));
        let failed = point_of_failure();
        assert_eq!((failed.wall_s, failed.wall), (None, None));
    }

    fn point_of_failure() -> Point {
        let tally = Tally {
            walls: vec![1.0],
            note: Some("timeout".into()),
            ..Tally::default()
        };
        point(smol(), Form::Spawn, 10, tally)
    }

    #[test]
    fn precision_rows_spread_each_runs_percentiles() {
        let run = |p50: f64| {
            shared::precision::parse(&format!(
                "form=sleep n=5 sleep_ms=1 p50_us={p50} p99_us=900 max_us=990\n\
                 form=sleep n=5 sleep_ms=10 p50_us=60 p99_us=80 max_us=99\n"
            ))
        };
        let tally = Tally {
            sleeps: vec![run(500.0), run(700.0), run(600.0)],
            ..Tally::default()
        };
        let rows = precision("smol", 5, &tally);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].sleep_ms, rows[1].sleep_ms), (1, 10));
        let p50 = rows[0].p50_us.unwrap();
        assert_eq!((p50.min, p50.median, p50.max), (500.0, 600.0, 700.0));
        assert_eq!(rows[1].max_us.unwrap().median, 99.0);
    }
}
