//! say: the two words under tokio's paused clock, and `--forever` through the real binary,
//! stopped by a real SIGINT.

use shared::expect::assert_transcript;
use shared::testing::say::{
    assert_say_forever_stops_cleanly_on_ctrl_c, assert_say_without_forever_ends_by_itself,
};
use shared::{Mode, Out, Program, Run, Runtime, SayOpts};

// Paused clock (current-thread runtime, timers fire exactly on time): hello at 0.5 s, world
// at 1 s, and the run ends at exactly 1 s.
#[tokio::test(start_paused = true)]
async fn say_prints_hello_then_world_in_one_second() {
    let out = Out::capture_with_clock(|| tokio::time::Instant::now().into_std());
    let run = Run::capture(
        Program::Say,
        Runtime::Tokio,
        Mode::Concurrent,
        1.0,
        SayOpts::default(),
    )
    .with_out(out.clone());
    examples_tokio::say::run(run).await.unwrap();
    assert_transcript(
        &out.recorded(),
        Program::Say,
        Runtime::Tokio,
        Mode::Concurrent,
    );
    let times: Vec<u64> = out.recorded().iter().map(|e| e.t_us).collect();
    assert_eq!(times, [500_000, 1_000_000]);
    assert_eq!(out.elapsed(), Program::Say.ideal(Mode::Concurrent).unwrap());
}

#[test]
fn say_forever_keeps_running_until_ctrl_c_then_exits_cleanly() {
    for flavor in ["multi-thread", "current-thread"] {
        assert_say_forever_stops_cleanly_on_ctrl_c(
            env!("CARGO_BIN_EXE_say"),
            &["--flavor", flavor],
        );
    }
}

#[test]
fn say_without_forever_ends_by_itself() {
    assert_say_without_forever_ends_by_itself(env!("CARGO_BIN_EXE_say"));
}
