//! The seed programs with the standard library only: blocking calls one after another (the
//! seeds' "old-school" versions), OS threads, and a hand-written round robin over resumable
//! tasks where the seeds use generators.
//!
//! Each program is a binary, `src/bin/<program>.rs`, written as a tutorial: read it top to
//! bottom. The same files are compiled here as modules too (the `#[path]` lines below), so
//! that the harness and the tests can drive them through [`shared::Workloads`].
//!
//! Run one: `cargo run -p examples-sync --bin work_queue -- --mode cooperative`.

// The binaries call `examples_sync::main`; this lets the same files compile as modules here.
extern crate self as examples_sync;

use std::process::ExitCode;

use shared::cli::{self, NoRuntimeOpts, Options};
use shared::{Program, Run, Runtime};

#[path = "bin/chores.rs"]
pub mod chores;
#[path = "bin/count.rs"]
pub mod count;
#[path = "bin/find_divisible.rs"]
pub mod find_divisible;
#[path = "bin/http_fetch.rs"]
pub mod http_fetch;
#[path = "bin/makerandom.rs"]
pub mod makerandom;
#[path = "bin/prime_search.rs"]
pub mod prime_search;
#[path = "bin/repeat_message.rs"]
pub mod repeat_message;
#[path = "bin/say.rs"]
pub mod say;
#[path = "bin/timers.rs"]
pub mod timers;
#[path = "bin/work_queue.rs"]
pub mod work_queue;

/// The `main` of every binary: parse the common command line and run `program`.
pub fn main<O: Options>(program: Program, body: fn(Run<O>) -> anyhow::Result<()>) -> ExitCode {
    cli::main(
        program,
        Runtime::Sync,
        |_: &NoRuntimeOpts| None,
        |run, _| body(run),
    )
}

/// The programs with std only.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sync;

// The seed programs: `count` calls `count::run(run)`, which runs to its end on this thread
// and returns its result, and so on for every program (see `shared::impl_workloads!`).
shared::impl_workloads!(Sync, Runtime::Sync, |_, result| result);
