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
//! 4. Writes `report.md`, `report.html` (the same on one self-contained page, [`html`]),
//!    `report.json` (every run's figures and trace) and one SVG timeline per program
//!    ([`crate::svg`]) under `target/compare/`.
//!
//! The exit code is 1 when a run failed or timed out, or when an order differs where the
//! catalogue says the order is a fact (not [`Ordering::Scheduler`]).
//!
//! Interrupted (Ctrl+C, SIGTERM, SIGHUP: [`crate::interrupt`]), it ends the run in progress,
//! writes nothing (the reports and timelines are written together at the end, each whole:
//! [`crate::atomic`]), and returns [`interrupt::stopped`]: one line naming the run and the
//! last complete report, exit code 130 / 143 / 129.
//!
//! [`compare`] is those steps in order; each has a module of its own: [`args`] (the options),
//! [`plan`] (what to run), [`run`] (build and run), [`judge`] (the verdicts), [`report`] and
//! [`timeline`] (what is written), over [`column`] and [`row`] (the tables' columns and rows).
//!
//! [`Ordering::Scheduler`]: shared::catalogue::Ordering::Scheduler

pub mod args;
pub mod column;
pub mod html;
pub mod judge;
pub mod plan;
pub mod report;
pub mod row;
pub mod run;
pub mod timeline;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

pub use self::args::{CompareArgs, DEFAULT_SCALE};
pub use self::column::Column;
pub use self::plan::Plan;
use self::plan::Selection;
pub use self::report::{duration, signed};
pub use self::row::{Against, Closest, Report, Row, RunStatus};
use self::run::Context;
use crate::interrupt;
use crate::machine::machine;
use crate::{atomic, order};

/// Runs `cargo xtask compare`; `Ok(false)` when the exit code must say something failed.
pub fn compare(args: &CompareArgs, command_line: &str) -> anyhow::Result<bool> {
    let out = args.out_dir();
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let mut notes = Vec::new();

    // Stopped by a signal during `what`: nothing more is run or written.
    let report_md = out.join("report.md");
    let check = |what: &str| {
        interrupt::check().map_err(|i| interrupt::stopped(i, "compare", what, &report_md))
    };
    let selection = plan::select(args, &mut notes)?;
    check("the search for Python")?;
    let profile = args.profile();
    let builds = run::build_runtimes(&selection.plans, profile, &out, &mut notes);
    check("the builds")?;
    let threads = args.pool_threads();
    let runner = run::measuring_runner(&out, &mut notes);
    let traces = out.join("traces");
    std::fs::create_dir_all(&traces).with_context(|| format!("creating {}", traces.display()))?;
    let context = Context {
        python: selection.python.as_ref(),
        scale: args.scale,
        threads,
        timeout: args.timeout,
        builds: &builds,
        traces: &traces,
        runner: &runner,
    };

    let machine = machine(selection.python.as_ref().map(|p| p.version.as_str()));
    let subtitle = format!(
        "scale {} · thread pools of {threads} · {} builds · {machine}",
        args.scale,
        profile.name()
    );
    let (rows, timelines) = run_programs(&selection, &context, &out, &subtitle, &check)?;

    let report = Report {
        command: command_line.to_string(),
        machine,
        scale: args.scale,
        threads,
        profile: profile.name(),
        tolerance: order::TOLERANCE_RULE,
        notes,
        closest: report::closest(&rows),
        rows,
    };
    for (path, svg) in &timelines {
        atomic::write(path, svg)?;
    }
    report::write(&out, &report)?;
    print_summary(&report, &out);
    Ok(!report.rows.iter().any(Row::fails))
}

/// A program's timeline, to be written with the reports: its path and its SVG.
type Timeline = (PathBuf, String);

/// Runs every plan, program by program, under a progress bar; judges each program's runs,
/// draws its timeline (path and SVG, written with the reports) and prints its table as soon
/// as its runs are done. `check` stops it after a run that a signal interrupted.
fn run_programs(
    selection: &Selection,
    context: &Context,
    out: &Path,
    subtitle: &str,
    check: &dyn Fn(&str) -> anyhow::Result<()>,
) -> anyhow::Result<(Vec<Row>, Vec<Timeline>)> {
    let bar = ProgressBar::new(selection.plans.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    let mut rows: Vec<Row> = Vec::new();
    let mut timelines = Vec::new();
    for &program in &selection.programs {
        let mut program_rows: Vec<Row> = Vec::new();
        for plan in selection.plans.iter().filter(|p| p.program == program) {
            let what = format!("{program} · {} · {}", plan.column.label(), plan.mode);
            bar.set_message(what.clone());
            program_rows.push(run::run_one(plan, context));
            if let Err(stopped) = check(&what) {
                bar.finish_and_clear();
                return Err(stopped);
            }
            bar.inc(1);
        }
        if program_rows.is_empty() {
            continue;
        }
        judge::judge(program, &mut program_rows, context.scale);
        judge::sort_rows(program, &mut program_rows);
        timelines.push((
            out.join(format!("timeline-{program}.svg")),
            timeline::timeline(program, &program_rows, subtitle),
        ));
        let table = report::program_section(program, &program_rows, None);
        bar.suspend(|| println!("{table}"));
        rows.extend(program_rows);
    }
    bar.finish_and_clear();
    Ok((rows, timelines))
}

/// The closing lines: the closest-to-ideal table, the notes, and the runs counted.
fn print_summary(report: &Report, out: &Path) {
    let count = |f: &dyn Fn(&Row) -> bool| report.rows.iter().filter(|r| f(r)).count();
    let failed = count(&|r| matches!(r.status, RunStatus::Failed { .. }));
    let timeouts = count(&|r| r.status == RunStatus::Timeout);
    let skipped = count(&|r| matches!(r.status, RunStatus::Skipped { .. }));
    let differs = count(&|r| r.ok() && r.fails());
    println!("{}", report::closest_section(&report.closest));
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
        "reports: {} , report.html, report.json, timeline-<program>.svg",
        out.join("report.md").display()
    );
}
