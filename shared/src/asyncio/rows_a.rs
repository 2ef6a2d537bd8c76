//! The first half of the asyncio rows: running, spawning, waiting, queues and locks.

use super::{Difference, Row};

pub(super) const ROWS: &[Row] = &[
    Row {
        name: "run",
        api: "asyncio.run(main())",
        shows: "main() alone runs nothing; the runtime runs it to its end and hands back its \
                value, and what becomes of the tasks still running then differs per runtime",
        differences: &[
            Difference {
                runtime: "smol",
                python: &["leftover cancelled"],
                rust: &[],
                why: "smol never drops a detached task still running when main returns: the \
                      process just exits (asyncio.run cancels it, tokio's runtime drops it)",
            },
            Difference {
                runtime: "async-std",
                python: &["leftover cancelled"],
                rust: &[],
                why: "async-std never drops a task still running when main returns (its \
                      dropped JoinHandle detached it): the process just exits",
            },
        ],
    },
    Row {
        name: "create_task",
        api: "asyncio.create_task(coro)",
        shows: "a task runs at once while main sleeps; a coroutine (a future) runs only when \
                awaited",
        differences: &[],
    },
    Row {
        name: "gather",
        api: "asyncio.gather(*aws)",
        shows: "the results come back in the order given, not the order the work finished",
        differences: &[],
    },
    Row {
        name: "gather_try",
        api: "asyncio.gather(*aws) (return_exceptions=False)",
        shows: "the first error reaches the awaiter at once; asyncio lets the other \
                awaitables run on, a Rust try-join drops them",
        differences: &[
            Difference {
                runtime: "tokio",
                python: &["slow finished"],
                rust: &[],
                why: "tokio::try_join! returns at the first Err and drops the futures still \
                      running: slow is cancelled, where asyncio.gather leaves it running",
            },
            Difference {
                runtime: "smol",
                python: &["slow finished"],
                rust: &[],
                why: "futures::try_join! returns at the first Err and drops the futures still \
                      running: slow is cancelled, where asyncio.gather leaves it running",
            },
            Difference {
                runtime: "async-std",
                python: &["slow finished"],
                rust: &[],
                why: "futures::try_join! returns at the first Err and drops the futures still \
                      running: slow is cancelled, where asyncio.gather leaves it running",
            },
        ],
    },
    Row {
        name: "gather_limit",
        api: "asyncio.gather(*aws) under an asyncio.Semaphore",
        shows: "at most two jobs run at once, the next starting as soon as one is done, and \
                the results still come back in the order given",
        differences: &[],
    },
    Row {
        name: "wait_first",
        api: "asyncio.wait(tasks, return_when=FIRST_COMPLETED)",
        shows: "wait returns with the first task done; the pending ones run on until they are \
                cancelled",
        differences: &[],
    },
    Row {
        name: "wait_timeout",
        api: "asyncio.wait(tasks, timeout=...)",
        shows: "when the time is up, the tasks done and the tasks pending; nothing is \
                cancelled, the pending task finishes when awaited",
        differences: &[],
    },
    Row {
        name: "as_completed",
        api: "asyncio.as_completed(aws)",
        shows: "the results in the order the work finishes, not the order given",
        differences: &[],
    },
    Row {
        name: "sleep",
        api: "asyncio.sleep(delay), asyncio.sleep(0)",
        shows: "a sleep suspends only its own coroutine; sleep(0) (yield_now) lets the others \
                take turns, code without an await runs to its end first",
        differences: &[],
    },
    Row {
        name: "wait_for",
        api: "asyncio.wait_for(aw, timeout)",
        shows: "the timeout cancels the work it waits for, a coroutine and a task alike; in \
                Rust a timeout around a future cancels it, around a task's handle it only \
                stops waiting",
        differences: &[
            Difference {
                runtime: "tokio",
                python: &["work cancelled"],
                rust: &[],
                why: "tokio::time::timeout around a JoinHandle drops only the handle: the task \
                      goes on and finishes (abort() would cancel it)",
            },
            Difference {
                runtime: "tokio",
                python: &[],
                rust: &["work finished"],
                why: "tokio::time::timeout around a JoinHandle drops only the handle: the task \
                      goes on and finishes (abort() would cancel it)",
            },
            Difference {
                runtime: "async-std",
                python: &["work cancelled"],
                rust: &[],
                why: "async_std::future::timeout around a JoinHandle drops the handle, which \
                      detaches the task: it goes on and finishes (cancel() would cancel it)",
            },
            Difference {
                runtime: "async-std",
                python: &[],
                rust: &["work finished"],
                why: "async_std::future::timeout around a JoinHandle drops the handle, which \
                      detaches the task: it goes on and finishes (cancel() would cancel it)",
            },
        ],
    },
    Row {
        name: "bounded_queue",
        api: "asyncio.Queue(maxsize), put, get, task_done, join",
        shows: "a full queue makes the producer wait (backpressure); join() waits until every \
                item is processed, in Rust: close the channel and await the consumer",
        differences: &[],
    },
    Row {
        name: "lock",
        api: "asyncio.Lock",
        shows: "one task at a time in the critical section, even across an await inside it; \
                in Rust the lock owns the data it guards",
        differences: &[],
    },
    Row {
        name: "event",
        api: "asyncio.Event",
        shows: "set() wakes every waiter and stays set, a later wait returns at once, until \
                clear()",
        differences: &[],
    },
    Row {
        name: "semaphore",
        api: "asyncio.Semaphore",
        shows: "at most two holders at once; with both permits taken, a third acquire would \
                wait",
        differences: &[],
    },
    Row {
        name: "task_group",
        api: "asyncio.TaskGroup",
        shows: "one failure cancels the siblings, the group waits until they are gone, and the \
                error reaches the caller",
        differences: &[],
    },
    Row {
        name: "to_thread",
        api: "asyncio.to_thread(f), loop.run_in_executor(None, f)",
        shows: "blocking code on a thread of a pool while the other tasks go on",
        differences: &[],
    },
    Row {
        name: "cancel",
        api: "task.cancel()",
        shows: "a cancelled task stops at its await and runs its cleanup (in Rust: its future \
                is dropped, the cleanup is Drop); a task whose handle is let go of runs on, but \
                under smol",
        differences: &[Difference {
            runtime: "smol",
            python: &["background finished"],
            rust: &["background cancelled"],
            why: "dropping a smol Task cancels it (detach() lets it run on); asyncio, tokio and \
                  async-std let a task whose handle is gone run on",
        }],
    },
];
