//! PLACEHOLDER: this program is not written yet under sync.

use std::process::ExitCode;

use shared::{MakerandomOpts, Program, Run};

pub fn run(_run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_sync::main(Program::Makerandom, run)
}
