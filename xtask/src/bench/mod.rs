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
//!
//! Interrupted (Ctrl+C, SIGTERM, SIGHUP: [`crate::interrupt`]), it ends the run in progress,
//! writes nothing (the three reports are written at the end, each whole:
//! [`crate::atomic`]), and returns [`interrupt::stopped`]: one line naming the point and the
//! last complete `bench.md`, exit code 130 / 143 / 129.
//!
//! [`bench`] is those steps in order, over modules of one idea each: [`run`] (the jobs and
//! their runs), [`results`] (what is measured), [`stats`] (medians and slopes), [`report`]
//! (`bench.md`) and [`plot`] (`bench.svg`).

pub mod plot;
pub mod report;
pub mod results;
pub mod run;
pub mod stats;

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Args;
use shared::Runtime;
use shared::cli::Flavor;

pub use self::plot::plot;
pub use self::report::{markdown, thousands};
pub use self::results::{Form, Point, Rates, Results};
use self::run::Bins;
pub use self::run::{baseline_value, check_output, python_skip};
pub use self::stats::{median, slope};
use crate::build::{self, Profile};
use crate::compare::Column;
use crate::machine::machine;
use crate::python;
use crate::runner::Runner;
use crate::{atomic, interrupt};

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

/// Runs the bench and writes its reports; see the module documentation.
pub fn bench(args: &BenchArgs, command_line: &str) -> anyhow::Result<()> {
    let sweep = sweep(args)?;
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
    // Stopped by a signal during `what`: nothing more is run or written.
    let bench_md = out_dir.join("bench.md");
    let check = |what: &str| {
        interrupt::check().map_err(|i| interrupt::stopped(i, "bench", what, &bench_md))
    };
    let bin_dirs = build_async_runtimes(&out_dir, profile)?;
    check("the builds")?;
    let python = find_python(args);
    check("the search for Python")?;
    let columns: Vec<Column> = COLUMNS
        .into_iter()
        .filter(|c| *c != Column::Python || python.is_some())
        .collect();

    let runner = Runner::measuring(std::env::current_exe().context("finding xtask itself")?);
    let load_before = run::loadavg();
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
        points.extend(sweep_column(&runner, column, bins, &sweep, args, &check)?);
        let measured = run::measure_rates(&runner, column, bins, args);
        check(&format!("{} · spawn+join and task switch", column.label()))?;
        eprintln!("    {}", run::describe_rates(&measured));
        rates.push(measured);
    }
    let results = Results {
        command: command_line.to_string(),
        machine: machine(python.as_ref().map(|p| p.version.as_str())),
        load_before,
        load_after: run::loadavg(),
        scale: args.scale,
        repeat: args.repeat,
        profile: profile.name().to_string(),
        points,
        rates,
    };
    write_reports(&out_dir, &results, &sweep, &columns)
}

/// The task counts to sweep, in order and once each; an error for a bad `--scale` or
/// `--tasks`.
fn sweep(args: &BenchArgs) -> anyhow::Result<Vec<u64>> {
    if !(args.scale.is_finite() && args.scale > 0.0) {
        bail!("--scale must be a number greater than 0");
    }
    if args.tasks.is_empty() || args.tasks.contains(&0) {
        bail!("--tasks needs task counts greater than 0");
    }
    let mut sweep = args.tasks.clone();
    sweep.sort_unstable();
    sweep.dedup();
    Ok(sweep)
}

/// Builds each async runtime's binaries apart from the others', into `out/bin/<runtime>/`.
fn build_async_runtimes(
    out_dir: &Path,
    profile: Profile,
) -> anyhow::Result<Vec<(Runtime, PathBuf)>> {
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
    Ok(bin_dirs)
}

/// Python, unless `--no-python` or there is none (then a line says it is left out).
fn find_python(args: &BenchArgs) -> Option<python::Python> {
    if args.no_python {
        return None;
    }
    let found = python::find();
    if found.is_none() {
        eprintln!("==> no python3 (or XTASK_PYTHON): Python is left out");
    }
    found
}

/// Every form at every N for one column, a progress line each; Python's sweep stops where
/// the previous point predicts too long a run ([`python_skip`]). `check` stops it after a
/// point that a signal interrupted.
fn sweep_column(
    runner: &Runner,
    column: Column,
    bins: Bins<'_>,
    sweep: &[u64],
    args: &BenchArgs,
    check: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Point>> {
    let mut points = Vec::new();
    for form in Form::ALL {
        let mut previous: Option<(u64, f64)> = None;
        for &n in sweep {
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
                None => run::measure_point(runner, column, bins, form, n, args),
            };
            check(&format!("{} · {} · N={n}", column.label(), form.label()))?;
            eprintln!("    {}", run::describe(&point));
            if let Some(wall) = point.wall_s {
                previous = Some((n, wall));
            }
            points.push(point);
        }
    }
    Ok(points)
}

/// `bench.json`, `bench.md` and `bench.svg` in `out_dir`, each whole or not at all.
fn write_reports(
    out_dir: &Path,
    results: &Results,
    sweep: &[u64],
    columns: &[Column],
) -> anyhow::Result<()> {
    let json = out_dir.join("bench.json");
    atomic::write(&json, serde_json::to_string_pretty(results)?)?;
    let md = out_dir.join("bench.md");
    atomic::write(&md, markdown(results, sweep, columns))?;
    let svg = out_dir.join("bench.svg");
    atomic::write(&svg, plot(results, columns))?;
    eprintln!(
        "==> wrote {}, {} and {}",
        md.display(),
        json.display(),
        svg.display()
    );
    Ok(())
}
