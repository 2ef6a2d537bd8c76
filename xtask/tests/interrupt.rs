//! No process of a run outlives xtask, whatever ends it: the measuring wrapper dies with its
//! parent (the parent-death signal), taking its program with it.
//!
//! Processes are found in /proc by their command line, which names something unique to the
//! test (a scratch folder, an odd `sleep` duration).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Generous for a loaded 2-core machine.
const DEADLINE: Duration = Duration::from_secs(30);

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

/// Waits until `done` holds, failing with `what` past [`DEADLINE`].
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < DEADLINE, "{what} within {DEADLINE:?}");
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
    wait_until("the program starts", program_runs);
    kill_and_reap(shell);
    wait_until(
        "the wrapper and the program end with the wrapper's parent",
        || processes_naming(&needle).is_empty(),
    );
    assert!(!report.exists(), "a report was left: {report:?}");
}
