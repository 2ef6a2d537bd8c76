//! Fair measurement, as pure functions: the spread of repeated runs and a seeded run order.
//!
//! `cargo xtask bench` runs every cell (a column, a form, an N) several times. A median alone
//! hides how far the runs were apart, and running the cells always in the same order lets a
//! machine's drift (a neighbour compiling, a cache warming) favour whichever runs first. So:
//!
//! - [`Spread`]: min, median and max of a cell's runs, reported side by side;
//! - [`schedule`]: every run of every cell in one shuffled order, from a seed that is printed
//!   (and can be given back to repeat the order); each cell's first run in that order is a
//!   warm-up, measured and then discarded.
//!
//! Percentiles of one sample (the sleep-precision table's p50 and p99) are
//! [`shared::precision`]'s: the baselines compute them, and this crate only reads them.

use serde::{Deserialize, Serialize};

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
            median: crate::bench::median(runs)?,
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

#[cfg(test)]
mod tests {
    use super::*;

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
