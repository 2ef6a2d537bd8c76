//! What the polls in a real run's trace show (`--trace`, `shared::polls`): the blocking
//! mistake holds the only thread for a whole sleep, cooperative tasks yield and greedy ones do
//! not, and count's three tasks wait at the same time. Every run names its flavour, and a
//! small `--scale`, so the facts hold whatever the defaults are.

use shared::catalogue::find_divisible::{JOBS, YIELD_EVERY};
use shared::catalogue::work_queue::ITEMS;
use shared::chrome::check_trace_event_format;
use shared::out::Trace;
use shared::polls::Poll;
use shared::testing::run_traced;

fn run(bin: &str, args: &[&str]) -> Trace {
    let exe = match bin {
        "work_queue" => env!("CARGO_BIN_EXE_work_queue"),
        "find_divisible" => env!("CARGO_BIN_EXE_find_divisible"),
        "count" => env!("CARGO_BIN_EXE_count"),
        other => panic!("no binary {other}"),
    };
    run_traced(exe, args)
}

fn polls_of<'a>(trace: &'a Trace, task: &str) -> Vec<&'a Poll> {
    trace.polls.iter().filter(|p| p.task == task).collect()
}

#[test]
fn a_blocking_sleep_is_one_long_poll_while_the_other_worker_waits() {
    let scale = 0.02;
    let trace = run(
        "work_queue",
        &[
            "--mode",
            "blocking",
            "--flavor",
            "current-thread",
            "--scale",
            "0.02",
        ],
    );
    // Task One takes the first item, 15 s (0.3 s here), and sleeps it blocking the thread.
    let sleep_us = (ITEMS[0] as f64 * scale * 1e6) as u64;
    let one = polls_of(&trace, "Task One");
    let two = polls_of(&trace, "Task Two");
    assert!(!one.is_empty() && !two.is_empty(), "{:?}", trace.polls);
    let long = one.iter().max_by_key(|p| p.dur_us).unwrap();
    assert!(
        long.dur_us * 10 >= sleep_us * 9,
        "the longest poll of Task One, {} µs, is under 90 % of its {sleep_us} µs sleep",
        long.dur_us
    );
    // While it runs, Task Two is never polled: one thread, and it is held.
    for p in &two {
        assert!(
            p.end_us() <= long.start_us || p.start_us >= long.end_us(),
            "Task Two polled at {p:?} during Task One's blocking poll {long:?}"
        );
    }
    // Every poll is on the one thread.
    assert!(
        trace.polls.iter().all(|p| p.thread == "main"),
        "{:?}",
        trace.polls
    );
}

#[test]
fn cooperative_searches_yield_and_greedy_ones_do_not() {
    let name = |(n, d): (u64, u64)| format!("find_divisibles({n}, {d})");
    let largest = *JOBS.iter().max_by_key(|(n, _)| n).unwrap();
    let cooperative = run(
        "find_divisible",
        &["--mode", "cooperative", "--flavor", "current-thread"],
    );
    let polls = polls_of(&cooperative, &name(largest)).len();
    assert!(
        polls >= 10,
        "{polls} polls for the largest search ({} yields expected)",
        largest.0 / YIELD_EVERY
    );
    let greedy = run(
        "find_divisible",
        &["--mode", "greedy", "--flavor", "current-thread"],
    );
    for job in JOBS {
        let polls = polls_of(&greedy, &name(job));
        assert!(
            (1..=2).contains(&polls.len()),
            "greedy {}: {polls:?}",
            name(job)
        );
        assert!(polls.last().unwrap().ready);
    }
}

/// A task's waits: from the end of one poll to the start of the next, in µs.
fn waits(polls: &[&Poll]) -> Vec<(u64, u64)> {
    polls
        .windows(2)
        .map(|w| (w[0].end_us(), w[1].start_us))
        .collect()
}

#[test]
fn count_concurrent_tasks_wait_at_the_same_time() {
    for flavor in ["current-thread", "multi-thread"] {
        let trace = run(
            "count",
            &[
                "--mode",
                "concurrent",
                "--flavor",
                flavor,
                "--scale",
                "0.05",
            ],
        );
        let tasks: Vec<Vec<(u64, u64)>> = (1..=3)
            .map(|k| {
                let polls = polls_of(&trace, &format!("count() #{k}"));
                assert!(polls.len() >= 2, "count() #{k}: {polls:?}");
                assert!(polls.last().unwrap().ready);
                waits(&polls)
            })
            .collect();
        for (a, waits_a) in tasks.iter().enumerate() {
            for (b, waits_b) in tasks.iter().enumerate().filter(|&(b, _)| b != a) {
                let overlap = waits_a
                    .iter()
                    .any(|&(s, e)| waits_b.iter().any(|&(s2, e2)| s < e2 && s2 < e));
                assert!(
                    overlap,
                    "{flavor}: count() #{} and #{} never wait together: {waits_a:?} {waits_b:?}",
                    a + 1,
                    b + 1
                );
            }
        }
        // The main task is traced too, and the lines are on their task's lane.
        assert!(!polls_of(&trace, "main").is_empty());
        let lanes = shared::polls::Lanes::of(&trace);
        let ones: Vec<&str> = trace
            .events
            .iter()
            .zip(&lanes.of_event)
            .filter(|(e, _)| e.line == "One")
            .map(|(_, &l)| lanes.names[l].as_str())
            .collect();
        assert_eq!(ones.len(), 3);
        assert!(ones.iter().all(|l| l.starts_with("count() #")), "{ones:?}");
    }
}

#[test]
fn chrome_trace_of_a_real_run_is_valid_trace_event_format() {
    let path = std::env::temp_dir().join(format!("count-chrome-{}.json", std::process::id()));
    let out = shared::testing::run_bin(
        env!("CARGO_BIN_EXE_count"),
        &["--scale", "0.01", "--chrome-trace", path.to_str().unwrap()],
        std::time::Duration::from_secs(60),
    );
    assert_eq!(out.code(), Some(0), "{out:?}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    std::fs::remove_file(&path).unwrap();
    check_trace_event_format(&value).unwrap();
    let events = value["traceEvents"].as_array().unwrap();
    let x = events.iter().filter(|e| e["ph"] == "X").count();
    let lines = events.iter().filter(|e| e["ph"] == "i").count();
    assert!(
        x >= 2 * 7,
        "each count() twice, main at least once, on two tracks: {x}"
    );
    assert_eq!(lines, 7, "One ×3, Two ×3, executed in");
    for k in 1..=3 {
        let name = format!("count() #{k}");
        assert!(
            events
                .iter()
                .any(|e| e["ph"] == "M" && e["args"]["name"] == name.as_str()),
            "no track {name}"
        );
    }
}
