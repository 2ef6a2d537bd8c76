//! What every runtime's examples share.
//!
//! - [`asyncio`]: the asyncio rows (one program per asyncio API, in Python and three runtimes)
//!   as data, read by the book and the tests.
//! - [`catalogue`]: the programs of `PROGRAMS.md` as data: parameters, modes per runtime,
//!   ideal (critical-path) times, which printed orders are facts.
//! - [`workload`]: the trait each runtime crate implements, one method per program, and
//!   [`impl_workloads!`], which writes that implementation.
//! - [`concepts`]: the second trait of the async crates, one method per concept program
//!   ([`impl_concepts!`] writes it).
//! - [`out`]: the output sink (human lines on stdout, timestamped trace events).
//! - [`chrome`]: a trace in Chrome's Trace Event Format (`--chrome-trace`, Perfetto).
//! - [`polls`]: every poll of every task in the trace ([`Out::traced`]), and the tasks' lanes.
//! - [`run`]: [`Run`], the context every program receives (mode, scale, output, options).
//! - [`cli`]: the common command line (`--mode`, `--scale`, `--trace`, `--help`) on clap.
//! - [`precision`]: sleep precision, the percentiles and lines of `baseline sleep K`;
//!   [`ticker`]: timer latency beside CPU work, the lines of `baseline ticker K`.
//! - [`random`]: CPython's `random.seed` / `randint`, for `makerandom`.
//! - [`fetch`]: what the four `http_fetch` programs share (outcomes, lines, limits);
//!   [`server`]: its stand-in server on 127.0.0.1 for the seed's six sites, which
//!   [`sites`] reads from `shared/data/sites.txt` (the Python port reads it too), and whose
//!   `/load` route gives the bench its [`faults`].
//! - [`mistakes`]: what the mistake programs share (a caught panic, a loop's lateness).
//! - [`expect`]: the transcripts the tests check; [`testing`]: running a binary in a test.

pub mod asyncio;
pub mod catalogue;
pub mod chrome;
pub mod cli;
pub mod concepts;
pub mod expect;
pub mod faults;
pub mod fetch;
pub mod mistakes;
pub mod out;
pub mod poll_cost;
pub mod polls;
pub mod precision;
pub mod random;
pub mod run;
pub mod server;
pub mod sites;
pub mod testing;
pub mod ticker;
pub mod workload;

pub use catalogue::{Mode, Program, Runtime};
pub use cli::{CountOpts, HttpOpts, MakerandomOpts, NoOpts, SayOpts};
pub use concepts::Concepts;
pub use out::Out;
pub use run::Run;
pub use workload::Workloads;

// For the methods `impl_workloads!` and `impl_concepts!` write in the runtime crates.
#[doc(hidden)]
pub use anyhow as __anyhow;
