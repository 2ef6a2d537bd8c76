//! Where the book's code comes from: for every program of the catalogue, the runtimes that
//! have it and the file each runtime's tab shows.
//!
//! A tab holds the standalone example (`examples-<runtime>/examples/<program>.rs`) when the
//! runtime crate has one, and the measured binary (`src/bin/<program>.rs`) otherwise, so the
//! book builds before and after the examples exist; the chapters include the file through a
//! generated include (see [`super::generate`]) and never name either path themselves.

use std::path::{Path, PathBuf};

use shared::{Program, Runtime};

/// Every program of the catalogue, seeds first, then the concept programs: each needs a
/// chapter.
pub fn programs() -> Vec<Program> {
    Program::ALL.into_iter().chain(Program::CONCEPTS).collect()
}

/// The Rust runtimes that have `program` (those whose catalogue lists a mode for it), in the
/// tabs' order: sync, tokio, async-std, smol, handmade.
pub fn runtimes(program: Program) -> Vec<Runtime> {
    Runtime::RUST
        .into_iter()
        .filter(|&runtime| !program.modes(runtime).is_empty())
        .collect()
}

/// Which form of a program a tab shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `examples/<program>.rs`: one file that stands alone (`cargo run --example`).
    Example,
    /// `src/bin/<program>.rs`: the measured binary (`cargo run --bin`).
    Bin,
}

/// One runtime's file of one program, relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub runtime: Runtime,
    pub form: Form,
    pub path: PathBuf,
}

/// The file `runtime`'s tab shows for `program`: the standalone example when it exists, else
/// the binary.
pub fn source(root: &Path, runtime: Runtime, program: Program) -> Source {
    let package = runtime.package().expect("a Rust runtime");
    let example = Path::new(package)
        .join("examples")
        .join(format!("{program}.rs"));
    if root.join(&example).is_file() {
        return Source {
            runtime,
            form: Form::Example,
            path: example,
        };
    }
    Source {
        runtime,
        form: Form::Bin,
        path: bin(runtime, program),
    }
}

/// The measured binary's file of `program` under `runtime`, relative to the workspace root.
pub fn bin(runtime: Runtime, program: Program) -> PathBuf {
    let package = runtime.package().expect("a Rust runtime");
    Path::new(package)
        .join("src")
        .join("bin")
        .join(format!("{program}.rs"))
}

/// Whether `runtime` has a standalone example of `program`.
pub fn has_example(root: &Path, runtime: Runtime, program: Program) -> bool {
    source(root, runtime, program).form == Form::Example
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sync_crate_has_the_seeds_but_not_the_concepts() {
        assert_eq!(runtimes(Program::Count), Runtime::RUST.to_vec());
        assert_eq!(
            runtimes(Program::LazyFutures),
            vec![
                Runtime::Tokio,
                Runtime::AsyncStd,
                Runtime::Smol,
                Runtime::Handmade
            ]
        );
    }

    #[test]
    fn every_tab_names_a_file_that_exists() {
        let root = crate::build::workspace_root();
        for program in programs() {
            for runtime in runtimes(program) {
                let source = source(&root, runtime, program);
                assert!(root.join(&source.path).is_file(), "{source:?}");
            }
        }
    }
}
