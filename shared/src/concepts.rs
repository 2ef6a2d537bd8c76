//! The concept programs (`PROGRAMS.md`, "Concepts the seeds name"): a second trait beside
//! [`Workloads`], implemented by every async runtime crate, one method per concept, so that a
//! runtime missing one does not build. `examples-sync` has none of them: they are about
//! async code. [`impl_concepts!`] writes a runtime's implementation, as
//! [`impl_workloads!`](crate::impl_workloads) does for the seed programs.

use std::time::Duration;

use crate::catalogue::{Mode, Program};
use crate::cli::NoOpts;
use crate::expect::concepts::{BLOCKING_HEADER, OFFLOAD_HEADER};
use crate::out::{Event, Out};
use crate::run::Run;
use crate::workload::Workloads;

/// The concept programs under one async runtime. Each method runs the program to its end on
/// the calling thread (building the runtime it needs) and prints through `run.out`.
pub trait Concepts: Workloads {
    /// A future does nothing until awaited or spawned; what dropping a task's handle does.
    fn lazy_futures(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    /// The seed's `loop.run_in_executor`: blocking work moved off the scheduler.
    fn run_in_executor(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    /// `asyncio.gather` against `asyncio.wait`: join all, first completed, timeout, cancel.
    fn wait_vs_gather(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    /// A tokio future with no tokio runtime, `block_on` inside a runtime (one mode each).
    fn runtime_mixing(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
}

/// Implements [`Concepts`] for an async runtime crate's type: each method runs the module of
/// the same name (`lazy_futures::run(run)`, `run_in_executor::run(run)`,
/// `wait_vs_gather::run(run)`, `runtime_mixing::run(run)`) through `drive`, exactly as
/// [`impl_workloads!`](crate::impl_workloads) does (see its expansion there):
///
/// ```text
/// shared::impl_concepts!(Smol, |_, program| smol::block_on(program));
/// ```
#[macro_export]
macro_rules! impl_concepts {
    ($type:ty, |$this:tt, $program:ident| $drive:expr $(,)?) => {
        impl $crate::Concepts for $type {
            $crate::forward_to_programs! {
                |$this, $program| $drive;
                lazy_futures(NoOpts),
                run_in_executor(NoOpts),
                wait_vs_gather(NoOpts),
                runtime_mixing(NoOpts),
            }
        }
    };
}

/// Runs the concept `program` in its first mode at `scale` under `concepts`, capturing its
/// lines: the returned [`Out`] holds them. A seed program is an error: those go through
/// [`workload::run_captured`](crate::workload::run_captured).
pub fn run_captured<C: Concepts + ?Sized>(
    concepts: &C,
    program: Program,
    scale: f64,
) -> anyhow::Result<Out> {
    let runtime = concepts.runtime();
    let Some(&mode) = program.modes(runtime).first() else {
        anyhow::bail!("{program} has no mode under {runtime}");
    };
    run_captured_in(concepts, program, mode, scale)
}

/// [`run_captured`] in `mode`.
pub fn run_captured_in<C: Concepts + ?Sized>(
    concepts: &C,
    program: Program,
    mode: Mode,
    scale: f64,
) -> anyhow::Result<Out> {
    let runtime = concepts.runtime();
    let run = Run::capture(program, runtime, mode, scale, NoOpts {});
    let out = run.out.clone();
    match program {
        Program::LazyFutures => concepts.lazy_futures(run)?,
        Program::RunInExecutor => concepts.run_in_executor(run)?,
        Program::WaitVsGather => concepts.wait_vs_gather(run)?,
        Program::RuntimeMixing => concepts.runtime_mixing(run)?,
        _ => anyhow::bail!("{program} is a seed program, not a concept"),
    }
    Ok(out)
}

/// Runs every concept program in every mode through the [`Concepts`] trait at `scale` and
/// checks each one's transcript ([`expect::transcript`](crate::expect::transcript)) and that
/// it took at least its ideal time (every one of them sleeps its ideal, so less would mean a
/// skipped step).
pub fn check_every_concept<C: Concepts>(concepts: &C, scale: f64) {
    let runtime = concepts.runtime();
    for program in Program::CONCEPTS {
        for &mode in program.modes(runtime) {
            let out = run_captured_in(concepts, program, mode, scale).unwrap_or_else(|e| {
                panic!("{program} --mode {mode} under {runtime} failed: {e:#}")
            });
            let groups = crate::expect::transcript(program, runtime, mode).unwrap_or_else(|| {
                panic!("{program} --mode {mode} under {runtime} has no transcript")
            });
            let lines = crate::expect::comparable(&out.recorded());
            if let Err(why) = crate::expect::check(&lines, &groups) {
                panic!("{program} --mode {mode} under {runtime}: {why}");
            }
            let ideal = program.ideal(mode).expect("an ideal").mul_f64(scale);
            assert!(
                out.elapsed() >= ideal,
                "{program} --mode {mode} under {runtime} took {:?}, less than its ideal {ideal:?}",
                out.elapsed()
            );
            if program == Program::RunInExecutor {
                assert_offload_beats_blocking(&out.recorded(), scale);
            }
        }
    }
}

/// The two parts of a `run_in_executor` run, from its events: how long the blocking mistake
/// took (from its header to the offload header) and how long the offloaded searches took
/// (from the offload header to the last `▷`).
pub fn run_in_executor_times(events: &[Event]) -> (Duration, Duration) {
    let at = |line: &str| {
        events
            .iter()
            .find(|e| e.line == line)
            .unwrap_or_else(|| panic!("no line {line:?} in {events:#?}"))
            .t_us
    };
    let (blocking, offload) = (at(BLOCKING_HEADER), at(OFFLOAD_HEADER));
    let last_found = events
        .iter()
        .filter(|e| e.line.starts_with('▷'))
        .map(|e| e.t_us)
        .max()
        .expect("a ▷ line");
    (
        Duration::from_micros(offload - blocking),
        Duration::from_micros(last_found.saturating_sub(offload)),
    )
}

/// `run_in_executor`'s lesson, measured: the blocking mistake takes at least its 36 pauses
/// one after another, the offloaded search at least its longest search (26 pauses), and the
/// offloaded search is the quicker of the two. The lower bounds are certain (a sleep never
/// ends early); the comparison has ten pauses of margin, plenty even on a loaded machine.
#[track_caller]
pub fn assert_offload_beats_blocking(events: &[Event], scale: f64) {
    let (blocking, offloaded) = run_in_executor_times(events);
    let secs = |s: f64| Duration::from_secs_f64(s * scale);
    assert!(blocking >= secs(0.36), "blocking took only {blocking:?}");
    assert!(offloaded >= secs(0.26), "offloaded took only {offloaded:?}");
    assert!(
        offloaded < blocking,
        "offloaded ({offloaded:?}) was not quicker than blocking ({blocking:?})"
    );
}
