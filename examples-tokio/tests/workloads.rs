//! Every seed program through the shared `Workloads` trait, on both tokio schedulers: a
//! program this crate lacks does not compile, one that fails or prints the wrong lines fails
//! here. Real time at a small scale; order is only checked where it is a fact.

use examples_tokio::Tokio;
use shared::cli::Flavor;
use shared::testing::workloads::check_every_program;

#[test]
fn every_program_runs_on_the_multi_threaded_runtime() {
    check_every_program(
        &Tokio {
            flavor: Flavor::MultiThread,
        },
        0.02,
    );
}

#[test]
fn every_program_runs_on_the_current_thread_runtime() {
    check_every_program(
        &Tokio {
            flavor: Flavor::CurrentThread,
        },
        0.02,
    );
}
