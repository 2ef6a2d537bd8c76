//! prime_search under smol, in real time: the concurrent order, the blocking mistake on one
//! executor thread (smol's default) and on several, and the offloaded fix.

use std::time::Duration;

use shared::expect::{assert_transcript, transcript};
use shared::testing::run_bin_env;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

/// Runs prime_search in `mode` at `scale` in this process, and returns its sink.
fn run_search(mode: Mode, scale: f64) -> Out {
    let run = Run::capture(Program::PrimeSearch, Runtime::Smol, mode, scale, NoOpts {});
    let out = run.out.clone();
    smol::block_on(examples_smol::prime_search::run(run)).unwrap();
    out
}

/// The sequential transcript's lines, one after another.
fn sequential_lines() -> Vec<String> {
    transcript(Program::PrimeSearch, Runtime::Smol, Mode::Sequential)
        .unwrap()
        .concat()
}

/// The milliseconds of a `Took X ms` line.
fn took_ms(line: &str) -> f64 {
    line.strip_prefix("Took ")
        .and_then(|rest| rest.strip_suffix(" ms"))
        .and_then(|ms| ms.parse().ok())
        .unwrap_or_else(|| panic!("not a Took line: {line}"))
}

#[test]
fn concurrent_and_offloaded_searches_overlap() {
    // At scale 5 a pause is 50 ms: the first ▷ comes 100 ms after the ▶ lines, and the other
    // two 300 ms and 900 ms after it.
    let scale = 5.0;
    for mode in [Mode::Concurrent, Mode::Offload] {
        let out = run_search(mode, scale);
        assert_transcript(&out.recorded(), Program::PrimeSearch, Runtime::Smol, mode);
        let ms = took_ms(out.lines().last().unwrap());
        assert!(ms >= 260.0 * scale, "{mode}: {ms} ms");
    }
}

#[test]
fn sequential_searches_print_in_call_order() {
    let scale = 0.1;
    let out = run_search(Mode::Sequential, scale);
    assert_transcript(
        &out.recorded(),
        Program::PrimeSearch,
        Runtime::Smol,
        Mode::Sequential,
    );
    assert!(took_ms(out.lines().last().unwrap()) >= 360.0 * scale);
}

#[test]
fn blocking_on_one_executor_thread_serialises_the_searches() {
    let scale = 0.1;
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_prime_search"),
        &["--mode", "blocking", "--scale", "0.1"],
        &[("SMOL_THREADS", "1")],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let mut lines = run.lines();
    let took = lines.pop().unwrap();
    // Each task runs from ▶ to ▷ without letting the others in.
    assert_eq!(lines, sequential_lines());
    assert!(took_ms(&took) >= 360.0 * scale, "{took}");
}

#[test]
fn blocking_on_several_executor_threads_still_finds_every_prime() {
    // Which searches overlap depends on the threads: only what holds on any number is checked.
    let scale = 0.2;
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_prime_search"),
        &["--mode", "blocking", "--scale", "0.2"],
        &[("SMOL_THREADS", "3")],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let mut lines = run.lines();
    let took = lines.pop().unwrap();
    // Each search prints its ▶ before its ▷.
    for pair in sequential_lines().chunks(2) {
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
