//! The seed programs under [async-std](https://docs.rs/async-std).
//!
//! Each program is a binary, `src/bin/<program>.rs`, written as a tutorial: read it top to
//! bottom. The same files are compiled here as modules too (the `#[path]` lines below), so
//! that the tests and the harness can drive them through [`shared::Workloads`].
//!
//! Run one: `cargo run -p examples-async-std --bin prime_search -- --mode concurrent`.

// The binaries call `examples_async_std::main`; this lets the same files compile as modules here.
extern crate self as examples_async_std;

use std::future::Future;
use std::process::ExitCode;

use shared::cli::{self, Flavor, NoRuntimeOpts, Options};
use shared::{Program, Run, Runtime};

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
/// with `async_std::task::block_on` (what `#[async_std::main]` does).
pub fn main<O: Options, F>(program: Program, body: impl FnOnce(Run<O>) -> F) -> ExitCode
where
    F: Future<Output = anyhow::Result<()>>,
{
    cli::main(
        program,
        Runtime::AsyncStd,
        |_: &NoRuntimeOpts| cli::pool_threads(Runtime::AsyncStd, Flavor::default()),
        |run, _| {
            // The main task is traced too (its polls recorded when a trace is written).
            let out = run.out.clone();
            async_std::task::block_on(out.traced("main", body(run)))
        },
    )
}

/// The programs under async-std.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsyncStd;

// The seed programs, each run to its end by `async_std::task::block_on`: `count` runs
// `count::run(run)`, and so on for every program (see `shared::impl_workloads!`).
shared::impl_workloads!(AsyncStd, Runtime::AsyncStd, |_, program| {
    async_std::task::block_on(program)
});

// The concept programs, the same way.
shared::impl_concepts!(AsyncStd, |_, program| async_std::task::block_on(program));
