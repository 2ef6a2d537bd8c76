//! Every seed program through the shared `Workloads` trait: a program this crate lacks does
//! not compile, one that fails or prints the wrong lines fails here. Real time at a small
//! scale; order is only checked where it is a fact.

use examples_handmade::Handmade;
use shared::testing::workloads::check_every_program;

#[test]
fn every_program_runs_in_every_mode() {
    check_every_program(&Handmade, 0.02);
}
