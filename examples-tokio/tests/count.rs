//! count under tokio's paused clock: the exact printed lines and the exact virtual elapsed time.
//!
//! With `start_paused = true` tokio's clock stands still and jumps straight to the next timer
//! whenever every task is idle, so a 17 s program runs in microseconds and its elapsed time is
//! exactly the sum of the sleeps on its critical path: no wall-clock flakiness. The paused
//! clock needs the current-thread runtime, which is what `#[tokio::test]` builds. The output
//! sink reads tokio's clock, so its elapsed time is virtual too.

use std::time::Duration;

use shared::expect::assert_transcript;
use shared::{CountOpts, Mode, Out, Program, Run, Runtime};

/// A run of `program` at scale 1 whose sink reads tokio's (paused) clock.
fn paused_run<O>(program: Program, mode: Mode, opts: O) -> Run<O> {
    let out = Out::capture_with_clock(|| tokio::time::Instant::now().into_std());
    Run::capture(program, Runtime::Tokio, mode, 1.0, opts).with_out(out)
}

/// Asserts the virtual elapsed time equals the catalogue's ideal.
#[track_caller]
fn assert_ideal(out: &Out, program: Program, mode: Mode) {
    assert_eq!(
        out.elapsed(),
        program.ideal(mode).unwrap(),
        "{program} --mode {mode}"
    );
}

#[tokio::test(start_paused = true)]
async fn count_concurrent_prints_one_one_one_two_two_two_in_one_second() {
    let run = paused_run(Program::Count, Mode::Concurrent, CountOpts::default());
    let out = run.out.clone();
    examples_tokio::count::run(run).await.unwrap();
    assert_transcript(
        &out.recorded(),
        Program::Count,
        Runtime::Tokio,
        Mode::Concurrent,
    );
    assert_eq!(out.lines().last().unwrap(), "executed in 1.00 seconds.");
    assert_ideal(&out, Program::Count, Mode::Concurrent);
}

#[tokio::test(start_paused = true)]
async fn count_sequential_alternates_in_three_seconds() {
    let run = paused_run(Program::Count, Mode::Sequential, CountOpts::default());
    let out = run.out.clone();
    examples_tokio::count::run(run).await.unwrap();
    assert_transcript(
        &out.recorded(),
        Program::Count,
        Runtime::Tokio,
        Mode::Sequential,
    );
    assert_ideal(&out, Program::Count, Mode::Sequential);
}

#[tokio::test(start_paused = true)]
async fn count_with_many_tasks_prints_a_summary_and_still_takes_one_second() {
    let run = paused_run(
        Program::Count,
        Mode::Concurrent,
        CountOpts { tasks: 10_000 },
    );
    let out = run.out.clone();
    examples_tokio::count::run(run).await.unwrap();
    assert_eq!(out.lines()[0], "10000 count() tasks printed One and Two");
    assert_eq!(out.elapsed(), Duration::from_secs(1));
}
