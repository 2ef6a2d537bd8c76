//! `cargo xtask compare`'s command line: which programs, runtimes and modes, at what scale,
//! and where the reports go.

use std::path::PathBuf;

use clap::Args;
use shared::{Mode, Program, Runtime};

use crate::build::{self, Profile};

/// The default `--scale`: a full comparison (every program, runtime and mode, Python too)
/// sleeps about 75 s in all at this scale.
pub const DEFAULT_SCALE: f64 = 0.1;

/// `cargo xtask compare`'s options.
#[derive(Debug, Clone, Args)]
#[command(after_help = "\
Every duration of the programs is multiplied by --scale: the default 0.1 keeps a full run \
(every program, runtime and mode) under about two minutes once built; --scale 1 reproduces \
the seeds' durations (about 13 minutes).

Reports: target/compare/report.md, report.html (the same on one self-contained page), \
report.json (every run's figures and trace) and timeline-<program>.svg. Exit code 1 when a run failed or timed out, or when a run differs from \
the catalogue's transcript where the catalogue says the order is a fact.")]
pub struct CompareArgs {
    /// Only this program (repeatable; default: every seed program; the concept programs,
    /// lazy_futures, run_in_executor, wait_vs_gather and runtime_mixing, only when named).
    #[arg(
        long = "program",
        value_name = "PROGRAM",
        value_enum,
        hide_possible_values = true
    )]
    pub programs: Vec<Program>,
    /// Only this runtime: sync, tokio, async-std, smol, python (repeatable; default: the four
    /// Rust runtimes).
    #[arg(
        long = "runtime",
        value_name = "RUNTIME",
        value_enum,
        hide_possible_values = true
    )]
    pub runtimes: Vec<Runtime>,
    /// Only this mode (repeatable; default: every mode of each program).
    #[arg(
        long = "mode",
        value_name = "MODE",
        value_enum,
        hide_possible_values = true
    )]
    pub modes: Vec<Mode>,
    /// Multiply every duration by FACTOR (> 0).
    #[arg(long, value_name = "FACTOR", default_value_t = DEFAULT_SCALE, value_parser = shared::cli::parse_scale)]
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

impl CompareArgs {
    /// `--out`, or `target/compare`.
    pub fn out_dir(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| build::target_dir().join("compare"))
    }

    /// `--debug`'s dev profile, or release.
    pub fn profile(&self) -> Profile {
        if self.debug {
            Profile::Dev
        } else {
            Profile::Release
        }
    }

    /// `--threads`, or the number of cores.
    pub fn pool_threads(&self) -> usize {
        self.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        )
    }
}
