//! PLACEHOLDER: this program is not written yet under tokio.

use std::process::ExitCode;

use shared::{Program, Run, SayOpts};

pub async fn run(_run: Run<SayOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::Say, run)
}
