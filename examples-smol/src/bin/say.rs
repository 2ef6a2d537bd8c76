//! PLACEHOLDER: this program is not written yet under smol.

use std::process::ExitCode;

use shared::{Program, Run, SayOpts};

pub async fn run(_run: Run<SayOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::Say, run)
}
