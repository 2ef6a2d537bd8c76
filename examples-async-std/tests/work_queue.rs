//! work_queue under async-std, in real time at a small scale: what is certain about who takes
//! which item, and the blocking mistake on a pool of one thread and of two. The checks are
//! shared with smol's (`shared::testing::work_queue`); this file says how to run them under
//! async-std.

use shared::Runtime;
use shared::testing::work_queue::{
    assert_async_workers_share_the_queue,
    assert_blocking_on_one_thread_lets_worker_one_take_everything,
    assert_blocking_on_two_threads_blocks_two_threads_at_once,
};

#[test]
fn async_workers_share_the_queue() {
    assert_async_workers_share_the_queue(Runtime::AsyncStd, |run| {
        async_std::task::block_on(examples_async_std::work_queue::run(run))
    });
}

#[test]
fn blocking_on_one_pool_thread_lets_worker_one_take_everything() {
    assert_blocking_on_one_thread_lets_worker_one_take_everything(
        env!("CARGO_BIN_EXE_work_queue"),
        "ASYNC_STD_THREAD_COUNT",
    );
}

#[test]
fn blocking_on_two_pool_threads_blocks_two_threads_at_once() {
    assert_blocking_on_two_threads_blocks_two_threads_at_once(
        env!("CARGO_BIN_EXE_work_queue"),
        "ASYNC_STD_THREAD_COUNT",
    );
}
