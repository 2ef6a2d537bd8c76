//! `cargo xtask`: the project's own tasks (the alias is in `.cargo/config.toml`).
//!
//! - `cargo xtask test`: every test of the workspace, one member at a time, a member's test
//!   binaries side by side (`xtask/src/testing.rs`).
//! - `cargo xtask compare`: every program under every runtime, side by side and measured
//!   (`xtask/src/compare/`; reports in `target/compare/`).
//! - `cargo xtask bench`: `count --tasks N` against bare loops, N up to 1 000 000, under every
//!   async runtime and Python (`xtask/src/bench/`; reports in `target/bench/`).
//!
//! Why one member at a time: see `xtask/src/testing.rs` (the members name their binaries
//! alike, cargo issue 6313).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "The project's own tasks",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Run every test of the workspace, one member at a time, a member's test binaries side
    /// by side (see `xtask/src/testing.rs`).
    Test {
        /// How many test binaries of a member run at once.
        #[arg(long, default_value_t = 4, value_name = "N")]
        jobs: usize,
        /// Extra arguments for each member's `cargo test --no-run` (after `--`: passed to the
        /// test binaries).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run every program under every runtime: elapsed time against the ideal, printed order
    /// against the catalogue; reports in target/compare/.
    Compare(xtask::compare::CompareArgs),
    /// Sweep `count --tasks N` and bare baselines (N = 1 000 … 1 000 000) under every async
    /// runtime and Python: wall time, overhead, peak RSS, bytes per task; spawn+join
    /// throughput and task-switch cost; reports in target/bench/.
    Bench(xtask::bench::BenchArgs),
    /// Build the book (book/, one chapter per program) into target/book/; --check, --open,
    /// --measure, --browser.
    Book(xtask::book::BookArgs),
    /// Run PROGRAM and write its peak RSS, CPU and wall time to REPORT (the runner's
    /// measuring wrapper, see xtask/src/runner.rs).
    #[command(hide = true)]
    Measure {
        /// The runner's pid: if it dies, so does the run.
        #[arg(long, value_name = "PID")]
        parent: Option<u32>,
        report: PathBuf,
        program: OsString,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
}

fn main() -> anyhow::Result<ExitCode> {
    match Cli::parse().command {
        Task::Test { jobs, args } => xtask::testing::test(jobs, &args).map(|()| ExitCode::SUCCESS),
        Task::Compare(args) => {
            xtask::interrupt::install()?;
            let all_good = xtask::compare::compare(&args, &command_line());
            interrupted_or(all_good.map(|all_good| {
                if all_good {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }))
        }
        Task::Bench(args) => {
            xtask::interrupt::install()?;
            interrupted_or(xtask::bench::bench(&args, &command_line()).map(|()| ExitCode::SUCCESS))
        }
        Task::Book(args) => Ok(if xtask::book::book(&args)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }),
        Task::Measure {
            parent,
            report,
            program,
            args,
        } => xtask::runner::measure_main(parent, &report, &program, &args)
            .map(|()| ExitCode::SUCCESS),
    }
}

/// How xtask was called, for the reports: `cargo xtask compare --scale 0.1`.
fn command_line() -> String {
    std::iter::once("cargo xtask".to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// compare's or bench's outcome, where an interrupt is not an error but one line on stderr
/// (the error's outermost message: what was interrupted, where the last complete report is)
/// and exit code 128 + the signal (see `xtask::interrupt`).
fn interrupted_or(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(error) => match error.downcast_ref::<xtask::interrupt::Interrupted>() {
            Some(interrupted) => {
                eprintln!("{error}");
                Ok(ExitCode::from(interrupted.exit_code()))
            }
            None => Err(error),
        },
        ok => ok,
    }
}
