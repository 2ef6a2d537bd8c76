//! The checks every runtime's `timers` tests share, in real time (a timer's lateness is what
//! the program measures, so no paused clock): the printed lines of every mode, that no sleep
//! ends early, that each naive sleep lasts a whole period from the end of the last, that the
//! drift-free forms stay on their grid within generous bounds for a loaded machine, and that
//! the drift and lateness are reported. Exact figures belong to `cargo xtask compare`.

use std::time::Duration;

use crate::catalogue::timers::{PERIOD_SECS, SLEEPS, drifts};
use crate::expect::assert_transcript;
use crate::mistakes::read_report;
use crate::out::Event;
use crate::{Mode, NoOpts, Out, Program, Run, Runtime};

/// The scale of these checks: periods of 100 ms, a second per mode.
pub const SCALE: f64 = 0.2;

/// How far past its grid instant a drift-free tick may land on a loaded machine: a whole
/// period (100 ms; a busy 2-core machine can leave a woken thread unscheduled for tens of
/// milliseconds, but a form that stays on its grid catches up at the next tick).
fn slack() -> Duration {
    Duration::from_secs_f64(PERIOD_SECS * SCALE)
}

/// When `tick k` was printed.
fn tick_times(events: &[Event]) -> Vec<Duration> {
    (1..=SLEEPS)
        .map(|k| {
            let line = format!("tick {k}");
            let event = events.iter().find(|e| e.line == line);
            Duration::from_micros(event.unwrap_or_else(|| panic!("no {line:?}")).t_us)
        })
        .collect()
}

/// Runs timers in `mode` through `run_mode` (which runs the program on `runtime`) and checks
/// it; returns the reported drift and mean lateness, in milliseconds.
pub fn check_mode(
    runtime: Runtime,
    mode: Mode,
    run_mode: &impl Fn(Run<NoOpts>) -> anyhow::Result<()>,
) -> (f64, f64) {
    let run = Run::capture(Program::Timers, runtime, mode, SCALE, NoOpts {});
    let out: Out = run.out.clone();
    run_mode(run).unwrap_or_else(|e| panic!("timers --mode {mode} under {runtime}: {e:#}"));
    let events = out.recorded();
    assert_transcript(&events, Program::Timers, runtime, mode);
    let period = Duration::from_secs_f64(PERIOD_SECS * SCALE);
    let ticks = tick_times(&events);
    for (k, &t) in (1..).zip(&ticks) {
        // No timer fires early (the sink's clock starts a hair before the loop's).
        assert!(
            t >= period * k,
            "{runtime} {mode}: tick {k} at {t:?}, before {:?}",
            period * k
        );
        if !drifts(runtime, mode) {
            // On the grid: late by at most one wake-up, never by an accumulated sum.
            assert!(
                t < period * k + slack(),
                "{runtime} {mode}: tick {k} at {t:?}, off its grid instant {:?}",
                period * k
            );
        }
    }
    if drifts(runtime, mode) {
        // Each sleep is a whole period from the end of the last (1 ms for clock reads).
        for (k, pair) in (2..).zip(ticks.windows(2)) {
            assert!(
                pair[1] - pair[0] + Duration::from_millis(1) >= period,
                "{runtime} {mode}: tick {k} only {:?} after the last",
                pair[1] - pair[0]
            );
        }
    }
    let timing: Vec<String> = events
        .iter()
        .filter(|e| e.timing)
        .map(|e| e.line.clone())
        .collect();
    let (drift, lateness) = read_report(&timing)
        .unwrap_or_else(|| panic!("{runtime} {mode}: no drift and lateness lines in {timing:?}"));
    assert!(
        drift >= 0.0 && lateness >= 0.0,
        "{runtime} {mode}: {timing:?}"
    );
    if !drifts(runtime, mode) {
        assert!(
            drift < slack().as_secs_f64() * 1e3,
            "{runtime} {mode}: drift {drift} ms"
        );
    }
    (drift, lateness)
}

/// [`check_mode`] for every mode `runtime` has.
pub fn check_every_mode(runtime: Runtime, run_mode: impl Fn(Run<NoOpts>) -> anyhow::Result<()>) {
    for &mode in Program::Timers.modes(runtime) {
        let (drift, lateness) = check_mode(runtime, mode, &run_mode);
        eprintln!(
            "{runtime} timers --mode {mode}: drift {drift:+.3} ms, lateness {lateness:.3} ms"
        );
    }
}
