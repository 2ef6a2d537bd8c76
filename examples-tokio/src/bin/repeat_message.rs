//! PLACEHOLDER: this program is not written yet under tokio.

use std::process::ExitCode;

use shared::{NoOpts, Program, Run};

pub async fn run(_run: Run<NoOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_tokio::main(Program::RepeatMessage, run)
}
