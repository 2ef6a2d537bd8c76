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
    Python,
}

impl Runtime {
    /// The four Rust runtimes, in the order the README and the reports list them.
    pub const RUST: [Runtime; 4] = [
        Runtime::Sync,
        Runtime::Tokio,
        Runtime::AsyncStd,
        Runtime::Smol,
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
    /// Concept: a future does nothing until awaited or spawned (async runtimes only).
    LazyFutures,
    /// Concept: the seed's `loop.run_in_executor`, blocking work moved off the scheduler.
    RunInExecutor,
    /// Concept: `asyncio.gather` against `asyncio.wait`: join all, first completed, timeout,
    /// cancellation.
    WaitVsGather,
}

impl Program {
    /// Every seed program, in the catalogue's order.
    pub const ALL: [Program; 9] = [
        Program::Count,
        Program::RepeatMessage,
        Program::WorkQueue,
        Program::PrimeSearch,
        Program::FindDivisible,
        Program::Say,
        Program::Makerandom,
        Program::Chores,
        Program::HttpFetch,
    ];

    /// The concept programs the seeds name (`PROGRAMS.md`, "Concepts the seeds name"): one
    /// binary each in every async runtime crate, none in `examples-sync`.
    pub const CONCEPTS: [Program; 3] = [
        Program::LazyFutures,
        Program::RunInExecutor,
        Program::WaitVsGather,
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
            Program::RepeatMessage => "000",
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
        }
    }

    /// The modes this program has under `runtime`; the first is the default.
    pub fn modes(self, runtime: Runtime) -> &'static [Mode] {
        use Mode::*;
        let sync = !runtime.is_async();
        match self {
            Program::Count | Program::RepeatMessage | Program::Chores if sync => {
                &[Sequential, Threads]
            }
            Program::Count | Program::RepeatMessage | Program::Chores => &[Concurrent, Sequential],
            Program::WorkQueue if sync => &[Count, Cooperative, Blocking],
            Program::WorkQueue => &[Async, Blocking],
            Program::PrimeSearch if sync => &[Sequential],
            Program::PrimeSearch => &[Concurrent, Sequential, Blocking, Offload],
            Program::FindDivisible if sync => &[Sequential],
            Program::FindDivisible => &[Cooperative, Greedy],
            Program::Say | Program::Makerandom if sync => &[Sequential],
            Program::Say | Program::Makerandom => &[Concurrent],
            Program::HttpFetch if sync => &[Sequential, Threads],
            Program::HttpFetch => &[Concurrent],
            // The concepts are about async code: the sync crate has no such binaries.
            Program::LazyFutures | Program::RunInExecutor | Program::WaitVsGather if sync => &[],
            Program::LazyFutures | Program::RunInExecutor | Program::WaitVsGather => &[Concurrent],
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
            (Program::RepeatMessage, Concurrent | Threads) => 15.0,
            (Program::WorkQueue, Count | Cooperative) => 0.0,
            (Program::WorkQueue, Blocking) => 32.0,
            (Program::WorkQueue, Async) => 17.0,
            (Program::PrimeSearch, Sequential | Blocking) => 0.36,
            (Program::PrimeSearch, Concurrent | Offload) => 0.26,
            (Program::FindDivisible, Sequential | Cooperative | Greedy) => 0.0,
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
            // The offloaded ▶ lines, the started tasks: ties at one instant.
            (Program::RunInExecutor | Program::WaitVsGather, _) => Ordering::Ties,
            // Blocking inside async code, CPU-bound work: it depends on the scheduler.
            _ => Ordering::Scheduler,
        }
    }
}

/// Parameters of `count` (seeds 003, 004).
pub mod count {
    /// `count()` sleeps one second between `One` and `Two`.
    pub const SLEEP_SECS: f64 = 1.0;
}

/// Parameters of `repeat_message` (seed 000).
pub mod repeat_message {
    /// The three messages and their intervals in seconds.
    pub const MESSAGES: [(&str, f64); 3] = [
        ("xXxXxXxXxXxXxXxXxXxXx", 0.5),
        ("I LOVE", 1.0),
        ("EXPLOSIONS!", 1.5),
    ];
    /// `max_iters`: each message is printed `MAX_ITERS + 1` times with `MAX_ITERS` sleeps.
    pub const MAX_ITERS: usize = 10;
    /// What each async repeater returns.
    pub const COMPLETE: &str = "Complete.";
}

/// Parameters of `work_queue` (seed 001).
pub mod work_queue {
    /// The work items: counts to reach, or seconds to sleep.
    pub const ITEMS: [u64; 4] = [15, 10, 5, 2];
    /// The two workers.
    pub const WORKERS: [&str; 2] = ["One", "Two"];
}

/// Parameters of `prime_search` (seed 002).
pub mod prime_search {
    /// `highest_prime_below(x)` for these, in this order.
    pub const TARGETS: [u64; 3] = [100_000, 10_000, 1_000];
    /// The pause after each non-prime candidate, in seconds.
    pub const PAUSE_SECS: f64 = 0.01;

    /// Whether `n` is prime (trial division; the seed's version tries every divisor).
    pub fn is_prime(n: u64) -> bool {
        n >= 2
            && (2..)
                .take_while(|d| d * d <= n)
                .all(|d| !n.is_multiple_of(d))
    }
}

/// Parameters of `find_divisible` (seed 002).
pub mod find_divisible {
    /// `(inrange, div_by)` of the three calls.
    pub const JOBS: [(u64, u64); 3] = [(508_000, 34_113), (100_052, 3_210), (500, 3)];
    /// The async form yields to the scheduler when `i % YIELD_EVERY == 0`.
    pub const YIELD_EVERY: u64 = 50_000;
}

/// Parameters of `say` (seed 002).
pub mod say {
    /// `say(what, when)`: the word, and the seconds to sleep before printing it.
    pub const WORDS: [(&str, f64); 2] = [("hello", 0.5), ("world", 1.0)];
}

/// Parameters of `chores` (seed 004).
pub mod chores {
    use std::time::Duration;

    /// Who does a chore: a machine runs by itself once started; hand work needs the one person.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        Machine,
        Hand,
    }

    /// One chore of the story.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Chore {
        pub name: &'static str,
        pub kind: Kind,
        /// Story minutes.
        pub minutes: u64,
    }

    /// The seed's chores, in its order.
    pub const CHORES: [Chore; 4] = [
        Chore {
            name: "laundry",
            kind: Kind::Machine,
            minutes: 60,
        },
        Chore {
            name: "make dinner",
            kind: Kind::Hand,
            minutes: 60,
        },
        Chore {
            name: "dishwasher",
            kind: Kind::Machine,
            minutes: 30,
        },
        Chore {
            name: "water plants",
            kind: Kind::Hand,
            minutes: 30,
        },
    ];

    /// One story hour lasts this many real seconds at `--scale 1`.
    pub const SECS_PER_STORY_HOUR: f64 = 1.0;

    impl Chore {
        /// How long the chore takes at `scale`.
        pub fn duration(&self, scale: f64) -> Duration {
            Duration::from_secs_f64(self.minutes as f64 / 60.0 * SECS_PER_STORY_HOUR * scale)
        }

        /// `laundry (machine, 1 h)`, `water plants (by hand, 30 min)`.
        pub fn describe(&self) -> String {
            let who = match self.kind {
                Kind::Machine => "machine",
                Kind::Hand => "by hand",
            };
            let how_long = if self.minutes.is_multiple_of(60) {
                format!("{} h", self.minutes / 60)
            } else {
                format!("{} min", self.minutes)
            };
            format!("{} ({who}, {how_long})", self.name)
        }
    }

    /// The story clock `h:mm` for real time `elapsed` at `scale`, to the nearest minute.
    pub fn clock(elapsed: Duration, scale: f64) -> String {
        let minutes = (elapsed.as_secs_f64() / (SECS_PER_STORY_HOUR * scale) * 60.0).round() as u64;
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Parameters of `makerandom` (seed 003).
pub mod makerandom {
    use crate::random::PyRandom;

    /// The seed's `random.seed(444)`.
    pub const SEED: u64 = 444;
    /// Three tasks, `makerandom(i, threshold = 10 - i - 1)`.
    pub const TASKS: usize = 3;

    pub fn threshold(idx: usize) -> i64 {
        10 - idx as i64 - 1
    }

    /// Task `idx` sleeps `idx + 1` seconds between draws.
    pub fn pause_secs(idx: usize) -> f64 {
        (idx + 1) as f64
    }

    /// One task after another: the sum of every task's pauses.
    pub fn ideal_sequential(seed: u64) -> f64 {
        let mut rng = PyRandom::new(seed);
        (0..TASKS)
            .map(|idx| {
                let mut pauses = 0.0;
                while rng.randint(0, 10) <= threshold(idx) {
                    pauses += pause_secs(idx);
                }
                pauses
            })
            .sum()
    }

    /// The tasks concurrently: the time of the last `Finished` line of [`schedule`].
    pub fn ideal_concurrent(seed: u64) -> f64 {
        schedule(seed).iter().map(|d| d.at).fold(0.0, f64::max)
    }

    /// One draw of the concurrent run: which task drew what, and when (seconds at scale 1).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Draw {
        pub at: f64,
        pub idx: usize,
        pub value: i64,
    }

    /// The draws of the concurrent run, in order, as CPython's event loop makes them: tasks
    /// start in index order; when several wake at the same instant, the one whose sleep
    /// started first draws first (in real time its deadline is a hair earlier).
    pub fn schedule(seed: u64) -> Vec<Draw> {
        let mut rng = PyRandom::new(seed);
        let mut draws = Vec::new();
        // (wake time, time the sleep started, idx) of every task still drawing.
        let mut waiting: Vec<(f64, f64, usize)> = (0..TASKS).map(|idx| (0.0, -1.0, idx)).collect();
        while !waiting.is_empty() {
            waiting.sort_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.total_cmp(&b.1))
                    .then(a.2.cmp(&b.2))
            });
            let (at, _, idx) = waiting.remove(0);
            let value = rng.randint(0, 10);
            draws.push(Draw { at, idx, value });
            if value <= threshold(idx) {
                waiting.push((at + pause_secs(idx), at, idx));
            }
        }
        draws
    }
}

/// Parameters of `lazy_futures` (seed 002: calling `main()` only makes a coroutine object).
pub mod lazy_futures {
    /// What the example async fn returns.
    pub const ANSWER: u32 = 42;
    /// How long `main` leaves a spawned task alone, and how long the napping task sleeps.
    pub const NAP_SECS: f64 = 0.5;

    /// One nap while a spawned task runs un-awaited, one for the task that runs to its end
    /// after its handle is dropped or detached; the cancelled one costs nothing.
    pub fn ideal() -> f64 {
        2.0 * NAP_SECS
    }
}

/// Parameters of `wait_vs_gather` (seed 002's `asyncio.wait`, seeds 003/004's `gather`).
pub mod wait_vs_gather {
    /// The three jobs, in the order they are started and joined: name, seconds of sleep.
    pub const JOBS: [(&str, f64); 3] = [("slow", 1.5), ("fast", 0.5), ("medium", 1.0)];
    /// The timeout put on the slow job.
    pub const TIMEOUT_SECS: f64 = 1.0;

    /// The longest job: its name and seconds.
    pub fn slowest() -> (&'static str, f64) {
        let by_length = |a: &&(&str, f64), b: &&(&str, f64)| a.1.total_cmp(&b.1);
        *JOBS.iter().max_by(by_length).expect("three jobs")
    }

    /// The quickest job: its name and seconds.
    pub fn fastest() -> (&'static str, f64) {
        let by_length = |a: &&(&str, f64), b: &&(&str, f64)| a.1.total_cmp(&b.1);
        *JOBS.iter().min_by(by_length).expect("three jobs")
    }

    /// gather (the slowest job), first completed (the fastest), then a wait as long as the
    /// slowest job to show the cancelled ones print nothing more, then the timeout.
    pub fn ideal() -> f64 {
        slowest().1 + fastest().1 + slowest().1 + TIMEOUT_SECS
    }
}

/// Parameters of `http_fetch` (seed 001).
pub mod http_fetch {
    /// The seed's six sites and the latency it measured for each (seconds). The embedded
    /// server answers `/<name>` after that delay. They are read from `shared/data/sites.txt`,
    /// which `python/http_fetch.py` reads too (see [`crate::sites`]).
    pub const SITES: [(&str, f64); 6] = crate::sites::parse(include_str!("../data/sites.txt"));

    /// The workers' names, in order.
    pub const WORKERS: [&str; 8] = [
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
    ];

    /// Critical path of the six sites drained by `workers` workers taking the next URL as soon
    /// as they are free.
    pub fn ideal(workers: usize) -> f64 {
        let mut free_at = vec![0.0_f64; workers.max(1)];
        for (_, latency) in SITES {
            let next = free_at
                .iter_mut()
                .min_by(|a, b| a.total_cmp(b))
                .expect("one worker");
            *next += latency;
        }
        free_at.into_iter().fold(0.0, f64::max)
    }
}

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
            for runtime in [Runtime::Tokio, Runtime::AsyncStd, Runtime::Smol] {
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
        assert_eq!(Program::value_variants().len(), 12);
        assert_eq!(Program::PrimeSearch.name(), "prime_search");
        assert_eq!(Program::Makerandom.name(), "makerandom");
        assert_eq!(Runtime::AsyncStd.name(), "async-std");
        assert_eq!(Mode::Offload.name(), "offload");
        assert!(Mode::from_str("no-such-mode", false).is_err());
    }
}
