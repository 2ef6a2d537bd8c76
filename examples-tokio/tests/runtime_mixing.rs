//! runtime_mixing under tokio, in real time (the mistakes involve plain threads and the
//! blocking pool, which tokio's paused clock does not cover): a tokio future on a thread
//! without a runtime, and `Handle::block_on` inside a task, each caught by tokio's own message
//! and then fixed, on both schedulers and through the binary.

use shared::cli::Flavor;
use shared::testing::runtime_mixing as check;
use shared::{Mode, Runtime};

fn run_on(flavor: Flavor, mode: Mode) -> shared::Out {
    check::run(Runtime::Tokio, mode, |run| {
        examples_tokio::runtime(flavor)?.block_on(examples_tokio::runtime_mixing::run(run))
    })
}

#[test]
fn no_reactor_is_caught_and_fixed_on_both_schedulers() {
    for flavor in [Flavor::MultiThread, Flavor::CurrentThread] {
        let out = run_on(flavor, Mode::NoReactor);
        check::assert_the_panic_is_caught_and_the_fixes_run(Runtime::Tokio, Mode::NoReactor, &out);
        assert!(out.lines()[0].contains("on a plain thread"), "{flavor}");
    }
}

#[test]
fn nested_block_on_is_caught_and_fixed_on_both_schedulers() {
    for flavor in [Flavor::MultiThread, Flavor::CurrentThread] {
        let out = run_on(flavor, Mode::NestedBlockOn);
        check::assert_the_panic_is_caught_and_the_fixes_run(
            Runtime::Tokio,
            Mode::NestedBlockOn,
            &out,
        );
        assert!(out.lines()[0].contains("use `.await`"), "{flavor}");
    }
}

#[test]
fn the_binary_prints_its_transcript_and_no_panic_report() {
    check::assert_the_binary_prints_its_transcript(
        Runtime::Tokio,
        env!("CARGO_BIN_EXE_runtime_mixing"),
    );
}
