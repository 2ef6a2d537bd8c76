//! repeat_message under tokio's paused clock: the printed lines and the exact virtual elapsed
//! time of every mode; and `--mode deadline` once in real time.
//!
//! With `start_paused = true` (current-thread runtime) tokio's clock stands still and jumps
//! to the next timer whenever every task is idle, so the 30 s and 15 s runs take
//! microseconds and end at exactly their ideal time. The sink reads tokio's clock.

use examples_tokio::repeat_message;
use shared::cli::Flavor;
use shared::{Mode, Out, Program, Runtime};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused};

// Paused clock: the three repeaters' sleeps line up exactly; the run takes exactly 15 s.
#[tokio::test(start_paused = true)]
async fn repeat_message_concurrent_interleaves_the_three_in_fifteen_seconds() {
    let out = run_paused(
        Program::RepeatMessage,
        Mode::Concurrent,
        repeat_message::run,
    )
    .await;
    // At t = 0, 1.5 s, 3 s, … two or three messages are due at the same instant: their order
    // is a tie, which the transcript's groups allow either way. Every other line has its place.
    assert_transcript(&out, Program::RepeatMessage, Mode::Concurrent);
    assert_ideal(&out, Program::RepeatMessage, Mode::Concurrent);
    // The seed's last line, its float printed as Python prints one.
    assert_eq!(
        out.lines().last().unwrap(),
        "Execution time in seconds: 15.0"
    );
    assert!(out.recorded().last().unwrap().timing);
}

// Paused clock: the run takes exactly 5 + 10 + 15 = 30 s.
#[tokio::test(start_paused = true)]
async fn repeat_message_sequential_prints_each_message_eleven_times_in_thirty_seconds() {
    let out = run_paused(
        Program::RepeatMessage,
        Mode::Sequential,
        repeat_message::run,
    )
    .await;
    assert_transcript(&out, Program::RepeatMessage, Mode::Sequential);
    assert_ideal(&out, Program::RepeatMessage, Mode::Sequential);
    assert_eq!(
        out.lines().last().unwrap(),
        "Execution time in seconds: 30.0"
    );
}

// Paused clock: each line's virtual timestamp is exactly a multiple of its message's
// interval, in both modes that run the repeaters together (the intervals are whole
// milliseconds, so tokio's rounding costs nothing here; `timers` shows where it does).
#[tokio::test(start_paused = true)]
async fn repeat_message_concurrent_and_deadline_print_each_message_on_its_own_beat() {
    for mode in [Mode::Concurrent, Mode::Deadline] {
        let out = run_paused(Program::RepeatMessage, mode, repeat_message::run).await;
        assert_transcript(&out, Program::RepeatMessage, mode);
        assert_ideal(&out, Program::RepeatMessage, mode);
        assert_on_beat(&out);
    }
}

/// Each message's k-th line was printed at exactly k intervals.
fn assert_on_beat(out: &Out) {
    for (message, interval) in shared::catalogue::repeat_message::MESSAGES {
        let times: Vec<u64> = out
            .recorded()
            .iter()
            .filter(|e| e.line == message)
            .map(|e| e.t_us)
            .collect();
        let beat = (interval * 1e6) as u64;
        let expected: Vec<u64> = (0..=10).map(|k| k * beat).collect();
        assert_eq!(times, expected, "{message}");
    }
}

// Real time (the paused clock would hide the lateness the mode is about): every line on its
// beat within generous bounds, on the multi-thread runtime.
#[test]
fn repeat_message_deadline_keeps_each_message_on_its_beat_in_real_time() {
    shared::testing::repeat_message::assert_deadline_keeps_each_message_on_its_beat(
        Runtime::Tokio,
        |run| examples_tokio::runtime(Flavor::MultiThread)?.block_on(repeat_message::run(run)),
    );
}
