//! prime_search on the handmade runtime, in real time: the concurrent order, the blocking
//! mistake on the loop's one thread, and the offloaded fix. The checks are
//! shared with async-std's (`shared::testing::prime_search`); this file says how to run them here.

use examples_handmade::runtime;
use shared::Runtime;
use shared::testing::prime_search as check;

const EXE: &str = env!("CARGO_BIN_EXE_prime_search");

#[test]
fn concurrent_and_offloaded_searches_overlap() {
    check::assert_concurrent_and_offloaded_searches_overlap(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::prime_search::run(run))
    });
}

#[test]
fn sequential_searches_print_in_call_order() {
    check::assert_sequential_searches_print_in_call_order(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::prime_search::run(run))
    });
}

#[test]
fn blocking_on_one_executor_thread_serialises_the_searches() {
    check::assert_blocking_on_one_thread_serialises_the_searches(
        Runtime::Handmade,
        EXE,
        // The runtime reads no variable: it has one thread whatever the environment says.
        "HANDMADE_THREADS",
    );
}
