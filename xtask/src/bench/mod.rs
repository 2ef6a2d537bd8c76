//! `cargo xtask bench`: how far each runtime scales, what the teaching plumbing costs, and
//! how late each runtime's sleeps end.
//!
//! 1. Builds the async runtimes' binaries (and the sync crate's `baseline`) in release mode,
//!    one member at a time ([`crate::build`]), into `target/bench/bin/<runtime>/`.
//! 2. Measures, for every series (tokio multi-thread, async-std and smol at 1 thread and at
//!    one per core, set by `TOKIO_WORKER_THREADS`, `ASYNC_STD_THREAD_COUNT` and
//!    `SMOL_THREADS`; tokio current-thread; Python asyncio):
//!    - spawn+join throughput (`baseline spawn-trivial`) and task-switch cost (`baseline
//!      ping-pong`), as the baselines time them themselves;
//!    - at the default pool size, sleep precision (`baseline sleep K`: K sleeps in a row of
//!      1 ms and of 10 ms, their overshoot's p50, p99 and max), beside `std::thread::sleep`
//!      and a spin-wait (the sync crate's `baseline sleep|spin K`) and the kernel's timer
//!      slack: this machine's floor;
//!    - then, N by N (default 1 000, 10 000, 100 000, 1 000 000), three forms:
//!      `count --tasks N --scale S` (`python/count.py` for Python); `bare spawn`, the crate's
//!      `baseline spawn N` (`python/bench_baseline.py`), the same N spawned sleeps with none
//!      of the project's plumbing; and, at the default pool size, `join-all`, `baseline
//!      join-all N`, the N sleeps joined on one task, no spawn.
//!
//!    Each of these stages runs every cell `1 + --repeat` times in one order shuffled by a
//!    seed ([`stats::schedule`]; printed, and `--seed` repeats it); a cell's first run is a
//!    warm-up and is discarded. Every figure is the spread (min, median, max) of the rest
//!    ([`stats::Spread`]). Python's sweep stops where the previous N predicts more than
//!    `--python-limit` seconds.
//! 3. Writes `bench.md` (tables, and the targets met or missed), `bench.json` (every figure)
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
//! [`bench`] is those steps in order, over modules of one idea each: [`run`] (the jobs),
//! [`cells`] (running a stage in its shuffled order, and its figures), [`results`] (what is
//! measured), [`stats`] (spreads, slopes, the schedule), [`report`] (`bench.md`) and [`plot`]
//! (`bench.svg`); the stages under load in [`load`], [`ticker`] and [`load_report`], and the
//! cost of a recorded poll in [`polls`] (`--only polls`).

pub mod cells;
pub mod load;
pub mod load_report;
pub mod plot;
pub mod polls;
pub mod report;
pub mod results;
pub mod run;
pub mod stats;
pub mod ticker;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Args;
use shared::Runtime;
use shared::cli::Flavor;

use self::cells::{Cell, What};
pub use self::plot::plot;
pub use self::report::{markdown, thousands};
pub use self::results::{Form, Point, Precision, Rates, Results, Series};
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
async-std, smol (their pools at 1 thread and one per core) and Python asyncio, at --scale 1 \
by default (1 s sleeps), and measures how late each runtime's sleeps end. Every cell runs \
once to warm up and then --repeat times, all in an order shuffled by a seed that is printed \
(--seed repeats it). With the defaults it takes about 25 minutes once built, Python's \
1 000 000 tasks being the longest part. Reports: target/bench/bench.md, bench.json and \
bench.svg.")]
pub struct BenchArgs {
    /// The task counts to sweep, comma-separated.
    #[arg(long, value_name = "N,N,...", value_delimiter = ',',
          default_values_t = [1_000u64, 10_000, 100_000, 1_000_000])]
    pub tasks: Vec<u64>,
    /// Counted runs per cell, after one warm-up run; min, median and max are reported.
    #[arg(long, value_name = "RUNS", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..=20))]
    pub repeat: u32,
    /// The seed of the shuffled run order (default: a fresh one, printed and reported).
    #[arg(long, value_name = "SEED")]
    pub seed: Option<u64>,
    /// Sleeps in a row of each length for the sleep-precision table.
    #[arg(long, value_name = "K", default_value_t = 200,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub sleeps: u64,
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
    /// The stages to run, comma-separated (default: all five).
    #[arg(long, value_name = "STAGE,...", value_delimiter = ',',
          default_values_t = Stage::ALL)]
    pub only: Vec<Stage>,
    /// Use the binaries already in `<out>/bin/<runtime>/` (from an earlier bench, or copied
    /// there from a workspace build) instead of building each member apart.
    #[arg(long, hide = true)]
    pub no_build: bool,
    /// Measure nothing: redraw `bench-fetch.svg` and `bench-ticker.svg` into `--out` from the
    /// `load.json` in DIR (after a change to the plots' code).
    #[arg(long, hide = true, value_name = "DIR")]
    pub plot_from: Option<PathBuf>,
    /// A check in under two minutes: small N, one counted run per cell (overrides the sizes).
    #[arg(long)]
    pub quick: bool,
    /// The fetch at scale: requests per run, comma-separated.
    #[arg(long, value_name = "N,N,...", value_delimiter = ',',
          default_values_t = [1_000u64, 10_000])]
    pub requests: Vec<u64>,
    /// The fetch at scale: concurrent workers (and wrk's connections), comma-separated.
    #[arg(long, value_name = "W,W,...", value_delimiter = ',',
          default_values_t = [2u64, 64, 1024])]
    pub workers: Vec<u64>,
    /// The fault run: requests, workers, and the clients' --timeout (a slow answer takes
    /// three times as long).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub fault_requests: u64,
    #[arg(long, value_name = "W", default_value_t = 64)]
    pub fault_workers: u64,
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub fault_timeout: f64,
    /// Timer latency: the counts K of CPU-bound tasks beside the ticker, comma-separated.
    #[arg(long, value_name = "K,K,...", value_delimiter = ',',
          default_values_t = [0u64, 1, 4, 16])]
    pub ticker_tasks: Vec<u64>,
    /// Timer latency: how long each run lasts.
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub ticker_secs: f64,
    /// What a recorded poll costs: how many polls each run times.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub polls: u32,
}

/// A stage of the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// Sleeping tasks: spawn, switch, sleep precision, count --tasks N.
    Sleeping,
    /// http_fetch at scale beside wrk.
    Fetch,
    /// The fetch with faults: every request accounted for.
    Faults,
    /// Timer latency beside CPU-bound tasks.
    Ticker,
    /// What recording a poll costs (the timelines' wrapper).
    Polls,
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use clap::ValueEnum as _;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Sleeping,
        Stage::Fetch,
        Stage::Faults,
        Stage::Ticker,
        Stage::Polls,
    ];
}

impl BenchArgs {
    /// `--quick`'s sizes in place of the defaults (a size given on the command line stays).
    pub fn quickened(&self) -> BenchArgs {
        let mut args = self.clone();
        if !args.quick {
            return args;
        }
        let defaults = <BenchArgs as clap::FromArgMatches>::from_arg_matches(
            &<BenchArgs as clap::Args>::augment_args(clap::Command::new("bench"))
                .get_matches_from(["bench"]),
        )
        .expect("the defaults parse");
        macro_rules! quick {
            ($($field:ident = $value:expr),* $(,)?) => {
                $(if args.$field == defaults.$field { args.$field = $value; })*
            };
        }
        quick!(
            tasks = vec![1_000],
            repeat = 1,
            sleeps = 20,
            scale = 0.2,
            trivial_tasks = 10_000,
            ping_pong_rounds = 10_000,
            requests = vec![500],
            workers = vec![2, 64],
            fault_requests = 500,
            ticker_tasks = vec![0, 4],
            ticker_secs = 0.2,
            polls = 100_000,
        );
        args
    }

    fn runs(&self, stage: Stage) -> bool {
        self.only.contains(&stage)
    }
}

/// The columns of the bench: every async runtime, tokio once per scheduler, then Python.
pub const COLUMNS: [Column; 6] = [
    Column::Tokio(Flavor::MultiThread),
    Column::Tokio(Flavor::CurrentThread),
    Column::AsyncStd,
    Column::Smol,
    Column::Handmade,
    Column::Python,
];

/// Runs the bench and writes its reports; see the module documentation.
pub fn bench(args: &BenchArgs, command_line: &str) -> anyhow::Result<()> {
    let args = &args.quickened();
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
    if let Some(dir) = &args.plot_from {
        return replot(dir, &out_dir);
    }
    // Stopped by a signal during `what`: nothing more is run or written.
    let bench_md = out_dir.join("bench.md");
    let check = |what: &str| {
        interrupt::check().map_err(|i| interrupt::stopped(i, "bench", what, &bench_md))
    };
    // The runtimes' binaries; the poll-cost stage alone needs only shared's.
    let only_polls = args.only.iter().all(|s| *s == Stage::Polls);
    let bin_dirs = if args.no_build || only_polls {
        RUST_RUNTIMES
            .into_iter()
            .map(|r| (r, out_dir.join("bin").join(r.name())))
            .collect()
    } else {
        build_runtimes(&out_dir, profile)?
    };
    check("the builds")?;
    let python = find_python(args);
    check("the search for Python")?;
    let columns: Vec<Column> = COLUMNS
        .into_iter()
        .filter(|c| *c != Column::Python || python.is_some())
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let series: Vec<Series> = columns.iter().flat_map(|&c| Series::of(c, cores)).collect();
    let seed = args.seed.unwrap_or_else(stats::fresh_seed);
    eprintln!("==> run order shuffled with seed {seed} (--seed {seed} repeats it)");
    let bins = |column: Column| match column {
        Column::Python => Bins::Python(python.as_ref().expect("python was found")),
        _ => Bins::Rust(bin_dir(&bin_dirs, column.runtime())),
    };

    // Measured through a kept copy of this xtask (as compare does), so that a rebuild of
    // xtask during the bench does not break the later runs.
    let mut notes = Vec::new();
    let runner = crate::compare::run::measuring_runner(&out_dir, &mut notes);
    for note in &notes {
        eprintln!("note: {note}");
    }
    let load_before = run::loadavg();
    let under_load = if [Stage::Fetch, Stage::Faults, Stage::Ticker, Stage::Polls]
        .iter()
        .any(|s| args.runs(*s))
    {
        let started = std::time::Instant::now();
        let mut load = measure_under_load(
            &runner,
            &out_dir,
            profile,
            &series,
            &bins,
            python.as_ref(),
            seed,
            args,
            &check,
        )?;
        load.command = command_line.to_string();
        load.machine = machine(python.as_ref().map(|p| p.version.as_str()));
        load.load_before = load_before.clone();
        load.load_after = run::loadavg();
        load.took_s = started.elapsed().as_secs_f64();
        Some(load)
    } else {
        None
    };
    if !args.runs(Stage::Sleeping) {
        let load = under_load.expect("a stage ran");
        return write_load_reports(&out_dir, &load, None);
    }
    let (rates, precision) =
        measure_rates_and_precision(&runner, &series, &bins, seed, args, &check)?;
    let points = measure_sweep(&runner, &series, &bins, &sweep, seed, args, &check)?;
    let results = Results {
        command: command_line.to_string(),
        machine: machine(python.as_ref().map(|p| p.version.as_str())),
        load_before,
        load_after: run::loadavg(),
        scale: args.scale,
        repeat: args.repeat,
        profile: profile.name().to_string(),
        seed,
        cores,
        timer_slack_ns: timer_slack_ns(),
        points,
        rates,
        precision,
    };
    write_reports(&out_dir, &results, &sweep, &series)?;
    match under_load {
        Some(load) => write_load_reports(&out_dir, &load, Some(&md_of(&out_dir)?)),
        None => Ok(()),
    }
}

/// `--plot-from DIR`: the under-load plots redrawn from `DIR/load.json` into `out_dir`.
fn replot(dir: &Path, out_dir: &Path) -> anyhow::Result<()> {
    let path = dir.join("load.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let load: load_report::LoadResults =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    for (name, drawn, svg) in [
        (
            "bench-fetch.svg",
            !load.fetch.is_empty(),
            load_report::fetch_plot(&load),
        ),
        (
            "bench-ticker.svg",
            !load.ticker.is_empty(),
            load_report::ticker_plot(&load),
        ),
    ] {
        if drawn {
            atomic::write(&out_dir.join(name), svg)?;
            eprintln!("==> drew {}", out_dir.join(name).display());
        }
    }
    Ok(())
}

fn md_of(out_dir: &Path) -> anyhow::Result<String> {
    Ok(std::fs::read_to_string(out_dir.join("bench.md"))?)
}

/// The under-load stages: the fetch at scale (and wrk), the fault run, the ticker; and the
/// cost of a recorded poll ([`polls`]), reported with them.
#[allow(clippy::too_many_arguments)]
fn measure_under_load<'a>(
    runner: &Runner,
    out_dir: &Path,
    profile: Profile,
    series: &[Series],
    bins: &impl Fn(Column) -> Bins<'a>,
    python: Option<&python::Python>,
    seed: u64,
    args: &BenchArgs,
    check: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<load_report::LoadResults> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut results = load_report::LoadResults {
        seed,
        repeat: args.repeat,
        cores,
        fault_timeout_s: args.fault_timeout,
        ticker_secs: args.ticker_secs,
        ..Default::default()
    };
    let needs_shared = [Stage::Fetch, Stage::Faults, Stage::Polls];
    if needs_shared.iter().any(|s| args.runs(*s)) && !args.no_build {
        let dest = out_dir.join("bin").join("shared");
        eprintln!(
            "==> building the stand-in server and poll_cost ({})",
            profile.name()
        );
        let built = build::build_package("shared", profile, &dest)?;
        if let Some(error) = built.error {
            bail!("{error}");
        }
    }
    if args.runs(Stage::Fetch) || args.runs(Stage::Faults) {
        // aiohttp for Python's client: from the Python found, or the project's venv.
        let python = python.and_then(|found| {
            match python::provide(found, &["aiohttp"], &python::Venv::project()) {
                Ok(None) => Some(found.executable.clone()),
                Ok(Some(venv)) => Some(venv.executable),
                Err(why) => {
                    eprintln!("==> no aiohttp ({why}): Python's client is left out");
                    None
                }
            }
        });
        let programs = load::Programs {
            bin: out_dir.join("bin"),
            python,
            wrk: load::find_wrk(),
        };
        let mut clients = vec![
            load::Client::Tokio,
            load::Client::AsyncStd,
            load::Client::Smol,
            load::Client::Handmade,
            load::Client::Sync,
        ];
        if programs.python.is_some() {
            clients.push(load::Client::Python);
        }
        if args.runs(Stage::Fetch) {
            let mut cells = Vec::new();
            for &n in &args.requests {
                for &w in &args.workers {
                    for &c in clients
                        .iter()
                        .chain(programs.wrk.as_ref().map(|_| &load::Client::Wrk))
                    {
                        cells.push((c, n, w));
                    }
                }
            }
            eprintln!("==> the fetch at scale: {} cells", cells.len());
            results.fetch = load::run(
                runner,
                &programs,
                &cells,
                0,
                30.0,
                args.repeat,
                seed ^ 0xF00D,
                check,
            )?;
        }
        if args.runs(Stage::Faults) {
            let cells: Vec<_> = clients
                .iter()
                .map(|&c| (c, args.fault_requests, args.fault_workers))
                .collect();
            eprintln!("==> faults under load: {} cells", cells.len());
            results.faults = load::run(
                runner,
                &programs,
                &cells,
                10,
                args.fault_timeout,
                args.repeat,
                seed ^ 0xFA17,
                check,
            )?;
        }
    }
    if args.runs(Stage::Ticker) {
        let rust_or_python = |s: Series| bins(s.column);
        results.ticker = ticker::run(
            runner,
            series,
            &rust_or_python,
            &args.ticker_tasks,
            args.ticker_secs,
            args.repeat,
            seed ^ 0x71C,
            check,
        )?;
    }
    if args.runs(Stage::Polls) {
        let bin = out_dir.join("bin");
        results.polls = Some(polls::run(runner, &bin, args.polls, args.repeat, check)?);
    }
    Ok(results)
}

/// `load.json`, `bench-fetch.svg`, `bench-ticker.svg`, and `bench.md`: `sleeping` (the sleeping stages'
/// report, when they ran) followed by the under-load tables.
fn write_load_reports(
    out_dir: &Path,
    load: &load_report::LoadResults,
    sleeping: Option<&str>,
) -> anyhow::Result<()> {
    atomic::write(
        &out_dir.join("load.json"),
        serde_json::to_string_pretty(load)?,
    )?;
    let mut md = sleeping.map_or_else(
        || "# cargo xtask bench\n\n".to_string(),
        |s| format!("{s}\n"),
    );
    md.push_str(&load_report::markdown(load));
    if !load.fetch.is_empty() {
        atomic::write(
            &out_dir.join("bench-fetch.svg"),
            load_report::fetch_plot(load),
        )?;
        md.push_str("![requests per second against workers](bench-fetch.svg)\n\n");
    }
    if !load.ticker.is_empty() {
        atomic::write(
            &out_dir.join("bench-ticker.svg"),
            load_report::ticker_plot(load),
        )?;
        md.push_str("![the ticker's p99 lateness against K](bench-ticker.svg)\n");
    }
    atomic::write(&out_dir.join("bench.md"), md)?;
    let mut also = vec!["load.json"];
    if !load.fetch.is_empty() {
        also.push("bench-fetch.svg");
    }
    if !load.ticker.is_empty() {
        also.push("bench-ticker.svg");
    }
    eprintln!(
        "==> wrote {} (and {})",
        out_dir.join("bench.md").display(),
        also.join(", ")
    );
    Ok(())
}

/// The first stage: every series' rates, and the sleep-precision rows, in one shuffled order.
fn measure_rates_and_precision<'a>(
    runner: &Runner,
    series: &[Series],
    bins: &impl Fn(Column) -> Bins<'a>,
    seed: u64,
    args: &BenchArgs,
    check: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<(Vec<Rates>, Vec<Precision>)> {
    let mut cells = Vec::new();
    for &s in series {
        for (baseline, n, key) in [
            ("spawn-trivial", args.trivial_tasks, "secs"),
            ("ping-pong", args.ping_pong_rounds, "ns_per_switch"),
        ] {
            cells.push(Cell {
                what: What::Rate {
                    series: s,
                    baseline,
                    key,
                },
                job: run::baseline_job(s, bins(s.column), baseline, n, args),
            });
        }
    }
    // The sleep rows: each async column at its default pool, then the sync crate's blocking
    // sleep and spin-wait, then Python's asyncio.
    let mut sleepers: Vec<(String, Bins<'a>, &str, Option<Column>)> = series
        .iter()
        .filter(|s| s.default && s.column != Column::Python)
        .map(|s| (s.label(), bins(s.column), "sleep", Some(s.column)))
        .collect();
    let sync = bins(Column::Sync);
    sleepers.push(("std::thread::sleep".into(), sync, "sleep", None));
    sleepers.push(("spin-wait (the floor)".into(), sync, "spin", None));
    if series.iter().any(|s| s.column == Column::Python) {
        sleepers.push(("python asyncio".into(), bins(Column::Python), "sleep", None));
    }
    let first_sleep = cells.len();
    for (who, bins, form, column) in &sleepers {
        cells.push(Cell {
            what: What::Sleep { who: who.clone() },
            job: run::sleep_job(*bins, form, args.sleeps, *column),
        });
    }
    eprintln!(
        "==> spawn+join, ping-pong and sleep precision: {} cells",
        cells.len()
    );
    let tallies = cells::run(runner, &cells, args.repeat, seed, check)?;
    let rates = series
        .iter()
        .zip(tallies.chunks(2))
        .map(|(&s, pair)| {
            cells::rates(
                s,
                &pair[0],
                &pair[1],
                args.trivial_tasks,
                args.ping_pong_rounds,
            )
        })
        .collect();
    let precision = sleepers
        .iter()
        .zip(&tallies[first_sleep..])
        .flat_map(|((who, ..), tally)| cells::precision(who, args.sleeps, tally))
        .collect();
    Ok((rates, precision))
}

/// The sweep, N by N: at each N every series' forms (join-all at the default pool size only)
/// in one shuffled order; Python's stop where the previous N predicts too long a run
/// ([`python_skip`]).
fn measure_sweep<'a>(
    runner: &Runner,
    series: &[Series],
    bins: &impl Fn(Column) -> Bins<'a>,
    sweep: &[u64],
    seed: u64,
    args: &BenchArgs,
    check: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<Point>> {
    let mut points = Vec::new();
    let mut previous: BTreeMap<(String, &str), (u64, f64)> = BTreeMap::new();
    for (stage, &n) in sweep.iter().enumerate() {
        let mut cells = Vec::new();
        for &s in series {
            for form in Form::ALL {
                if form == Form::JoinAll && !s.default {
                    continue;
                }
                let last = previous.get(&(s.label(), form.label())).copied();
                if let Some(why) = python_skip(s.column, last, n, args.python_limit) {
                    eprintln!("    {} · {} · N={n}: {why}", s.label(), form.label());
                    points.push(cells::point(
                        s,
                        form,
                        n,
                        cells::Tally {
                            note: Some(why),
                            ..cells::Tally::default()
                        },
                    ));
                    continue;
                }
                cells.push(Cell {
                    what: What::Point { series: s, form, n },
                    job: run::job(s, bins(s.column), form, n, args),
                });
            }
        }
        eprintln!("==> N = {n}: {} cells", cells.len());
        let stage_seed = seed.wrapping_add(1 + stage as u64);
        let tallies = cells::run(runner, &cells, args.repeat, stage_seed, check)?;
        for (cell, tally) in cells.iter().zip(tallies) {
            let What::Point { series: s, form, n } = cell.what else {
                continue;
            };
            if let Some(wall) = cells::median_wall(&tally) {
                previous.insert((s.label(), form.label()), (n, wall));
            }
            points.push(cells::point(s, form, n, tally));
        }
    }
    Ok(points)
}

/// The directory of a runtime's binaries.
fn bin_dir(bin_dirs: &[(Runtime, PathBuf)], runtime: Runtime) -> &Path {
    bin_dirs
        .iter()
        .find(|(r, _)| *r == runtime)
        .map(|(_, d)| d.as_path())
        .expect("every Rust runtime was built")
}

/// `/proc/self/timerslack_ns` (inherited by the measured programs), where Linux has it.
fn timer_slack_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/self/timerslack_ns")
        .ok()?
        .trim()
        .parse()
        .ok()
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

/// The members the bench builds (or, with `--no-build`, finds in `out/bin/<runtime>/`): each
/// async runtime, and the sync crate for its `baseline`.
const RUST_RUNTIMES: [Runtime; 5] = [
    Runtime::Tokio,
    Runtime::AsyncStd,
    Runtime::Smol,
    Runtime::Handmade,
    Runtime::Sync,
];

/// Builds each of [`RUST_RUNTIMES`] apart from the others, into `out/bin/<runtime>/`.
fn build_runtimes(out_dir: &Path, profile: Profile) -> anyhow::Result<Vec<(Runtime, PathBuf)>> {
    let mut bin_dirs = Vec::new();
    for runtime in RUST_RUNTIMES {
        let dest = out_dir.join("bin").join(runtime.name());
        eprintln!("==> building {runtime} ({})", profile.name());
        let built = build::build_runtime(runtime, profile, &dest)?;
        if let Some(error) = built.error {
            bail!("{error}");
        }
        let needed: &[&str] = match runtime {
            Runtime::Sync => &["baseline"],
            _ => &["count", "baseline"],
        };
        for needed in needed {
            if !built.binaries.contains_key(*needed) {
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

/// `bench.json`, `bench.md` and `bench.svg` in `out_dir`, each whole or not at all.
fn write_reports(
    out_dir: &Path,
    results: &Results,
    sweep: &[u64],
    series: &[Series],
) -> anyhow::Result<()> {
    let json = out_dir.join("bench.json");
    atomic::write(&json, serde_json::to_string_pretty(results)?)?;
    let md = out_dir.join("bench.md");
    atomic::write(&md, markdown(results, sweep, series))?;
    let svg = out_dir.join("bench.svg");
    atomic::write(&svg, plot(results, &defaults(series)))?;
    eprintln!(
        "==> wrote {}, {} and {}",
        md.display(),
        json.display(),
        svg.display()
    );
    Ok(())
}

/// The columns of the series at their default pool size (what the plot shows).
fn defaults(series: &[Series]) -> Vec<Column> {
    series
        .iter()
        .filter(|s| s.default)
        .map(|s| s.column)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        bench: BenchArgs,
    }

    #[test]
    fn quick_shrinks_the_sizes_left_at_their_defaults() {
        let args = Cli::parse_from(["bench", "--quick", "--requests", "60"]).bench;
        let quick = args.quickened();
        assert_eq!(quick.requests, [60], "given on the command line: kept");
        assert_eq!((quick.repeat, quick.workers.clone()), (1, vec![2, 64]));
        assert_eq!(quick.ticker_tasks, [0, 4]);
        let full = Cli::parse_from(["bench"]).bench.quickened();
        assert_eq!(full.workers, [2, 64, 1024]);
        assert_eq!(full.only, Stage::ALL);
        let only = Cli::parse_from(["bench", "--only", "faults,ticker"]).bench;
        assert!(only.runs(Stage::Ticker) && !only.runs(Stage::Sleeping));
    }
}
