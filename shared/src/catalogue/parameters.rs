//! The catalogue's parameters, one module per program: the seed's numbers (sleeps, items,
//! thresholds, sites) and what follows from them (ideal times of the modes whose critical
//! path needs arithmetic). Re-exported as `shared::catalogue::<program>`.

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

/// Parameters of `timers` (after seed 000: repeat_message's loop of sleeps).
pub mod timers {
    use crate::catalogue::Mode;

    /// How many sleeps each form makes.
    pub const SLEEPS: u32 = 10;
    /// How long each one is, in seconds.
    pub const PERIOD_SECS: f64 = 0.5;

    /// Every form: `SLEEPS` periods.
    pub fn ideal() -> f64 {
        f64::from(SLEEPS) * PERIOD_SECS
    }

    /// Whether the form lets each sleep's lateness add to the next: the naive loop
    /// everywhere, and async-std's `stream::interval`, which re-arms from each tick.
    pub fn drifts(runtime: crate::catalogue::Runtime, mode: Mode) -> bool {
        mode == Mode::Naive
            || (runtime == crate::catalogue::Runtime::AsyncStd && mode == Mode::Interval)
    }

    /// The first line of each form.
    pub fn header(mode: Mode) -> &'static str {
        match mode {
            Mode::Interval => "interval: the runtime's interval timer, 10 ticks of the period",
            Mode::Deadline => "deadline: sleep until start + k × period, for k = 1 to 10",
            _ => "naive: sleep for the period, 10 times, each sleep from the end of the last",
        }
    }
}

/// Parameters of `runtime_mixing`.
pub mod runtime_mixing {
    use crate::catalogue::Mode;

    /// Each fix naps this long (seconds), and so does each task of `blocked-worker`.
    pub const NAP_SECS: f64 = 0.5;
    /// How many tokio tasks nap at once in `blocked-worker`.
    pub const TASKS: usize = 3;
    /// tokio's panic message for a tokio future where no tokio runtime is entered.
    pub const NO_REACTOR: &str =
        "there is no reactor running, must be called from the context of a Tokio 1.x runtime";
    /// tokio's panic message for `block_on` inside a runtime (its first line, all of it).
    pub const NESTED_RUNTIME: &str = "Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks. If you are in an async function, use `.await` on the future instead of blocking on it.";

    /// The mistakes panic at once; each fix naps once. `blocked-worker`: the `TASKS` naps one
    /// after another on the blocked worker (the single-threaded answer), then one nap for
    /// the fix.
    pub fn ideal(mode: Mode) -> f64 {
        match mode {
            Mode::BlockedWorker => (TASKS + 1) as f64 * NAP_SECS,
            _ => 2.0 * NAP_SECS,
        }
    }
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
    /// How long the last task naps: far longer than the program, which ends before it does.
    pub const LONG_NAP_SECS: f64 = 3600.0;
    /// The last step: a task detached while it naps for an hour, and the program ends.
    pub const LEFT_NAPPING: &str = "detached a task that naps for an hour; the program ends now";
    /// What that task says when it is dropped: only tokio's runtime drops it, at shutdown.
    pub const DROPPED_AT_SHUTDOWN: &str =
        "the runtime shut down and dropped the napping task it still had";

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
    pub const SITES: [(&str, f64); 6] = crate::sites::parse(include_str!("../../data/sites.txt"));

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
