//! say on the handmade runtime: hello then world in real time at a small scale, and `--forever`
//! through the real binary, stopped by a real SIGINT. The checks are shared with async-std
//! (`shared::testing::say`).

use examples_handmade::runtime;
use shared::Runtime;
use shared::testing::say as check;

#[test]
fn say_prints_hello_then_world_sleeping_at_the_same_time() {
    check::assert_say_prints_hello_then_world_sleeping_at_the_same_time(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::say::run(run))
    });
}

#[test]
fn say_forever_keeps_running_until_ctrl_c_then_exits_cleanly() {
    check::assert_say_forever_stops_cleanly_on_ctrl_c(env!("CARGO_BIN_EXE_say"), &[]);
}

#[test]
fn say_without_forever_ends_by_itself() {
    check::assert_say_without_forever_ends_by_itself(env!("CARGO_BIN_EXE_say"));
}
