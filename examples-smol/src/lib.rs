//! The seed programs under [smol](https://docs.rs/smol).
//!
//! Each program is a binary, `src/bin/<program>.rs`, written as a tutorial: read it top to
//! bottom. The same files are compiled here as modules too (the `#[path]` lines below), so
//! that the tests and the harness can drive them through [`shared::Workloads`].
//!
//! Run one: `cargo run -p examples-smol --bin prime_search -- --mode concurrent`.

// The binaries call `examples_smol::main`; this lets the same files compile as modules here.
extern crate self as examples_smol;

use std::future::Future;
use std::process::ExitCode;

use shared::cli::{self, Flavor, NoRuntimeOpts, Options};
use shared::{CountOpts, HttpOpts, MakerandomOpts, NoOpts, Program, Run, Runtime, SayOpts};

// http_fetch's HTTP client: hyper on smol's sockets (see the module).
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
#[path = "bin/say.rs"]
pub mod say;
#[path = "bin/wait_vs_gather.rs"]
pub mod wait_vs_gather;
#[path = "bin/work_queue.rs"]
pub mod work_queue;

/// The `main` of every binary: parse the common command line and run `program` to its end
/// with `smol::block_on` (what `smol::block_on` does).
pub fn main<O: Options, F>(program: Program, body: impl FnOnce(Run<O>) -> F) -> ExitCode
where
    F: Future<Output = anyhow::Result<()>>,
{
    cli::main(
        program,
        Runtime::Smol,
        |_: &NoRuntimeOpts| cli::pool_threads(Runtime::Smol, Flavor::default()),
        |run, _| smol::block_on(body(run)),
    )
}

/// The programs under smol.
#[derive(Debug, Clone, Copy, Default)]
pub struct Smol;

impl shared::Workloads for Smol {
    fn runtime(&self) -> Runtime {
        Runtime::Smol
    }

    fn count(&self, run: Run<CountOpts>) -> anyhow::Result<()> {
        smol::block_on(count::run(run))
    }

    fn repeat_message(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(repeat_message::run(run))
    }

    fn work_queue(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(work_queue::run(run))
    }

    fn prime_search(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(prime_search::run(run))
    }

    fn find_divisible(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(find_divisible::run(run))
    }

    fn say(&self, run: Run<SayOpts>) -> anyhow::Result<()> {
        smol::block_on(say::run(run))
    }

    fn makerandom(&self, run: Run<MakerandomOpts>) -> anyhow::Result<()> {
        smol::block_on(makerandom::run(run))
    }

    fn chores(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(chores::run(run))
    }

    fn http_fetch(&self, run: Run<HttpOpts>) -> anyhow::Result<()> {
        smol::block_on(http_fetch::run(run))
    }
}

impl shared::Concepts for Smol {
    fn lazy_futures(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(lazy_futures::run(run))
    }

    fn run_in_executor(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(run_in_executor::run(run))
    }

    fn wait_vs_gather(&self, run: Run<NoOpts>) -> anyhow::Result<()> {
        smol::block_on(wait_vs_gather::run(run))
    }
}
