//! say through the real binary: hello then world, one sleep after the other, and
//! `--forever` stopped by a real SIGINT.

use shared::testing::run_traced;
use shared::testing::say::assert_say_forever_stops_cleanly_on_ctrl_c;

#[test]
fn say_prints_hello_then_world_one_sleep_after_the_other() {
    let trace = run_traced(env!("CARGO_BIN_EXE_say"), &["--scale", "0.01"]);
    let lines: Vec<&str> = trace.events.iter().map(|e| e.line.as_str()).collect();
    assert_eq!(lines, ["hello", "world"]);
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
