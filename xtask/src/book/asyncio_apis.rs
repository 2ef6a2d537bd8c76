//! The Rust call of each asyncio row under each runtime, in a few words: the cells of the
//! table that opens `asyncio-to-rust.md` (see [`super::asyncio`]). The programs are the
//! full answer; a row without an entry here shows a link to its section instead.

/// `(row, [tokio, smol, async-std])`.
const APIS: &[(&str, [&str; 3])] = &[
    // The first half of the rows (i22a's).
    (
        "run",
        [
            "`#[tokio::main]`, `Runtime::new()?.block_on(main())`",
            "`smol::block_on(main())`",
            "`#[async_std::main]`, `task::block_on(main())`",
        ],
    ),
    (
        "create_task",
        [
            "`tokio::spawn(fut)` → `JoinHandle` (dropped: the task runs on, detached)",
            "`smol::spawn(fut)` → `Task` (dropped: cancelled, never polled again; `.detach()`)",
            "`task::spawn(fut)` → `JoinHandle` (dropped: detached)",
        ],
    ),
    (
        "gather",
        [
            "`tokio::join!`, `futures::future::join_all`, `JoinSet`",
            "`future::zip`, `futures::future::join_all`",
            "`futures::join!`, `futures::future::join_all`",
        ],
    ),
    (
        "gather_try",
        [
            "`tokio::try_join!`, `futures::future::try_join_all`",
            "`future::try_zip`, `futures::future::try_join_all`",
            "`futures::try_join!`, `futures::future::try_join_all`",
        ],
    ),
    (
        "gather_limit",
        [
            "`StreamExt::buffer_unordered(n)`, or a `Semaphore`",
            "`futures::StreamExt::buffer_unordered(n)`, or `smol::lock::Semaphore`",
            "`futures::StreamExt::buffer_unordered(n)`, or `async_lock::Semaphore`",
        ],
    ),
    (
        "wait_first",
        [
            "`tokio::select!`, `JoinSet::join_next()`",
            "`future::race` (fair); `future::or` is biased to its first future",
            "`FutureExt::race` (needs the `unstable` feature), `futures::select!`",
        ],
    ),
    (
        "wait_timeout",
        [
            "a `tokio::time::sleep` branch in `tokio::select!`",
            "`future::or` with a `Timer::after`",
            "`async_std::future::timeout` around the wait",
        ],
    ),
    (
        "wait_for",
        [
            "`tokio::time::timeout(d, fut)` (drops the future; around a `JoinHandle` it only stops waiting)",
            "race with `Timer::after(d)`",
            "`async_std::future::timeout(d, fut)` (around a `JoinHandle` it only stops waiting)",
        ],
    ),
    (
        "as_completed",
        [
            "`JoinSet::join_next()`, `FuturesUnordered`",
            "`futures::stream::FuturesUnordered`",
            "`futures::stream::FuturesUnordered`",
        ],
    ),
    (
        "sleep",
        [
            "`tokio::time::sleep(d)` (whole-ms ticks); `task::yield_now()` for `sleep(0)`",
            "`Timer::after(d)`; `future::yield_now()`",
            "`task::sleep(d)`; `task::yield_now()`",
        ],
    ),
    (
        "bounded_queue",
        [
            "`tokio::sync::mpsc::channel(n)` (one consumer), `async-channel` for several",
            "`smol::channel::bounded(n)`",
            "`async_std::channel::bounded(n)`",
        ],
    ),
    (
        "lock",
        [
            "`tokio::sync::Mutex` (held across `.await`), else `std::sync::Mutex`",
            "`smol::lock::Mutex`",
            "`async_std::sync::Mutex`",
        ],
    ),
    (
        "event",
        [
            "`watch::channel(false)` or tokio-util's `CancellationToken` (`Notify` keeps no set state)",
            "`event-listener` plus a flag beside it (it keeps no state)",
            "`event-listener` plus a flag beside it",
        ],
    ),
    (
        "semaphore",
        [
            "`tokio::sync::Semaphore`",
            "`smol::lock::Semaphore`",
            "`async_lock::Semaphore`",
        ],
    ),
    (
        "task_group",
        [
            "`JoinSet` (aborts the rest when dropped)",
            "a `Vec<Task>` (dropped: the rest are cancelled)",
            "a `Vec<JoinHandle>` (dropped: the rest are detached, not cancelled)",
        ],
    ),
    (
        "to_thread",
        [
            "`tokio::task::spawn_blocking(f)`",
            "`smol::unblock(f)`",
            "`task::spawn_blocking(f)`",
        ],
    ),
    (
        "cancel",
        [
            "`JoinHandle::abort()`",
            "`drop(task)`, `task.cancel().await`",
            "`JoinHandle::cancel().await`",
        ],
    ),
    // The second half (i22b's).
    (
        "shield",
        [
            "spawn, then `timeout(d, &mut handle)`: the task goes on",
            "spawn, race `&mut task` with a `Timer`: keep the `Task`",
            "spawn, then `future::timeout(d, &mut handle)`",
        ],
    ),
    (
        "timeout",
        [
            "`tokio::time::timeout(d, fut)`, `timeout_at(deadline, fut)`",
            "`future::or(fut, Timer::after(d))`, `Timer::at(deadline)`",
            "`async_std::future::timeout(d, fut)` (no `timeout_at`)",
        ],
    ),
    (
        "get_running_loop",
        [
            "`tokio::runtime::Handle::current()` / `try_current()`",
            "none: `smol::spawn` works anywhere; your own `Executor`, passed down",
            "none: `task::spawn` always uses the global executor",
        ],
    ),
    (
        "run_coroutine_threadsafe",
        [
            "`handle.block_on(handle.spawn(fut))`, `handle.spawn(...)` from the thread",
            "`smol::block_on(smol::spawn(fut))` from the thread",
            "`task::block_on(task::spawn(fut))` from the thread",
        ],
    ),
    (
        "call_later",
        [
            "spawn a task that sleeps, then calls; `abort()` cancels",
            "spawn a task on a `Timer`, `.detach()`; drop it to cancel",
            "spawn a task that sleeps; `cancel().await`",
        ],
    ),
    (
        "async_for",
        [
            "a `Stream` (`futures::stream::unfold`), `while let Some(x) = s.next().await`",
            "a `Stream` (`smol::stream::unfold`), `StreamExt::next`",
            "a `Stream` (`futures::stream::unfold`), `StreamExt::next`",
        ],
    ),
    (
        "async_with",
        [
            "an explicit `close().await` at the end; `Drop` (sync only) on cancellation",
            "the same: no async `Drop`",
            "the same: no async `Drop`",
        ],
    ),
    (
        "condition",
        [
            "`tokio::sync::Notify` beside a `Mutex`",
            "`event-listener`'s `Event` beside a `Mutex`",
            "`async_std::sync::Condvar` (`unstable` feature)",
        ],
    ),
    (
        "barrier",
        [
            "`tokio::sync::Barrier`",
            "`smol::lock::Barrier`",
            "`async_std::sync::Barrier` (`unstable` feature)",
        ],
    ),
    (
        "context_var",
        [
            "`tokio::task_local!`, `KEY.scope(value, fut)`",
            "none: pass the value down",
            "`async_std::task_local!` with a `RefCell`",
        ],
    ),
    (
        "current_task",
        [
            "`tokio::task::id()` (a name needs `tokio_unstable`)",
            "none",
            "`task::current()`, `Builder::name`",
        ],
    ),
    (
        "future",
        [
            "`tokio::sync::oneshot`",
            "`futures::channel::oneshot`",
            "`futures::channel::oneshot`",
        ],
    ),
    (
        "subprocess_exec",
        [
            "`tokio::process::Command` (`process` feature)",
            "`smol::process::Command` (async-process)",
            "`async_std::process::Command` (`unstable` feature; async-process)",
        ],
    ),
    (
        "open_connection",
        [
            "`tokio::net::{TcpListener, TcpStream}`",
            "`smol::net::{TcpListener, TcpStream}`",
            "`async_std::net::{TcpListener, TcpStream}`",
        ],
    ),
    (
        "signal_handler",
        [
            "`tokio::signal::unix::signal(kind)`, `tokio::signal::ctrl_c()`",
            "the `async-signal` crate",
            "the `async-signal` crate",
        ],
    ),
];

/// The Rust call of row `name` under `runtime` ("tokio", "smol" or "async-std").
pub fn rust_api(name: &str, runtime: &str) -> Option<&'static str> {
    let column = shared::asyncio::RUST_RUNTIMES
        .iter()
        .position(|r| *r == runtime)?;
    APIS.iter()
        .find(|(row, _)| *row == name)
        .map(|(_, apis)| apis[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_has_its_calls() {
        for row in shared::asyncio::rows() {
            for runtime in shared::asyncio::RUST_RUNTIMES {
                assert!(
                    rust_api(row.name, runtime).is_some(),
                    "{} {runtime}",
                    row.name
                );
            }
        }
    }
}
