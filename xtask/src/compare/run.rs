//! Building and running: each runtime's binaries built apart, the measuring wrapper kept,
//! and one run of a [`Plan`] made into a [`Row`] (with `--trace`, the same pool size for
//! every runtime, and a timeout). Each run's trace is also written beside it in Chrome's
//! Trace Event Format (`<program>.<column>.<mode>.chrome.json`, [`shared::chrome`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use shared::out::{IncompleteTrace, Trace};
use shared::{Mode, Program, Runtime};

use super::{Column, Plan, Row, RunStatus};
use crate::build::{self, Profile};
use crate::python;
use crate::runner::{Job, Runner, Status};

/// What the builds made: every Rust runtime's binaries by name, and why a build failed.
#[derive(Debug, Default)]
pub struct Builds {
    pub binaries: BTreeMap<Runtime, BTreeMap<String, PathBuf>>,
    pub errors: BTreeMap<Runtime, String>,
}

/// Builds each Rust runtime that a plan needs, apart, into `out/bin/<runtime>/`. A failed
/// build is a note (its runs fail), not an error.
pub fn build_runtimes(
    plans: &[Plan],
    profile: Profile,
    out: &Path,
    notes: &mut Vec<String>,
) -> Builds {
    let mut builds = Builds::default();
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
                    builds.errors.insert(runtime, error);
                }
                builds.binaries.insert(runtime, built.binaries);
            }
            Err(error) => {
                notes.push(format!("{package}: {error:#}"));
                builds.errors.insert(runtime, format!("{error:#}"));
            }
        }
    }
    builds
}

/// The runner that measures peak RSS and CPU time through `out/bin/xtask-measure`, or, if
/// that wrapper cannot be kept, through the running xtask itself (a rebuild of xtask during
/// the comparison could then break the runs), or, failing that, a plain one whose programs
/// would outlive a SIGKILL of xtask (with a note saying so).
pub fn measuring_runner(out: &Path, notes: &mut Vec<String>) -> Runner {
    let error = match keep_this_executable(&out.join("bin").join("xtask-measure")) {
        Ok(wrapper) => return Runner::measuring(wrapper),
        Err(error) => error,
    };
    match std::env::current_exe() {
        Ok(running) => {
            notes.push(format!(
                "cannot keep the measuring wrapper ({error:#}): measured through {}",
                running.display()
            ));
            Runner::measuring(running)
        }
        Err(why) => {
            notes.push(format!(
                "no peak RSS: cannot keep the measuring wrapper ({error:#}) nor find xtask ({why})"
            ));
            Runner::plain()
        }
    }
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

/// What every run of a comparison shares.
pub struct Context<'a> {
    pub python: Option<&'a python::Python>,
    pub scale: f64,
    /// Worker threads of every runtime's pool.
    pub threads: usize,
    /// `--timeout`, seconds.
    pub timeout: Option<f64>,
    pub builds: &'a Builds,
    /// Where the runs write their traces.
    pub traces: &'a Path,
    pub runner: &'a Runner,
}

/// The catalogue's ideal of `program` in `mode`, times `scale` (zero if it has none).
pub fn scaled_ideal(program: Program, mode: Mode, scale: f64) -> Duration {
    program
        .ideal(mode)
        .map_or(Duration::ZERO, |d| d.mul_f64(scale))
}

/// Runs `plan` and records how it went (see the module documentation).
pub fn run_one(plan: &Plan, cx: &Context) -> Row {
    let Plan {
        program,
        column,
        mode,
        ..
    } = *plan;
    let ideal = scaled_ideal(program, mode, cx.scale);
    let mut row = Row::planned(program, column, mode, ideal);
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
            .builds
            .binaries
            .get(&column.runtime())
            .and_then(|bins| bins.get(program.name()))
        {
            Some(exe) => Job::new(exe),
            None => {
                let mut error = format!("no {program} binary in {}", column.runtime().name());
                if let Some(build) = cx.builds.errors.get(&column.runtime()) {
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
        // Not judged: its events are not the whole run.
        (_, Err(error)) if error.downcast_ref::<IncompleteTrace>().is_some() => RunStatus::Failed {
            error: format!("{IncompleteTrace}: {}", trace_path.display()),
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
        // Beside it, the same run for Perfetto and chrome://tracing (its polls, its lines).
        let chrome = trace_path.with_extension("chrome.json");
        if let Err(error) = shared::chrome::write_chrome_trace(&chrome, &trace) {
            eprintln!("warning: {error:#}");
        }
        if row.ok() {
            row.threads = trace.summary.threads;
            row.elapsed_us = Some(trace.summary.elapsed_us);
            row.overhead_us = Some(trace.summary.elapsed_us as i64 - row.ideal_us as i64);
        }
        row.trace = Some(trace);
    }
    row
}
