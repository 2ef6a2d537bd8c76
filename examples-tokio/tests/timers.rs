//! timers under tokio: in real time on both schedulers (every form's lines, no tick early, the
//! naive loop a whole period per sleep, `interval` and `deadline` on their grid, the drift
//! reported; the checks are shared with every runtime, `shared::testing::timers`), and under
//! the paused clock, where tokio's millisecond rounding is the only lateness left and the
//! drift of each form is exact.

use shared::cli::Flavor;
use shared::mistakes::read_report;
use shared::testing::timers::check_every_mode;
use shared::{Mode, NoOpts, Out, Program, Run, Runtime};

#[test]
fn every_form_on_the_multi_thread_runtime() {
    check_every_mode(Runtime::Tokio, |run| {
        examples_tokio::runtime(Flavor::MultiThread)?.block_on(examples_tokio::timers::run(run))
    });
}

#[test]
fn every_form_on_the_current_thread_runtime() {
    check_every_mode(Runtime::Tokio, |run| {
        examples_tokio::runtime(Flavor::CurrentThread)?.block_on(examples_tokio::timers::run(run))
    });
}

#[test]
fn help_lists_the_forms() {
    shared::testing::cli::assert_help_lists_modes(
        env!("CARGO_BIN_EXE_timers"),
        shared::Program::Timers.modes(Runtime::Tokio),
    );
}

/// Runs timers in `mode` at `scale` under the paused clock of the calling test's runtime and
/// returns the reported drift and mean lateness, in milliseconds.
async fn paused(mode: Mode, scale: f64) -> (f64, f64) {
    let out = Out::capture_with_clock(|| tokio::time::Instant::now().into_std());
    let run = Run::capture(Program::Timers, Runtime::Tokio, mode, scale, NoOpts {});
    examples_tokio::timers::run(run.with_out(out.clone()))
        .await
        .unwrap();
    let lines: Vec<String> = out.recorded().into_iter().map(|e| e.line).collect();
    read_report(&lines).expect("the drift and lateness lines")
}

// Paused clock: tokio jumps to each timer's deadline as its wheel sees it, rounded up to the
// next whole millisecond, and nothing else is late. With a period of 12.5 ms (scale 0.025),
// every naive sleep ends 0.5 ms late and the next one starts from there: ten of them drift
// exactly 5 ms. The grid forms' odd ticks are 0.5 ms late too, but the grid does not move:
// the tenth tick, at 125 ms, is on time.
#[tokio::test(start_paused = true)]
async fn the_millisecond_rounding_adds_up_in_the_naive_loop_only() {
    let (drift, lateness) = paused(Mode::Naive, 0.025).await;
    assert!((drift - 5.0).abs() < 1e-6, "naive drift {drift}");
    assert!((lateness - 0.5).abs() < 1e-6, "naive lateness {lateness}");
    for mode in [Mode::Interval, Mode::Deadline] {
        let (drift, lateness) = paused(mode, 0.025).await;
        assert!(drift.abs() < 1e-6, "{mode} drift {drift}");
        assert!((lateness - 0.25).abs() < 1e-6, "{mode} lateness {lateness}");
    }
}
