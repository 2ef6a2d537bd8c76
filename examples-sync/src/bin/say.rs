//! PLACEHOLDER: this program is not written yet under sync.

use std::process::ExitCode;

use shared::{Program, Run, SayOpts};

pub fn run(_run: Run<SayOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Say, run)
}
