//! PLACEHOLDER: this program is not written yet under smol.

use std::process::ExitCode;

use shared::{NoOpts, Program, Run};

pub async fn run(_run: Run<NoOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::RepeatMessage, run)
}
