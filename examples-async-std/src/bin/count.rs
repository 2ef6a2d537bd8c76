//! PLACEHOLDER: this program is not written yet under async-std.

use std::process::ExitCode;

use shared::{CountOpts, Program, Run};

pub async fn run(_run: Run<CountOpts>) -> anyhow::Result<()> {
    anyhow::bail!("PLACEHOLDER: not written yet")
}

pub fn main() -> ExitCode {
    examples_async_std::main(Program::Count, run)
}
