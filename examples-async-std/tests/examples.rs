//! The standalone examples (`examples/<program>.rs`, the copy-paste forms) under async-std: each
//! prints its measured binary's transcript with the seed's durations, and refuses an unknown
//! mode. The checks are shared by the four runtimes: see `shared::testing::examples`.

use shared::Runtime;
use shared::testing::examples;

#[test]
fn every_example_prints_its_binarys_transcript() {
    examples::check_every_example(Runtime::AsyncStd);
}

#[test]
fn an_unknown_mode_exits_2_naming_the_modes() {
    examples::assert_unknown_modes_exit_2(Runtime::AsyncStd);
}

#[test]
fn every_program_has_an_example() {
    examples::assert_every_program_has_an_example(Runtime::AsyncStd);
}
