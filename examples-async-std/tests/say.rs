//! say under async-std: hello then world in real time at a small scale, and `--forever`
//! through the real binary, stopped by a real SIGINT.

use std::time::Duration;

use shared::expect::assert_transcript;
use shared::testing::assert_say_forever_stops_cleanly_on_ctrl_c;
use shared::{Mode, Program, Run, Runtime, SayOpts};

#[test]
fn say_prints_hello_then_world_sleeping_at_the_same_time() {
    let run = Run::capture(
        Program::Say,
        Runtime::AsyncStd,
        Mode::Concurrent,
        0.4,
        SayOpts::default(),
    );
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::say::run(run)).unwrap();
    // hello is due 200 ms before world: a task would have to be that late to swap them.
    assert_transcript(
        &out.recorded(),
        Program::Say,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
    let events = out.recorded();
    assert!(events[0].t_us >= 200_000, "{events:?}");
    assert!(events[1].t_us >= 400_000, "{events:?}");
    // The two sleeps overlap: well under the 600 ms of one after the other.
    assert!(
        out.elapsed() < Duration::from_millis(600),
        "{:?}",
        out.elapsed()
    );
}

#[test]
fn say_forever_keeps_running_until_ctrl_c_then_exits_cleanly() {
    assert_say_forever_stops_cleanly_on_ctrl_c(env!("CARGO_BIN_EXE_say"), &[]);
}

#[test]
fn say_without_forever_ends_by_itself() {
    let run = shared::testing::run_bin(
        env!("CARGO_BIN_EXE_say"),
        &["--scale", "0.01"],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
