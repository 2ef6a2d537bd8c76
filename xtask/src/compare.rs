//! `cargo xtask compare`: every program under every runtime, side by side and measured.
//!
//! 1. Builds each runtime's binaries, one member at a time, into a directory of their own
//!    ([`crate::build`]): `target/compare/bin/<runtime>/`.
//! 2. Runs every program × runtime × mode, one at a time, with `--trace`, the same thread-pool
//!    size for every runtime (`TOKIO_WORKER_THREADS`, `ASYNC_STD_THREAD_COUNT`,
//!    `SMOL_THREADS`), and a timeout ([`crate::runner`]). tokio runs twice, once per
//!    scheduler (`--flavor multi-thread`, `--flavor current-thread`); `--python` adds the
//!    Python ports of `python/` ([`crate::python`]).
//! 3. Prints one table per program: elapsed time against the catalogue's ideal, and the
//!    ordering verdict of [`crate::order`] against the catalogue's transcript (or, where the
//!    order of lines is no fixed fact, against the first runtime's run of that mode).
//! 4. Writes `report.md`, `report.json` (every run's figures and trace) and one SVG timeline
//!    per program ([`crate::svg`]) under `target/compare/`.
//!
//! The exit code is 1 when a run failed or timed out, or when an order differs where the
//! catalogue says the order is a fact (not [`Ordering::Scheduler`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use shared::catalogue::Ordering;
use shared::cli::Flavor;
use shared::out::Trace;
use shared::{Mode, Program, Runtime};

use crate::build::{self, Profile};
use crate::order::{self, Reference, Verdict};
use crate::python;
use crate::runner::{Job, Runner, Status};
use crate::svg;

/// The default `--scale`: a full comparison (every program, runtime and mode, Python too)
/// sleeps about 75 s in all at this scale.
pub const DEFAULT_SCALE: f64 = 0.1;

/// `cargo xtask compare`'s options.
#[derive(Debug, Clone, Args)]
#[command(after_help = "\
Every duration of the programs is multiplied by --scale: the default 0.1 keeps a full run \
(every program, runtime and mode) under about two minutes once built; --scale 1 reproduces \
the seeds' durations (about 13 minutes).

Reports: target/compare/report.md, report.json (every run's figures and trace) and \
timeline-<program>.svg. Exit code 1 when a run failed or timed out, or when a run differs from \
the catalogue's transcript where the catalogue says the order is a fact.")]
pub struct CompareArgs {
    /// Only this program (repeatable; default: every seed program; the concept programs,
    /// lazy_futures, run_in_executor and wait_vs_gather, only when named).
    #[arg(long = "program", value_name = "PROGRAM", value_parser = parse_program)]
    pub programs: Vec<Program>,
    /// Only this runtime: sync, tokio, async-std, smol, python (repeatable; default: the four
    /// Rust runtimes).
    #[arg(long = "runtime", value_name = "RUNTIME", value_parser = parse_runtime)]
    pub runtimes: Vec<Runtime>,
    /// Only this mode (repeatable; default: every mode of each program).
    #[arg(long = "mode", value_name = "MODE", value_parser = parse_mode)]
    pub modes: Vec<Mode>,
    /// Multiply every duration by FACTOR (> 0).
    #[arg(long, value_name = "FACTOR", default_value_t = DEFAULT_SCALE, value_parser = parse_scale)]
    pub scale: f64,
    /// Add Python (the ports in python/) as a fifth runtime, if python3 is present.
    #[arg(long)]
    pub python: bool,
    /// Worker threads of every runtime's pool (default: the number of cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Kill a run after SECS seconds (default: 10 s + 3 × its scaled ideal).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Build and run the dev profile instead of --release (quick to build; for tests).
    #[arg(long)]
    pub debug: bool,
    /// Where the reports go (default: target/compare).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

fn parse_program(name: &str) -> Result<Program, String> {
    Program::from_name(name).ok_or_else(|| {
        let names: Vec<_> = Program::ALL
            .iter()
            .chain(&Program::CONCEPTS)
            .map(|p| p.name())
            .collect();
        format!("no such program; one of: {}", names.join(", "))
    })
}

fn parse_runtime(name: &str) -> Result<Runtime, String> {
    Runtime::from_name(name)
        .ok_or_else(|| "no such runtime; one of: sync, tokio, async-std, smol, python".to_string())
}

fn parse_mode(name: &str) -> Result<Mode, String> {
    Mode::from_name(name).ok_or_else(|| {
        let names: Vec<_> = Mode::ALL.iter().map(|m| m.name()).collect();
        format!("no such mode; one of: {}", names.join(", "))
    })
}

fn parse_scale(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(scale) if scale.is_finite() && scale > 0.0 => Ok(scale),
        _ => Err("must be a number greater than 0".to_string()),
    }
}

/// A column of the tables: a runtime, and for tokio one of its two schedulers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Sync,
    Tokio(Flavor),
    AsyncStd,
    Smol,
    Python,
}

impl Column {
    /// Every column, in the tables' order.
    pub const ALL: [Column; 6] = [
        Column::Sync,
        Column::Tokio(Flavor::MultiThread),
        Column::Tokio(Flavor::CurrentThread),
        Column::AsyncStd,
        Column::Smol,
        Column::Python,
    ];

    pub fn runtime(self) -> Runtime {
        match self {
            Column::Sync => Runtime::Sync,
            Column::Tokio(_) => Runtime::Tokio,
            Column::AsyncStd => Runtime::AsyncStd,
            Column::Smol => Runtime::Smol,
            Column::Python => Runtime::Python,
        }
    }

    pub fn flavor(self) -> Option<Flavor> {
        match self {
            Column::Tokio(flavor) => Some(flavor),
            _ => None,
        }
    }

    /// `tokio multi-thread`, `smol`, …
    pub fn label(self) -> String {
        match self {
            Column::Tokio(flavor) => format!("tokio {flavor}"),
            other => other.runtime().name().to_string(),
        }
    }

    fn slug(self) -> String {
        self.label().replace(' ', "-")
    }

    /// The modes this column runs `program` in.
    pub fn modes(self, program: Program) -> &'static [Mode] {
        match self {
            Column::Python => python::modes(program),
            other => program.modes(other.runtime()),
        }
    }

    /// Whose transcript the column's run of `mode` must print.
    pub fn transcript_runtime(self, program: Program, mode: Mode) -> Runtime {
        match self {
            Column::Python => python::transcript_runtime(program, mode),
            other => other.runtime(),
        }
    }
}

/// What a run's order is compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Against {
    /// The catalogue's transcript ([`shared::expect::transcript`]): what must be printed.
    Transcript,
    /// Nothing: this is the first run of its mode, the reference of the others.
    ThisRun,
    /// The first successful run of the mode (the catalogue has no transcript: which lines are
    /// printed depends on how ties are broken).
    Run { column: String },
}

impl Against {
    fn describe(&self) -> String {
        match self {
            Against::Transcript => "the catalogue's transcript".to_string(),
            Against::ThisRun => "itself".to_string(),
            Against::Run { column } => format!("the {column} run"),
        }
    }
}

/// How a run went.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum RunStatus {
    Ok,
    Failed { error: String },
    Timeout,
    Skipped { why: String },
}

/// One run: its figures, its verdict, its trace (one row of a table, one entry of
/// `report.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub program: Program,
    pub runtime: Runtime,
    /// tokio's scheduler.
    pub flavor: Option<String>,
    /// The table's runtime column: `tokio current-thread`.
    pub column: String,
    pub mode: Mode,
    /// What the order of lines is worth (from the catalogue).
    pub ordering: Ordering,
    pub command: String,
    #[serde(flatten)]
    pub status: RunStatus,
    /// Worker threads of the runtime's pool, as the run reported it.
    pub threads: Option<usize>,
    pub ideal_us: u64,
    /// The program's own measure, from its first instruction to its end.
    pub elapsed_us: Option<u64>,
    /// `elapsed − ideal`.
    pub overhead_us: Option<i64>,
    /// The process's, start-up and runtime construction included.
    pub wall_us: Option<u64>,
    pub peak_rss_kib: Option<u64>,
    pub user_cpu_us: Option<u64>,
    pub system_cpu_us: Option<u64>,
    /// Lines printed less than this apart may swap places ("ties only").
    pub tolerance_us: u64,
    /// What the order was compared with.
    pub reference: Option<Against>,
    pub verdict: Option<Verdict>,
    pub stderr: String,
    pub trace: Option<Trace>,
    #[serde(skip)]
    column_kind: Option<Column>,
}

impl Row {
    pub fn ok(&self) -> bool {
        self.status == RunStatus::Ok
    }

    /// A failure for the exit code: the run failed, or it differs from the catalogue's
    /// transcript where the catalogue says the order is a fact (not scheduler-dependent).
    /// Where there is no transcript, the lines themselves may depend on how a tie was broken
    /// (which worker takes the last item): a difference from another run is shown, not failed.
    pub fn fails(&self) -> bool {
        match &self.status {
            RunStatus::Failed { .. } | RunStatus::Timeout => true,
            RunStatus::Skipped { .. } => false,
            RunStatus::Ok => self.differs_from_a_fact(),
        }
    }

    fn differs_from_a_fact(&self) -> bool {
        matches!(self.verdict, Some(Verdict::Differs { .. }))
            && self.ordering != Ordering::Scheduler
            && self.reference == Some(Against::Transcript)
    }

    fn column(&self) -> Column {
        self.column_kind.expect("rows are made with their column")
    }
}

/// `report.json`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub command: String,
    pub machine: String,
    pub scale: f64,
    pub threads: usize,
    pub profile: &'static str,
    pub tolerance: &'static str,
    pub notes: Vec<String>,
    pub closest: Vec<Closest>,
    pub rows: Vec<Row>,
}

/// The runtime closest to the ideal on one program and mode.
#[derive(Debug, Clone, Serialize)]
pub struct Closest {
    pub program: Program,
    pub mode: Mode,
    pub ideal_us: u64,
    pub closest: String,
    pub closest_overhead_us: i64,
    pub farthest: String,
    pub farthest_overhead_us: i64,
}

struct Plan {
    program: Program,
    column: Column,
    mode: Mode,
    skip: Option<String>,
}

/// Runs `cargo xtask compare`; `Ok(false)` when the exit code must say something failed.
pub fn compare(args: &CompareArgs, command_line: &str) -> anyhow::Result<bool> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| build::target_dir().join("compare"));
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let mut notes = Vec::new();

    // What to run.
    let programs: Vec<Program> = if args.programs.is_empty() {
        Program::ALL.to_vec()
    } else {
        Program::ALL
            .into_iter()
            .chain(Program::CONCEPTS)
            .filter(|p| args.programs.contains(p))
            .collect()
    };
    let mut runtimes: Vec<Runtime> = if args.runtimes.is_empty() {
        Runtime::RUST.to_vec()
    } else {
        args.runtimes.clone()
    };
    if args.python && !runtimes.contains(&Runtime::Python) {
        runtimes.push(Runtime::Python);
    }
    let mut python = None;
    if runtimes.contains(&Runtime::Python) {
        python = python::find();
        if python.is_none() {
            notes.push(format!(
                "{} not found: no Python column.",
                python::interpreter()
            ));
            runtimes.retain(|&r| r != Runtime::Python);
        }
    }
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| runtimes.contains(&c.runtime()))
        .collect();
    let mut missing_modules: BTreeMap<&str, bool> = BTreeMap::new();
    let mut plans = Vec::new();
    for &program in &programs {
        for &column in &columns {
            for &mode in column.modes(program) {
                if !args.modes.is_empty() && !args.modes.contains(&mode) {
                    continue;
                }
                let mut skip = None;
                if let (Column::Python, Some(module), Some(python)) =
                    (column, python::needs(program, mode), &python)
                {
                    let missing = *missing_modules
                        .entry(module)
                        .or_insert_with(|| !python::has_module(python, module));
                    if missing {
                        skip = Some(format!("needs the Python module {module}"));
                    }
                }
                plans.push(Plan {
                    program,
                    column,
                    mode,
                    skip,
                });
            }
        }
    }
    for (module, _) in missing_modules.iter().filter(|(_, missing)| **missing) {
        notes.push(format!(
            "python: the Python module {module} is not installed: http_fetch's Python runs \
             that need it are skipped (pip install {module})."
        ));
    }
    anyhow::ensure!(
        !plans.is_empty(),
        "nothing to run: no program has that runtime and mode"
    );

    // Build each runtime apart.
    let profile = if args.debug {
        Profile::Dev
    } else {
        Profile::Release
    };
    let mut binaries: BTreeMap<Runtime, BTreeMap<String, PathBuf>> = BTreeMap::new();
    let mut build_errors: BTreeMap<Runtime, String> = BTreeMap::new();
    for runtime in Runtime::RUST {
        if !plans.iter().any(|p| p.column.runtime() == runtime) {
            continue;
        }
        let package = runtime.package().expect("a Rust runtime");
        eprintln!("==> building {package} ({})", profile.name());
        match build::build_runtime(runtime, profile, &out.join("bin").join(runtime.name())) {
            Ok(built) => {
                if let Some(error) = built.error {
                    notes.push(format!("{error}: runs without a binary fail."));
                    build_errors.insert(runtime, error);
                }
                binaries.insert(runtime, built.binaries);
            }
            Err(error) => {
                notes.push(format!("{package}: {error:#}"));
                build_errors.insert(runtime, format!("{error:#}"));
            }
        }
    }

    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let runner = match keep_this_executable(&out.join("bin").join("xtask-measure")) {
        Ok(wrapper) => Runner::measuring(wrapper),
        Err(error) => {
            notes.push(format!(
                "no peak RSS: cannot keep the measuring wrapper ({error:#})"
            ));
            Runner::plain()
        }
    };
    let traces = out.join("traces");
    std::fs::create_dir_all(&traces).with_context(|| format!("creating {}", traces.display()))?;
    let context = Context {
        python: python.as_ref(),
        scale: args.scale,
        threads,
        timeout: args.timeout,
        binaries: &binaries,
        build_errors: &build_errors,
        traces: &traces,
        runner: &runner,
    };

    let machine = machine(python.as_ref().map(|p| p.version.as_str()));
    let subtitle = format!(
        "scale {} · thread pools of {threads} · {} builds · {machine}",
        args.scale,
        profile.name()
    );
    let bar = ProgressBar::new(plans.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    let mut rows: Vec<Row> = Vec::new();
    for &program in &programs {
        let mut program_rows: Vec<Row> = Vec::new();
        for plan in plans.iter().filter(|p| p.program == program) {
            bar.set_message(format!(
                "{program} · {} · {}",
                plan.column.label(),
                plan.mode
            ));
            program_rows.push(run_one(plan, &context));
            bar.inc(1);
        }
        if program_rows.is_empty() {
            continue;
        }
        judge(program, &mut program_rows, args.scale);
        sort_rows(program, &mut program_rows);
        let svg_path = out.join(format!("timeline-{program}.svg"));
        std::fs::write(&svg_path, timeline(program, &program_rows, &subtitle))
            .with_context(|| format!("writing {}", svg_path.display()))?;
        let table = program_section(program, &program_rows, None);
        bar.suspend(|| println!("{table}"));
        rows.extend(program_rows);
    }
    bar.finish_and_clear();

    let report = Report {
        command: command_line.to_string(),
        machine,
        scale: args.scale,
        threads,
        profile: profile.name(),
        tolerance: order::TOLERANCE_RULE,
        notes,
        closest: closest(&rows),
        rows,
    };
    let markdown = markdown(&report);
    let write = |name: &str, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    };
    write("report.md", &markdown)?;
    write("report.json", &serde_json::to_string_pretty(&report)?)?;

    let count = |f: &dyn Fn(&Row) -> bool| report.rows.iter().filter(|r| f(r)).count();
    let failed = count(&|r| matches!(r.status, RunStatus::Failed { .. }));
    let timeouts = count(&|r| r.status == RunStatus::Timeout);
    let skipped = count(&|r| matches!(r.status, RunStatus::Skipped { .. }));
    let differs = count(&|r| r.ok() && r.fails());
    println!("{}", closest_section(&report.closest));
    for note in &report.notes {
        println!("note: {note}");
    }
    println!(
        "{} runs: {} ok, {failed} failed, {timeouts} timed out, {skipped} skipped; \
         {differs} orders differ where the order is a fact.",
        report.rows.len(),
        count(&|r| r.ok()),
    );
    println!(
        "reports: {} , report.json, timeline-<program>.svg",
        out.join("report.md").display()
    );
    Ok(!report.rows.iter().any(Row::fails))
}

/// The running executable, kept at `dest` to serve as the runner's measuring wrapper
/// (`xtask measure`): a hard link, or else a copy. Kept, because cargo replaces
/// `target/debug/xtask` whenever anyone rebuilds xtask, which may happen during a long
/// comparison; the link keeps this build's file, and a copy is read through `/proc/self/exe`,
/// which still opens the running file after it was replaced.
fn keep_this_executable(dest: &Path) -> anyhow::Result<PathBuf> {
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // The running file by its name, unless it was replaced since it started (then on Linux
    // `current_exe` names it "… (deleted)" and only /proc/self/exe still opens it).
    let running = std::env::current_exe()?;
    let source = if running.exists() {
        running
    } else {
        PathBuf::from("/proc/self/exe")
    };
    build::link_or_copy(&source, dest)?;
    Ok(dest.to_path_buf())
}

struct Context<'a> {
    python: Option<&'a python::Python>,
    scale: f64,
    threads: usize,
    timeout: Option<f64>,
    binaries: &'a BTreeMap<Runtime, BTreeMap<String, PathBuf>>,
    build_errors: &'a BTreeMap<Runtime, String>,
    traces: &'a Path,
    runner: &'a Runner,
}

fn scaled_ideal(program: Program, mode: Mode, scale: f64) -> Duration {
    program
        .ideal(mode)
        .map_or(Duration::ZERO, |d| d.mul_f64(scale))
}

fn run_one(plan: &Plan, cx: &Context) -> Row {
    let Plan {
        program,
        column,
        mode,
        ..
    } = *plan;
    let ideal = scaled_ideal(program, mode, cx.scale);
    let mut row = Row {
        program,
        runtime: column.runtime(),
        flavor: column.flavor().map(|f| f.to_string()),
        column: column.label(),
        mode,
        ordering: program.ordering(mode),
        command: String::new(),
        status: RunStatus::Ok,
        threads: None,
        ideal_us: ideal.as_micros() as u64,
        elapsed_us: None,
        overhead_us: None,
        wall_us: None,
        peak_rss_kib: None,
        user_cpu_us: None,
        system_cpu_us: None,
        tolerance_us: order::tolerance(ideal).as_micros() as u64,
        reference: None,
        verdict: None,
        stderr: String::new(),
        trace: None,
        column_kind: Some(column),
    };
    if let Some(why) = &plan.skip {
        row.status = RunStatus::Skipped { why: why.clone() };
        return row;
    }
    let trace_path = cx
        .traces
        .join(format!("{program}.{}.{mode}.jsonl", column.slug()));
    let _ = std::fs::remove_file(&trace_path);
    let job = match column {
        Column::Python => match cx.python {
            Some(python) => Job::new(&python.executable).arg(python::script(program)),
            None => {
                row.status = RunStatus::Failed {
                    error: "no Python".to_string(),
                };
                return row;
            }
        },
        _ => match cx
            .binaries
            .get(&column.runtime())
            .and_then(|bins| bins.get(program.name()))
        {
            Some(exe) => Job::new(exe),
            None => {
                let mut error = format!("no {program} binary in {}", column.runtime().name());
                if let Some(build) = cx.build_errors.get(&column.runtime()) {
                    let _ = write!(error, " ({build})");
                }
                row.status = RunStatus::Failed { error };
                return row;
            }
        },
    };
    let mut job = job
        .args(["--mode", mode.name()])
        .args(["--scale", &cx.scale.to_string()])
        .arg("--trace")
        .arg(&trace_path);
    if let Some(flavor) = column.flavor() {
        job = job.args(["--flavor", &flavor.to_string()]);
    }
    let threads = cx.threads.to_string();
    let timeout = cx
        .timeout
        .map_or(Duration::from_secs(10) + ideal * 3, Duration::from_secs_f64);
    let job = job
        .env("NO_COLOR", "1")
        .env("TOKIO_WORKER_THREADS", &threads)
        .env("ASYNC_STD_THREAD_COUNT", &threads)
        .env("SMOL_THREADS", &threads)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .timeout(timeout);
    row.command = job.display();
    let outcome = cx.runner.run(&job);
    row.wall_us = Some(outcome.wall.as_micros() as u64);
    row.peak_rss_kib = outcome.peak_rss_kib;
    row.user_cpu_us = outcome.user_cpu.map(|d| d.as_micros() as u64);
    row.system_cpu_us = outcome.system_cpu.map(|d| d.as_micros() as u64);
    row.stderr = outcome.stderr.clone();
    let trace = Trace::read(&trace_path);
    row.status = match (&outcome.status, &trace) {
        (Status::TimedOut, _) => RunStatus::Timeout,
        (status, _) if !status.success() => RunStatus::Failed {
            error: outcome
                .last_error_line()
                .map_or_else(|| status.to_string(), |line| format!("{status}: {line}")),
        },
        (_, Err(error)) => RunStatus::Failed {
            error: format!("no trace: {error:#}"),
        },
        (_, Ok(trace)) if trace.summary.mode != mode.name() => RunStatus::Failed {
            error: format!("the trace says mode {}", trace.summary.mode),
        },
        _ => RunStatus::Ok,
    };
    if let Ok(trace) = trace {
        if row.ok() {
            row.threads = trace.summary.threads;
            row.elapsed_us = Some(trace.summary.elapsed_us);
            row.overhead_us = Some(trace.summary.elapsed_us as i64 - row.ideal_us as i64);
        }
        row.trace = Some(trace);
    }
    row
}

/// The ordering verdict of every successful row of one program.
fn judge(program: Program, rows: &mut [Row], scale: f64) {
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
fn mode_rank(program: Program, mode: Mode) -> usize {
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

fn sort_rows(program: Program, rows: &mut [Row]) {
    let column_rank = |row: &Row| Column::ALL.iter().position(|&c| c == row.column());
    rows.sort_by_key(|row| (mode_rank(program, row.mode), column_rank(row)));
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

fn order_cell(row: &Row) -> String {
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

/// A markdown table, padded so that it reads in a terminal too.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let clean = |cell: &str| cell.replace('|', "\\|").replace('\n', " ");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count(), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut text = line(header.iter().map(|h| h.to_string()).collect());
    text.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect()));
    for row in rows {
        text.push_str(&line(row));
    }
    text
}

/// One program's table, with its diffs; `timeline` links the picture (in report.md).
fn program_section(program: Program, rows: &[Row], timeline: Option<&str>) -> String {
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

/// An order cell short enough for a timeline's panel header: the words before the colon
/// (`differs (scheduler-dependent)`), or a failure cut to 60 characters.
fn short(cell: &str) -> String {
    let cell = cell.replace("**", "");
    match cell.split_once(": ") {
        Some((verdict, _)) if !verdict.starts_with("failed") => verdict.to_string(),
        _ if cell.chars().count() > 60 => {
            format!("{}…", cell.chars().take(59).collect::<String>())
        }
        _ => cell,
    }
}

fn timeline(program: Program, rows: &[Row], subtitle: &str) -> String {
    let panels: Vec<svg::Panel> = rows
        .iter()
        .map(|r| svg::Panel {
            label: format!("{} · {}", r.column, r.mode),
            ideal_us: r.ideal_us,
            elapsed_us: r.elapsed_us,
            events: r
                .trace
                .as_ref()
                .filter(|_| r.ok())
                .map(|t| t.events.clone())
                .unwrap_or_default(),
            note: match r.elapsed_us {
                Some(elapsed) => format!(
                    "{} (ideal {}, {}) · order: {}",
                    duration(elapsed),
                    duration(r.ideal_us),
                    signed(r.overhead_us.unwrap_or(0)),
                    short(&order_cell(r))
                ),
                None => short(&order_cell(r)),
            },
        })
        .collect();
    svg::timeline(
        &format!("{program}: every runtime, measured"),
        subtitle,
        &panels,
    )
}

/// Per program and mode, the successful runs closest to and farthest from the ideal.
fn closest(rows: &[Row]) -> Vec<Closest> {
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

fn closest_section(closest: &[Closest]) -> String {
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

/// `AMD EPYC (2 cores), Linux 6.8.0; rustc 1.95.0; Python 3.11.7`.
pub fn machine(python: Option<&str>) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, m)| m.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|r| format!("{} {}", std::env::consts::OS, r.trim()))
        .unwrap_or_else(|_| std::env::consts::OS.to_string());
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc ?".to_string());
    let mut text = format!("{model} ({cores} cores), {kernel}; {rustc}");
    if let Some(python) = python {
        let _ = write!(text, "; {python}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A successful row of `program` with a trace printing `lines` (`(text, ms)`).
    fn row(program: Program, column: Column, mode: Mode, lines: &[(&str, u64)]) -> Row {
        let events = lines
            .iter()
            .map(|&(line, ms)| shared::out::Event {
                t_us: ms * 1000,
                task: "main".into(),
                line: line.into(),
                timing: false,
                thread: String::new(),
            })
            .collect();
        let summary = shared::out::Summary {
            program: program.name().into(),
            runtime: column.runtime().name().into(),
            mode: mode.name().into(),
            scale: 1.0,
            threads: None,
            elapsed_us: lines.last().map_or(0, |l| l.1 * 1000),
        };
        Row {
            program,
            runtime: column.runtime(),
            flavor: column.flavor().map(|f| f.to_string()),
            column: column.label(),
            mode,
            ordering: program.ordering(mode),
            command: String::new(),
            status: RunStatus::Ok,
            threads: None,
            ideal_us: 0,
            elapsed_us: Some(summary.elapsed_us),
            overhead_us: None,
            wall_us: None,
            peak_rss_kib: None,
            user_cpu_us: None,
            system_cpu_us: None,
            tolerance_us: 2000,
            reference: None,
            verdict: None,
            stderr: String::new(),
            trace: Some(Trace { events, summary }),
            column_kind: Some(column),
        }
    }

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
    fn timeline_notes_keep_the_verdict_and_cut_long_failures() {
        assert_eq!(
            short("differs (scheduler-dependent): 4 pairs of lines out of order"),
            "differs (scheduler-dependent)"
        );
        assert_eq!(short("ties only (3 swapped)"), "ties only (3 swapped)");
        let failure = format!("**failed**: exit code 1: {}", "x".repeat(100));
        assert_eq!(short(&failure).chars().count(), 60);
        assert!(short(&failure).starts_with("failed: exit code 1: x"));
    }

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

    #[test]
    fn modes_are_listed_async_first_then_sync_then_python() {
        let mut modes = vec![Mode::Threads, Mode::Sequential, Mode::Concurrent];
        modes.sort_by_key(|&m| mode_rank(Program::Count, m));
        assert_eq!(modes, [Mode::Concurrent, Mode::Sequential, Mode::Threads]);
    }

    #[test]
    fn columns_cover_tokio_twice() {
        let labels: Vec<String> = Column::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "sync",
                "tokio multi-thread",
                "tokio current-thread",
                "async-std",
                "smol",
                "python"
            ]
        );
    }
}
