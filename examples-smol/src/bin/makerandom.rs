//! PLACEHOLDER: this program is not written yet under smol.

use std::process::ExitCode;

use shared::{MakerandomOpts, Program, Run};

pub async fn run(_run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_smol::main(Program::Makerandom, run)
}
