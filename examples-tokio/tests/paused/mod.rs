//! What the tokio tests share: a program run whose output sink reads tokio's clock, and the
//! checks such a run makes. Under `#[tokio::test(start_paused = true)]` (current-thread
//! runtime) that clock stands still and jumps to the next timer whenever every task is idle,
//! so every printed line carries its exact virtual time and a run takes exactly its ideal time;
//! each test file says why its tests pause the clock. Each test file uses part of this module.
#![allow(dead_code)]

use std::future::Future;

use shared::{Mode, Out, Program, Run, Runtime};

/// A run of `program` in `mode` at `scale` with `opts` whose sink reads tokio's clock.
pub fn paused_run<O>(program: Program, mode: Mode, scale: f64, opts: O) -> Run<O> {
    let out = Out::capture_with_clock(|| tokio::time::Instant::now().into_std());
    Run::capture(program, Runtime::Tokio, mode, scale, opts).with_out(out)
}

/// Runs `body` (the program's `run`) on [`paused_run`]`(program, mode, scale, opts)` to its
/// end, and returns the sink with what it printed. Fails the test if the program fails.
pub async fn run_paused_with<O, F>(
    program: Program,
    mode: Mode,
    scale: f64,
    opts: O,
    body: impl FnOnce(Run<O>) -> F,
) -> Out
where
    F: Future<Output = anyhow::Result<()>>,
{
    let run = paused_run(program, mode, scale, opts);
    let out = run.out.clone();
    body(run).await.unwrap();
    out
}

/// [`run_paused_with`] at scale 1 with the program's default options.
pub async fn run_paused<O: Default, F>(
    program: Program,
    mode: Mode,
    body: impl FnOnce(Run<O>) -> F,
) -> Out
where
    F: Future<Output = anyhow::Result<()>>,
{
    run_paused_with(program, mode, 1.0, O::default(), body).await
}

/// `out` printed the transcript of `program` in `mode` under tokio
/// ([`shared::expect::assert_transcript`]).
#[track_caller]
pub fn assert_transcript(out: &Out, program: Program, mode: Mode) {
    shared::expect::assert_transcript(&out.recorded(), program, Runtime::Tokio, mode);
}

/// `out`'s elapsed (virtual) time is exactly the catalogue's ideal for `program` in `mode`.
#[track_caller]
pub fn assert_ideal(out: &Out, program: Program, mode: Mode) {
    assert_eq!(
        out.elapsed(),
        program.ideal(mode).unwrap(),
        "{program} --mode {mode}"
    );
}
