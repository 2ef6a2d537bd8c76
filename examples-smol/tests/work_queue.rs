//! work_queue under smol, in real time at a small scale: what is certain about who takes
//! which item, and the blocking mistake on one executor thread and on two. The checks are
//! shared with async-std's (`shared::testing::work_queue`); this file says how to run them
//! under smol.

use shared::Runtime;
use shared::testing::work_queue::{
    assert_async_workers_share_the_queue,
    assert_blocking_on_one_thread_lets_worker_one_take_everything,
    assert_blocking_on_two_threads_blocks_two_threads_at_once,
};

#[test]
fn async_workers_share_the_queue() {
    assert_async_workers_share_the_queue(Runtime::Smol, |run| {
        smol::block_on(examples_smol::work_queue::run(run))
    });
}

#[test]
fn blocking_on_one_executor_thread_lets_worker_one_take_everything() {
    assert_blocking_on_one_thread_lets_worker_one_take_everything(
        env!("CARGO_BIN_EXE_work_queue"),
        "SMOL_THREADS",
    );
}

#[test]
fn blocking_on_two_executor_threads_blocks_two_threads_at_once() {
    assert_blocking_on_two_threads_blocks_two_threads_at_once(
        env!("CARGO_BIN_EXE_work_queue"),
        "SMOL_THREADS",
    );
}
