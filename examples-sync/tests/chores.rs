//! chores through the real binary: one chore after another, and one thread per chore with one
//! person to share.

use shared::expect::assert_transcript;
use shared::out::Trace;
use shared::{Mode, Program, Runtime};

/// Runs chores in `mode` at `scale` with a trace, checks it succeeded and that stdout is the
/// trace's lines, and returns the trace.
fn run_traced(mode: Mode, scale: &str) -> Trace {
    let args = ["--mode", mode.name(), "--scale", scale];
    shared::testing::run_traced(env!("CARGO_BIN_EXE_chores"), &args)
}

/// The story minutes of the last line, `all chores done in h:mm`.
fn total_minutes(trace: &Trace) -> u64 {
    let last = &trace.events.last().expect("some lines").line;
    let clock = last
        .strip_prefix("all chores done in ")
        .unwrap_or_else(|| panic!("{last:?}"));
    let (h, m) = clock.split_once(':').unwrap();
    h.parse::<u64>().unwrap() * 60 + m.parse::<u64>().unwrap()
}

#[test]
fn sequential_chores_take_three_story_hours() {
    let trace = run_traced(Mode::Sequential, "0.05");
    assert_transcript(
        &trace.events,
        Program::Chores,
        Runtime::Sync,
        Mode::Sequential,
    );
    assert!(total_minutes(&trace) >= 180, "{:#?}", trace.events);
}

#[test]
fn threads_share_the_one_person_and_take_an_hour_and_a_half() {
    // At scale 0.2 a story hour is 200 ms: a thread would have to start 100 ms late to break
    // the order of the groups.
    let trace = run_traced(Mode::Threads, "0.2");
    assert_transcript(&trace.events, Program::Chores, Runtime::Sync, Mode::Threads);
    // Watering waited for the person from the start (well before 1:00), while dinner had
    // them.
    let waits = trace
        .events
        .iter()
        .find(|e| e.line.ends_with("] water plants waits for the person"))
        .expect("a waits line");
    assert!(waits.line.starts_with("[0:"), "{}", waits.line);
    // 1.5 story hours at least (every sleep lasts its time), and far from the 3 of one thread.
    let minutes = total_minutes(&trace);
    assert!((90..180).contains(&minutes), "{minutes} story minutes");
}
