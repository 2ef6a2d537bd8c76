//! Python, the seeds' own language, as a fifth runtime column: the ports in `python/`.
//!
//! Each `python/<program>.py` takes the same command line as the Rust binaries (`--mode`,
//! `--scale`, `--trace` with the same JSON Lines) and prints the same lines. Its modes are the
//! union of the sync crate's and the async crates' that make sense in Python ([`modes`]):
//! asyncio where the async crates use a runtime, plain blocking code (and generators, and
//! threads) where the sync crate does.

use std::path::PathBuf;
use std::time::Duration;

use shared::{Mode, Program, Runtime};

use crate::runner::{Job, Runner};

/// The interpreter as found on the `PATH`: `XTASK_PYTHON` or `python3`.
pub fn interpreter() -> String {
    std::env::var("XTASK_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// A Python 3 found on the machine.
#[derive(Debug, Clone)]
pub struct Python {
    /// `Python 3.11.7`.
    pub version: String,
    /// The interpreter itself (`sys.executable`): running it directly skips launchers such
    /// as pyenv's shims, which would add their own start-up time and memory to every run.
    pub executable: PathBuf,
}

/// The Python 3 of [`interpreter`], if it runs.
pub fn find() -> Option<Python> {
    let outcome = Runner::plain().run(
        &Job::new(interpreter())
            .args([
                "-c",
                "import sys; print(sys.version.split()[0]); print(sys.executable)",
            ])
            .timeout(Duration::from_secs(20)),
    );
    if !outcome.status.success() {
        return None;
    }
    let mut lines = outcome.stdout.lines();
    let version = lines.next()?.trim();
    let executable = lines.next().map(str::trim).filter(|e| !e.is_empty());
    version.starts_with("3.").then(|| Python {
        version: format!("Python {version}"),
        executable: executable.map_or_else(|| PathBuf::from(interpreter()), PathBuf::from),
    })
}

/// Whether `import <module>` works in `python`.
pub fn has_module(python: &Python, module: &str) -> bool {
    Runner::plain()
        .run(
            &Job::new(&python.executable)
                .args(["-c", &format!("import {module}")])
                .timeout(Duration::from_secs(20)),
        )
        .status
        .success()
}

/// The module a mode of a program needs beyond the standard library (http_fetch: aiohttp
/// for asyncio, requests for the blocking versions, as in the seed).
pub fn needs(program: Program, mode: Mode) -> Option<&'static str> {
    match (program, mode) {
        (Program::HttpFetch, Mode::Concurrent) => Some("aiohttp"),
        (Program::HttpFetch, _) => Some("requests"),
        _ => None,
    }
}

/// The port of `program`.
pub fn script(program: Program) -> PathBuf {
    crate::build::workspace_root()
        .join("python")
        .join(format!("{}.py", program.name()))
}

/// The modes of the Python port; the first is the default.
pub fn modes(program: Program) -> &'static [Mode] {
    use Mode::*;
    match program {
        Program::RepeatMessage => &[Concurrent, Sequential, Threads, Deadline],
        Program::Count | Program::Chores => &[Concurrent, Sequential, Threads],
        Program::WorkQueue => &[Async, Blocking, Count, Cooperative],
        Program::PrimeSearch => &[Concurrent, Sequential, Blocking, Offload],
        Program::FindDivisible => &[Cooperative, Greedy, Sequential],
        Program::Say | Program::Makerandom => &[Concurrent, Sequential],
        Program::HttpFetch => &[Concurrent, Sequential, Threads],
        // asyncio has no interval timer (its interval is the deadline loop).
        Program::Timers => &[Naive, Deadline],
        // The concept programs are about Rust's futures: no Python port.
        Program::LazyFutures
        | Program::RunInExecutor
        | Program::WaitVsGather
        | Program::RuntimeMixing => &[],
    }
}

/// Which Rust runtime's transcript a Python mode must print: the sync crate's for the
/// blocking, threaded and generator versions (and for work_queue's `blocking`, the seed's
/// generators with `time.sleep`), an async crate's for asyncio.
pub fn transcript_runtime(program: Program, mode: Mode) -> Runtime {
    let sync = program.modes(Runtime::Sync).contains(&mode);
    let not_async = !program.modes(Runtime::Tokio).contains(&mode);
    if sync && (not_async || (program, mode) == (Program::WorkQueue, Mode::Blocking)) {
        Runtime::Sync
    } else {
        Runtime::Tokio
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_has_every_mode_of_every_rust_runtime() {
        for program in Program::ALL {
            for runtime in Runtime::RUST {
                for mode in program.modes(runtime) {
                    // The one exception: asyncio has no interval timer to show.
                    if (program, *mode) == (Program::Timers, Mode::Interval) {
                        continue;
                    }
                    assert!(modes(program).contains(mode), "{program} {mode}");
                }
            }
            for &mode in modes(program) {
                assert!(
                    program.ideal(mode).is_some(),
                    "{program} {mode} has no ideal"
                );
            }
        }
    }

    #[test]
    fn python_modes_follow_the_sync_or_the_async_transcripts() {
        use Mode::*;
        assert_eq!(
            transcript_runtime(Program::WorkQueue, Blocking),
            Runtime::Sync
        );
        assert_eq!(
            transcript_runtime(Program::PrimeSearch, Blocking),
            Runtime::Tokio
        );
        assert_eq!(transcript_runtime(Program::Chores, Threads), Runtime::Sync);
        assert_eq!(transcript_runtime(Program::Say, Sequential), Runtime::Sync);
        assert_eq!(
            transcript_runtime(Program::Count, Concurrent),
            Runtime::Tokio
        );
    }

    #[test]
    fn every_seed_program_has_its_python_port() {
        for program in Program::ALL {
            assert!(script(program).is_file(), "{}", script(program).display());
        }
    }
}
