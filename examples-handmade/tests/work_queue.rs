//! work_queue on the handmade runtime, in real time at a small scale: what is certain about who takes
//! which item, and the blocking mistake on one executor thread and on two. The checks are
//! shared with async-std's (`shared::testing::work_queue`); this file says how to run them
//! on the handmade runtime.

use examples_handmade::runtime;
use shared::Runtime;
use shared::testing::work_queue::{
    assert_async_workers_share_the_queue,
    assert_blocking_on_one_thread_lets_worker_one_take_everything,
};

#[test]
fn async_workers_share_the_queue() {
    assert_async_workers_share_the_queue(Runtime::Handmade, |run| {
        runtime::block_on(examples_handmade::work_queue::run(run))
    });
}

#[test]
fn blocking_on_one_executor_thread_lets_worker_one_take_everything() {
    assert_blocking_on_one_thread_lets_worker_one_take_everything(
        env!("CARGO_BIN_EXE_work_queue"),
        // The runtime reads no variable: it has one thread whatever the environment says.
        "HANDMADE_THREADS",
    );
}
