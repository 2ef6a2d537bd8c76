//! The checks every async runtime's `runtime_mixing` tests share: each mistake's panic is
//! caught with tokio's own message (checked by its stable phrase), each fix runs to its end,
//! the blocked worker is measured (the mistake takes at least the naps one after another, a
//! certain bound; the fix well under that, a generous one), and the binaries print their
//! transcripts with nothing on stderr (the expected panics are not reported).

use std::time::Duration;

use super::run_bin;
use crate::catalogue::runtime_mixing::{NAP_SECS, TASKS};
use crate::expect::assert_transcript;
use crate::out::{Event, Trace};
use crate::{Mode, NoOpts, Out, Program, Run, Runtime};

/// The scale of these checks: naps of 100 ms.
pub const SCALE: f64 = 0.2;

/// The stable phrase of each mistake's panic.
pub fn phrase(mode: Mode) -> &'static str {
    match mode {
        Mode::NestedBlockOn => "Cannot start a runtime from within a runtime",
        _ => "there is no reactor running",
    }
}

/// Runs runtime_mixing in `mode` through `run_mode` (which runs the program on `runtime`).
pub fn run(
    runtime: Runtime,
    mode: Mode,
    run_mode: impl FnOnce(Run<NoOpts>) -> anyhow::Result<()>,
) -> Out {
    let run = Run::capture(Program::RuntimeMixing, runtime, mode, SCALE, NoOpts {});
    let out = run.out.clone();
    run_mode(run).unwrap_or_else(|e| panic!("runtime_mixing --mode {mode} under {runtime}: {e:#}"));
    out
}

/// A mistake that panics (`no-reactor`, `nested-block-on`): the first line reports the caught
/// panic by its phrase, the fixes ran to their end, and the two fixed naps took their time.
pub fn assert_the_panic_is_caught_and_the_fixes_run(runtime: Runtime, mode: Mode, out: &Out) {
    let lines = out.lines();
    assert!(
        lines[0].contains(" panicked: ") && lines[0].contains(phrase(mode)),
        "{runtime} {mode}: {lines:#?}"
    );
    let fixes: Vec<&String> = lines.iter().filter(|l| l.starts_with("fix: ")).collect();
    assert_eq!(fixes.len(), 2, "{runtime} {mode}: {lines:#?}");
    assert!(
        fixes.iter().all(|l| l.ends_with(" ran to its end")),
        "{runtime} {mode}: {lines:#?}"
    );
    assert_transcript(&out.recorded(), Program::RuntimeMixing, runtime, mode);
    let naps = Duration::from_secs_f64(2.0 * NAP_SECS * SCALE);
    assert!(
        out.elapsed() >= naps,
        "{runtime} {mode}: {:?}",
        out.elapsed()
    );
}

/// When the first line starting with `prefix` was printed.
fn at(events: &[Event], prefix: &str) -> Duration {
    let event = events.iter().find(|e| e.line.starts_with(prefix));
    Duration::from_micros(event.unwrap_or_else(|| panic!("no {prefix:?} line")).t_us)
}

/// `blocked-worker`: the naps inside the foreign `block_on` ran one after another (at least
/// `TASKS` naps, certain), the awaited ones together (at least one nap, and well under
/// `TASKS`: generous for a loaded machine).
pub fn assert_the_blocked_worker_is_measured(runtime: Runtime, out: &Out) {
    let events = out.recorded();
    assert_transcript(
        &events,
        Program::RuntimeMixing,
        runtime,
        Mode::BlockedWorker,
    );
    let nap = Duration::from_secs_f64(NAP_SECS * SCALE);
    let blocked = at(&events, "fix: ") - at(&events, "blocked-worker: ");
    assert!(
        blocked >= nap * TASKS as u32,
        "{runtime}: blocked {blocked:?}"
    );
    let fixed = out.elapsed() - at(&events, "fix: ");
    assert!(
        fixed >= nap && fixed < nap * TASKS as u32,
        "{runtime}: fixed {fixed:?}, one nap is {nap:?}"
    );
}

/// The binary, every mode, with `--trace`: exit 0, the transcript, the phrase, and nothing on
/// stderr (the panics it expects are caught and not reported by the panic hook).
pub fn assert_the_binary_prints_its_transcript(runtime: Runtime, exe: &str) {
    for &mode in Program::RuntimeMixing.modes(runtime) {
        let trace = std::env::temp_dir().join(format!(
            "{runtime}-runtime_mixing-{mode}-{}.jsonl",
            std::process::id()
        ));
        let scale = SCALE.to_string();
        let args = [
            "--mode",
            mode.name(),
            "--scale",
            &scale,
            "--trace",
            trace.to_str().unwrap(),
        ];
        let run = run_bin(exe, &args, Duration::from_secs(60));
        assert_eq!(run.code(), Some(0), "{mode}: {run:?}");
        assert_eq!(run.stderr, "", "{mode}: a panic was reported");
        let recorded = Trace::read(&trace).unwrap();
        std::fs::remove_file(&trace).unwrap();
        assert_transcript(&recorded.events, Program::RuntimeMixing, runtime, mode);
        if mode != Mode::BlockedWorker {
            assert!(run.stdout.contains(phrase(mode)), "{mode}: {}", run.stdout);
        }
    }
}
