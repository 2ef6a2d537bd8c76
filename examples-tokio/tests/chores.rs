//! chores under tokio: the exact story clock under the paused clock.
//!
//! Why the paused clock: with `start_paused = true` tokio's clock stands still and jumps
//! straight to the next timer whenever every task is idle, so the story runs in microseconds and
//! every stamp is exact (`[1:00]`, never `[1:01]`). It needs the current-thread runtime, which is
//! what `#[tokio::test]` builds; the output sink reads tokio's clock, so the stamps are virtual.

use examples_tokio::chores;
use shared::expect::{check, transcript};
use shared::{Mode, Program, Runtime};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused};

// Paused clock: the machines run while the person works, in exact virtual time.
#[tokio::test(start_paused = true)]
async fn concurrent_chores_take_an_hour_and_a_half() {
    let out = run_paused(Program::Chores, Mode::Concurrent, chores::run).await;
    assert_transcript(&out, Program::Chores, Mode::Concurrent);
    // The same groups with their exact stamps: 0:00, 1:00 and 1:30.
    let stamped: Vec<Vec<String>> = transcript(Program::Chores, Runtime::Tokio, Mode::Concurrent)
        .unwrap()
        .into_iter()
        .zip(["0:00", "1:00", "1:30"])
        .map(|(group, stamp)| group.iter().map(|l| format!("[{stamp}] {l}")).collect())
        .collect();
    let mut lines = out.lines();
    assert_eq!(lines.pop().unwrap(), "all chores done in 1:30");
    check(&lines, &stamped).unwrap();
    assert_ideal(&out, Program::Chores, Mode::Concurrent);
}

// Paused clock: one chore after another, in exact virtual time.
#[tokio::test(start_paused = true)]
async fn sequential_chores_take_three_hours() {
    let out = run_paused(Program::Chores, Mode::Sequential, chores::run).await;
    assert_eq!(
        out.lines(),
        [
            "[0:00] start laundry (machine, 1 h)",
            "[1:00] laundry done",
            "[1:00] start make dinner (by hand, 1 h)",
            "[2:00] make dinner done",
            "[2:00] start dishwasher (machine, 30 min)",
            "[2:30] dishwasher done",
            "[2:30] start water plants (by hand, 30 min)",
            "[3:00] water plants done",
            "all chores done in 3:00",
        ]
    );
    assert_transcript(&out, Program::Chores, Mode::Sequential);
    assert_ideal(&out, Program::Chores, Mode::Sequential);
}
