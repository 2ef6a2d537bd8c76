//! work_queue through the real binary: the seed's three transcripts, and the blocking form's
//! times adding up. The `--trace` file tells the timing lines apart from the others.

use shared::expect::assert_transcript;
use shared::out::Trace;
use shared::{Mode, Program, Runtime};

/// Runs work_queue in `mode` at `scale` with a trace, checks it succeeded and that stdout is the
/// trace's lines, and returns the trace.
fn run_traced(mode: Mode, scale: &str) -> Trace {
    let args = ["--mode", mode.name(), "--scale", scale];
    shared::testing::run_traced(env!("CARGO_BIN_EXE_work_queue"), &args)
}

#[test]
fn count_lets_worker_one_drain_the_queue() {
    let trace = run_traced(Mode::Count, "1");
    assert_transcript(
        &trace.events,
        Program::WorkQueue,
        Runtime::Sync,
        Mode::Count,
    );
    assert_eq!(trace.events.last().unwrap().line, "Task Two nothing to do.");
}

#[test]
fn cooperative_tasks_interleave_as_the_seeds_generators() {
    let trace = run_traced(Mode::Cooperative, "1");
    assert_transcript(
        &trace.events,
        Program::WorkQueue,
        Runtime::Sync,
        Mode::Cooperative,
    );
}

#[test]
fn blocking_tasks_take_turns_and_the_delays_add_up() {
    let scale = 0.02;
    let trace = run_traced(Mode::Blocking, "0.02");
    assert_transcript(
        &trace.events,
        Program::WorkQueue,
        Runtime::Sync,
        Mode::Blocking,
    );
    // Each running line is followed by its elapsed time, items in queue order: the sleeps
    // happen one at a time, so each lasts at least its item.
    let timing: Vec<&str> = trace
        .events
        .iter()
        .filter(|e| e.timing)
        .map(|e| e.line.as_str())
        .collect();
    assert_eq!(timing.len(), 5, "{timing:#?}");
    for ((line, worker), item) in timing
        .iter()
        .zip(["One", "Two", "One", "Two"])
        .zip(shared::catalogue::work_queue::ITEMS)
    {
        let prefix = format!("Task {worker} elapsed time ");
        let secs: f64 = line
            .strip_prefix(&prefix)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{line:?}"));
        assert!(secs >= item as f64 * scale, "{line}");
    }
    let total: f64 = timing[4]
        .strip_prefix("Total Time elapsed: ")
        .and_then(|s| s.strip_suffix(" seconds"))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{:?}", timing[4]));
    assert!(total >= 32.0 * scale, "{total}");
    assert!(trace.summary.elapsed_us as f64 >= 32.0 * scale * 1e6);
}
