//! say through the real binary: hello then world, one sleep after the other, and
//! `--forever` stopped by a real SIGINT.

use std::time::Duration;

use shared::out::Trace;
use shared::testing::run_bin;
use shared::testing::say::assert_say_forever_stops_cleanly_on_ctrl_c;

#[test]
fn say_prints_hello_then_world_one_sleep_after_the_other() {
    let path = std::env::temp_dir().join(format!("examples-sync-say-{}.jsonl", std::process::id()));
    let run = run_bin(
        env!("CARGO_BIN_EXE_say"),
        &[
            "--scale",
            "0.01",
            "--trace",
            path.to_str().expect("a UTF-8 temp path"),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    let trace = Trace::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    // Blocking sleeps add up: world comes after 5 ms + 10 ms, not after 10 ms.
    let world = &trace.events[1];
    assert_eq!(world.line, "world");
    assert!(world.t_us >= 15_000, "{world:?}");
    assert_eq!(trace.summary.mode, "sequential");
}

#[test]
fn say_forever_keeps_running_until_ctrl_c_then_exits_cleanly() {
    assert_say_forever_stops_cleanly_on_ctrl_c(env!("CARGO_BIN_EXE_say"), &[]);
}
