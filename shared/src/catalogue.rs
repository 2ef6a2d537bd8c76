//! The catalogue of programs (`PROGRAMS.md` as data): which modes each runtime has, the
//! ideal (critical-path) time of each mode, and which printed orders are facts.
//!
//! Everything here is plain data so that the binaries, the tests and `cargo xtask compare`
//! read the same numbers.

use std::time::Duration;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use strum::{Display, IntoStaticStr};

/// The runtimes of the workspace, one member each (plus Python, the seeds' own language,
/// which `cargo xtask compare --python` can add as a fifth column). Its name (`async-std`)
/// is the same everywhere: [`Runtime::name`], `Display`, serde, and clap's [`ValueEnum`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(ValueEnum, Display, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Runtime {
    Sync,
    Tokio,
    AsyncStd,
    Smol,
    /// The runtime written in this workspace (`examples-handmade/src/runtime/`).
    Handmade,
    Python,
}

impl Runtime {
    /// The five Rust runtimes, in the order the README and the reports list them.
    pub const RUST: [Runtime; 5] = [
        Runtime::Sync,
        Runtime::Tokio,
        Runtime::AsyncStd,
        Runtime::Smol,
        Runtime::Handmade,
    ];

    /// `sync`, `tokio`, `async-std`, `smol`, `python`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The workspace member that holds this runtime's binaries.
    pub fn package(self) -> Option<&'static str> {
        match self {
            Runtime::Sync => Some("examples-sync"),
            Runtime::Tokio => Some("examples-tokio"),
            Runtime::AsyncStd => Some("examples-async-std"),
            Runtime::Smol => Some("examples-smol"),
            Runtime::Handmade => Some("examples-handmade"),
            Runtime::Python => None,
        }
    }

    /// Whether the runtime runs `async` code (everything but `sync`).
    pub fn is_async(self) -> bool {
        self != Runtime::Sync
    }
}

/// A way of running a program (`--mode`). Which modes a program has depends on the runtime:
/// see [`Program::modes`]. Named in kebab-case, like [`Runtime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(ValueEnum, Display, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Mode {
    /// One thing after another.
    Sequential,
    /// Tasks on one runtime, joined (`asyncio.gather`).
    Concurrent,
    /// OS threads (`std::thread::scope`).
    Threads,
    /// work_queue's first form: busy counting, one worker drains the queue.
    Count,
    /// Hand-written round robin over resumable tasks (the seeds' generators), or an async
    /// CPU-bound loop that yields to the scheduler.
    Cooperative,
    /// The classic mistake: a blocking sleep inside the cooperative or async loop.
    Blocking,
    /// work_queue's non-blocking form: the runtime's own sleep.
    Async,
    /// The blocking work moved off the scheduler (`spawn_blocking`, `smol::unblock`).
    Offload,
    /// A CPU-bound async loop that never yields.
    Greedy,
    /// find_divisible: the cooperative tasks on the runtime's pool of worker threads instead
    /// of one thread: they run side by side, and the order of the lines is the scheduler's.
    Parallel,
    /// timers: `sleep(period)` in a loop, each sleep from the end of the last (drifts).
    Naive,
    /// timers: the runtime's interval timer.
    Interval,
    /// Sleeping until absolute deadlines `start + k × period` (timers, repeat_message):
    /// no drift.
    Deadline,
    /// runtime_mixing: a tokio future where no tokio runtime is entered.
    NoReactor,
    /// runtime_mixing: `block_on` inside a task of the same runtime (tokio).
    NestedBlockOn,
    /// runtime_mixing: another runtime's `block_on` inside tokio tasks.
    BlockedWorker,
}

impl Mode {
    /// `sequential`, `concurrent`, …
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// What the printed order of a program run is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ordering {
    /// Every line has its place: the order is a fact of the program.
    Fixed,
    /// Fixed, except lines that fall on the same ideal instant: their relative order is a tie
    /// that any runtime may break either way.
    Ties,
    /// Depends on the scheduler (threads, blocking inside async, CPU-bound work): differences
    /// are the lesson, not a bug.
    Scheduler,
}

/// The programs of `PROGRAMS.md`, plus the concept programs that only async runtimes have.
/// Named in snake_case (`prime_search`), the binaries' names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(ValueEnum, Display, IntoStaticStr)]
#[value(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Program {
    Count,
    RepeatMessage,
    WorkQueue,
    PrimeSearch,
    FindDivisible,
    Say,
    Makerandom,
    Chores,
    HttpFetch,
    /// A mistake: a loop of sleeps drifts, absolute deadlines do not (every runtime).
    Timers,
    /// Concept: a future does nothing until awaited or spawned (async runtimes only).
    LazyFutures,
    /// Concept: the seed's `loop.run_in_executor`, blocking work moved off the scheduler.
    RunInExecutor,
    /// Concept: `asyncio.gather` against `asyncio.wait`: join all, first completed, timeout,
    /// cancellation.
    WaitVsGather,
    /// A mistake, async runtimes only: a tokio future with no tokio runtime, `block_on`
    /// inside a runtime.
    RuntimeMixing,
}

impl Program {
    /// Every program that every runtime has (the seed programs, then `timers`), in the
    /// catalogue's order.
    pub const ALL: [Program; 10] = [
        Program::Count,
        Program::RepeatMessage,
        Program::WorkQueue,
        Program::PrimeSearch,
        Program::FindDivisible,
        Program::Say,
        Program::Makerandom,
        Program::Chores,
        Program::HttpFetch,
        Program::Timers,
    ];

    /// The concept programs the seeds name (`PROGRAMS.md`, "Concepts the seeds name"): one
    /// binary each in every async runtime crate, none in `examples-sync`; and
    /// `runtime_mixing`, a mistake that only async code can make.
    pub const CONCEPTS: [Program; 4] = [
        Program::LazyFutures,
        Program::RunInExecutor,
        Program::WaitVsGather,
        Program::RuntimeMixing,
    ];

    /// Whether this is one of [`Program::CONCEPTS`].
    pub fn is_concept(self) -> bool {
        Program::CONCEPTS.contains(&self)
    }

    /// The binary's name, the same in every runtime crate.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The seed documents (in `shared/seeds/`, numbered) the program comes from.
    pub fn seeds(self) -> &'static str {
        match self {
            Program::Count => "003, 004",
            Program::RepeatMessage | Program::Timers => "000",
            // The blocking mistake of seed 002, met through another runtime's block_on.
            Program::RuntimeMixing => "002",
            Program::WorkQueue | Program::HttpFetch => "001",
            Program::PrimeSearch | Program::FindDivisible | Program::Say => "002",
            Program::LazyFutures | Program::RunInExecutor | Program::WaitVsGather => "002",
            Program::Makerandom => "003",
            Program::Chores => "004",
        }
    }

    /// One line on what the program shows (the `--help` "about").
    pub fn about(self) -> &'static str {
        match self {
            Program::Count => "Three count() coroutines: print One, sleep 1 s, print Two.",
            Program::RepeatMessage => "Three messages repeated at 0.5 s, 1 s and 1.5 s intervals.",
            Program::WorkQueue => {
                "A queue of work [15, 10, 5, 2] drained by two workers, One and Two."
            }
            Program::PrimeSearch => {
                "The highest prime below 100000, 10000 and 1000, pausing 10 ms per non-prime."
            }
            Program::FindDivisible => {
                "CPU-bound: the numbers below n divisible by d, for three (n, d) pairs."
            }
            Program::Say => "Two spawned tasks: say hello after 0.5 s and world after 1 s.",
            Program::Makerandom => {
                "Three tasks draw randint(0, 10) until it beats their threshold."
            }
            Program::Chores => "Laundry, dinner, dishwasher, plants: one person, two machines.",
            Program::HttpFetch => "Six URLs fetched by two workers, One and Two.",
            Program::LazyFutures => {
                "A future does nothing until awaited or spawned; what dropping a task's handle does."
            }
            Program::RunInExecutor => {
                "run_in_executor: the blocking prime search moved off the scheduler, timed against the blocking mistake."
            }
            Program::WaitVsGather => {
                "gather against wait: join all, first completed, a timeout, cancel the rest."
            }
            Program::Timers => {
                "A loop of sleeps drifts, absolute deadlines do not: drift and lateness per sleep."
            }
            Program::RuntimeMixing => {
                "A tokio future with no tokio runtime, block_on inside a runtime: caught, measured, fixed."
            }
        }
    }

    /// The modes this program has under `runtime`; the first is the default.
    pub fn modes(self, runtime: Runtime) -> &'static [Mode] {
        use Mode::*;
        let sync = !runtime.is_async();
        match self {
            Program::RepeatMessage if sync => &[Sequential, Threads, Deadline],
            Program::RepeatMessage => &[Concurrent, Sequential, Deadline],
            Program::Count | Program::Chores if sync => &[Sequential, Threads],
            Program::Count | Program::Chores => &[Concurrent, Sequential],
            Program::WorkQueue if sync => &[Count, Cooperative, Blocking],
            Program::WorkQueue => &[Async, Blocking],
            Program::PrimeSearch if sync => &[Sequential],
            Program::PrimeSearch => &[Concurrent, Sequential, Blocking, Offload],
            Program::FindDivisible if sync => &[Sequential],
            // Cooperative and greedy on one thread, as asyncio runs them; parallel on a pool,
            // which the handmade runtime (one thread, like asyncio's loop) does not have.
            Program::FindDivisible if runtime == Runtime::Handmade => &[Cooperative, Greedy],
            Program::FindDivisible => &[Cooperative, Greedy, Parallel],
            Program::Say | Program::Makerandom if sync => &[Sequential],
            Program::Say | Program::Makerandom => &[Concurrent],
            Program::HttpFetch if sync => &[Sequential, Threads],
            Program::HttpFetch => &[Concurrent],
            // The concepts are about async code: the sync crate has no such binaries.
            Program::LazyFutures | Program::RunInExecutor | Program::WaitVsGather if sync => &[],
            Program::LazyFutures | Program::RunInExecutor | Program::WaitVsGather => &[Concurrent],
            // std has no interval timer: its interval is the deadline loop.
            Program::Timers if sync => &[Naive, Deadline],
            Program::Timers => &[Naive, Interval, Deadline],
            Program::RuntimeMixing => match runtime {
                Runtime::Tokio => &[NoReactor, NestedBlockOn],
                Runtime::AsyncStd | Runtime::Smol => &[NoReactor, BlockedWorker],
                // The handmade runtime's timer is driven by its own loop: no blocked-worker fix.
                Runtime::Handmade => &[NoReactor],
                Runtime::Sync | Runtime::Python => &[],
            },
        }
    }

    /// The ideal (critical-path) time of `mode` at `--scale 1` with the default options, or
    /// `None` if the mode is not one of the program's. CPU-bound modes have an ideal of zero.
    ///
    /// `prime_search --mode blocking` is given the single-threaded answer (everything
    /// serialised, as in the seed); a multi-threaded scheduler can beat it by running the
    /// blocked tasks on several threads, and `cargo xtask compare` shows by how much.
    pub fn ideal(self, mode: Mode) -> Option<Duration> {
        use Mode::*;
        let secs = match (self, mode) {
            (Program::Count, Sequential) => 3.0 * count::SLEEP_SECS,
            (Program::Count, Concurrent | Threads) => count::SLEEP_SECS,
            (Program::RepeatMessage, Sequential) => 30.0,
            (Program::RepeatMessage, Concurrent | Threads | Deadline) => 15.0,
            (Program::WorkQueue, Count | Cooperative) => 0.0,
            (Program::WorkQueue, Blocking) => 32.0,
            (Program::WorkQueue, Async) => 17.0,
            (Program::PrimeSearch, Sequential | Blocking) => 0.36,
            (Program::PrimeSearch, Concurrent | Offload) => 0.26,
            (Program::FindDivisible, Sequential | Cooperative | Greedy | Parallel) => 0.0,
            (Program::Say, Sequential) => 1.5,
            (Program::Say, Concurrent) => 1.0,
            (Program::Makerandom, Sequential) => makerandom::ideal_sequential(makerandom::SEED),
            (Program::Makerandom, Concurrent) => makerandom::ideal_concurrent(makerandom::SEED),
            (Program::Chores, Sequential) => 3.0,
            (Program::Chores, Concurrent | Threads) => 1.5,
            (Program::HttpFetch, Sequential) => http_fetch::ideal(1),
            (Program::HttpFetch, Concurrent | Threads) => http_fetch::ideal(2),
            (Program::LazyFutures, Concurrent) => lazy_futures::ideal(),
            // The blocking mistake (serialised), then the offloaded search.
            (Program::RunInExecutor, Concurrent) => 0.36 + 0.26,
            (Program::WaitVsGather, Concurrent) => wait_vs_gather::ideal(),
            (Program::Timers, Naive | Interval | Deadline) => timers::ideal(),
            (Program::RuntimeMixing, NoReactor | NestedBlockOn | BlockedWorker) => {
                runtime_mixing::ideal(mode)
            }
            _ => return None,
        };
        Some(Duration::from_secs_f64(secs))
    }

    /// What the printed order of `mode` is worth (see [`Ordering`]).
    pub fn ordering(self, mode: Mode) -> Ordering {
        use Mode::*;
        match (self, mode) {
            // One thing after another: every line has its place.
            (_, Sequential | Count) => Ordering::Fixed,
            (Program::WorkQueue, Cooperative) => Ordering::Fixed,
            // Every task on one thread, first in first out: the seed's turns, every run.
            (Program::FindDivisible, Cooperative | Greedy) => Ordering::Fixed,
            // Sleep-driven concurrency: fixed but for lines on the same instant.
            (Program::Count | Program::RepeatMessage | Program::Say | Program::Chores, _) => {
                Ordering::Ties
            }
            (Program::WorkQueue, Async) => Ordering::Ties,
            (Program::PrimeSearch, Concurrent | Offload) => Ordering::Ties,
            (Program::Makerandom, _) => Ordering::Ties,
            (Program::HttpFetch, _) => Ordering::Ties,
            // Every line has its cause before it.
            (Program::LazyFutures, _) => Ordering::Fixed,
            // One step after another.
            (Program::Timers | Program::RuntimeMixing, _) => Ordering::Fixed,
            // The offloaded ▶ lines, the started tasks: ties at one instant.
            (Program::RunInExecutor | Program::WaitVsGather, _) => Ordering::Ties,
            // Blocking inside async code, CPU-bound work: it depends on the scheduler.
            _ => Ordering::Scheduler,
        }
    }
}
mod parameters;
pub use parameters::{
    chores, count, find_divisible, http_fetch, lazy_futures, makerandom, prime_search,
    repeat_message, runtime_mixing, say, timers, wait_vs_gather, work_queue,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_program_has_a_default_mode_and_an_ideal_for_each_mode() {
        for program in Program::ALL {
            for runtime in Runtime::RUST {
                let modes = program.modes(runtime);
                assert!(!modes.is_empty(), "{program} under {runtime}");
                for &mode in modes {
                    assert!(program.ideal(mode).is_some(), "{program} {mode}");
                }
            }
        }
    }

    #[test]
    fn concepts_run_only_under_async_runtimes_and_have_an_ideal() {
        for program in Program::CONCEPTS {
            assert!(program.is_concept() && !Program::ALL.contains(&program));
            assert!(program.modes(Runtime::Sync).is_empty(), "{program}");
            for runtime in [
                Runtime::Tokio,
                Runtime::AsyncStd,
                Runtime::Smol,
                Runtime::Handmade,
            ] {
                let modes = program.modes(runtime);
                assert!(!modes.is_empty(), "{program} under {runtime}");
                for &mode in modes {
                    assert!(program.ideal(mode).is_some(), "{program} {mode}");
                }
            }
        }
        let secs = |p: Program| p.ideal(Mode::Concurrent).unwrap().as_secs_f64();
        assert_eq!(secs(Program::LazyFutures), 1.0);
        assert!((secs(Program::RunInExecutor) - 0.62).abs() < 1e-9);
        assert_eq!(secs(Program::WaitVsGather), 4.5);
    }

    #[test]
    fn ideals_match_programs_md() {
        let secs = |p: Program, m: Mode| p.ideal(m).unwrap().as_secs_f64();
        assert_eq!(secs(Program::WorkQueue, Mode::Async), 17.0);
        assert_eq!(secs(Program::RepeatMessage, Mode::Concurrent), 15.0);
        assert_eq!(secs(Program::RepeatMessage, Mode::Deadline), 15.0);
        for mode in Program::Timers.modes(Runtime::Tokio) {
            assert_eq!(secs(Program::Timers, *mode), 5.0);
        }
        assert_eq!(secs(Program::RuntimeMixing, Mode::NoReactor), 1.0);
        assert_eq!(secs(Program::RuntimeMixing, Mode::NestedBlockOn), 1.0);
        assert_eq!(secs(Program::RuntimeMixing, Mode::BlockedWorker), 2.0);
        assert!((secs(Program::HttpFetch, Mode::Sequential) - 4.552).abs() < 1e-9);
        assert!((secs(Program::HttpFetch, Mode::Concurrent) - 2.486).abs() < 1e-9);
        assert_eq!(secs(Program::Makerandom, Mode::Concurrent), 12.0);
        assert_eq!(secs(Program::Makerandom, Mode::Sequential), 23.0);
    }

    #[test]
    fn prime_search_pauses_as_programs_md_says() {
        let pauses = |x: u64| {
            (1..x)
                .rev()
                .take_while(|&y| !prime_search::is_prime(y))
                .count()
        };
        assert_eq!(prime_search::TARGETS.map(pauses), [8, 26, 2]);
        assert!(
            prime_search::is_prime(99_991)
                && prime_search::is_prime(2)
                && !prime_search::is_prime(1)
        );
    }

    #[test]
    fn chores_describe_themselves_and_keep_the_story_clock() {
        assert_eq!(chores::CHORES[0].describe(), "laundry (machine, 1 h)");
        assert_eq!(
            chores::CHORES[3].describe(),
            "water plants (by hand, 30 min)"
        );
        assert_eq!(chores::clock(Duration::from_millis(1_500), 1.0), "1:30");
        assert_eq!(chores::clock(Duration::from_millis(30), 0.01), "3:00");
    }

    #[test]
    fn find_divisible_defaults_to_one_thread_and_has_a_parallel_mode() {
        // The default's order is the lesson (a fact); the pool's is the scheduler's.
        for runtime in [Runtime::Tokio, Runtime::AsyncStd, Runtime::Smol] {
            let modes = Program::FindDivisible.modes(runtime);
            assert_eq!(modes, [Mode::Cooperative, Mode::Greedy, Mode::Parallel]);
        }
        let ordering = |m| Program::FindDivisible.ordering(m);
        assert_eq!(ordering(Mode::Cooperative), Ordering::Fixed);
        assert_eq!(ordering(Mode::Greedy), Ordering::Fixed);
        assert_eq!(ordering(Mode::Parallel), Ordering::Scheduler);
        assert_eq!(
            Program::FindDivisible.ideal(Mode::Parallel),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn find_divisible_counts_match_programs_md() {
        let found = find_divisible::JOBS.map(|(n, d)| (0..n).filter(|i| i % d == 0).count());
        assert_eq!(found, [15, 32, 167]);
    }

    #[test]
    fn names_round_trip() {
        // The derived names agree: `name`, `Display`, serde and clap's parser.
        fn round_trip<T>(value: T, name: &str)
        where
            T: ValueEnum + std::fmt::Display + Serialize + PartialEq + std::fmt::Debug + Copy,
        {
            assert_eq!(value.to_string(), name);
            assert_eq!(serde_json::to_value(value).unwrap(), name);
            assert_eq!(T::from_str(name, false), Ok(value));
        }
        for p in Program::value_variants() {
            round_trip(*p, p.name());
        }
        for m in Mode::value_variants() {
            round_trip(*m, m.name());
        }
        for r in Runtime::value_variants() {
            round_trip(*r, r.name());
        }
        // Every program is in one of the two lists.
        assert_eq!(
            Program::value_variants().len(),
            Program::ALL.len() + Program::CONCEPTS.len()
        );
        assert_eq!(Mode::NestedBlockOn.name(), "nested-block-on");
        assert_eq!(Program::PrimeSearch.name(), "prime_search");
        assert_eq!(Program::Makerandom.name(), "makerandom");
        assert_eq!(Runtime::AsyncStd.name(), "async-std");
        assert_eq!(Mode::Offload.name(), "offload");
        assert!(Mode::from_str("no-such-mode", false).is_err());
    }
}
