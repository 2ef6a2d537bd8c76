//! The project's own tasks (`cargo xtask …`, see `main.rs`), as a library so that their parts
//! can be tested and shared:
//!
//! - [`interrupt`]: Ctrl+C, SIGTERM and SIGHUP end the run in progress and stop compare and
//!   bench between two steps.
//! - [`atomic`]: reports written whole (a temporary file renamed into place).
//! - [`runner`]: run one program with a timeout, capture its output, measure its wall time,
//!   peak RSS and CPU time (shared by `compare` and `bench`).
//! - [`book`]: `cargo xtask book`, the mdBook book under `book/`, generated parts and checks.
//! - [`bench`]: `cargo xtask bench`, how far each runtime scales (`count --tasks N`
//!   against bare loops), in `target/bench/`.
//! - [`build`]: build one runtime member at a time and keep its binaries apart.
//! - [`order`]: the ordering verdict (`same`, `ties only`, `differs`) and unified diffs.
//! - [`compare`]: `cargo xtask compare`, every program under every runtime.
//! - [`svg`]: the timelines (and the XML escape of every SVG).
//! - [`markdown`]: the Markdown tables of both reports.
//! - [`machine`]: the one-line description of the machine in both reports.
//! - [`python`]: the Python ports in `python/` as a fifth runtime.
//! - [`testing`]: `cargo xtask test`, one member at a time, its test binaries side by side.
//! - [`asyncio_lines`]: whether an asyncio row's Rust form printed its Python form's lines but
//!   for the declared differences (the rows' test and the book's check).

pub mod asyncio_lines;
pub mod atomic;
pub mod bench;
pub mod book;
pub mod build;
pub mod compare;
pub mod interrupt;
pub mod machine;
pub mod markdown;
pub mod order;
pub mod python;
pub mod runner;
pub mod svg;
pub mod testing;
