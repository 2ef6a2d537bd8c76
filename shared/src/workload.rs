//! The trait of workloads: every runtime crate implements it, one method per program, so that
//! tests and the harness can drive any runtime the same way. A program that a runtime lacks
//! is a missing method: the crate does not build.
//!
//! Every method of a runtime's implementation does the same thing: run the program module of
//! the same name (`count::run(run)`, …) on that runtime. [`impl_workloads!`] writes those
//! methods once, from one line that says how the runtime runs a program.

use crate::catalogue::{Mode, Program, Runtime};
use crate::cli::{CountOpts, HttpOpts, MakerandomOpts, NoOpts, SayOpts};
use crate::out::Out;
use crate::run::Run;

/// The seed programs under one runtime. Each method runs the program to its end on the
/// calling thread (building the runtime it needs) and prints through `run.out`.
pub trait Workloads {
    /// The runtime these workloads run on.
    fn runtime(&self) -> Runtime;

    fn count(&self, run: Run<CountOpts>) -> anyhow::Result<()>;
    fn repeat_message(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    fn work_queue(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    fn prime_search(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    fn find_divisible(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    fn say(&self, run: Run<SayOpts>) -> anyhow::Result<()>;
    fn makerandom(&self, run: Run<MakerandomOpts>) -> anyhow::Result<()>;
    fn chores(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
    /// With no URLs in `run.opts`, fetches the stand-in server's six sites.
    fn http_fetch(&self, run: Run<HttpOpts>) -> anyhow::Result<()>;
    /// A loop of sleeps against absolute deadlines (`--mode naive | interval | deadline`).
    fn timers(&self, run: Run<NoOpts>) -> anyhow::Result<()>;
}

/// Runs `program` in `mode` with its default options at `scale` under `workloads`, capturing
/// its lines: the returned [`Out`] holds them. The `match` has no wildcard: a new program
/// must be added here, and then to every runtime.
pub fn run_captured<W: Workloads + ?Sized>(
    workloads: &W,
    program: Program,
    mode: Mode,
    scale: f64,
) -> anyhow::Result<Out> {
    let run = Run::capture(program, workloads.runtime(), mode, scale, ());
    let out = run.out.clone();
    match program {
        Program::Count => workloads.count(run.with_opts(CountOpts::default()))?,
        Program::RepeatMessage => workloads.repeat_message(run.with_opts(NoOpts {}))?,
        Program::WorkQueue => workloads.work_queue(run.with_opts(NoOpts {}))?,
        Program::PrimeSearch => workloads.prime_search(run.with_opts(NoOpts {}))?,
        Program::FindDivisible => workloads.find_divisible(run.with_opts(NoOpts {}))?,
        Program::Say => workloads.say(run.with_opts(SayOpts::default()))?,
        Program::Makerandom => workloads.makerandom(run.with_opts(MakerandomOpts::default()))?,
        Program::Chores => workloads.chores(run.with_opts(NoOpts {}))?,
        Program::HttpFetch => workloads.http_fetch(run.with_opts(HttpOpts::default()))?,
        Program::Timers => workloads.timers(run.with_opts(NoOpts {}))?,
        Program::LazyFutures
        | Program::RunInExecutor
        | Program::WaitVsGather
        | Program::RuntimeMixing => anyhow::bail!(
            "{program} is a concept program: run it with shared::concepts::run_captured"
        ),
    }
    Ok(out)
}

/// Implements [`Workloads`] for a runtime crate's type, in that crate's `lib.rs`: each
/// method runs the module of the same name (`count::run(run)`, `say::run(run)`, …, one per
/// program) and hands what it returns to `drive`, which says how the runtime runs it.
///
/// ```text
/// shared::impl_workloads!(Tokio, Runtime::Tokio, |tokio, program| tokio.block_on(program));
/// ```
///
/// expands to
///
/// ```text
/// impl shared::Workloads for Tokio {
///     fn runtime(&self) -> Runtime {
///         Runtime::Tokio
///     }
///     fn count(&self, run: Run<CountOpts>) -> anyhow::Result<()> {
///         let tokio = self;
///         let program = count::run(run); // a future under tokio, the result itself in std
///         tokio.block_on(program)
///     }
///     // … and the same for repeat_message, work_queue, …, http_fetch.
/// }
/// ```
///
/// The module names are resolved where the macro is called: the crate must have a module per
/// program (its `#[path = "bin/<program>.rs"]` lines), each with a `run(Run<Opts>)`.
#[macro_export]
macro_rules! impl_workloads {
    ($type:ty, $runtime:expr, |$this:tt, $program:ident| $drive:expr $(,)?) => {
        impl $crate::Workloads for $type {
            fn runtime(&self) -> $crate::Runtime {
                $runtime
            }

            $crate::forward_to_programs! {
                |$this, $program| $drive;
                count(CountOpts),
                repeat_message(NoOpts),
                work_queue(NoOpts),
                prime_search(NoOpts),
                find_divisible(NoOpts),
                say(SayOpts),
                makerandom(MakerandomOpts),
                chores(NoOpts),
                http_fetch(HttpOpts),
                timers(NoOpts),
            }
        }
    };
}

/// The methods [`impl_workloads!`] and [`impl_concepts!`](crate::impl_concepts) write: for
/// each `name(Opts)`, `fn name(&self, run: Run<Opts>)` that runs `name::run(run)` through
/// `drive`.
#[doc(hidden)]
#[macro_export]
macro_rules! forward_to_programs {
    (|$this:tt, $program:ident| $drive:expr; $($name:ident($opts:ident)),* $(,)?) => {
        $(
            fn $name(&self, run: $crate::Run<$crate::$opts>) -> $crate::__anyhow::Result<()> {
                let $this = self;
                let $program = $name::run(run);
                $drive
            }
        )*
    };
}
