//! The bench's programs: the job of each point (`count --tasks N`, `baseline <form> N`, or
//! their Python forms) for a series (its pool size set through the runtime's variable), the
//! check of what they printed, and the progress lines. [`super::cells`] runs them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::report::mib;
use super::{BenchArgs, Form, Point, Rates, Series};
use crate::build;
use crate::compare::Column;
use crate::python;
use crate::runner::Job;

/// Why Python's sweep stops before `n`, if it does: the previous point, scaled linearly to
/// `n`, would take longer than `limit` seconds.
pub fn python_skip(
    column: Column,
    previous: Option<(u64, f64)>,
    n: u64,
    limit: f64,
) -> Option<String> {
    let (prev_n, prev_wall) = previous?;
    let predicted = prev_wall * n as f64 / prev_n as f64;
    (column == Column::Python && predicted > limit).then(|| {
        format!("skipped: {prev_n} tasks took {prev_wall:.1} s, so {n} would take about {predicted:.0} s (over {limit:.0} s)")
    })
}

/// Where a column's programs are: a Rust runtime's binaries, or Python and `python/`.
#[derive(Debug, Clone, Copy)]
pub enum Bins<'a> {
    Rust(&'a Path),
    Python(&'a python::Python),
}

/// The job of one run of `form` at `n` for `series`.
pub fn job(series: Series, bins: Bins<'_>, form: Form, n: u64, args: &BenchArgs) -> Job {
    match form.baseline_form() {
        Some(baseline) => baseline_job(series, bins, baseline, n, args),
        None => {
            let (n, scale) = (n.to_string(), args.scale.to_string());
            let count_args = ["--tasks", &n, "--scale", &scale];
            let job = match bins {
                Bins::Python(python) => Job::new(&python.executable)
                    .arg(python::script(shared::Program::Count))
                    .args(count_args),
                Bins::Rust(dir) => Job::new(dir.join("count")).args(count_args),
            };
            with_flavor(job, series)
        }
    }
}

/// The job of `baseline <form> <n>` (`python/bench_baseline.py` for Python).
pub fn baseline_job(series: Series, bins: Bins<'_>, form: &str, n: u64, args: &BenchArgs) -> Job {
    let (n, secs) = (n.to_string(), args.scale.to_string());
    let baseline_args = [form, &n, "--secs", &secs];
    let job = match bins {
        Bins::Python(python) => Job::new(&python.executable)
            .arg(python_baseline())
            .args(baseline_args),
        Bins::Rust(dir) => Job::new(dir.join("baseline")).args(baseline_args),
    };
    with_flavor(job, series)
}

/// tokio's `--flavor`, the pool size, no colour, and a timeout far past any healthy run.
fn with_flavor(mut job: Job, series: Series) -> Job {
    if let Some(flavor) = series.column.flavor() {
        job = job.args(["--flavor".to_string(), flavor.to_string()]);
    }
    if let Some((var, threads)) = series.env() {
        job = job.env(var, threads);
    }
    job.env("NO_COLOR", "1").timeout(Duration::from_secs(300))
}

/// The sleep-precision job of a row: `baseline sleep K` (`spin K` for the floor) of a Rust
/// runtime's binaries, or `bench_baseline.py sleep K`.
pub fn sleep_job(bins: Bins<'_>, form: &str, sleeps: u64, flavor: Option<Column>) -> Job {
    let sleeps = sleeps.to_string();
    let job = match bins {
        Bins::Python(python) => Job::new(&python.executable)
            .arg(python_baseline())
            .args(["sleep", &sleeps]),
        Bins::Rust(dir) => Job::new(dir.join("baseline")).args([form, &sleeps]),
    };
    match flavor {
        Some(column) => with_flavor(
            job,
            Series {
                column,
                threads: None,
                default: true,
            },
        ),
        None => job.env("NO_COLOR", "1").timeout(Duration::from_secs(300)),
    }
}

/// `python/bench_baseline.py`.
fn python_baseline() -> PathBuf {
    build::workspace_root()
        .join("python")
        .join("bench_baseline.py")
}

/// Checks what a run printed: count's summary line, or the baseline's `key=value` line.
pub fn check_output(form: Form, n: u64, stdout: &str) -> Result<(), String> {
    let ok = match form {
        Form::Count => {
            let summary = format!("{n} count() tasks printed One and Two");
            n <= 100 || stdout.lines().any(|l| l == summary)
        }
        _ => baseline_value(stdout, "n") == Some(n as f64),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("unexpected output: {:?}", stdout.trim()))
    }
}

/// The value of `key` in a baseline's `form=spawn n=1000 secs=1.0…` line.
pub fn baseline_value(stdout: &str, key: &str) -> Option<f64> {
    stdout
        .lines()
        .find(|l| l.starts_with("form="))?
        .split_whitespace()
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))?
        .parse()
        .ok()
}

pub fn describe(point: &Point) -> String {
    let what = format!("{} · {} · N={}", point.column, point.form.label(), point.n);
    match (point.wall, point.peak_rss_kib, &point.note) {
        (Some(wall), Some(rss), _) => {
            format!(
                "{what}: {} s, {}",
                wall.show(|s| format!("{s:.3}")),
                mib(rss)
            )
        }
        (_, _, Some(note)) => format!("{what}: {note}"),
        _ => format!("{what}: no figures"),
    }
}

pub fn describe_rates(rates: &Rates) -> String {
    format!(
        "{} · spawn+join {} trivial tasks: {} · ping-pong: {}{}",
        rates.column,
        rates.trivial_tasks,
        rates
            .trivial
            .map_or("-".into(), |s| s.show(|s| format!("{s:.3} s"))),
        rates
            .switch
            .map_or("-".into(), |ns| ns.show(|ns| format!("{ns:.0} ns"))),
        rates
            .note
            .as_ref()
            .map_or(String::new(), |n| format!(" ({n})"))
    )
}

pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_lines_are_read() {
        let line = "form=ping-pong n=100000 secs=0.018151 ns_per_switch=90.8\n";
        assert_eq!(baseline_value(line, "ns_per_switch"), Some(90.8));
        assert_eq!(baseline_value(line, "n"), Some(100_000.0));
        assert_eq!(baseline_value(line, "per_sec"), None);
        assert_eq!(baseline_value("nothing", "n"), None);
    }

    #[test]
    fn outputs_are_checked() {
        let summary = "1000 count() tasks printed One and Two\nexecuted in 1.00 seconds.\n";
        assert!(check_output(Form::Count, 1000, summary).is_ok());
        assert!(check_output(Form::Count, 10, "").is_ok());
        assert!(check_output(Form::Count, 2000, summary).is_err());
        assert!(check_output(Form::Spawn, 1000, "form=spawn n=1000 secs=1.0").is_ok());
        assert!(check_output(Form::JoinAll, 1000, "form=join-all n=999 secs=1.0").is_err());
    }

    #[test]
    fn python_stops_where_the_previous_point_predicts_too_long() {
        let skip = python_skip(Column::Python, Some((100_000, 7.0)), 1_000_000, 60.0);
        assert!(skip.unwrap().contains("about 70 s"));
        assert_eq!(
            python_skip(Column::Python, Some((100_000, 3.5)), 1_000_000, 60.0),
            None
        );
        assert_eq!(
            python_skip(Column::Smol, Some((100_000, 70.0)), 1_000_000, 60.0),
            None
        );
        assert_eq!(python_skip(Column::Python, None, 1_000, 60.0), None);
    }
}
