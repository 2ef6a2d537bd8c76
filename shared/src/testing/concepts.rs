//! The checks the runtimes' `concepts` tests share: the real-time checks of the concept
//! programs run in this process (async-std and smol, which have no paused clock), and the real
//! binaries' transcripts read back from `--trace` (every async runtime). A runtime's
//! `tests/concepts.rs` calls each with what differs: the runtime and a closure that runs the
//! program's future on it, or the binaries (`env!("CARGO_BIN_EXE_…")`).

use std::time::Duration;

use super::{run_in_process, run_traced};
use crate::concepts::assert_offload_beats_blocking;
use crate::expect::assert_transcript;
use crate::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs the concept `program` at `scale` in this process through `block_on`, and returns its
/// sink.
fn run_concept(
    program: Program,
    runtime: Runtime,
    scale: f64,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) -> Out {
    run_in_process(
        program,
        runtime,
        Mode::Concurrent,
        scale,
        NoOpts {},
        block_on,
    )
}

/// When `line` was printed.
pub fn at(out: &Out, line: &str) -> Duration {
    let event = out.recorded().into_iter().find(|e| e.line == line);
    Duration::from_micros(event.unwrap_or_else(|| panic!("no {line:?}")).t_us)
}

/// Asserts `t` is `secs` (scaled) or later, and not more than a generous second after.
#[track_caller]
pub fn assert_about(t: Duration, secs: f64, scale: f64) {
    let ideal = Duration::from_secs_f64(secs * scale);
    assert!(
        t >= ideal && t < ideal + Duration::from_secs(1),
        "{t:?}, expected {ideal:?} or a little later"
    );
}

/// lazy_futures at scale 0.2 through `block_on` (which runs the program's future on
/// `runtime`): its transcript, nothing run at creation, the lines `let_go` (what the runtime
/// says of the task it dropped and of the one it let go, in the runtime's words), one nap
/// only run to the end, and (for the runtimes with an executor that lives as long as the
/// process, async-std's and smol's) the task left napping at the end never dropped.
pub fn assert_lazy_futures_run_only_when_polled(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
    let_go: [&str; 2],
) {
    let out = run_concept(Program::LazyFutures, runtime, 0.2, block_on);
    assert_transcript(
        &out.recorded(),
        Program::LazyFutures,
        runtime,
        Mode::Concurrent,
    );
    let lines = out.lines();
    assert_eq!(lines[0], "created the future: nothing ran yet");
    for line in let_go {
        assert!(lines.contains(&line.into()));
    }
    // Only the task that was let go ran its nap to the end.
    assert_eq!(lines.iter().filter(|l| *l == "nap() finished").count(), 1);
    // The task left napping for an hour: still alive, not dropped, after `block_on` returned.
    let dropped = crate::catalogue::lazy_futures::DROPPED_AT_SHUTDOWN;
    assert!(lines.contains(&crate::catalogue::lazy_futures::LEFT_NAPPING.into()));
    assert!(
        matches!(runtime, Runtime::Tokio | Runtime::Handmade)
            || !out.lines().contains(&dropped.into()),
        "{runtime:?}: its executor dropped the napping task"
    );
    assert_about(out.elapsed(), 1.0, 0.2);
}

/// wait_vs_gather's jobs: cancelled, medium and slow never printed `finished` again (once
/// each, in the gather round); fast finished in both rounds.
#[track_caller]
pub fn assert_cancelled_jobs_finished_once(out: &Out) {
    let count = |line: &str| out.lines().iter().filter(|l| *l == line).count();
    assert_eq!(
        (
            count("fast finished"),
            count("medium finished"),
            count("slow finished")
        ),
        (2, 1, 1)
    );
}

/// wait_vs_gather at scale 0.2 through `block_on`: gather hands the results over in the order
/// asked, the first completed is fast and the rest are cancelled, the timeout fires in time.
pub fn assert_wait_vs_gather_gathers_in_order_takes_the_first_and_cancels_the_rest(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let scale = 0.2;
    let out = run_concept(Program::WaitVsGather, runtime, scale, block_on);
    assert_transcript(
        &out.recorded(),
        Program::WaitVsGather,
        runtime,
        Mode::Concurrent,
    );
    // gather waits for the slowest job, then hands the results over in the order asked.
    let gathered = "gathered [slow, fast, medium]: the order asked, not the order finished";
    assert_about(at(&out, gathered), 1.5, scale);
    // The first to complete is fast; the other two are cancelled right then.
    let first = at(&out, "first completed: fast");
    assert_about(first - at(&out, gathered), 0.5, scale);
    assert!(at(&out, "medium: cancelled before it finished") >= first);
    assert_cancelled_jobs_finished_once(&out);
    // After the 1.5 s wait, the timeout fires 1 s into the slow job's 1.5 s.
    let timed_out = at(&out, "timed out: slow was dropped before it finished");
    assert_about(timed_out - first, 1.5 + 1.0, scale);
    assert_about(out.elapsed(), 4.5, scale);
}

/// run_in_executor at scale 1 through `block_on`: its transcript, and the offloaded searches
/// beat the blocking mistake.
pub fn assert_run_in_executor_offloaded_beats_the_blocking_mistake(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let out = run_concept(Program::RunInExecutor, runtime, 1.0, block_on);
    assert_transcript(
        &out.recorded(),
        Program::RunInExecutor,
        runtime,
        Mode::Concurrent,
    );
    assert_offload_beats_blocking(&out.recorded(), 1.0);
}

/// Runs a concept binary of `runtime` with `--trace` and checks its transcript from the trace.
pub fn check_binary(runtime: Runtime, exe: &str, program: Program, scale: &str) {
    let recorded = run_traced(exe, &["--scale", scale]);
    assert_transcript(&recorded.events, program, runtime, Mode::Concurrent);
}

/// The three concept binaries of `runtime` (lazy_futures, wait_vs_gather, run_in_executor)
/// print their transcripts, checked from `--trace`.
pub fn assert_the_binaries_print_their_transcripts(
    runtime: Runtime,
    lazy_futures: &str,
    wait_vs_gather: &str,
    run_in_executor: &str,
) {
    check_binary(runtime, lazy_futures, Program::LazyFutures, "0.2");
    check_binary(runtime, wait_vs_gather, Program::WaitVsGather, "0.2");
    // At scale 1: the offloaded searches finish 60 ms apart, which a loaded machine keeps.
    check_binary(runtime, run_in_executor, Program::RunInExecutor, "1");
}
