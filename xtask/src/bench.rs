//! `cargo xtask bench`: how far each runtime scales, and what the teaching plumbing costs.
//!
//! 1. Builds the async runtimes' binaries in release mode, one member at a time
//!    ([`crate::build`]), into `target/bench/bin/<runtime>/`.
//! 2. Sweeps N (default 1 000, 10 000, 100 000, 1 000 000) for every column (tokio
//!    multi-thread, tokio current-thread, async-std, smol, Python asyncio) and three forms:
//!    - `count`: the program itself, `count --tasks N --scale S` (`python/count.py` for
//!      Python): N tasks that each sleep 1 s (at `--scale 1`);
//!    - `bare spawn`: the crate's `baseline spawn N` (`python/bench_baseline.py`): the same
//!      N spawned sleeps with none of the project's plumbing;
//!    - `join-all`: `baseline join-all N`: the N sleeps joined on one task, no spawn.
//!
//!    Each point runs `--repeat` times through the measuring [`Runner`]; the report gives
//!    the median wall time (spawn to exit) and the median peak RSS. Python's sweep stops
//!    where the previous point predicts more than `--python-limit` seconds.
//! 3. Spawn+join throughput (`baseline spawn-trivial`) and task-switch cost (`baseline
//!    ping-pong`), as the baselines time them themselves.
//! 4. Writes `bench.md` (tables, and the targets met or missed), `bench.json` (every figure)
//!    and `bench.svg` (overhead and peak RSS against N, N on a log axis) to `target/bench/`.
//!
//! Bytes per task is the slope of peak RSS over N: between one N and the next in the tables,
//! and the least-squares slope over the whole sweep in the summary. The targets are measured
//! and reported, never asserted: a missed target is a finding, not a failure.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, bail};
use clap::Args;
use serde::{Deserialize, Serialize};
use shared::Runtime;
use shared::cli::Flavor;

use crate::build::{self, Profile};
use crate::compare::{self, Column};
use crate::python;
use crate::runner::{Job, Runner};

/// `cargo xtask bench`'s options.
#[derive(Debug, Clone, Args)]
#[command(after_help = "\
Runs count --tasks N and the bare baselines for every N under tokio (both schedulers), \
async-std, smol and Python asyncio, at --scale 1 by default (1 s sleeps). With the defaults \
it takes about 15 minutes once built, Python's 1 000 000 tasks being the longest part. \
Reports: target/bench/bench.md, bench.json and bench.svg.")]
pub struct BenchArgs {
    /// The task counts to sweep, comma-separated.
    #[arg(long, value_name = "N,N,...", value_delimiter = ',',
          default_values_t = [1_000u64, 10_000, 100_000, 1_000_000])]
    pub tasks: Vec<u64>,
    /// Runs per point; the median is reported.
    #[arg(long, value_name = "RUNS", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..=20))]
    pub repeat: u32,
    /// The sleep of every task, in seconds (count's --scale; the ideal wall time).
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub scale: f64,
    /// Leave Python out.
    #[arg(long)]
    pub no_python: bool,
    /// Python's sweep stops before a point that the previous one predicts to take longer.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub python_limit: f64,
    /// How many trivial tasks to spawn and join for the throughput figure.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub trivial_tasks: u64,
    /// How many times the two ping-pong tasks each hand the turn over.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub ping_pong_rounds: u64,
    /// Build and run the dev profile instead of --release (quick to build; not for figures).
    #[arg(long)]
    pub debug: bool,
    /// Where the reports go (default: target/bench).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// The columns of the bench: every async runtime, tokio once per scheduler, then Python.
pub const COLUMNS: [Column; 5] = [
    Column::Tokio(Flavor::MultiThread),
    Column::Tokio(Flavor::CurrentThread),
    Column::AsyncStd,
    Column::Smol,
    Column::Python,
];

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
    fn baseline_form(self) -> Option<&'static str> {
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

/// Runs the bench and writes its reports; see the module documentation.
pub fn bench(args: &BenchArgs, command_line: &str) -> anyhow::Result<()> {
    if !(args.scale.is_finite() && args.scale > 0.0) {
        bail!("--scale must be a number greater than 0");
    }
    if args.tasks.is_empty() || args.tasks.contains(&0) {
        bail!("--tasks needs task counts greater than 0");
    }
    let mut sweep = args.tasks.clone();
    sweep.sort_unstable();
    sweep.dedup();
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| build::target_dir().join("bench"));
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let profile = if args.debug {
        Profile::Dev
    } else {
        Profile::Release
    };

    // Build each async runtime's binaries apart from the others'.
    let mut bin_dirs = Vec::new();
    for runtime in [Runtime::Tokio, Runtime::AsyncStd, Runtime::Smol] {
        let dest = out_dir.join("bin").join(runtime.name());
        eprintln!("==> building {runtime} ({})", profile.name());
        let built = build::build_runtime(runtime, profile, &dest)?;
        if let Some(error) = built.error {
            bail!("{error}");
        }
        for needed in ["count", "baseline"] {
            if !built.binaries.contains_key(needed) {
                bail!("the build of {runtime} made no `{needed}` binary");
            }
        }
        bin_dirs.push((runtime, dest));
    }
    let python = if args.no_python {
        None
    } else {
        let found = python::find();
        if found.is_none() {
            eprintln!("==> no python3 (or XTASK_PYTHON): Python is left out");
        }
        found
    };
    let columns: Vec<Column> = COLUMNS
        .into_iter()
        .filter(|c| *c != Column::Python || python.is_some())
        .collect();

    let runner = Runner::measuring(std::env::current_exe().context("finding xtask itself")?);
    let load_before = loadavg();
    let mut points = Vec::new();
    let mut rates = Vec::new();
    for &column in &columns {
        let bins = match column {
            Column::Python => Bins::Python(python.as_ref().expect("python was found")),
            _ => Bins::Rust(
                bin_dirs
                    .iter()
                    .find(|(r, _)| *r == column.runtime())
                    .map(|(_, d)| d.as_path())
                    .expect("every async runtime was built"),
            ),
        };
        for form in Form::ALL {
            let mut previous: Option<(u64, f64)> = None;
            for &n in &sweep {
                let point = match python_skip(column, previous, n, args.python_limit) {
                    Some(why) => Point {
                        column: column.label(),
                        form,
                        n,
                        wall_s: None,
                        peak_rss_kib: None,
                        runs_s: Vec::new(),
                        note: Some(why),
                    },
                    None => measure_point(&runner, column, bins, form, n, args),
                };
                eprintln!("    {}", describe(&point));
                if let Some(wall) = point.wall_s {
                    previous = Some((n, wall));
                }
                points.push(point);
            }
        }
        let measured = measure_rates(&runner, column, bins, args);
        eprintln!("    {}", describe_rates(&measured));
        rates.push(measured);
    }
    let results = Results {
        command: command_line.to_string(),
        machine: compare::machine(python.as_ref().map(|p| p.version.as_str())),
        load_before,
        load_after: loadavg(),
        scale: args.scale,
        repeat: args.repeat,
        profile: profile.name().to_string(),
        points,
        rates,
    };

    let json = out_dir.join("bench.json");
    std::fs::write(&json, serde_json::to_string_pretty(&results)?)
        .with_context(|| format!("writing {}", json.display()))?;
    let md = out_dir.join("bench.md");
    std::fs::write(&md, markdown(&results, &sweep, &columns))
        .with_context(|| format!("writing {}", md.display()))?;
    let svg = out_dir.join("bench.svg");
    std::fs::write(&svg, plot(&results, &columns))
        .with_context(|| format!("writing {}", svg.display()))?;
    eprintln!(
        "==> wrote {}, {} and {}",
        md.display(),
        json.display(),
        svg.display()
    );
    Ok(())
}

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
enum Bins<'a> {
    Rust(&'a Path),
    Python(&'a python::Python),
}

/// The job of one run of `form` at `n` for `column`.
fn job(column: Column, bins: Bins<'_>, form: Form, n: u64, args: &BenchArgs) -> Job {
    match form.baseline_form() {
        Some(baseline) => baseline_job(column, bins, baseline, n, args),
        None => {
            let (n, scale) = (n.to_string(), args.scale.to_string());
            let count_args = ["--tasks", &n, "--scale", &scale];
            let job = match bins {
                Bins::Python(python) => Job::new(&python.executable)
                    .arg(python::script(shared::Program::Count))
                    .args(count_args),
                Bins::Rust(dir) => Job::new(dir.join("count")).args(count_args),
            };
            with_flavor(job, column)
        }
    }
}

/// The job of `baseline <form> <n>` (`python/bench_baseline.py` for Python).
fn baseline_job(column: Column, bins: Bins<'_>, form: &str, n: u64, args: &BenchArgs) -> Job {
    let (n, secs) = (n.to_string(), args.scale.to_string());
    let baseline_args = [form, &n, "--secs", &secs];
    let job = match bins {
        Bins::Python(python) => Job::new(&python.executable)
            .arg(python_baseline())
            .args(baseline_args),
        Bins::Rust(dir) => Job::new(dir.join("baseline")).args(baseline_args),
    };
    with_flavor(job, column)
}

/// tokio's `--flavor`, no colour, and a timeout far past any healthy run.
fn with_flavor(mut job: Job, column: Column) -> Job {
    if let Some(flavor) = column.flavor() {
        job = job.args(["--flavor".to_string(), flavor.to_string()]);
    }
    job.env("NO_COLOR", "1").timeout(Duration::from_secs(300))
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

fn measure_point(
    runner: &Runner,
    column: Column,
    bins: Bins<'_>,
    form: Form,
    n: u64,
    args: &BenchArgs,
) -> Point {
    let job = job(column, bins, form, n, args);
    let mut walls = Vec::new();
    let mut rss = Vec::new();
    let mut note = None;
    for _ in 0..args.repeat {
        let outcome = runner.run(&job);
        if !outcome.status.success() {
            note = Some(format!(
                "{}: {}",
                outcome.status,
                outcome.last_error_line().unwrap_or("no message")
            ));
            break;
        }
        if let Err(why) = check_output(form, n, &outcome.stdout) {
            note = Some(why);
            break;
        }
        walls.push(outcome.wall.as_secs_f64());
        rss.push(outcome.peak_rss_kib.unwrap_or(0) as f64);
    }
    let ok = note.is_none();
    Point {
        column: column.label(),
        form,
        n,
        wall_s: median(&walls).filter(|_| ok),
        peak_rss_kib: median(&rss).filter(|_| ok).map(|k| k as u64),
        runs_s: walls,
        note,
    }
}

fn measure_rates(runner: &Runner, column: Column, bins: Bins<'_>, args: &BenchArgs) -> Rates {
    let mut note = None;
    let mut run = |baseline: &str, n: u64, key: &str| -> Option<f64> {
        let job = baseline_job(column, bins, baseline, n, args);
        let mut values = Vec::new();
        for _ in 0..args.repeat {
            let outcome = runner.run(&job);
            match baseline_value(&outcome.stdout, key) {
                Some(value) if outcome.status.success() => values.push(value),
                _ => {
                    note = Some(format!(
                        "{baseline}: {} {}",
                        outcome.status,
                        outcome.last_error_line().unwrap_or("")
                    ));
                    return None;
                }
            }
        }
        median(&values)
    };
    let trivial_s = run("spawn-trivial", args.trivial_tasks, "secs");
    let ns_per_switch = run("ping-pong", args.ping_pong_rounds, "ns_per_switch");
    Rates {
        column: column.label(),
        trivial_tasks: args.trivial_tasks,
        trivial_s,
        ping_pong_rounds: args.ping_pong_rounds,
        ns_per_switch,
        note,
    }
}

fn describe(point: &Point) -> String {
    let what = format!("{} · {} · N={}", point.column, point.form.label(), point.n);
    match (point.wall_s, point.peak_rss_kib, &point.note) {
        (Some(wall), Some(rss), _) => {
            format!("{what}: {wall:.3} s, {}", mib(rss))
        }
        (_, _, Some(note)) => format!("{what}: {note}"),
        _ => format!("{what}: no figures"),
    }
}

fn describe_rates(rates: &Rates) -> String {
    format!(
        "{} · spawn+join {} trivial tasks: {} · ping-pong: {}{}",
        rates.column,
        rates.trivial_tasks,
        rates.trivial_s.map_or("-".into(), |s| format!("{s:.3} s")),
        rates
            .ns_per_switch
            .map_or("-".into(), |ns| format!("{ns:.0} ns per switch")),
        rates
            .note
            .as_ref()
            .map_or(String::new(), |n| format!(" ({n})"))
    )
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
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
fn series<'a>(results: &'a Results, column: &str, form: Form) -> Vec<&'a Point> {
    results
        .points
        .iter()
        .filter(|p| p.column == column && p.form == form)
        .collect()
}

fn point<'a>(results: &'a Results, column: &str, form: Form, n: u64) -> Option<&'a Point> {
    results
        .points
        .iter()
        .find(|p| p.column == column && p.form == form && p.n == n)
}

/// Bytes per task over the whole sweep of one column and form.
fn sweep_slope(results: &Results, column: &str, form: Form) -> Option<f64> {
    let measured: Vec<(u64, u64)> = series(results, column, form)
        .into_iter()
        .filter_map(|p| Some((p.n, p.peak_rss_kib?)))
        .collect();
    slope(&measured)
}

/// Bytes per task between the previous N and `n` (`None` for the first N).
fn step_slope(results: &Results, column: &str, form: Form, n: u64) -> Option<f64> {
    let all = series(results, column, form);
    let at = all.iter().position(|p| p.n == n)?;
    let (before, here) = (all.get(at.checked_sub(1)?)?, all[at]);
    slope(&[
        (before.n, before.peak_rss_kib?),
        (here.n, here.peak_rss_kib?),
    ])
}

/// `1 000 000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push('\u{202f}');
        }
        text.push(c);
    }
    text
}

fn opt(value: Option<f64>, format: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| "–".to_string(), format)
}

/// A Markdown table: the first `words` columns left-aligned, the figures right-aligned.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let words = if header.first() == Some(&"target") {
        3
    } else {
        1
    };
    let mut text = format!("| {} |\n|", header.join(" | "));
    for i in 0..header.len() {
        text.push_str(if i < words { " --- |" } else { " ---: |" });
    }
    text.push('\n');
    for row in rows {
        let _ = writeln!(text, "| {} |", row.join(" | "));
    }
    text
}

/// A target's verdict: `met: 0.93× (limit 1.1×)` or `missed by 27 %: 1.40× (limit 1.1×)`;
/// a limit in bytes gets whole bytes (`met: 202 B (limit 210 B)`).
fn verdict(value: f64, limit: f64, unit: &str) -> String {
    let show = |v: f64| {
        if unit == " B" {
            format!("{v:.0}{unit}")
        } else {
            format!("{v:.2}{unit}")
        }
    };
    if value <= limit {
        format!("met: {} (limit {})", show(value), show(limit))
    } else {
        format!(
            "missed by {:.0} %: {} (limit {})",
            (value / limit - 1.0) * 100.0,
            show(value),
            show(limit)
        )
    }
}

/// `bench.md`.
pub fn markdown(results: &Results, sweep: &[u64], columns: &[Column]) -> String {
    let ideal = results.scale;
    let overhead = |p: Option<&Point>| p.and_then(|p| p.wall_s).map(|w| w - ideal);
    let mut text = String::new();
    let _ = writeln!(text, "# cargo xtask bench\n");
    let _ = writeln!(text, "- command: `{}`", results.command);
    let _ = writeln!(text, "- machine: {}", results.machine);
    let _ = writeln!(
        text,
        "- load average (1, 5, 15 min): {} before, {} after",
        results.load_before, results.load_after
    );
    let _ = writeln!(
        text,
        "- every task sleeps {ideal} s (the ideal wall time); {} profile; each figure is the \
         median of {} runs; wall time is the whole process, from spawn to exit; peak RSS is \
         the process's `ru_maxrss`.\n",
        results.profile, results.repeat
    );

    let _ = writeln!(
        text,
        "## Wall time: overhead over the {ideal} s ideal\n\n\
         `count` is `count --tasks N`; `bare` is `baseline spawn N`, the same spawned sleeps \
         with none of the project's plumbing; `ratio` is count's overhead over bare's; \
         `join-all` is `baseline join-all N`, the N sleeps joined on one task, no spawn.\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        for &n in sweep {
            let count = overhead(point(results, &c, Form::Count, n));
            let bare = overhead(point(results, &c, Form::Spawn, n));
            let join = overhead(point(results, &c, Form::JoinAll, n));
            let secs = |o: Option<f64>| opt(o, |o| format!("{:.3} s", o + ideal));
            let plus = |o: Option<f64>| opt(o, |o| format!("+{o:.3} s"));
            let ratio = match (count, bare) {
                (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
                _ => "–".into(),
            };
            rows.push(vec![
                c.clone(),
                thousands(n),
                secs(count),
                plus(count),
                secs(bare),
                plus(bare),
                ratio,
                secs(join),
                plus(join),
            ]);
        }
    }
    text.push_str(&table(
        &[
            "runtime", "N", "count", "overhead", "bare", "overhead", "ratio", "join-all",
            "overhead",
        ],
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Memory: peak RSS and bytes per task\n\n\
         Bytes per task is the slope of peak RSS over N, from the previous N to this one.\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        for &n in sweep {
            let rss = |form| {
                point(results, &c, form, n)
                    .and_then(|p| p.peak_rss_kib)
                    .map_or_else(|| "–".to_string(), mib)
            };
            let per = |form| step_slope(results, &c, form, n);
            let bytes = |b: Option<f64>| opt(b, |b| format!("{b:.0}"));
            let ratio = match (per(Form::Count), per(Form::Spawn)) {
                (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
                _ => "–".into(),
            };
            rows.push(vec![
                c.clone(),
                thousands(n),
                rss(Form::Count),
                bytes(per(Form::Count)),
                rss(Form::Spawn),
                bytes(per(Form::Spawn)),
                ratio,
                rss(Form::JoinAll),
                bytes(per(Form::JoinAll)),
            ]);
        }
    }
    text.push_str(&table(
        &[
            "runtime",
            "N",
            "count RSS",
            "B/task",
            "bare RSS",
            "B/task",
            "ratio",
            "join-all RSS",
            "B/task",
        ],
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Bytes per task over the whole sweep (least-squares slope)\n"
    );
    let mut rows = Vec::new();
    for column in columns {
        let c = column.label();
        let count = sweep_slope(results, &c, Form::Count);
        let bare = sweep_slope(results, &c, Form::Spawn);
        let join = sweep_slope(results, &c, Form::JoinAll);
        let bytes = |b: Option<f64>| opt(b, |b| format!("{b:.0}"));
        let ratio = match (count, bare) {
            (Some(c), Some(b)) if b > 0.0 => format!("{:.2}×", c / b),
            _ => "–".into(),
        };
        rows.push(vec![c, bytes(count), bytes(bare), ratio, bytes(join)]);
    }
    text.push_str(&table(
        &["runtime", "count", "bare spawn", "ratio", "join-all"],
        &rows,
    ));

    let _ = writeln!(
        text,
        "\n## Spawn+join throughput and task-switch cost\n\n\
         `baseline spawn-trivial N` spawns N tasks that do nothing and joins them in order; \
         `baseline ping-pong N`: two tasks hand a turn back and forth through the runtime's \
         yield, N times each; the time per hand-off. Both as the baselines time themselves.\n"
    );
    let rows: Vec<Vec<String>> = results
        .rates
        .iter()
        .map(|r| {
            vec![
                r.column.clone(),
                opt(r.trivial_s, |s| format!("{s:.3} s")),
                opt(r.trivial_s, |s| {
                    format!("{:.2} M/s", r.trivial_tasks as f64 / s / 1e6)
                }),
                opt(r.ns_per_switch, |ns| format!("{ns:.0} ns")),
            ]
        })
        .collect();
    let trivial = results.rates.first().map_or(0, |r| r.trivial_tasks);
    let rounds = results.rates.first().map_or(0, |r| r.ping_pong_rounds);
    text.push_str(&table(
        &[
            "runtime",
            &format!("spawn+join {} tasks", thousands(trivial)),
            "tasks per second",
            &format!("switch ({} rounds)", thousands(rounds)),
        ],
        &rows,
    ));
    for rates in results.rates.iter().filter(|r| r.note.is_some()) {
        let _ = writeln!(
            text,
            "\n{}: {}",
            rates.column,
            rates.note.as_deref().unwrap_or("")
        );
    }

    text.push_str(&targets(results, sweep, columns));
    let notes: Vec<&Point> = results.points.iter().filter(|p| p.note.is_some()).collect();
    if !notes.is_empty() {
        let _ = writeln!(text, "\n## Points without figures\n");
        for p in notes {
            let _ = writeln!(
                text,
                "- {} · {} · N={}: {}",
                p.column,
                p.form.label(),
                thousands(p.n),
                p.note.as_deref().unwrap_or("")
            );
        }
    }
    text
}

/// The targets, measured at the sweep's largest N.
fn targets(results: &Results, sweep: &[u64], columns: &[Column]) -> String {
    let ideal = results.scale;
    let Some(&top) = sweep.last() else {
        return String::new();
    };
    let overhead = |c: &str, form| {
        point(results, c, form, top)
            .and_then(|p| p.wall_s)
            .map(|w| w - ideal)
    };
    let mut rows = Vec::new();
    for column in columns.iter().filter(|c| **c != Column::Python) {
        let c = column.label();
        let wall = match (overhead(&c, Form::Count), overhead(&c, Form::Spawn)) {
            (Some(count), Some(bare)) if bare > 0.0 => verdict(count / bare, 1.1, "×"),
            _ => "not measured".into(),
        };
        rows.push(vec![
            format!(
                "count --tasks {}: wall overhead ≤ 1.1× the bare loop's",
                thousands(top)
            ),
            c.clone(),
            wall,
        ]);
        let bytes = match (
            sweep_slope(results, &c, Form::Count),
            sweep_slope(results, &c, Form::Spawn),
        ) {
            (Some(count), Some(bare)) if bare > 0.0 => verdict(count / bare, 1.1, "×"),
            _ => "not measured".into(),
        };
        rows.push(vec![
            "count: bytes per task ≤ 1.1× the bare loop's".into(),
            c.clone(),
            bytes,
        ]);
        let join = sweep_slope(results, &c, Form::JoinAll)
            .map_or("not measured".into(), |b| verdict(b, 210.0, " B"));
        rows.push(vec![
            "join-all: about 210 bytes per task at most".into(),
            c,
            join,
        ]);
    }
    let best = columns
        .iter()
        .filter_map(|c| Some((c.label(), overhead(&c.label(), Form::Count)?)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((c, best)) = best {
        rows.push(vec![
            format!(
                "count --tasks {}: overhead over the {ideal} s ideal < 0.5 s for the best runtime",
                thousands(top)
            ),
            c,
            if best < 0.5 {
                format!("met: +{best:.3} s (limit 0.5 s)")
            } else {
                format!("missed by {:.3} s: +{best:.3} s (limit 0.5 s)", best - 0.5)
            },
        ]);
    }
    let mut text = format!(
        "\n## Targets (measured, not asserted)\n\nAt N = {}; bytes per task over the whole sweep.\n\n",
        thousands(top)
    );
    text.push_str(&table(&["target", "runtime", "verdict"], &rows));
    text
}

/// `bench.svg`: overhead over the ideal and peak RSS against N, both axes logarithmic; one
/// colour per runtime, one dash per form.
pub fn plot(results: &Results, columns: &[Column]) -> String {
    const COLOURS: [&str; 5] = ["#1f77b4", "#17becf", "#2ca02c", "#d62728", "#9467bd"];
    const DASHES: [(Form, &str); 3] = [
        (Form::Count, ""),
        (Form::Spawn, "7 4"),
        (Form::JoinAll, "2 3"),
    ];
    let (width, height) = (1000.0, 540.0);
    let (panel_w, panel_h, top) = (390.0, 330.0, 84.0);
    let lefts = [80.0, 580.0];
    let ideal = results.scale;
    let ns: Vec<f64> = results.points.iter().map(|p| p.n as f64).collect();
    let (n_lo, n_hi) = decades(&ns);
    let overheads: Vec<f64> = results
        .points
        .iter()
        .filter_map(|p| p.wall_s.map(|w| (w - ideal).max(1e-3)))
        .collect();
    let rss: Vec<f64> = results
        .points
        .iter()
        .filter_map(|p| p.peak_rss_kib.map(|k| k as f64 / 1024.0))
        .collect();
    let panels = [
        (
            "Overhead over the ideal (s)",
            decades(&overheads),
            Box::new(move |p: &Point| p.wall_s.map(|w| (w - ideal).max(1e-3)))
                as Box<dyn Fn(&Point) -> Option<f64>>,
        ),
        (
            "Peak RSS (MiB)",
            decades(&rss),
            Box::new(|p: &Point| p.peak_rss_kib.map(|k| k as f64 / 1024.0)),
        ),
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">count --tasks N \
         against the bare loops: every task sleeps {ideal} s</text>\n\
         <text x=\"{}\" y=\"44\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n",
        width / 2.0,
        width / 2.0,
        escape(&results.machine)
    );
    for ((title, (y_lo, y_hi), value), left) in panels.iter().zip(lefts) {
        let x = |n: f64| left + panel_w * (n.log10() - n_lo) / (n_hi - n_lo);
        let y = |v: f64| top + panel_h - panel_h * (v.log10() - y_lo) / (y_hi - y_lo);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\">{}</text>",
            left + panel_w / 2.0,
            top - 10.0,
            escape(title)
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{left}\" y=\"{top}\" width=\"{panel_w}\" height=\"{panel_h}\" \
             fill=\"none\" stroke=\"#999\"/>"
        );
        // Decade grid lines and labels on both axes.
        for d in (n_lo as i32)..=(n_hi as i32) {
            let gx = x(10f64.powi(d));
            let _ = writeln!(
                svg,
                "<line x1=\"{gx:.1}\" y1=\"{top}\" x2=\"{gx:.1}\" y2=\"{}\" stroke=\"#eee\"/>\
                 <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                top + panel_h,
                top + panel_h + 16.0,
                escape(&thousands(10u64.pow(d.max(0) as u32)))
            );
        }
        for d in (*y_lo as i32)..=(*y_hi as i32) {
            let gy = y(10f64.powi(d));
            let label = if d < 0 {
                format!("{}", 10f64.powi(d))
            } else {
                thousands(10u64.pow(d as u32))
            };
            let _ = writeln!(
                svg,
                "<line x1=\"{left}\" y1=\"{gy:.1}\" x2=\"{}\" y2=\"{gy:.1}\" stroke=\"#eee\"/>\
                 <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                left + panel_w,
                left - 6.0,
                gy + 4.0,
                escape(&label)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">N (tasks, log scale)</text>",
            left + panel_w / 2.0,
            top + panel_h + 34.0
        );
        for (i, column) in columns.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            for (form, dash) in DASHES {
                let pts: Vec<(f64, f64)> = series(results, &column.label(), form)
                    .into_iter()
                    .filter_map(|p| Some((x(p.n as f64), y(value(p)?))))
                    .collect();
                if pts.is_empty() {
                    continue;
                }
                let path: Vec<String> = pts.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
                let _ = writeln!(
                    svg,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" \
                     stroke-dasharray=\"{dash}\"><title>{} · {}</title></polyline>",
                    path.join(" "),
                    escape(&column.label()),
                    form.label()
                );
                for (a, b) in pts {
                    let _ = writeln!(
                        svg,
                        "<circle cx=\"{a:.1}\" cy=\"{b:.1}\" r=\"2.5\" fill=\"{colour}\"/>"
                    );
                }
            }
        }
    }
    // The legend: runtimes by colour, forms by dash.
    let legend_y = top + panel_h + 60.0;
    for (i, column) in columns.iter().enumerate() {
        let lx = 80.0 + 180.0 * i as f64;
        let _ = writeln!(
            svg,
            "<line x1=\"{lx}\" y1=\"{legend_y}\" x2=\"{}\" y2=\"{legend_y}\" stroke=\"{}\" \
             stroke-width=\"3\"/><text x=\"{}\" y=\"{}\">{}</text>",
            lx + 24.0,
            COLOURS[i % COLOURS.len()],
            lx + 30.0,
            legend_y + 4.0,
            escape(&column.label())
        );
    }
    for (i, (form, dash)) in DASHES.iter().enumerate() {
        let lx = 80.0 + 180.0 * i as f64;
        let ly = legend_y + 26.0;
        let _ = writeln!(
            svg,
            "<line x1=\"{lx}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"#333\" \
             stroke-width=\"2\" stroke-dasharray=\"{dash}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            lx + 24.0,
            lx + 30.0,
            ly + 4.0,
            form.label()
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The whole decades around `values`: `(floor(log10 min), ceil(log10 max))`, at least one
/// decade apart.
fn decades(values: &[f64]) -> (f64, f64) {
    let positive = values.iter().copied().filter(|v| *v > 0.0);
    let lo = positive.clone().fold(f64::INFINITY, f64::min);
    let hi = positive.fold(0.0, f64::max);
    if !lo.is_finite() || hi <= 0.0 {
        return (0.0, 1.0);
    }
    let (lo, hi) = (lo.log10().floor(), hi.log10().ceil());
    (lo, if hi > lo { hi } else { lo + 1.0 })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(column: &str, form: Form, n: u64, wall_s: f64, rss_kib: u64) -> Point {
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

    fn results(points: Vec<Point>) -> Results {
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
    fn medians_and_baseline_lines_are_read() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0]), Some(2.5));
        assert_eq!(median(&[]), None);
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

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1_000_000), "1\u{202f}000\u{202f}000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn the_report_shows_ratios_slopes_and_targets() {
        let points = vec![
            point("smol", Form::Count, 1_000, 1.01, 4_000),
            point("smol", Form::Count, 1_000_000, 1.70, 344_000),
            point("smol", Form::Spawn, 1_000, 1.01, 4_000),
            point("smol", Form::Spawn, 1_000_000, 1.50, 274_000),
            point("smol", Form::JoinAll, 1_000, 1.00, 3_000),
            point("smol", Form::JoinAll, 1_000_000, 1.20, 200_000),
        ];
        let results = results(points);
        let text = markdown(&results, &[1_000, 1_000_000], &[Column::Smol]);
        // Overhead ratio at 1M: 0.70 / 0.50.
        assert!(
            text.contains("| +0.700 s | 1.500 s | +0.500 s | 1.40× |"),
            "{text}"
        );
        // Bytes per task: (344 000 - 4 000) KiB over 999 000 tasks = 348.5 B.
        assert!(text.contains("| 349 |"), "{text}");
        assert!(
            text.contains("missed by 27 %: 1.40× (limit 1.10×)"),
            "{text}"
        );
        // join-all: 197 000 KiB / 999 000 ≈ 202 B, under 210.
        assert!(text.contains("met: 202 B (limit 210 B)"), "{text}");
        assert!(
            text.contains("missed by 0.200 s: +0.700 s (limit 0.5 s)"),
            "{text}"
        );
        assert!(
            text.contains("| smol | 0.250 s | 4.00 M/s | 90 ns |"),
            "{text}"
        );
    }

    #[test]
    fn the_plot_is_one_svg_with_a_line_per_series() {
        let results = results(vec![
            point("smol", Form::Count, 1_000, 1.01, 4_000),
            point("smol", Form::Count, 1_000_000, 1.70, 344_000),
            point("smol", Form::Spawn, 1_000, 1.01, 4_000),
        ]);
        let svg = plot(&results, &[Column::Smol]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        // Two panels × two series that have figures.
        assert_eq!(svg.matches("<polyline").count(), 4);
        assert!(svg.contains("a machine &lt;2 cores&gt;"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}
