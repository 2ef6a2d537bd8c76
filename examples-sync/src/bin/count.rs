//! PLACEHOLDER: this program is not written yet under sync.

use std::process::ExitCode;

use shared::{CountOpts, Program, Run};

pub fn run(_run: Run<CountOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Count, run)
}
