//! The checks the real-time runtimes' `work_queue` tests share (async-std and smol): what is
//! certain about who takes which item at a small scale, and the blocking mistake on one
//! executor thread and on two. A runtime's `tests/work_queue.rs` calls each with what differs:
//! the runtime and a closure that runs the program's future on it, or the binary
//! (`env!("CARGO_BIN_EXE_work_queue")`) and the environment variable that sets its number of
//! threads.

use super::{run_blocking_on_threads, run_in_process};
use crate::{Mode, NoOpts, Program, Run, Runtime};

/// How many `Task {name} running` lines there are.
pub fn running(lines: &[String], name: &str) -> usize {
    let line = format!("Task {name} running");
    lines.iter().filter(|l| **l == line).count()
}

/// The seconds of every `... elapsed time: X` line, and of the total.
pub fn elapsed_secs(lines: &[String]) -> (Vec<f64>, f64) {
    let per_item = lines
        .iter()
        .filter_map(|l| l.split_once(" elapsed time: "))
        .map(|(_, secs)| secs.parse().unwrap())
        .collect();
    let last = lines.last().expect("some output");
    let total = last
        .strip_prefix("Total Time elapsed: ")
        .and_then(|rest| rest.strip_suffix(" seconds"))
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("not a total line: {last}"));
    (per_item, total)
}

/// A line without its measured number: `Task One elapsed time: 0.75` → `Task One elapsed`.
pub fn shape(line: &str) -> String {
    match line.split_once(" elapsed time: ") {
        Some((who, _)) => format!("{who} elapsed"),
        None => line.to_string(),
    }
}

/// `--mode async` in real time at scale 0.05: the two workers share the queue, in the only
/// orders the timeline allows, and their sleeps overlap.
pub fn assert_async_workers_share_the_queue(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    // At scale 0.05 the events that must come apart (Two's 10 s and One's 15 s) are 250 ms
    // apart; only the ties are left open.
    let scale = 0.05;
    let lines = run_in_process(
        Program::WorkQueue,
        runtime,
        Mode::Async,
        scale,
        NoOpts {},
        block_on,
    )
    .lines();
    assert_async_lines_share_the_queue(&lines, scale);
}

/// What `--mode async` printed at `scale` (its `lines`, from the binary, its standalone
/// example or a captured run): the two workers share the queue in the only orders the timeline
/// allows, and their sleeps overlap.
pub fn assert_async_lines_share_the_queue(lines: &[String], scale: f64) {
    let shapes: Vec<String> = lines.iter().map(|l| shape(l)).collect();
    assert_eq!(shapes.len(), 9, "{lines:#?}");
    // t = 0: both start, a tie, and on a pool of several threads even which worker takes the
    // first item (the 15) is a race: One usually, being spawned first, but not always.
    let mut first_two = shapes[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["Task One running", "Task Two running"]);
    // t = 10 s: whoever took the 10 is done with it, and takes the 5.
    let ten = if shapes[2] == "Task One elapsed" {
        "One"
    } else {
        "Two"
    };
    assert_eq!(
        shapes[2..4],
        [format!("Task {ten} elapsed"), format!("Task {ten} running")],
        "{lines:#?}"
    );
    // t = 15 s: the 15 and the 5 finish together; whoever comes first takes the last item,
    // the other stops.
    let taker = if shapes[4..7].contains(&"Task One running".to_string()) {
        "One"
    } else {
        "Two"
    };
    let other = if taker == "One" { "Two" } else { "One" };
    let (done, next, stops) = (
        format!("Task {taker} elapsed"),
        format!("Task {taker} running"),
        format!("Task {other} elapsed"),
    );
    let orders = [
        [&done, &next, &stops],
        [&done, &stops, &next],
        [&stops, &done, &next],
    ];
    assert!(
        orders.iter().any(|o| o.iter().copied().eq(&shapes[4..7])),
        "{lines:#?}"
    );
    // t = 17 s: the last item is done.
    assert_eq!(shapes[7], done);
    // Every item was slept in full; the sleeps overlapped.
    let (per_item, total) = elapsed_secs(lines);
    assert_eq!(per_item.len(), 4);
    assert!(per_item.iter().sum::<f64>() >= 32.0 * scale, "{lines:#?}");
    assert!((17.0 * scale..32.0 * scale).contains(&total), "{lines:#?}");
}

/// `exe --mode blocking --scale 0.02` with `threads_var=1` (the variable that sets the
/// runtime's number of threads): worker One blocks the only thread and takes every item.
pub fn assert_blocking_on_one_thread_lets_worker_one_take_everything(exe: &str, threads_var: &str) {
    let scale = 0.02;
    let lines = run_blocking_on_threads(exe, scale, threads_var, "1");
    // One blocks the only thread; when an item is waiting, recv() returns without yielding.
    assert_eq!(running(&lines, "One"), 4, "{lines:#?}");
    assert_eq!(running(&lines, "Two"), 0, "{lines:#?}");
    let (_, total) = elapsed_secs(&lines);
    assert!(total >= 32.0 * scale, "{lines:#?}");
}

/// `exe --mode blocking --scale 0.1` with `threads_var=2`: both workers take items, and the
/// two blocked threads overlap (17 s of story, not 32).
pub fn assert_blocking_on_two_threads_blocks_two_threads_at_once(exe: &str, threads_var: &str) {
    let scale = 0.1;
    let lines = run_blocking_on_threads(exe, scale, threads_var, "2");
    assert!(
        running(&lines, "One") >= 1 && running(&lines, "Two") >= 1,
        "{lines:#?}"
    );
    assert_eq!(running(&lines, "One") + running(&lines, "Two"), 4);
    // 17 s of story when the two threads overlap; one thread would need all 32 s.
    let (_, total) = elapsed_secs(&lines);
    assert!((17.0 * scale..32.0 * scale).contains(&total), "{lines:#?}");
}
