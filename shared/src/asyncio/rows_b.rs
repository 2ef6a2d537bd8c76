//! The second half of the asyncio rows: threads, generators, context managers, timeouts,
//! synchronisation, the loop's own calls, subprocesses, sockets and signals.

use super::{Difference, Row};

/// `async_with`'s difference, the same under every runtime: Rust has no async `Drop`.
const fn no_async_drop(runtime: &'static str) -> Difference {
    Difference {
        runtime,
        python: &["close (async cleanup)"],
        rust: &["dropped without close (Drop cannot await)"],
        why: "Rust has no async Drop: a future cancelled inside the block is dropped, and only \
              the synchronous Drop runs, where Python awaits __aexit__ on cancellation too",
    }
}

pub(super) const ROWS: &[Row] = &[
    Row {
        name: "shield",
        api: "asyncio.shield(aw)",
        shows: "the waiter gives up after 50 ms, the shielded work finishes anyway and its \
                result is still there",
        differences: &[],
    },
    Row {
        name: "timeout",
        api: "asyncio.timeout(delay) / asyncio.timeout_at(when)",
        shows: "a deadline around awaited work cancels it (its cleanup runs) and raises \
                TimeoutError; work that ends in time is untouched",
        differences: &[],
    },
    Row {
        name: "get_running_loop",
        api: "asyncio.get_running_loop()",
        shows: "there is a loop to get only inside asyncio.run, and it spawns tasks",
        differences: &[
            Difference {
                runtime: "smol",
                python: &[
                    "outside: no running event loop",
                    "inside: got the running loop",
                ],
                rust: &[
                    "outside: smol has no current loop to ask for",
                    "inside: the loop is the Executor main passes down",
                ],
                why: "smol has no get_running_loop: smol::spawn uses the global executor from \
                      anywhere, and a loop of your own is an Executor passed by reference",
            },
            Difference {
                runtime: "async-std",
                python: &[
                    "outside: no running event loop",
                    "inside: got the running loop",
                ],
                rust: &[
                    "outside: async-std has no current loop to ask for",
                    "inside: the loop is the global executor task::spawn uses",
                ],
                why: "async-std has no get_running_loop: task::spawn always uses the one \
                      global executor, which starts on first use",
            },
        ],
    },
    Row {
        name: "run_coroutine_threadsafe",
        api: "asyncio.run_coroutine_threadsafe(coro, loop) / loop.call_soon_threadsafe(cb)",
        shows: "a plain thread runs a coroutine on the loop and blocks on its result, then \
                has the loop set an event that main awaits",
        differences: &[],
    },
    Row {
        name: "call_later",
        api: "loop.call_later(delay, callback)",
        shows: "callbacks fire in the order of their delays; a cancelled one never runs",
        differences: &[],
    },
    Row {
        name: "async_for",
        api: "async for / async generators (async def with yield)",
        shows: "an async generator consumed by async for and by an async comprehension: a \
                Stream and StreamExt::next in Rust",
        differences: &[],
    },
    Row {
        name: "async_with",
        api: "async with (__aenter__ / __aexit__)",
        shows: "the async cleanup runs at the end of the block and when the body raises; on \
                cancellation Rust can only run the synchronous Drop",
        differences: &[
            no_async_drop("tokio"),
            no_async_drop("smol"),
            no_async_drop("async-std"),
        ],
    },
    Row {
        name: "condition",
        api: "asyncio.Condition",
        shows: "two consumers wait under a lock until an item is there; each notify wakes one",
        differences: &[],
    },
    Row {
        name: "barrier",
        api: "asyncio.Barrier(n)",
        shows: "no worker passes before the last arrives, and exactly one is the leader",
        differences: &[],
    },
    Row {
        name: "context_var",
        api: "contextvars.ContextVar",
        shows: "a value per task, seen by every function the task calls and by no other task",
        differences: &[],
    },
    Row {
        name: "current_task",
        api: "asyncio.current_task()",
        shows: "a task finds itself and its name; main runs as a task",
        differences: &[
            Difference {
                runtime: "tokio",
                python: &["main: runs as a task: True", "worker: my name is worker-1"],
                rust: &[
                    "main: runs as a task: False",
                    "worker: I have no name, only an id",
                ],
                why: "#[tokio::main] blocks on main's future outside any task, and a tokio task \
                      has an id (tokio::task::id()) but a name only under the tokio_unstable cfg",
            },
            Difference {
                runtime: "smol",
                python: &["main: runs as a task: True"],
                rust: &["main: runs as a task: False"],
                why: "smol::block_on polls main's future on the calling thread, not as a task",
            },
            Difference {
                runtime: "smol",
                python: &["worker: current_task() was its own task: True"],
                rust: &["worker: smol has no current_task()"],
                why: "a smol task has no name or id to look up: what it must know is passed in",
            },
        ],
    },
    Row {
        name: "future",
        api: "asyncio.Future (loop.create_future())",
        shows: "a value set once by one side and awaited by the other; an exception; a \
                cancelled future: a oneshot channel in Rust",
        differences: &[],
    },
    Row {
        name: "subprocess_exec",
        api: "asyncio.create_subprocess_exec",
        shows: "a child's output read to the end and its exit code, awaited without blocking",
        differences: &[],
    },
    Row {
        name: "open_connection",
        api: "asyncio.open_connection / asyncio.start_server",
        shows: "a TCP server on loopback answers a client's line in upper case",
        differences: &[],
    },
    Row {
        name: "signal_handler",
        api: "loop.add_signal_handler(sig, callback)",
        shows: "a Unix signal the program sends itself is handled on the loop, not in the \
                signal context",
        differences: &[],
    },
];
