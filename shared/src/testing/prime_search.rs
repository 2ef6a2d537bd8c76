//! The checks the real-time runtimes' `prime_search` tests share (async-std and smol): the
//! concurrent order, the blocking mistake on one executor thread and on several, and the
//! offloaded fix. A runtime's `tests/prime_search.rs` calls each with what differs: the
//! runtime, a closure that runs the program's future on it, the binary
//! (`env!("CARGO_BIN_EXE_prime_search")`) and the environment variable that sets its number of
//! threads.

use super::{run_blocking_on_threads, run_in_process};
use crate::expect::{assert_transcript, transcript};
use crate::{Mode, NoOpts, Program, Run, Runtime};

/// The sequential transcript's lines under `runtime`, one after another.
pub fn sequential_lines(runtime: Runtime) -> Vec<String> {
    transcript(Program::PrimeSearch, runtime, Mode::Sequential)
        .unwrap()
        .concat()
}

/// The milliseconds of a `Took X ms` line.
pub fn took_ms(line: &str) -> f64 {
    line.strip_prefix("Took ")
        .and_then(|rest| rest.strip_suffix(" ms"))
        .and_then(|ms| ms.parse().ok())
        .unwrap_or_else(|| panic!("not a Took line: {line}"))
}

/// `--mode concurrent` and `--mode offload` at scale 5 print the transcript's order and take
/// at least the longest search.
pub fn assert_concurrent_and_offloaded_searches_overlap(
    runtime: Runtime,
    block_on: impl Fn(Run<NoOpts>) -> anyhow::Result<()>,
) {
    // At scale 5 a pause is 50 ms: the first ▷ comes 100 ms after the ▶ lines, and the other
    // two 300 ms and 900 ms after it.
    let scale = 5.0;
    for mode in [Mode::Concurrent, Mode::Offload] {
        let out = run_in_process(
            Program::PrimeSearch,
            runtime,
            mode,
            scale,
            NoOpts {},
            &block_on,
        );
        assert_transcript(&out.recorded(), Program::PrimeSearch, runtime, mode);
        let ms = took_ms(out.lines().last().unwrap());
        assert!(ms >= 260.0 * scale, "{mode}: {ms} ms");
    }
}

/// `--mode sequential` at scale 0.1 prints in call order and takes the sum of the searches.
pub fn assert_sequential_searches_print_in_call_order(
    runtime: Runtime,
    block_on: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) {
    let scale = 0.1;
    let out = run_in_process(
        Program::PrimeSearch,
        runtime,
        Mode::Sequential,
        scale,
        NoOpts {},
        block_on,
    );
    assert_transcript(
        &out.recorded(),
        Program::PrimeSearch,
        runtime,
        Mode::Sequential,
    );
    assert!(took_ms(out.lines().last().unwrap()) >= 360.0 * scale);
}

/// `exe --mode blocking --scale 0.1` with `threads_var=1` (the variable that sets the
/// runtime's number of threads): the searches run one after another, in the sequential order.
pub fn assert_blocking_on_one_thread_serialises_the_searches(
    runtime: Runtime,
    exe: &str,
    threads_var: &str,
) {
    let scale = 0.1;
    let mut lines = run_blocking_on_threads(exe, scale, threads_var, "1");
    let took = lines.pop().unwrap();
    // Each task runs from ▶ to ▷ without letting the others in.
    assert_eq!(lines, sequential_lines(runtime));
    assert!(took_ms(&took) >= 360.0 * scale, "{took}");
}

/// `exe --mode blocking --scale 0.2` with `threads_var=3`: every search still prints its ▶
/// before its ▷.
pub fn assert_blocking_on_several_threads_still_finds_every_prime(
    runtime: Runtime,
    exe: &str,
    threads_var: &str,
) {
    // Which searches overlap depends on the threads: only what holds on any number is checked.
    let scale = 0.2;
    let mut lines = run_blocking_on_threads(exe, scale, threads_var, "3");
    let took = lines.pop().unwrap();
    // Each search prints its ▶ before its ▷.
    for pair in sequential_lines(runtime).chunks(2) {
        let position = |line: &String| lines.iter().position(|l| l == line);
        let (start, found) = (position(&pair[0]), position(&pair[1]));
        assert!(
            start.is_some() && found.is_some() && start < found,
            "{pair:?} in {lines:#?}"
        );
    }
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert!(took_ms(&took) >= 260.0 * scale, "{took}");
}
