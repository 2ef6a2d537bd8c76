//! The concept programs under async-std: the facts they print (which future ran, which task was
//! detached or cancelled, which job finished first), through the library, the `Concepts` trait
//! and the real binaries. async-std has no paused clock: these run in real time, with bounds
//! generous enough for a loaded machine.

use std::time::Duration;

use examples_async_std::AsyncStd;
use shared::concepts::{assert_offload_beats_blocking, check_every_concept};
use shared::expect::assert_transcript;
use shared::out::Trace;
use shared::testing::run_bin;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// A captured run of a concept at `scale`.
fn run(program: Program, scale: f64) -> Run<NoOpts> {
    Run::capture(
        program,
        Runtime::AsyncStd,
        Mode::Concurrent,
        scale,
        NoOpts {},
    )
}

/// When `line` was printed.
fn at(out: &Out, line: &str) -> Duration {
    let event = out.recorded().into_iter().find(|e| e.line == line);
    Duration::from_micros(event.unwrap_or_else(|| panic!("no {line:?}")).t_us)
}

/// Asserts `t` is `secs` (scaled) or later, and not more than a generous second after.
#[track_caller]
fn assert_about(t: Duration, secs: f64, scale: f64) {
    let ideal = Duration::from_secs_f64(secs * scale);
    assert!(
        t >= ideal && t < ideal + Duration::from_secs(1),
        "{t:?}, expected {ideal:?} or a little later"
    );
}

#[test]
fn lazy_futures_run_only_when_polled_and_a_dropped_join_handle_detaches() {
    let run = run(Program::LazyFutures, 0.2);
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::lazy_futures::run(run)).unwrap();
    assert_transcript(
        &out.recorded(),
        Program::LazyFutures,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    let lines = out.lines();
    assert_eq!(lines[0], "created the future: nothing ran yet");
    assert!(lines.contains(&"dropped the JoinHandle: it ran to the end (detached)".into()));
    assert!(
        lines.contains(&"cancelled the JoinHandle: it was cancelled before it finished".into())
    );
    // Only the task that was let go ran its nap to the end.
    assert_eq!(lines.iter().filter(|l| *l == "nap() finished").count(), 1);
    assert_about(out.elapsed(), 1.0, 0.2);
}

#[test]
fn wait_vs_gather_gathers_in_order_takes_the_first_and_cancels_the_rest() {
    let scale = 0.2;
    let run = run(Program::WaitVsGather, scale);
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::wait_vs_gather::run(run)).unwrap();
    assert_transcript(
        &out.recorded(),
        Program::WaitVsGather,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    // gather waits for the slowest job, then hands the results over in the order asked.
    let gathered = "gathered [slow, fast, medium]: the order asked, not the order finished";
    assert_about(at(&out, gathered), 1.5, scale);
    // The first to complete is fast; the other two are cancelled right then.
    let first = at(&out, "first completed: fast");
    assert_about(first - at(&out, gathered), 0.5, scale);
    assert!(at(&out, "medium: cancelled before it finished") >= first);
    // Cancelled, medium and slow never printed `finished` again: once each, in the gather
    // round; fast finished in both rounds.
    let count = |line: &str| out.lines().iter().filter(|l| *l == line).count();
    assert_eq!(
        (
            count("fast finished"),
            count("medium finished"),
            count("slow finished")
        ),
        (2, 1, 1)
    );
    // After the 1.5 s wait, the timeout fires 1 s into the slow job's 1.5 s.
    let timed_out = at(&out, "timed out: slow was dropped before it finished");
    assert_about(timed_out - first, 1.5 + 1.0, scale);
    assert_about(out.elapsed(), 4.5, scale);
}

#[test]
fn run_in_executor_offloaded_beats_the_blocking_mistake() {
    let run = run(Program::RunInExecutor, 1.0);
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::run_in_executor::run(run)).unwrap();
    assert_transcript(
        &out.recorded(),
        Program::RunInExecutor,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    assert_offload_beats_blocking(&out.recorded(), 1.0);
}

#[test]
fn every_concept_through_the_trait() {
    check_every_concept(&AsyncStd, 1.0);
}

/// Runs a concept binary with `--trace` and checks its transcript from the trace.
fn check_binary(exe: &str, program: Program, scale: &str) {
    let trace =
        std::env::temp_dir().join(format!("async-std-{program}-{}.jsonl", std::process::id()));
    let trace_arg = trace.to_str().unwrap();
    let run = run_bin(
        exe,
        &["--scale", scale, "--trace", trace_arg],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{run:?}");
    let recorded = Trace::read(&trace).unwrap();
    std::fs::remove_file(&trace).unwrap();
    // stdout carries exactly the traced lines.
    let traced: Vec<String> = recorded.events.iter().map(|e| e.line.clone()).collect();
    assert_eq!(run.lines(), traced);
    assert_transcript(
        &recorded.events,
        program,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
}

#[test]
fn the_binaries_print_their_transcripts() {
    check_binary(
        env!("CARGO_BIN_EXE_lazy_futures"),
        Program::LazyFutures,
        "0.2",
    );
    check_binary(
        env!("CARGO_BIN_EXE_wait_vs_gather"),
        Program::WaitVsGather,
        "0.2",
    );
    // At scale 1: the offloaded searches finish 60 ms apart, which a loaded machine keeps.
    check_binary(
        env!("CARGO_BIN_EXE_run_in_executor"),
        Program::RunInExecutor,
        "1",
    );
}
