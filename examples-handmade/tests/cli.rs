//! The common command line, through real binaries of this crate: bad arguments are one line
//! on stderr and exit code 2, never a panic; `--help` lists the modes. The two tests are
//! `shared::testing::cli`'s, written by its macro.

shared::command_line_tests!(shared::Runtime::Handmade);
