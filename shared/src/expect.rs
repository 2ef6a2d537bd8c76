//! What a run must print: the transcripts the tests of every runtime crate check against,
//! built from the catalogue's parameters (so a changed parameter changes them too).
//!
//! A transcript is a list of *groups*: the lines of one group fall on the same ideal instant,
//! so their relative order is a tie; groups come one after another. Lines that report a
//! measured time ([`Event::timing`](crate::out::Event)) are not part of it; chores' lines are
//! compared without their `[h:mm] ` story stamp (see [`strip_stamp`]).

use crate::catalogue::{self, Mode, Program, Runtime};

/// Lines grouped by ideal instant (see the module documentation).
pub type Groups = Vec<Vec<String>>;

fn one_each<S: ToString>(lines: impl IntoIterator<Item = S>) -> Groups {
    lines.into_iter().map(|l| vec![l.to_string()]).collect()
}

/// Groups lines by their ideal time (seconds at scale 1), earliest first; lines at one
/// instant keep the order given.
fn by_time(mut timed: Vec<(f64, String)>) -> Groups {
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups: Vec<(f64, Vec<String>)> = Vec::new();
    for (t, line) in timed {
        match groups.last_mut() {
            Some((at, group)) if (*at - t).abs() < 1e-9 => group.push(line),
            _ => groups.push((t, vec![line])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The transcript of `program` in `mode` under `runtime` with default options, or `None`
/// where the printed lines themselves depend on the scheduler (which worker takes an item
/// after a tie, blocking calls inside async code): tests of those assert what is certain.
/// Modes whose order is [`Scheduler`](catalogue::Ordering::Scheduler)-dependent get the order
/// of a single-threaded scheduler.
pub fn transcript(program: Program, runtime: Runtime, mode: Mode) -> Option<Groups> {
    use Mode::*;
    if !program.modes(runtime).contains(&mode) {
        return None;
    }
    Some(match (program, mode) {
        (Program::Count, Sequential) => one_each(["One", "Two"].repeat(3)),
        (Program::Count, _) => vec![vec!["One".into(); 3], vec!["Two".into(); 3]],
        (Program::RepeatMessage, Sequential) => one_each(
            catalogue::repeat_message::MESSAGES
                .iter()
                .flat_map(|(message, _)| {
                    std::iter::repeat_n(*message, catalogue::repeat_message::MAX_ITERS + 1)
                }),
        ),
        (Program::RepeatMessage, _) => by_time(
            catalogue::repeat_message::MESSAGES
                .iter()
                .flat_map(|&(message, interval)| {
                    (0..=catalogue::repeat_message::MAX_ITERS)
                        .map(move |k| (k as f64 * interval, message.to_string()))
                })
                .collect(),
        ),
        (Program::WorkQueue, Count) => {
            let mut lines = Vec::new();
            for item in catalogue::work_queue::ITEMS {
                lines.push("Task One is running.".to_string());
                lines.push(format!("Task One total: {item}"));
            }
            lines.push("Task Two nothing to do.".to_string());
            one_each(lines)
        }
        // The seed's generator transcript: each worker yields after every single count.
        (Program::WorkQueue, Cooperative) => one_each([
            "Task One is running.",
            "Task Two is running.",
            "Task Two total: 10",
            "Task Two is running.",
            "Task One total: 15",
            "Task One is running.",
            "Task Two total: 5",
            "Task One total: 2",
        ]),
        // The seed's blocking generators take turns, one item each (elapsed lines are timing).
        (Program::WorkQueue, Blocking) if !runtime.is_async() => {
            one_each(["One", "Two", "One", "Two"].map(|w| format!("Task {w} is running.")))
        }
        (Program::WorkQueue, _) => return None,
        (Program::PrimeSearch, Sequential) => {
            one_each(catalogue::prime_search::TARGETS.iter().flat_map(|x| {
                [
                    format!("▶ Highest prime below {x}"),
                    format!("▷ Highest prime below {x} is {}", highest_prime_below(*x)),
                ]
            }))
        }
        (Program::PrimeSearch, Concurrent | Offload) => {
            let mut timed: Vec<(f64, String)> = catalogue::prime_search::TARGETS
                .iter()
                .map(|x| (0.0, format!("▶ Highest prime below {x}")))
                .collect();
            for x in catalogue::prime_search::TARGETS {
                let p = highest_prime_below(x);
                let pauses = (x - 1 - p) as f64;
                timed.push((
                    pauses * catalogue::prime_search::PAUSE_SECS,
                    format!("▷ Highest prime below {x} is {p}"),
                ));
            }
            by_time(timed)
        }
        (Program::PrimeSearch, _) => return None,
        (Program::FindDivisible, Sequential | Greedy) => one_each(
            catalogue::find_divisible::JOBS
                .iter()
                .flat_map(|(n, d)| [finding(*n, *d), done(*n, *d)]),
        ),
        (Program::FindDivisible, _) => {
            // Every task yields at i = 0, so all start; then the smallest job finishes first.
            let jobs = catalogue::find_divisible::JOBS;
            let mut groups = vec![
                jobs.iter()
                    .map(|(n, d)| finding(*n, *d))
                    .collect::<Vec<_>>(),
            ];
            let mut by_size = jobs.to_vec();
            by_size.sort();
            groups.extend(by_size.iter().map(|(n, d)| vec![done(*n, *d)]));
            groups
        }
        (Program::Say, _) => one_each(catalogue::say::WORDS.map(|(word, _)| word)),
        (Program::Makerandom, Sequential) => {
            let mut rng = crate::random::PyRandom::new(catalogue::makerandom::SEED);
            let mut lines = Vec::new();
            for idx in 0..catalogue::makerandom::TASKS {
                lines.push(format!("Initiated makerandom({idx})."));
                loop {
                    let n = rng.randint(0, 10);
                    if n > catalogue::makerandom::threshold(idx) {
                        lines.push(format!("---> Finished: makerandom({idx}) == {n}"));
                        break;
                    }
                    lines.push(format!("makerandom({idx}) == {n} too low; retrying."));
                }
            }
            one_each(lines)
        }
        // async-io's timers (async-std, smol) keep exact deadlines, so at t = 2 s, 3 s, … two
        // tasks' deadlines differ by microseconds of wake-up latency: which one draws first
        // (and so which numbers each gets from the shared generator) is a real race there.
        // tokio rounds deadlines to its millisecond ticks and wakes same-tick timers in the
        // order they were set: CPython's order, every time.
        // The handmade runtime keeps exact deadlines too (its timer heap): the same race.
        (Program::Makerandom, _)
            if matches!(
                runtime,
                Runtime::AsyncStd | Runtime::Smol | Runtime::Handmade
            ) =>
        {
            return None;
        }
        (Program::Makerandom, _) => {
            let mut lines = Vec::new();
            for draw in catalogue::makerandom::schedule(catalogue::makerandom::SEED) {
                if draw.at == 0.0 {
                    lines.push(format!("Initiated makerandom({}).", draw.idx));
                }
                lines.push(makerandom_line(draw.idx, draw.value));
            }
            one_each(lines)
        }
        (Program::Chores, Sequential) => one_each(catalogue::chores::CHORES.iter().flat_map(|c| {
            [
                format!("start {}", c.describe()),
                format!("{} done", c.name),
            ]
        })),
        (Program::Chores, _) => {
            let [laundry, dinner, dishwasher, plants] = catalogue::chores::CHORES;
            let start = |c: catalogue::chores::Chore| format!("start {}", c.describe());
            let done = |c: catalogue::chores::Chore| format!("{} done", c.name);
            let mut groups = vec![
                vec![start(laundry), start(dinner)],
                vec![
                    done(laundry),
                    done(dinner),
                    start(dishwasher),
                    start(plants),
                ],
                vec![done(dishwasher), done(plants)],
            ];
            if mode == Threads {
                // One thread per chore: watering wants the person while dinner has them.
                groups[0].push(format!("{} waits for the person", plants.name));
            }
            groups
        }
        (Program::HttpFetch, _) => return None,
        (Program::Timers, _) => {
            let mut lines = vec![catalogue::timers::header(mode).to_string()];
            lines.extend((1..=catalogue::timers::SLEEPS).map(|k| format!("tick {k}")));
            one_each(lines)
        }
        (Program::RuntimeMixing, _) => one_each(runtime_mixing(runtime, mode)),
        (Program::LazyFutures, _) => one_each(lazy_futures(runtime)),
        (Program::RunInExecutor, _) => {
            let targets = catalogue::prime_search::TARGETS;
            let started = |x: &u64| format!("▶ Highest prime below {x}");
            let found =
                |x: &u64| format!("▷ Highest prime below {x} is {}", highest_prime_below(*x));
            // The blocking mistake: one search after another, as in the seed.
            let mut groups = vec![vec![concepts::BLOCKING_HEADER.to_string()]];
            groups.extend(
                targets
                    .iter()
                    .flat_map(|x| [vec![started(x)], vec![found(x)]]),
            );
            // Offloaded: the three start together, then finish by their number of pauses.
            groups.push(vec![concepts::OFFLOAD_HEADER.to_string()]);
            groups.push(targets.iter().map(started).collect());
            let mut by_pauses = targets.to_vec();
            by_pauses.sort_by_key(|x| x - highest_prime_below(*x));
            groups.extend(by_pauses.iter().map(|x| vec![found(x)]));
            groups
        }
        (Program::WaitVsGather, _) => {
            let jobs = catalogue::wait_vs_gather::JOBS;
            let started: Vec<String> = jobs.iter().map(|(n, _)| format!("{n} started")).collect();
            let mut by_length = jobs.to_vec();
            by_length.sort_by(|a, b| a.1.total_cmp(&b.1));
            let (fastest, rest) = (by_length[0].0, &by_length[1..]);
            let names: Vec<&str> = jobs.iter().map(|j| j.0).collect();
            let mut groups = vec![vec![concepts::GATHER_HEADER.to_string()], started.clone()];
            groups.extend(by_length.iter().map(|(n, _)| vec![format!("{n} finished")]));
            groups.push(vec![format!(
                "gathered [{}]: the order asked, not the order finished",
                names.join(", ")
            )]);
            groups.push(vec![concepts::FIRST_COMPLETED_HEADER.to_string()]);
            groups.push(started);
            groups.push(vec![format!("{fastest} finished")]);
            groups.push(vec![format!("first completed: {fastest}")]);
            // The rest are cancelled at one instant: their lines are a tie (tokio's JoinSet
            // reports them in the order they end, the others in the order they were started).
            groups.push(
                names
                    .iter()
                    .filter(|n| rest.iter().any(|r| r.0 == **n))
                    .map(|n| format!("{n}: cancelled before it finished"))
                    .collect(),
            );
            groups.push(vec![concepts::WAITING_LINE.to_string()]);
            groups.push(vec![concepts::TIMEOUT_HEADER.to_string()]);
            let slowest = by_length[by_length.len() - 1].0;
            groups.push(vec![format!("{slowest} started")]);
            groups.push(vec![format!(
                "timed out: {slowest} was dropped before it finished"
            )]);
            groups
        }
    })
}

/// The fixed lines of the concept programs that their binaries print too.
pub mod concepts {
    /// run_in_executor's first part.
    pub const BLOCKING_HEADER: &str = "the blocking mistake: a blocking sleep inside async code, three searches joined on one task";
    /// run_in_executor's second part.
    pub const OFFLOAD_HEADER: &str =
        "run_in_executor: each search on the blocking thread pool, awaited from async code";
    /// wait_vs_gather's parts.
    pub const GATHER_HEADER: &str = "asyncio.gather: spawn three tasks, join them all";
    pub const FIRST_COMPLETED_HEADER: &str = "asyncio.wait(FIRST_COMPLETED): spawn them again, take the first to finish, cancel the rest";
    pub const WAITING_LINE: &str =
        "waiting as long as the slowest job, in case a cancelled task still prints";
    pub const TIMEOUT_HEADER: &str = "asyncio.wait_for: the slow job with a timeout";
}

/// lazy_futures' lines under `runtime`: the same until the spawned task's handle is
/// dropped, which detaches the task under tokio and async-std and cancels it under smol;
/// then a task left napping when the program ends, which tokio (at shutdown) and the handmade
/// loop (when `block_on` returns) drop, and smol's and async-std's executors never do.
fn lazy_futures(runtime: Runtime) -> Vec<String> {
    let answer = catalogue::lazy_futures::ANSWER;
    let handle = if runtime == Runtime::Smol {
        "Task"
    } else {
        "JoinHandle"
    };
    let ran = "it ran to the end (detached)";
    let cancelled = "it was cancelled before it finished";
    let mut lines = vec![
        "created the future: nothing ran yet".to_string(),
        "answer() is running".to_string(),
        format!("awaited it: it ran and returned {answer}"),
        "dropped a future that was never awaited: it never ran".to_string(),
        "answer() is running".to_string(),
        "spawned it, then slept without awaiting it: it ran anyway".to_string(),
        format!("awaited the {handle}: {answer}"),
    ];
    match runtime {
        Runtime::Smol => lines.extend([
            format!("dropped the Task: {cancelled}"),
            "nap() finished".to_string(),
            format!("detached the Task: {ran}"),
        ]),
        _ => lines.extend([
            "nap() finished".to_string(),
            format!("dropped the JoinHandle: {ran}"),
            format!(
                "{} the JoinHandle: {cancelled}",
                if runtime == Runtime::Tokio {
                    "aborted"
                } else {
                    "cancelled"
                }
            ),
        ]),
    }
    lines.push(catalogue::lazy_futures::LEFT_NAPPING.to_string());
    if matches!(runtime, Runtime::Tokio | Runtime::Handmade) {
        lines.push(catalogue::lazy_futures::DROPPED_AT_SHUTDOWN.to_string());
    }
    lines
}

/// runtime_mixing's lines under `runtime` in `mode` (its timing lines aside): each mistake
/// with the message of the panic it causes, then each fix, which runs to its end.
fn runtime_mixing(runtime: Runtime, mode: Mode) -> Vec<String> {
    use catalogue::runtime_mixing::{NESTED_RUNTIME, NO_REACTOR, TASKS};
    let ran = |what: &str| format!("fix: {what} ran to its end");
    let name = runtime.name();
    match (runtime, mode) {
        (Runtime::Tokio, Mode::NestedBlockOn) => vec![
            format!("nested-block-on: Handle::block_on inside a task panicked: {NESTED_RUNTIME}"),
            ran(".await it inside the task: the sleep"),
            ran("Handle::block_on inside spawn_blocking: the sleep"),
        ],
        (Runtime::Tokio, _) => vec![
            format!(
                "no-reactor: tokio::time::sleep under futures::executor::block_on on a plain thread panicked: {NO_REACTOR}"
            ),
            ran("Handle::block_on on that thread: the sleep"),
            ran("Handle::enter on that thread, then futures::executor::block_on: the sleep"),
        ],
        (_, Mode::BlockedWorker) => {
            let (block_on, sleep, own) = if runtime == Runtime::Smol {
                ("smol::block_on", "Timer::after(nap)", "the smol timer")
            } else {
                (
                    "async_std::task::block_on",
                    "task::sleep(nap)",
                    "the async-std sleep",
                )
            };
            vec![
                format!(
                    "blocked-worker: {TASKS} tokio tasks on one worker, each in {block_on}({sleep})"
                ),
                format!("fix: each tokio task awaits {own}"),
            ]
        }
        _ => {
            let task = if matches!(runtime, Runtime::Smol | Runtime::Handmade) {
                format!("a {name} task")
            } else {
                format!("an {name} task")
            };
            vec![
                format!("no-reactor: tokio::time::sleep awaited in {task} panicked: {NO_REACTOR}"),
                ran("inside async_compat::Compat, the tokio sleep"),
                ran("made inside a tokio runtime's Handle::enter, the tokio sleep"),
            ]
        }
    }
}

/// The line `makerandom(idx)` prints for a draw of `n`.
pub fn makerandom_line(idx: usize, n: i64) -> String {
    if n > catalogue::makerandom::threshold(idx) {
        format!("---> Finished: makerandom({idx}) == {n}")
    } else {
        format!("makerandom({idx}) == {n} too low; retrying.")
    }
}

fn highest_prime_below(x: u64) -> u64 {
    (1..x)
        .rev()
        .find(|&y| catalogue::prime_search::is_prime(y))
        .expect("a prime below x")
}

fn finding(n: u64, d: u64) -> String {
    format!("Finding nums in range {n} divisible by {d}")
}

fn done(n: u64, d: u64) -> String {
    format!("Done w/ nums in range {n} divisible by {d}")
}

/// `[1:30] laundry done` → `laundry done`: chores' lines without their story stamp.
pub fn strip_stamp(line: &str) -> &str {
    match line.split_once("] ") {
        Some((stamp, rest)) if stamp.starts_with('[') => rest,
        _ => line,
    }
}

/// Checks `lines` against `groups`: the same lines, group after group, any order inside a
/// group. The error says where they part.
pub fn check(lines: &[String], groups: &Groups) -> Result<(), String> {
    let mut rest = lines;
    for (i, group) in groups.iter().enumerate() {
        if rest.len() < group.len() {
            return Err(format!(
                "group {i} {group:?}: only {:?} left\nwhole output: {lines:#?}",
                rest
            ));
        }
        let (head, tail) = rest.split_at(group.len());
        let (mut got, mut want) = (head.to_vec(), group.clone());
        got.sort();
        want.sort();
        if got != want {
            return Err(format!(
                "group {i}: expected {want:?} in any order, got {head:?}\nwhole output: {lines:#?}"
            ));
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(format!(
            "unexpected lines after the transcript: {rest:?}\nwhole output: {lines:#?}"
        ));
    }
    Ok(())
}

/// The lines of `events` a transcript speaks of: no timing lines but chores' (without their
/// stamp, which is measured).
pub fn comparable(events: &[crate::out::Event]) -> Vec<String> {
    events
        .iter()
        .filter(|e| !e.timing || e.line.starts_with('['))
        .map(|e| strip_stamp(&e.line).to_string())
        .collect()
}

/// Asserts that `events` print `program`'s transcript in `mode` under `runtime`.
#[track_caller]
pub fn assert_transcript(
    events: &[crate::out::Event],
    program: Program,
    runtime: Runtime,
    mode: Mode,
) {
    let groups = transcript(program, runtime, mode).unwrap_or_else(|| {
        panic!("{program} --mode {mode} under {runtime} has no fixed transcript")
    });
    if let Err(why) = check(&comparable(events), &groups) {
        panic!("{program} --mode {mode} under {runtime}: {why}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn check_accepts_ties_in_any_order_and_nothing_else() {
        let groups = vec![s(&["a", "b"]), s(&["c"])];
        assert!(check(&s(&["b", "a", "c"]), &groups).is_ok());
        assert!(check(&s(&["a", "c", "b"]), &groups).is_err());
        assert!(check(&s(&["a", "b"]), &groups).is_err());
        assert!(check(&s(&["a", "b", "c", "d"]), &groups).is_err());
    }

    #[test]
    fn makerandom_concurrent_is_the_seeds_transcript_from_line_four_on() {
        let lines: Vec<String> = transcript(Program::Makerandom, Runtime::Tokio, Mode::Concurrent)
            .unwrap()
            .concat();
        // The seed's transcript (seed 003), tasks started 2, 1, 0.
        let seed = s(&[
            "Initiated makerandom(2).",
            "makerandom(2) == 4 too low; retrying.",
            "Initiated makerandom(1).",
            "makerandom(1) == 4 too low; retrying.",
            "Initiated makerandom(0).",
            "makerandom(0) == 0 too low; retrying.",
            "makerandom(0) == 4 too low; retrying.",
            "makerandom(1) == 7 too low; retrying.",
            "makerandom(0) == 4 too low; retrying.",
            "makerandom(2) == 4 too low; retrying.",
            "makerandom(0) == 8 too low; retrying.",
            "---> Finished: makerandom(1) == 10",
            "makerandom(0) == 7 too low; retrying.",
            "makerandom(0) == 8 too low; retrying.",
            "makerandom(2) == 4 too low; retrying.",
            "makerandom(0) == 7 too low; retrying.",
            "makerandom(0) == 1 too low; retrying.",
            "makerandom(0) == 6 too low; retrying.",
            "---> Finished: makerandom(2) == 9",
            "makerandom(0) == 3 too low; retrying.",
            "makerandom(0) == 9 too low; retrying.",
            "makerandom(0) == 7 too low; retrying.",
            "---> Finished: makerandom(0) == 10",
        ]);
        assert_eq!(lines[6..], seed[6..]);
        assert_eq!(lines[0], "Initiated makerandom(0).");
    }

    #[test]
    fn prime_search_concurrent_finishes_1000_then_100000_then_10000() {
        let groups = transcript(Program::PrimeSearch, Runtime::Smol, Mode::Concurrent).unwrap();
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[0].len(), 3);
        assert_eq!(groups[1], ["▷ Highest prime below 1000 is 997"]);
        assert_eq!(groups[2], ["▷ Highest prime below 100000 is 99991"]);
        assert_eq!(groups[3], ["▷ Highest prime below 10000 is 9973"]);
    }

    #[test]
    fn repeat_message_ties_fall_every_one_and_a_half_seconds() {
        let groups = transcript(Program::RepeatMessage, Runtime::Tokio, Mode::Concurrent).unwrap();
        assert_eq!(groups[0].len(), 3); // t = 0
        assert_eq!(groups.concat().len(), 33);
        assert!(
            groups
                .iter()
                .any(|g| g.len() == 3 && g.contains(&"EXPLOSIONS!".to_string()))
        );
    }
}
