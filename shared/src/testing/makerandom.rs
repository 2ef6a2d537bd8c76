//! What the real-time runtimes' `makerandom` tests (async-std and smol) check of a run.
//!
//! The three tasks share one generator, so who draws when decides who gets which number, and
//! at the instants where two sleeps end together in the seed's arithmetic, real time decides
//! (see the program's documentation): the exact transcript is checked under tokio's paused
//! clock, where those ties are exact. [`assert_certain`] checks what is certain whatever the
//! timing: the tasks start in index order, the numbers come in the generator's order, each
//! task retries while its number is at or below its threshold and finishes once, and the
//! run lasts at least as long as each task's pauses.

use std::time::Duration;

use super::run_in_process;
use crate::catalogue::makerandom::{TASKS, pause_secs, threshold};
use crate::expect::makerandom_line;
use crate::random::PyRandom;
use crate::{MakerandomOpts, Mode, Out, Program, Run, Runtime};

/// What one printed line says: which task, and the number it drew (`None`: `Initiated`).
pub fn parse(line: &str) -> (usize, Option<i64>) {
    let idx_of = |rest: &str| rest[..1].parse::<usize>().expect("a task index");
    if let Some(rest) = line.strip_prefix("Initiated makerandom(") {
        (idx_of(rest), None)
    } else if let Some(rest) = line.strip_prefix("---> Finished: makerandom(") {
        let n = rest.rsplit(" == ").next().unwrap().parse().unwrap();
        (idx_of(rest), Some(n))
    } else if let Some(rest) = line.strip_prefix("makerandom(") {
        let n = rest
            .trim_end_matches(" too low; retrying.")
            .rsplit(" == ")
            .next()
            .unwrap()
            .parse()
            .unwrap();
        (idx_of(rest), Some(n))
    } else {
        panic!("not a makerandom line: {line:?}")
    }
}

/// Runs makerandom with `seed` at `scale` in this process through `block_on` (which runs the
/// program's future on `runtime`), and returns its sink.
pub fn run_makerandom(
    runtime: Runtime,
    block_on: impl FnOnce(Run<MakerandomOpts>) -> anyhow::Result<()>,
    seed: u64,
    scale: f64,
) -> Out {
    let opts = MakerandomOpts { seed };
    run_in_process(
        Program::Makerandom,
        runtime,
        Mode::Concurrent,
        scale,
        opts,
        block_on,
    )
}

/// The seed's seed (444) at scale 0.01 through `block_on`: what is certain holds.
pub fn assert_the_seeds_seed_follows_the_rules(
    runtime: Runtime,
    block_on: impl FnOnce(Run<MakerandomOpts>) -> anyhow::Result<()>,
) {
    let out = run_makerandom(runtime, block_on, 444, 0.01);
    assert_certain(&out, 444, 0.01);
}

/// Other seeds (0, 7, 2024) at scale 0.002 through `block_on`: the same rules hold.
pub fn assert_other_seeds_follow_the_same_rules(
    runtime: Runtime,
    block_on: impl Fn(Run<MakerandomOpts>) -> anyhow::Result<()>,
) {
    for seed in [0, 7, 2024] {
        let out = run_makerandom(runtime, &block_on, seed, 0.002);
        assert_certain(&out, seed, 0.002);
    }
}

/// Asserts what is certain of a run with `seed` at `scale` (see the module documentation).
pub fn assert_certain(out: &Out, seed: u64, scale: f64) {
    let lines = out.lines();
    let retries = assert_certain_lines(&lines, seed);
    // Each task paused after every retry.
    for (idx, retries) in retries.into_iter().enumerate() {
        let pauses = Duration::from_secs_f64(f64::from(retries) * pause_secs(idx) * scale);
        assert!(
            out.elapsed() >= pauses,
            "task {idx}: {:?} < {pauses:?}",
            out.elapsed()
        );
    }
    // Each task's lines are tagged with its name for the trace.
    assert!(out.recorded().iter().all(|e| e.line.contains(&e.task)));
}

/// What is certain of the printed `lines` alone, whoever printed them (a Rust run or the
/// Python port): the tasks start in index order, the numbers come in the generator's order,
/// each task retries while its number is at or below its threshold and finishes once.
/// Returns each task's retries.
pub fn assert_certain_lines(lines: &[String], seed: u64) -> [u32; TASKS] {
    // The tasks start in index order, each drawing once before the next starts.
    for idx in 0..TASKS {
        assert_eq!(
            lines[2 * idx],
            format!("Initiated makerandom({idx})."),
            "{lines:#?}"
        );
        assert_eq!(parse(&lines[2 * idx + 1]).0, idx, "{lines:#?}");
    }
    let mut rng = PyRandom::new(seed);
    let mut retries = [0u32; TASKS];
    let mut finished = [false; TASKS];
    for line in lines {
        match parse(line) {
            (_, None) => {}
            (idx, Some(n)) => {
                assert!(!finished[idx], "{line} after the task finished: {lines:#?}");
                // The numbers come in the generator's order, whoever draws them.
                assert_eq!(n, rng.randint(0, 10), "{line}: {lines:#?}");
                // Too low at or below the threshold, finished above it.
                assert_eq!(*line, makerandom_line(idx, n));
                if n > threshold(idx) {
                    finished[idx] = true;
                } else {
                    retries[idx] += 1;
                }
            }
        }
    }
    assert_eq!(finished, [true; TASKS], "{lines:#?}");
    retries
}
