//! The seed programs on a runtime written here: [`runtime`], the loop behind the scenes.
//!
//! `src/runtime/` is the lesson: an executor, a timer and a reactor in a few hundred lines of
//! safe Rust, on std and the `polling` crate only (copy the folder into a project of yours).
//! The programs, `src/bin/<program>.rs`, are the smol member's, on this runtime: its
//! `spawn`, `sleep`, `yield_now`, `spawn_blocking`, and a `TcpStream` for http_fetch. What
//! they need beyond a runtime comes from runtime-agnostic crates: `async-channel`, `futures`,
//! hyper through smol-hyper. The same files are compiled here as modules too (the `#[path]`
//! lines below), so that the tests and the harness can drive them through
//! [`shared::Workloads`].
//!
//! Run one: `cargo run -p examples-handmade --bin count`.

// The binaries call `examples_handmade::main`; this lets the same files compile as modules.
extern crate self as examples_handmade;

use std::future::Future;
use std::process::ExitCode;

use shared::cli::{self, NoRuntimeOpts, Options};
use shared::{Program, Run, Runtime};

pub mod runtime;

// http_fetch's HTTP client: hyper on the runtime's TcpStream (see the module).
pub mod client;

#[path = "bin/chores.rs"]
pub mod chores;
#[path = "bin/count.rs"]
pub mod count;
#[path = "bin/find_divisible.rs"]
pub mod find_divisible;
#[path = "bin/http_fetch.rs"]
pub mod http_fetch;
#[path = "bin/lazy_futures.rs"]
pub mod lazy_futures;
#[path = "bin/makerandom.rs"]
pub mod makerandom;
#[path = "bin/prime_search.rs"]
pub mod prime_search;
#[path = "bin/repeat_message.rs"]
pub mod repeat_message;
#[path = "bin/run_in_executor.rs"]
pub mod run_in_executor;
#[path = "bin/runtime_mixing.rs"]
pub mod runtime_mixing;
#[path = "bin/say.rs"]
pub mod say;
#[path = "bin/timers.rs"]
pub mod timers;
#[path = "bin/wait_vs_gather.rs"]
pub mod wait_vs_gather;
#[path = "bin/work_queue.rs"]
pub mod work_queue;

/// The `main` of every binary: parse the common command line and run `program` to its end
/// with [`runtime::block_on`] on this thread (the runtime has no pool: every task runs here).
pub fn main<O: Options, F>(program: Program, body: impl FnOnce(Run<O>) -> F) -> ExitCode
where
    F: Future<Output = anyhow::Result<()>>,
{
    cli::main(
        program,
        Runtime::Handmade,
        |_: &NoRuntimeOpts| None,
        |run, _| {
            // The main task is traced too (its polls recorded when a trace is written).
            let out = run.out.clone();
            runtime::block_on(out.traced("main", body(run)))
        },
    )
}

/// The programs on the handmade runtime.
#[derive(Debug, Clone, Copy, Default)]
pub struct Handmade;

// The seed programs, each run to its end by `runtime::block_on` (see `shared::impl_workloads!`).
shared::impl_workloads!(Handmade, Runtime::Handmade, |_, program| runtime::block_on(
    program
));

// The concept programs, the same way.
shared::impl_concepts!(Handmade, |_, program| runtime::block_on(program));
