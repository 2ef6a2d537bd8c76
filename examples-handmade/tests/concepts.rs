//! The concept programs on the handmade runtime: the facts they print (which future ran, which task was
//! detached by dropping its `JoinHandle` or cancelled, which job finished first), through the
//! library, the `Concepts` trait and the real binaries. There is no paused clock: these
//! run in real time, with bounds generous enough for a loaded machine. The checks are shared
//! (`shared::testing::concepts`, with async-std); this file says how to run them here.

use examples_handmade::Handmade;
use examples_handmade::runtime;
use shared::Runtime;
use shared::concepts::check_every_concept;
use shared::testing::concepts as check;

#[test]
fn lazy_futures_run_only_when_polled_and_a_dropped_handle_detaches() {
    check::assert_lazy_futures_run_only_when_polled(
        Runtime::Handmade,
        |run| runtime::block_on(examples_handmade::lazy_futures::run(run)),
        [
            "dropped the JoinHandle: it ran to the end (detached)",
            "cancelled the JoinHandle: it was cancelled before it finished",
        ],
    );
}

#[test]
fn wait_vs_gather_gathers_in_order_takes_the_first_and_cancels_the_rest() {
    check::assert_wait_vs_gather_gathers_in_order_takes_the_first_and_cancels_the_rest(
        Runtime::Handmade,
        |run| runtime::block_on(examples_handmade::wait_vs_gather::run(run)),
    );
}

#[test]
fn run_in_executor_offloaded_beats_the_blocking_mistake() {
    check::assert_run_in_executor_offloaded_beats_the_blocking_mistake(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::run_in_executor::run(run))
    });
}

#[test]
fn every_concept_through_the_trait() {
    check_every_concept(&Handmade, 1.0);
}

#[test]
fn the_binaries_print_their_transcripts() {
    check::assert_the_binaries_print_their_transcripts(
        Runtime::Handmade,
        env!("CARGO_BIN_EXE_lazy_futures"),
        env!("CARGO_BIN_EXE_wait_vs_gather"),
        env!("CARGO_BIN_EXE_run_in_executor"),
    );
}
