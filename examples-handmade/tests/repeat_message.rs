//! repeat_message on the handmade runtime, in real time at a small scale: the printed lines of both
//! modes, the seed's timing line, generous bounds on the elapsed time. The checks are shared
//! with async-std (`shared::testing::repeat_message`); this file says how to run them here.

use examples_handmade::runtime;
use shared::testing::repeat_message as check;
use shared::{NoOpts, Run, Runtime};

/// Runs repeat_message's future on this crate's runtime.
fn block_on(run: Run<NoOpts>) -> anyhow::Result<()> {
    runtime::block_on(examples_handmade::repeat_message::run(run))
}

#[test]
fn repeat_message_concurrent_interleaves_the_three_messages() {
    check::assert_concurrent_interleaves_the_three_messages(Runtime::Handmade, block_on);
}

#[test]
fn repeat_message_sequential_prints_each_message_eleven_times_in_turn() {
    check::assert_sequential_prints_each_message_eleven_times_in_turn(Runtime::Handmade, block_on);
}

#[test]
fn repeat_message_deadline_keeps_each_message_on_its_beat() {
    check::assert_deadline_keeps_each_message_on_its_beat(Runtime::Handmade, block_on);
}
