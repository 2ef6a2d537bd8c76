//! PLACEHOLDER: this program is not written yet under sync.

use std::process::ExitCode;

use shared::{NoOpts, Program, Run};

pub fn run(_run: Run<NoOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Chores, run)
}
