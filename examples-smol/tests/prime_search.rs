//! prime_search under smol, in real time: the concurrent order, the blocking mistake on one
//! executor thread (smol's default) and on several, and the offloaded fix. The checks are
//! shared with async-std's (`shared::testing::prime_search`); this file says how to run them here.

use shared::Runtime;
use shared::testing::prime_search as check;

const EXE: &str = env!("CARGO_BIN_EXE_prime_search");

#[test]
fn concurrent_and_offloaded_searches_overlap() {
    check::assert_concurrent_and_offloaded_searches_overlap(Runtime::Smol, |run| {
        smol::block_on(examples_smol::prime_search::run(run))
    });
}

#[test]
fn sequential_searches_print_in_call_order() {
    check::assert_sequential_searches_print_in_call_order(Runtime::Smol, |run| {
        smol::block_on(examples_smol::prime_search::run(run))
    });
}

#[test]
fn blocking_on_one_executor_thread_serialises_the_searches() {
    check::assert_blocking_on_one_thread_serialises_the_searches(
        Runtime::Smol,
        EXE,
        "SMOL_THREADS",
    );
}

#[test]
fn blocking_on_several_executor_threads_still_finds_every_prime() {
    check::assert_blocking_on_several_threads_still_finds_every_prime(
        Runtime::Smol,
        EXE,
        "SMOL_THREADS",
    );
}
