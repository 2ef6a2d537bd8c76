//! Output that cannot go where it should, checked through a real `count` binary of a runtime
//! crate (every binary shares `cli::main` and `Out`, so one program stands for all):
//!
//! - a `--trace FILE` that cannot be created is a bad argument, told before any work;
//! - the trace is created when the run starts and gets its summary only at the end, so a run
//!   that is killed leaves an [`IncompleteTrace`];
//! - stdout that refuses a line (`> /dev/full`) is one line on stderr and exit code 1;
//! - a closed stdout (`| head -1`) ends the program quietly with [`EXIT_CLOSED_STDOUT`].
//!
//! A runtime crate's `tests/output_errors.rs` is one line, [`output_error_tests!`]: a test per
//! check, on its own `count`.
//!
//! [`output_error_tests!`]: crate::output_error_tests

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::out::{EXIT_CLOSED_STDOUT, IncompleteTrace, Trace};

/// Generous for a loaded 2-core machine: only a hang comes near it.
const DEADLINE: Duration = Duration::from_secs(30);

/// A fresh folder of the system's temp folder for one check (removed by the caller).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "shared-output-errors-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

/// Starts `exe` with `args` and `NO_COLOR=1`, stdin closed, stdout to `stdout`, stderr piped.
fn start(exe: &str, args: &[&str], stdout: Stdio) -> Child {
    Command::new(exe)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {exe}: {e}"))
}

/// Waits for `child` (killing it and failing past [`DEADLINE`]); returns its status and stderr.
fn finish(mut child: Child, what: &str) -> (ExitStatus, String) {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    (status, stderr)
}

/// `stderr` is exactly one line, an `error: ` containing `expected`, and no panic.
fn assert_one_error_line(stderr: &str, expected: &str, what: &str) {
    let stderr = stderr.trim_end();
    assert_eq!(stderr.lines().count(), 1, "{what}: stderr {stderr:?}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains(expected),
        "{what}: stderr {stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "{what}: stderr {stderr:?}");
}

/// `count --trace PATH` where PATH cannot be created (its folder is missing, its folder is a
/// file, it is a folder) exits with code 2 and one line naming PATH, before printing anything:
/// `count` prints its first lines at once, so an empty stdout means the program never ran.
pub fn assert_an_unwritable_trace_is_a_bad_argument(exe: &str) {
    let dir = scratch("unwritable");
    let file = dir.join("a-file");
    std::fs::write(&file, "").expect("create a file");
    for path in [
        dir.join("no-such-folder/t.jsonl"),
        file.join("t.jsonl"),
        dir.clone(),
    ] {
        let path = path.to_str().expect("a UTF-8 temp folder");
        let what = format!("{exe} --trace {path}");
        // At scale 1 a run that went ahead would end within seconds: reading to the end is safe.
        let mut child = start(exe, &["--scale", "1", "--trace", path], Stdio::piped());
        let mut stdout = String::new();
        let _ = child
            .stdout
            .take()
            .map(|mut s| s.read_to_string(&mut stdout));
        let (status, stderr) = finish(child, &what);
        assert_eq!(status.code(), Some(2), "{what}: stderr {stderr:?}");
        assert!(stdout.is_empty(), "{what} ran anyway: {stdout:?}");
        assert_one_error_line(&stderr, path, &what);
    }
    std::fs::remove_dir_all(dir).expect("remove the scratch folder");
}

/// `count --scale 4 --trace FILE` killed after its first line leaves FILE behind (it was
/// created when the run started) without a summary, which [`Trace::read`] calls an
/// [`IncompleteTrace`] rather than a trace of a shorter run.
pub fn assert_a_killed_run_leaves_an_incomplete_trace(exe: &str) {
    let dir = scratch("killed");
    let path = dir.join("t.jsonl");
    let path_arg = path.to_str().expect("a UTF-8 temp folder");
    let mut child = start(exe, &["--scale", "4", "--trace", path_arg], Stdio::piped());
    let mut first = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the first line");
    assert!(!first.is_empty(), "{exe} printed nothing");
    child.kill().expect("kill the run");
    let (status, _) = finish(child, exe);
    assert!(status.code().is_none(), "{exe} ended by itself: {status}");
    let error = Trace::read(&path).expect_err("a killed run's trace must not read as whole");
    assert!(
        error.downcast_ref::<IncompleteTrace>().is_some(),
        "{path:?}: {error:#}"
    );
    std::fs::remove_dir_all(dir).expect("remove the scratch folder");
}

/// `count > /dev/full`: the first line cannot be written, so the program says so in one line
/// on stderr and exits with code 1 (instead of 0 with every line lost).
pub fn assert_a_full_stdout_is_an_error(exe: &str) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open(Path::new("/dev/full"))
        .expect("open /dev/full");
    let what = format!("{exe} > /dev/full");
    let child = start(exe, &["--scale", "0.01"], Stdio::from(full));
    let (status, stderr) = finish(child, &what);
    assert_eq!(status.code(), Some(1), "{what}: stderr {stderr:?}");
    assert_one_error_line(&stderr, "stdout", &what);
}

/// `count --scale 0.5 | head -1`: once the reader has gone, the next line ends the program at
/// once, quietly (nothing on stderr), with [`EXIT_CLOSED_STDOUT`].
pub fn assert_a_closed_stdout_ends_quietly(exe: &str) {
    let what = format!("{exe} | head -1");
    let mut child = start(exe, &["--scale", "0.5"], Stdio::piped());
    let mut first = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    let mut reader = BufReader::new(stdout);
    reader.read_line(&mut first).expect("read the first line");
    assert!(!first.is_empty(), "{exe} printed nothing");
    // The reader goes: the pipe is closed, as when `head -1` has its line.
    drop(reader);
    let (status, stderr) = finish(child, &what);
    assert_eq!(
        status.code(),
        Some(EXIT_CLOSED_STDOUT),
        "{what}: {status}, stderr {stderr:?}"
    );
    assert!(stderr.is_empty(), "{what}: stderr {stderr:?}");
}

/// The four checks of this module as four `#[test]`s on the calling crate's `count` binary:
/// `shared::output_error_tests!();` in a runtime crate's `tests/output_errors.rs`.
#[macro_export]
macro_rules! output_error_tests {
    () => {
        #[test]
        fn an_unwritable_trace_is_a_bad_argument() {
            $crate::testing::output_errors::assert_an_unwritable_trace_is_a_bad_argument(env!(
                "CARGO_BIN_EXE_count"
            ));
        }

        #[test]
        fn a_killed_run_leaves_an_incomplete_trace() {
            $crate::testing::output_errors::assert_a_killed_run_leaves_an_incomplete_trace(env!(
                "CARGO_BIN_EXE_count"
            ));
        }

        #[test]
        fn a_full_stdout_is_an_error() {
            $crate::testing::output_errors::assert_a_full_stdout_is_an_error(env!(
                "CARGO_BIN_EXE_count"
            ));
        }

        #[test]
        fn a_closed_stdout_ends_quietly() {
            $crate::testing::output_errors::assert_a_closed_stdout_ends_quietly(env!(
                "CARGO_BIN_EXE_count"
            ));
        }
    };
}
