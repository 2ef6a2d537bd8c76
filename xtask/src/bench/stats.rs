//! The figures drawn from the runs: medians, and bytes per task as the slope of peak RSS over
//! N (between two points, or least squares over a sweep); and finding a column's points.

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
}
