//! makerandom under tokio's paused clock: the exact transcript of CPython's event loop and
//! the exact virtual elapsed time.
//!
//! The three tasks share one generator, so the order in which they draw decides every number
//! they print. Under the paused clock (`start_paused = true`, current-thread runtime) sleeps
//! that end at the same instant end at exactly the same virtual instant: these tests check
//! that at such ties the program still draws in CPython's order (the task whose sleep started
//! first draws first), which `shared::catalogue::makerandom::schedule` models.

use shared::catalogue::makerandom::{ideal_concurrent, schedule};
use shared::expect::makerandom_line;
use shared::{MakerandomOpts, Mode, Program};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused_with};

/// What CPython prints for `seed`: the catalogue's model of its event loop.
fn cpython_lines(seed: u64) -> Vec<String> {
    let mut lines = Vec::new();
    for draw in schedule(seed) {
        if draw.at == 0.0 {
            lines.push(format!("Initiated makerandom({}).", draw.idx));
        }
        lines.push(makerandom_line(draw.idx, draw.value));
    }
    lines
}

// Paused clock: every tie between sleeps is exact, and the elapsed time is exactly 12 s.
#[tokio::test(start_paused = true)]
async fn makerandom_prints_the_seeds_transcript_in_twelve_seconds() {
    let out = run_paused_with(
        Program::Makerandom,
        Mode::Concurrent,
        1.0,
        MakerandomOpts { seed: 444 },
        examples_tokio::makerandom::run,
    )
    .await;
    // Every line has its place: the transcript has no ties (see the module documentation).
    assert_transcript(&out, Program::Makerandom, Mode::Concurrent);
    assert_ideal(&out, Program::Makerandom, Mode::Concurrent);
    // The seed's own transcript from its seventh line on (it started the tasks 2, 1, 0).
    let lines = out.lines();
    assert_eq!(lines[6], "makerandom(0) == 4 too low; retrying.");
    assert_eq!(lines[11], "---> Finished: makerandom(1) == 10");
    assert_eq!(lines[18], "---> Finished: makerandom(2) == 9");
    assert_eq!(lines.last().unwrap(), "---> Finished: makerandom(0) == 10");
    // Each task's lines are tagged with its name for the trace.
    let events = out.recorded();
    assert!(
        events
            .iter()
            .all(|e| e.line.contains(&e.task) && e.task.starts_with("makerandom("))
    );
}

// Paused clock: other seeds make other ties; each must break the way CPython breaks it.
#[tokio::test(start_paused = true)]
async fn makerandom_draws_in_cpythons_order_for_other_seeds_too() {
    for seed in [0, 1, 7, 42, 2024, 123_456_789] {
        let start = tokio::time::Instant::now();
        let out = run_paused_with(
            Program::Makerandom,
            Mode::Concurrent,
            1.0,
            MakerandomOpts { seed },
            examples_tokio::makerandom::run,
        )
        .await;
        assert_eq!(out.lines(), cpython_lines(seed), "seed {seed}");
        assert_eq!(
            start.elapsed().as_secs_f64(),
            ideal_concurrent(seed),
            "seed {seed}"
        );
    }
}
