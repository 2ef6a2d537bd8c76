//! Python, the seeds' own language, as a fifth runtime column: the ports in `python/`.
//!
//! Each `python/<program>.py` takes the same command line as the Rust binaries (`--mode`,
//! `--scale`, `--trace` with the same JSON Lines) and prints the same lines. Its modes are the
//! union of the sync crate's and the async crates' that make sense in Python ([`modes`]):
//! asyncio where the async crates use a runtime, plain blocking code (and generators, and
//! threads) where the sync crate does.
//!
//! The modules beyond the standard library (http_fetch's clients) are pinned in
//! `python/requirements.txt`. When the Python found lacks one, [`provide`] installs them into
//! a virtual environment of the project's own, `target/python-venv`, and runs the ports there.

use std::path::{Path, PathBuf};
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

/// A virtual environment the Python ports' modules are installed into.
#[derive(Debug, Clone)]
pub struct Venv {
    /// Its directory (`target/python-venv`).
    pub dir: PathBuf,
    /// The pinned requirements (`python/requirements.txt`).
    pub requirements: PathBuf,
    /// pip's `--index-url` (`None`: pip's own, PyPI unless `PIP_INDEX_URL` says otherwise).
    pub index_url: Option<String>,
}

impl Venv {
    /// `target/python-venv` from `python/requirements.txt`.
    pub fn project() -> Venv {
        Venv {
            dir: crate::build::target_dir().join("python-venv"),
            requirements: crate::build::workspace_root()
                .join("python")
                .join("requirements.txt"),
            index_url: None,
        }
    }

    /// Its interpreter: running it uses the environment, no activation needed.
    pub fn python(&self) -> PathBuf {
        self.dir.join("bin").join("python")
    }
}

/// A Python that has every one of `modules`: `Ok(None)` when `python` itself has them,
/// `Ok(Some(venv's))` when `venv` has them, after creating it and installing its requirements
/// with pip if it must; `Err` with one line saying why not (no `venv` module, no pip, no
/// registry, a module still missing). Several processes may ask at once (xtask's test
/// binaries run side by side): the creation and the install hold a lock on `<venv>.lock`.
pub fn provide(python: &Python, modules: &[&str], venv: &Venv) -> Result<Option<Python>, String> {
    if modules.iter().all(|m| has_module(python, m)) {
        return Ok(None);
    }
    let _lock =
        crate::build::lock(&venv.dir.with_extension("lock")).map_err(|e| format!("{e:#}"))?;
    let runner = Runner::plain();
    let venv_python = Python {
        version: python.version.clone(),
        executable: venv.python(),
    };
    let has_all = |p: &Python| modules.iter().all(|m| has_module(p, m));
    if venv_python.executable.is_file() && has_all(&venv_python) {
        return Ok(Some(venv_python));
    }
    let dir = venv.dir.display();
    let failed = |what: String, outcome: &crate::runner::Outcome| {
        let why = outcome.last_error_line().unwrap_or("no message");
        format!("{what} failed ({}): {why}", outcome.status)
    };
    if !venv_python.executable.is_file() {
        eprintln!("==> python: creating the virtual environment {dir}");
        let create = Job::new(&python.executable)
            .args(["-m", "venv"])
            .arg(&venv.dir)
            .timeout(Duration::from_secs(300));
        let outcome = runner.run(&create);
        if !outcome.status.success() {
            return Err(failed(format!("python -m venv {dir}"), &outcome));
        }
    }
    let requirements = short(&venv.requirements);
    eprintln!("==> python: pip install -r {requirements} into {dir}");
    let mut install = Job::new(&venv_python.executable)
        .args([
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
        ])
        .args(["--retries", "1", "--timeout", "20", "-r"])
        .arg(&venv.requirements)
        .timeout(Duration::from_secs(900));
    if let Some(url) = &venv.index_url {
        install = install.args(["--index-url", url]);
    }
    let outcome = runner.run(&install);
    if !outcome.status.success() {
        // pip's last line names the requirement it could not find; its warnings say why.
        let unreachable = outcome.stderr.contains("NewConnectionError")
            || outcome.stderr.contains("Could not fetch URL");
        let what = if unreachable {
            format!("pip install -r {requirements} (the package index is out of reach)")
        } else {
            format!("pip install -r {requirements}")
        };
        return Err(failed(what, &outcome));
    }
    match modules.iter().find(|m| !has_module(&venv_python, m)) {
        Some(module) => Err(format!(
            "{dir} has no module {module} after pip install -r {requirements}"
        )),
        None => Ok(Some(venv_python)),
    }
}

/// `path` relative to the workspace where it is inside it (`python/requirements.txt`).
fn short(path: &Path) -> String {
    let root = crate::build::workspace_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
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

/// The standalone form of `program`, `python/examples/<program>.py`: the seed's code made
/// runnable, as a Python developer writes it (plain `asyncio.run` and `print`, the mode as
/// the first argument), which the book shows; [`script`] is its measured twin.
pub fn example(program: Program) -> PathBuf {
    crate::build::workspace_root()
        .join("python")
        .join("examples")
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
                    // The exceptions: asyncio has no interval timer to show, and it runs
                    // every task on one thread, so it has no pool to run find_divisible on.
                    if (program, *mode) == (Program::Timers, Mode::Interval)
                        || (program, *mode) == (Program::FindDivisible, Mode::Parallel)
                    {
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

    /// A fresh scratch directory for one test, with a `requirements.txt` of `requirement`.
    fn scratch_venv(test: &str, requirement: &str, index_url: Option<&str>) -> Venv {
        let dir = std::env::temp_dir().join(format!("xtask-venv-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("requirements.txt"), format!("{requirement}\n")).unwrap();
        Venv {
            requirements: dir.join("requirements.txt"),
            dir: dir.join("venv"),
            index_url: index_url.map(String::from),
        }
    }

    fn python3() -> Python {
        find().expect("these tests need python3 (or XTASK_PYTHON) with its venv module")
    }

    #[test]
    fn a_python_with_the_modules_is_used_as_it_is() {
        let venv = scratch_venv("as-is", "nothing==1.0", None);
        assert!(matches!(provide(&python3(), &["json"], &venv), Ok(None)));
        assert!(!venv.dir.exists(), "no venv is made when none is needed");
        std::fs::remove_dir_all(venv.dir.parent().unwrap()).unwrap();
    }

    #[test]
    fn without_pip_the_venv_cannot_be_filled_and_the_error_says_so() {
        // Simulates a Python without pip: the venv is made beforehand with `--without-pip`,
        // so `provide` finds it in place and its `python -m pip` has no pip to run.
        let python = python3();
        let venv = scratch_venv("no-pip", "xtask-test-no-such-package==1.0", None);
        let made = Runner::plain().run(
            &Job::new(&python.executable)
                .args(["-m", "venv", "--without-pip"])
                .arg(&venv.dir)
                .timeout(Duration::from_secs(120)),
        );
        assert!(made.status.success(), "{}", made.stderr);
        let error = provide(&python, &["xtask_test_no_such_module"], &venv).unwrap_err();
        assert!(error.starts_with("pip install -r "), "{error}");
        assert!(error.contains("No module named pip"), "{error}");
        assert!(!error.contains('\n'), "one line: {error}");
        std::fs::remove_dir_all(venv.dir.parent().unwrap()).unwrap();
    }

    #[test]
    fn an_unreachable_registry_leaves_the_module_missing_and_the_error_says_so() {
        // pip is there (the venv is made with it) but its registry is not: an index on a
        // local port that nothing listens on.
        let venv = scratch_venv(
            "no-registry",
            "xtask-test-no-such-package==1.0",
            Some("http://127.0.0.1:9/simple"),
        );
        let error = provide(&python3(), &["xtask_test_no_such_module"], &venv).unwrap_err();
        assert!(venv.python().is_file(), "the venv itself was made");
        assert!(error.starts_with("pip install -r "), "{error}");
        assert!(
            error.contains("the package index is out of reach"),
            "{error}"
        );
        assert!(error.contains("xtask-test-no-such-package"), "{error}");
        std::fs::remove_dir_all(venv.dir.parent().unwrap()).unwrap();
    }

    #[test]
    fn every_seed_program_has_its_python_port_and_its_standalone_form() {
        for program in Program::ALL {
            assert!(script(program).is_file(), "{}", script(program).display());
            assert!(example(program).is_file(), "{}", example(program).display());
        }
    }
}
