//! `cargo xtask compare` stopped by a signal leaves nothing behind and loses nothing: on
//! SIGINT (Ctrl+C, sent to its whole process group as a terminal does) and on SIGTERM (to
//! xtask alone) it kills the run in progress, writes no report, keeps the last complete one,
//! says so in one line and exits 130 / 143; after a SIGKILL no program of the run is left
//! running. And the measuring wrapper dies with whatever started it (the parent-death signal),
//! taking its program with it.
//!
//! Processes are found in /proc by their command line, which names something unique to the
//! test (its own `--out` folder, which holds the binaries; an odd `sleep` duration).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;

/// Generous for a loaded 2-core machine.
const DEADLINE: Duration = Duration::from_secs(30);

/// Long enough to build the runtime member first (a dev build, which the members' own tests
/// usually made already).
const BUILD_DEADLINE: Duration = Duration::from_secs(600);

/// The live processes (zombies have an empty command line) whose command line contains
/// `needle`, as `(pid, cmdline)`, the arguments separated by spaces.
fn processes_naming(needle: &str) -> Vec<(u32, String)> {
    let me = std::process::id();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("read /proc").flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&bytes).replace('\0', " ");
        if cmdline.contains(needle) {
            found.push((pid, cmdline.trim_end().to_string()));
        }
    }
    found
}

/// Waits until `done` holds, failing with `what` past `deadline`.
fn wait_until(what: &str, deadline: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < deadline, "{what} within {deadline:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Kills `child` (SIGKILL) and reaps it.
fn kill_and_reap(mut child: Child) {
    child.kill().expect("kill");
    child.wait().expect("reap");
}

#[test]
fn a_sigkill_of_the_wrappers_parent_takes_the_program_down() {
    // A shell plays xtask: it starts `xtask measure` as the runner does (its own pid as
    // --parent) and waits; it is then SIGKILLed, which no handler can see.
    let id = std::process::id();
    let program = format!("600.{id}");
    let report: PathBuf = std::env::temp_dir().join(format!("xtask-interrupt-test-{id}.json"));
    let _ = std::fs::remove_file(&report);
    let shell = Command::new("/bin/sh")
        .arg("-c")
        .arg(r#""$0" measure --parent $$ "$1" -- sleep "$2" & wait"#)
        .arg(env!("CARGO_BIN_EXE_xtask"))
        .arg(&report)
        .arg(&program)
        .stdin(Stdio::null())
        .spawn()
        .expect("start sh");
    // The wrapper's command line names the program too: the program's starts with it.
    let needle = format!("sleep {program}");
    let program_runs = || {
        processes_naming(&needle)
            .iter()
            .any(|(_, cmdline)| cmdline.starts_with(&needle))
    };
    wait_until("the program starts", DEADLINE, program_runs);
    kill_and_reap(shell);
    wait_until(
        "the wrapper and the program end with the wrapper's parent",
        DEADLINE,
        || processes_naming(&needle).is_empty(),
    );
    assert!(!report.exists(), "a report was left: {report:?}");
}

/// `xtask compare` on sync's `count --mode sequential` at scale 100 (5 minutes, ten times the
/// [`DEADLINE`] within which xtask must end after the signal: only killing the run ends it in
/// time) into `target/tmp/interrupt-<name>`, where an earlier run's `report.md` waits, in a
/// process group of its own; returned once the program runs.
struct Compare {
    xtask: Child,
    /// xtask's stderr (cargo's build messages included), read on a thread so that it never
    /// fills its pipe.
    stderr: std::thread::JoinHandle<String>,
    out: PathBuf,
}

/// The report an earlier run left, which an interrupted one must keep.
const EARLIER: &str = "# an earlier run's complete report\n";

impl Compare {
    fn start(name: &str) -> Compare {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("interrupt-{name}"));
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).expect("create the out folder");
        std::fs::write(out.join("report.md"), EARLIER).expect("write the earlier report");
        let mut xtask = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["compare", "--program", "count", "--runtime", "sync"])
            .args(["--mode", "sequential", "--scale", "100", "--debug", "--out"])
            .arg(&out)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .expect("start xtask compare");
        let mut pipe = xtask.stderr.take().expect("piped stderr");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut pipe, &mut text);
            text
        });
        let compare = Compare { xtask, stderr, out };
        let program = compare.out.join("bin/sync/count");
        let program = program.to_string_lossy().into_owned();
        wait_until("compare starts count", BUILD_DEADLINE, || {
            processes_naming(&program)
                .iter()
                .any(|(_, cmdline)| cmdline.starts_with(&program))
        });
        compare
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(i32::try_from(self.xtask.id()).expect("a pid"))
    }

    /// Waits for xtask to end; its exit code and stderr.
    fn wait(mut self) -> (Option<i32>, String, PathBuf) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.xtask.try_wait().expect("wait for xtask") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = killpg(self.pid(), Signal::SIGKILL);
                panic!("xtask still running {DEADLINE:?} after the signal");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let stderr = self.stderr.join().unwrap_or_default();
        (status.code(), stderr, self.out)
    }
}

/// Nothing of the run is left: no process names the out folder (the binaries live there) a
/// second after xtask ended, the earlier report is untouched, no other report or temporary
/// file was written, and no measuring report is left in the temp folder.
fn assert_nothing_left(out: &Path, xtask_pid: u32) {
    let needle = out.to_string_lossy().into_owned();
    let start = Instant::now();
    while !processes_naming(&needle).is_empty() && start.elapsed() < Duration::from_secs(1) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let left = processes_naming(&needle);
    assert!(left.is_empty(), "still running after xtask: {left:?}");
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert_eq!(report, EARLIER, "the earlier report was replaced");
    let mut written: Vec<String> = std::fs::read_dir(out)
        .expect("read the out folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !matches!(name.as_str(), "report.md" | "bin" | "traces"))
        .collect();
    written.sort();
    assert!(
        written.is_empty(),
        "written by an interrupted run: {written:?}"
    );
    let prefix = format!("xtask-measure-{xtask_pid}-");
    let scratch: Vec<String> = std::fs::read_dir(std::env::temp_dir())
        .expect("read the temp folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    assert!(scratch.is_empty(), "measuring reports left: {scratch:?}");
}

/// The one line an interrupted compare ends with: what was interrupted, and the earlier report.
fn assert_says_what_was_interrupted(stderr: &str, signal: &str, out: &Path) {
    let last = stderr.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "compare interrupted by {signal} during count · sync · sequential"
        )),
        "{stderr}"
    );
    assert!(
        last.contains(&out.join("report.md").display().to_string()),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn ctrl_c_to_the_process_group_ends_the_run_writes_nothing_and_exits_130() {
    let compare = Compare::start("sigint");
    let pid = compare.xtask.id();
    // What a terminal does on Ctrl+C: SIGINT to the foreground process group, xtask's.
    killpg(compare.pid(), Signal::SIGINT).expect("send SIGINT");
    let (code, stderr, out) = compare.wait();
    assert_eq!(code, Some(130), "{stderr}");
    assert_says_what_was_interrupted(&stderr, "SIGINT", &out);
    assert_nothing_left(&out, pid);
}

#[test]
fn sigterm_to_xtask_alone_ends_the_run_writes_nothing_and_exits_143() {
    let compare = Compare::start("sigterm");
    let pid = compare.xtask.id();
    kill(compare.pid(), Signal::SIGTERM).expect("send SIGTERM");
    let (code, stderr, out) = compare.wait();
    assert_eq!(code, Some(143), "{stderr}");
    assert_says_what_was_interrupted(&stderr, "SIGTERM", &out);
    assert_nothing_left(&out, pid);
}

#[test]
fn sigkill_of_xtask_leaves_no_program_running() {
    let compare = Compare::start("sigkill");
    let pid = compare.xtask.id();
    kill(compare.pid(), Signal::SIGKILL).expect("send SIGKILL");
    let (code, stderr, out) = compare.wait();
    assert_eq!(code, None, "SIGKILL ended xtask: {stderr}");
    assert_nothing_left(&out, pid);
}
