//! The asyncio rows: one small program per asyncio API a Python developer reaches for, each in
//! four forms that print the same lines (`python/asyncio/<name>.py` and
//! `examples-{tokio,smol,async-std}/asyncio/<name>.rs`, declared as examples of their member).
//!
//! This table is the one place the book (`asyncio-to-rust.md` and its sections), the tests
//! (every Rust form's stdout against the Python form's, line for line, but for the declared
//! differences) and the catalogue read.

mod rows_a;
mod rows_b;

/// One asyncio API, shown by four programs of the same name.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// The file stem of every form: `python/asyncio/<name>.py`,
    /// `examples-<rt>/asyncio/<name>.rs` (example `<name>` of that member).
    pub name: &'static str,
    /// The asyncio API as a Python developer writes it: "asyncio.wait_for(aw, timeout)".
    pub api: &'static str,
    /// What the program shows, in one sentence (the book's section opens with it).
    pub shows: &'static str,
    /// The runtimes whose form prints something other than Python's, and what.
    pub differences: &'static [Difference],
}

/// A line (or lines) where one Rust form's output differs from the Python form's, on purpose:
/// the runtime behaves differently, and the program prints it.
#[derive(Debug, Clone, Copy)]
pub struct Difference {
    /// "tokio", "smol" or "async-std".
    pub runtime: &'static str,
    /// The Python form's lines this difference replaces (empty: the Rust form adds lines).
    pub python: &'static [&'static str],
    /// The Rust form's lines in their place (empty: the Rust form prints none of them).
    pub rust: &'static [&'static str],
    /// Why, in one sentence: the book prints it beside the outputs.
    pub why: &'static str,
}

/// The three Rust runtimes that have an asyncio form, in the book's tab order after Python.
pub const RUST_RUNTIMES: [&str; 3] = ["tokio", "smol", "async-std"];

/// Every row, in the book's order.
pub fn rows() -> impl Iterator<Item = &'static Row> {
    rows_a::ROWS.iter().chain(rows_b::ROWS.iter())
}

/// The row called `name`.
pub fn row(name: &str) -> Option<&'static Row> {
    rows().find(|row| row.name == name)
}
