//! The figures drawn from the runs, and fair runs: medians and spreads (min, median, max of
//! a cell's runs), bytes per task as the slope of peak RSS over N (between two points, or
//! least squares over a sweep), finding a series' points; and the seeded order of the runs.
//!
//! A median alone hides how far the runs were apart, and running the cells always in the
//! same order lets a machine's drift (a neighbour compiling, a cache warming) favour whichever
//! runs first. So every figure is reported as a [`Spread`], and [`schedule`] puts every run of
//! a stage's cells in one shuffled order from a seed that the report prints (`--seed` repeats
//! it); each cell's first run in that order is a warm-up, measured and discarded.
//!
//! Percentiles of one sample (the sleep-precision table's p50 and p99) are
//! [`shared::precision`]'s: the baselines compute them, and the bench only reads them.

use serde::{Deserialize, Serialize};

use super::{Form, Point, Results};

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        len if len % 2 == 1 => Some(sorted[mid]),
        _ => Some((sorted[mid - 1] + sorted[mid]) / 2.0),
    }
}

/// Min, median and max of repeated runs of one figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

impl Spread {
    /// The spread of `runs` (any order); `None` for no runs or a NaN among them.
    pub fn of(runs: &[f64]) -> Option<Spread> {
        if runs.iter().any(|r| r.is_nan()) {
            return None;
        }
        Some(Spread {
            min: runs.iter().copied().reduce(f64::min)?,
            median: median(runs)?,
            max: runs.iter().copied().reduce(f64::max)?,
        })
    }

    /// The same spread through `f` (a unit change, or the overhead over an ideal); `f` must
    /// keep the order, as `x - ideal` and `x * k` for `k > 0` do.
    pub fn map(self, f: impl Fn(f64) -> f64) -> Spread {
        Spread {
            min: f(self.min),
            median: f(self.median),
            max: f(self.max),
        }
    }

    /// `median (min–max)` with each number written by `format`.
    pub fn show(&self, format: impl Fn(f64) -> String) -> String {
        format!(
            "{} ({}–{})",
            format(self.median),
            format(self.min),
            format(self.max)
        )
    }
}

/// One run of the schedule: which cell, and whether it is that cell's warm-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// An index into the cells given to [`schedule`].
    pub cell: usize,
    /// The cell's first run in this order: measured, then discarded.
    pub warm_up: bool,
}

/// Every run of `cells` cells (`1 + repeat` each: a warm-up, then `repeat` that count) in
/// one order shuffled by `seed`. The same seed gives the same order (with the same
/// `fastrand` 2.x): the report prints it so that a run can be repeated.
pub fn schedule(cells: usize, repeat: u32, seed: u64) -> Vec<Slot> {
    let mut order: Vec<usize> = (0..cells)
        .flat_map(|cell| std::iter::repeat_n(cell, 1 + repeat as usize))
        .collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut order);
    let mut seen = vec![false; cells];
    order
        .into_iter()
        .map(|cell| Slot {
            cell,
            warm_up: !std::mem::replace(&mut seen[cell], true),
        })
        .collect()
}

/// A seed for a run that was given none: from the OS-seeded generator, printed by the caller.
pub fn fresh_seed() -> u64 {
    fastrand::u64(..)
}

/// The least-squares slope of peak RSS (bytes) over N: bytes per task over the sweep.
pub fn slope(points: &[(u64, u64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let xs: Vec<f64> = points.iter().map(|p| p.0 as f64).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1 as f64 * 1024.0).collect();
    let count = xs.len() as f64;
    let (mx, my) = (
        xs.iter().sum::<f64>() / count,
        ys.iter().sum::<f64>() / count,
    );
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// The figures of one column and form, in the sweep's order.
pub fn series<'a>(results: &'a Results, column: &str, form: Form) -> Vec<&'a Point> {
    results
        .points
        .iter()
        .filter(|p| p.column == column && p.form == form)
        .collect()
}

pub fn point<'a>(results: &'a Results, column: &str, form: Form, n: u64) -> Option<&'a Point> {
    results
        .points
        .iter()
        .find(|p| p.column == column && p.form == form && p.n == n)
}

/// Bytes per task over the whole sweep of one column and form.
pub fn sweep_slope(results: &Results, column: &str, form: Form) -> Option<f64> {
    let measured: Vec<(u64, u64)> = series(results, column, form)
        .into_iter()
        .filter_map(|p| Some((p.n, p.peak_rss_kib?)))
        .collect();
    slope(&measured)
}

/// Bytes per task between the previous N and `n` (`None` for the first N).
pub fn step_slope(results: &Results, column: &str, form: Form, n: u64) -> Option<f64> {
    let all = series(results, column, form);
    let at = all.iter().position(|p| p.n == n)?;
    let (before, here) = (all.get(at.checked_sub(1)?)?, all[at]);
    slope(&[
        (before.n, before.peak_rss_kib?),
        (here.n, here.peak_rss_kib?),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slope_is_bytes_per_task() {
        // 1 000 tasks → 2 000 KiB, 3 000 tasks → 2 500 KiB: 512 000 bytes for 2 000 tasks.
        assert_eq!(slope(&[(1_000, 2_000), (3_000, 2_500)]), Some(256.0));
        assert_eq!(slope(&[(1_000, 2_000)]), None);
        // Least squares through points on one line finds the line.
        let line: Vec<(u64, u64)> = [1u64, 10, 100, 1000]
            .map(|k| (k * 1000, 1000 + k * 250))
            .to_vec();
        assert!((slope(&line).unwrap() - 256.0).abs() < 1e-9);
    }

    #[test]
    fn medians_are_the_middle_values() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn a_spread_is_min_median_max() {
        let spread = Spread::of(&[1.2, 1.0, 5.0]).unwrap();
        assert_eq!(
            spread,
            Spread {
                min: 1.0,
                median: 1.2,
                max: 5.0
            }
        );
        assert_eq!(Spread::of(&[2.0, 1.0, 4.0, 3.0]).unwrap().median, 2.5);
        assert_eq!(
            Spread::of(&[7.0]),
            Some(Spread {
                min: 7.0,
                median: 7.0,
                max: 7.0
            })
        );
        assert_eq!(Spread::of(&[]), None);
        assert_eq!(Spread::of(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn a_spread_maps_and_shows_median_first() {
        let spread = Spread::of(&[1.010, 1.004, 1.006]).unwrap().map(|s| s - 1.0);
        assert_eq!(
            spread.show(|s| format!("{:+.3} s", s)),
            "+0.006 s (+0.004 s–+0.010 s)"
        );
    }

    #[test]
    fn every_cell_runs_once_more_than_repeat_and_warms_up_first() {
        let slots = schedule(5, 3, 42);
        assert_eq!(slots.len(), 5 * 4);
        for cell in 0..5 {
            let runs: Vec<&Slot> = slots.iter().filter(|s| s.cell == cell).collect();
            assert_eq!(runs.len(), 4, "cell {cell}");
            assert!(runs[0].warm_up, "cell {cell}'s first run is its warm-up");
            assert!(runs[1..].iter().all(|s| !s.warm_up), "cell {cell}");
        }
    }

    #[test]
    fn the_order_is_shuffled_and_a_seed_repeats_it() {
        let in_order: Vec<usize> = (0..20).flat_map(|c| std::iter::repeat_n(c, 3)).collect();
        let cells = |seed| -> Vec<usize> { schedule(20, 2, seed).iter().map(|s| s.cell).collect() };
        assert_eq!(cells(7), cells(7), "the same seed, the same order");
        assert_ne!(cells(7), cells(8), "another seed, another order");
        assert_ne!(cells(7), in_order, "shuffled");
        assert!(schedule(0, 3, 1).is_empty());
    }
}
