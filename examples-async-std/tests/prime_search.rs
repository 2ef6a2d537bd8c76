//! prime_search under async-std, in real time: the concurrent order, the blocking mistake on a
//! pool of one thread and of several, and the offloaded fix. The checks are
//! shared with smol's (`shared::testing::prime_search`); this file says how to run them here.

use shared::Runtime;
use shared::testing::prime_search as check;

const EXE: &str = env!("CARGO_BIN_EXE_prime_search");

#[test]
fn concurrent_and_offloaded_searches_overlap() {
    check::assert_concurrent_and_offloaded_searches_overlap(Runtime::AsyncStd, |run| {
        async_std::task::block_on(examples_async_std::prime_search::run(run))
    });
}

#[test]
fn sequential_searches_print_in_call_order() {
    check::assert_sequential_searches_print_in_call_order(Runtime::AsyncStd, |run| {
        async_std::task::block_on(examples_async_std::prime_search::run(run))
    });
}

#[test]
fn blocking_on_one_pool_thread_serialises_the_searches() {
    check::assert_blocking_on_one_thread_serialises_the_searches(
        Runtime::AsyncStd,
        EXE,
        "ASYNC_STD_THREAD_COUNT",
    );
}

#[test]
fn blocking_on_several_pool_threads_still_finds_every_prime() {
    check::assert_blocking_on_several_threads_still_finds_every_prime(
        Runtime::AsyncStd,
        EXE,
        "ASYNC_STD_THREAD_COUNT",
    );
}
