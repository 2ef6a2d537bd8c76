//! PLACEHOLDER: this program is not written yet under smol.

use std::process::ExitCode;

use shared::{CountOpts, Program, Run};

pub async fn run(_run: Run<CountOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::Count, run)
}
