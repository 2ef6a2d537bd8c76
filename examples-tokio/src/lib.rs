//! The seed programs under [tokio](https://tokio.rs).
//!
//! Each program is a binary, `src/bin/<program>.rs`, written as a tutorial: read it top to
//! bottom. The same files are compiled here as modules too (the `#[path]` lines below), so
//! that tests can run a program under tokio's paused clock and the harness can drive it
//! through [`shared::Workloads`].
//!
//! Run one: `cargo run -p examples-tokio --bin prime_search -- --mode concurrent`.

// The binaries call `examples_tokio::main`; this lets the same files compile as modules here.
extern crate self as examples_tokio;

use std::future::Future;
use std::process::ExitCode;

use shared::cli::{self, Flavor, Options, TokioOpts};
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

/// Builds the tokio runtime of `flavor`, as `#[tokio::main]` and
/// `#[tokio::main(flavor = "current_thread")]` would.
pub fn runtime(flavor: Flavor) -> std::io::Result<tokio::runtime::Runtime> {
    let mut builder = match flavor {
        Flavor::MultiThread => tokio::runtime::Builder::new_multi_thread(),
        Flavor::CurrentThread => tokio::runtime::Builder::new_current_thread(),
    };
    builder.enable_all().build()
}

/// The `main` of every binary: parse the common command line (plus `--flavor`), build the
/// runtime, and run `program` on it. This is what `#[tokio::main]` does, with the flavour
/// chosen at run time.
pub fn main<O: Options, F>(program: Program, body: impl FnOnce(Run<O>) -> F) -> ExitCode
where
    F: Future<Output = anyhow::Result<()>>,
{
    cli::main(
        program,
        Runtime::Tokio,
        |opts: &TokioOpts| cli::pool_threads(Runtime::Tokio, opts.flavor),
        |run, opts| {
            // The main task is traced too (its polls recorded when a trace is written).
            let out = run.out.clone();
            runtime(opts.flavor)?.block_on(out.traced("main", body(run)))
        },
    )
}

/// The programs on a tokio runtime of one flavour.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tokio {
    pub flavor: Flavor,
}

impl Tokio {
    /// Runs `future` to its end on a new runtime of this flavour.
    pub fn block_on(&self, future: impl Future<Output = anyhow::Result<()>>) -> anyhow::Result<()> {
        runtime(self.flavor)?.block_on(future)
    }
}

// The seed programs, each run by `Tokio::block_on`: `count` runs `count::run(run)` on a new
// runtime of this flavour, and so on for every program (see `shared::impl_workloads!`).
shared::impl_workloads!(Tokio, Runtime::Tokio, |tokio, program| tokio
    .block_on(program));

// The concept programs, the same way.
shared::impl_concepts!(Tokio, |tokio, program| tokio.block_on(program));
