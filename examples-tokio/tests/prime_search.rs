//! prime_search under tokio: exact lines and virtual times under the paused clock, and the
//! blocking mistake and its fix.
//!
//! Why the paused clock: with `start_paused = true` tokio's clock stands still and jumps
//! straight to the next timer whenever every task is idle, so the pauses take no real time and
//! every line carries its exact virtual time. It needs the current-thread runtime, which is what
//! `#[tokio::test]` builds; the output sink reads tokio's clock. A blocking sleep does not move
//! that clock at all, which the blocking and offload tests show.

use std::time::{Duration, Instant};

use examples_tokio::prime_search;
use shared::expect::transcript;
use shared::testing::run_bin_env;
use shared::{Mode, NoOpts, Out, Program, Runtime};

mod paused;
use paused::{assert_ideal, assert_transcript, paused_run, run_paused};

/// The virtual time, in milliseconds, at which `line` was printed.
fn ms_of(out: &Out, line: &str) -> u64 {
    let event = out.recorded().into_iter().find(|e| e.line == line);
    event
        .unwrap_or_else(|| panic!("{line:?} never printed"))
        .t_us
        / 1000
}

// Paused clock: the three searches' pauses overlap in virtual time, exactly.
#[tokio::test(start_paused = true)]
async fn concurrent_searches_finish_1000_then_100000_then_10000_in_260_ms() {
    let out = run_paused(Program::PrimeSearch, Mode::Concurrent, prime_search::run).await;
    assert_transcript(&out, Program::PrimeSearch, Mode::Concurrent);
    assert_eq!(ms_of(&out, "▷ Highest prime below 1000 is 997"), 20);
    assert_eq!(ms_of(&out, "▷ Highest prime below 100000 is 99991"), 80);
    assert_eq!(ms_of(&out, "▷ Highest prime below 10000 is 9973"), 260);
    assert_eq!(out.lines().last().unwrap(), "Took 260.00 ms");
    assert_ideal(&out, Program::PrimeSearch, Mode::Concurrent);
}

// Paused clock: one search after another adds up all 36 pauses, exactly.
#[tokio::test(start_paused = true)]
async fn sequential_searches_take_360_ms() {
    let out = run_paused(Program::PrimeSearch, Mode::Sequential, prime_search::run).await;
    assert_transcript(&out, Program::PrimeSearch, Mode::Sequential);
    assert_eq!(out.lines().last().unwrap(), "Took 360.00 ms");
    assert_ideal(&out, Program::PrimeSearch, Mode::Sequential);
}

// Paused clock, to show what a blocking sleep does to it: std::thread::sleep never touches
// tokio's clock and no tokio timer is registered, so the exact virtual elapsed time is zero,
// while the real time is all 36 pauses one after another.
#[tokio::test(start_paused = true)]
async fn blocking_on_one_thread_serialises_the_searches() {
    let scale = 0.1;
    let run = paused_run(Program::PrimeSearch, Mode::Blocking, scale, NoOpts {});
    let out = run.out.clone();
    let real = Instant::now();
    examples_tokio::prime_search::run(run).await.unwrap();
    let real = real.elapsed();
    // Each task runs from ▶ to ▷ without letting the others in: the sequential transcript.
    let sequential = transcript(Program::PrimeSearch, Runtime::Tokio, Mode::Sequential).unwrap();
    let mut expected = sequential.concat();
    expected.push("Took 0.00 ms".to_string());
    assert_eq!(out.lines(), expected);
    assert_eq!(out.elapsed(), Duration::ZERO);
    assert!(real >= Duration::from_secs_f64(0.36 * scale), "{real:?}");
}

// Paused clock: the offloaded searches sleep on the blocking pool's threads, in real time,
// which tokio's paused clock does not see: the exact virtual elapsed time is zero. The order is
// the concurrent one, at a scale (5) that leaves the real threads 100 ms of margin.
#[tokio::test(start_paused = true)]
async fn offloaded_searches_overlap_again_on_one_thread() {
    let scale = 5.0;
    let run = paused_run(Program::PrimeSearch, Mode::Offload, scale, NoOpts {});
    let out = run.out.clone();
    let real = Instant::now();
    examples_tokio::prime_search::run(run).await.unwrap();
    let real = real.elapsed();
    assert_transcript(&out, Program::PrimeSearch, Mode::Offload);
    assert_eq!(out.elapsed(), Duration::ZERO);
    assert!(real >= Duration::from_secs_f64(0.26 * scale), "{real:?}");
}

/// The milliseconds of a `Took X ms` line.
fn took_ms(lines: &[String]) -> f64 {
    let last = lines.last().expect("some output");
    last.strip_prefix("Took ")
        .and_then(|rest| rest.strip_suffix(" ms"))
        .and_then(|ms| ms.parse().ok())
        .unwrap_or_else(|| panic!("not a Took line: {last}"))
}

#[test]
fn blocking_on_the_thread_pool_still_finds_every_prime() {
    // Which searches overlap depends on the pool: only what holds on any pool is checked.
    let scale = 0.5;
    let run = run_bin_env(
        env!("CARGO_BIN_EXE_prime_search"),
        &[
            "--mode",
            "blocking",
            "--flavor",
            "multi-thread",
            "--scale",
            "0.5",
        ],
        &[("TOKIO_WORKER_THREADS", "3")],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines.len(), 7, "{lines:#?}");
    for pair in transcript(Program::PrimeSearch, Runtime::Tokio, Mode::Sequential)
        .unwrap()
        .concat()
        .chunks(2)
    {
        let position = |line: &String| lines.iter().position(|l| l == line);
        let (start, found) = (position(&pair[0]), position(&pair[1]));
        assert!(
            start.is_some() && found.is_some() && start < found,
            "{pair:?} in {lines:#?}"
        );
    }
    assert!(took_ms(&lines) >= 260.0 * scale, "{lines:#?}");
}
