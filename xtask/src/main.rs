//! `cargo xtask`: the project's own tasks (the alias is in `.cargo/config.toml`).
//!
//! - `cargo xtask test`: every test of the workspace, one member at a time.
//!
//! Why one member at a time: every runtime crate names its binaries after the programs
//! (`count`, `say`, …), so a whole-workspace build puts four binaries called `count` in
//! `target/debug/` ("output filename collision", cargo issue 6313), and an integration test
//! could run another member's binary. Built one member per cargo invocation, each test runs
//! its own crate's binaries.

use std::process::Command;

use anyhow::{Context, bail};
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
    /// Run every test of the workspace, one member at a time (see `xtask/src/main.rs`).
    Test {
        /// Extra arguments for each `cargo test` (after `--`: passed to the test binaries).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// The workspace members, in the order `cargo xtask test` tests them.
const MEMBERS: [&str; 6] = [
    "shared",
    "xtask",
    "examples-sync",
    "examples-tokio",
    "examples-async-std",
    "examples-smol",
];

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Task::Test { args } => test(&args),
    }
}

/// `cargo test -p <member>` for every member in turn; stops at the first failure.
fn test(args: &[String]) -> anyhow::Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    for member in MEMBERS {
        eprintln!("==> cargo test -p {member}");
        let status = Command::new(&cargo)
            .args(["test", "--package", member])
            .args(args)
            .status()
            .with_context(|| format!("cannot run {cargo}"))?;
        if !status.success() {
            bail!("tests of {member} failed");
        }
    }
    eprintln!("==> all tests passed");
    Ok(())
}
