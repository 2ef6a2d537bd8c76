//! Helpers for the tests of the runtime crates: run a real binary with a deadline, and the
//! checks several runtimes share (here and in the submodules, one per program), each taking
//! what differs between runtimes: the binary, the [`Runtime`](crate::Runtime), or a closure
//! that runs the program's future on that runtime.

pub mod chores;
pub mod concepts;
pub mod count;
pub mod http_fetch;
pub mod makerandom;
pub mod output_errors;
pub mod prime_search;
pub mod repeat_message;
pub mod work_queue;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a binary printed and how it ended.
#[derive(Debug)]
pub struct BinRun {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    /// Wall time of the whole process (start-up included).
    pub wall: Duration,
}

impl BinRun {
    /// stdout's lines.
    pub fn lines(&self) -> Vec<String> {
        self.stdout.lines().map(str::to_string).collect()
    }

    /// The exit code (`None` if a signal ended it).
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }
}

/// Runs `exe` with `args` and `NO_COLOR=1`, killing it if it runs past `deadline` (then the
/// test fails with what it printed so far, instead of hanging).
pub fn run_bin(exe: &str, args: &[&str], deadline: Duration) -> BinRun {
    run_bin_env(exe, args, &[], deadline)
}

/// [`run_bin`] with extra environment variables.
pub fn run_bin_env(exe: &str, args: &[&str], env: &[(&str, &str)], deadline: Duration) -> BinRun {
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {exe}: {e}"));
    // Read both pipes on threads so that a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the child") {
            break status;
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let (out, err) = (
                out_reader.join().unwrap_or_default(),
                err_reader.join().unwrap_or_default(),
            );
            panic!(
                "{exe} {args:?} still running after {deadline:?}; stdout:\n{out}\nstderr:\n{err}"
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = start.elapsed();
    BinRun {
        status,
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        wall,
    }
}

/// The command-line errors every binary must turn into one line on stderr and exit code 2:
/// an unknown mode, `--scale 0`, `--scale abc`, an unknown flag. `exe` is any binary of a
/// runtime crate (they share the command line).
pub fn assert_bad_arguments_exit_2(exe: &str) {
    for (args, expected) in [
        (
            &["--mode", "no-such-mode"][..],
            "invalid value 'no-such-mode' for '--mode <MODE>'",
        ),
        (&["--scale", "0"][..], "must be a number greater than 0"),
        (&["--scale", "abc"][..], "not a number"),
        (
            &["--no-such-flag"][..],
            "unexpected argument '--no-such-flag'",
        ),
    ] {
        let run = run_bin(exe, args, Duration::from_secs(30));
        assert_eq!(run.code(), Some(2), "{exe} {args:?}: {run:?}");
        assert!(
            run.stdout.is_empty(),
            "{exe} {args:?} printed on stdout: {:?}",
            run.stdout
        );
        let stderr = run.stderr.trim_end();
        assert_eq!(
            stderr.lines().count(),
            1,
            "{exe} {args:?}: stderr is not one line: {stderr:?}"
        );
        assert!(
            stderr.starts_with("error: ") && stderr.contains(expected),
            "{exe} {args:?}: {stderr:?}"
        );
        assert!(!stderr.contains("panicked"), "{exe} {args:?}: {stderr:?}");
    }
}

/// `--help` prints the program's modes and exits 0.
pub fn assert_help_lists_modes(exe: &str, modes: &[crate::Mode]) {
    let run = run_bin(exe, &["--help"], Duration::from_secs(30));
    assert_eq!(run.code(), Some(0), "{run:?}");
    for mode in modes {
        assert!(
            run.stdout.contains(mode.name()),
            "--help does not list {mode}: {}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("--scale") && run.stdout.contains("--trace"),
        "{}",
        run.stdout
    );
}

/// Runs every seed program in every mode the runtime has through the [`Workloads`] trait at
/// `scale`, and checks what it printed against
/// [`expect::transcript`](crate::expect::transcript) where there is one: the exact order
/// where the catalogue says it is [`Fixed`](crate::catalogue::Ordering::Fixed), the same
/// lines in any order otherwise (at a small scale, instants a few milliseconds apart are
/// too close to order on a loaded machine: the per-program tests check those orders at
/// scales that can). A program the runtime lacks does not compile; one that fails or prints
/// the wrong lines fails here with its name and mode.
///
/// [`Workloads`]: crate::Workloads
pub fn check_every_program<W: crate::Workloads>(workloads: &W, scale: f64) {
    use crate::catalogue::Ordering;
    let runtime = workloads.runtime();
    for program in crate::Program::ALL {
        for &mode in program.modes(runtime) {
            let out = crate::workload::run_captured(workloads, program, mode, scale)
                .unwrap_or_else(|e| {
                    panic!("{program} --mode {mode} under {runtime} failed: {e:#}")
                });
            assert!(
                !out.lines().is_empty(),
                "{program} --mode {mode} under {runtime} printed nothing"
            );
            let Some(groups) = crate::expect::transcript(program, runtime, mode) else {
                continue;
            };
            let lines = crate::expect::comparable(&out.recorded());
            let checked = if program.ordering(mode) == Ordering::Fixed {
                crate::expect::check(&lines, &groups)
            } else {
                crate::expect::check(&lines, &vec![groups.concat()])
            };
            if let Err(why) = checked {
                panic!("{program} --mode {mode} under {runtime}: {why}");
            }
        }
    }
}

/// Starts `exe` (a `say` binary) as `say --forever --scale 0.01` with `args`, waits for `world`, sends SIGINT, and
/// returns the exit code, stdout's lines and stderr. Panics if any step overruns `deadline`.
pub fn forever_then_ctrl_c(
    exe: &str,
    args: &[&str],
    deadline: Duration,
) -> (Option<i32>, Vec<String>, String) {
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args(["--forever", "--scale", "0.01"])
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start say");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let (lines_tx, lines_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut lines = Vec::new();
    while lines.last().map(String::as_str) != Some("world") {
        match lines_rx.recv_timeout(deadline.saturating_sub(start.elapsed())) {
            Ok(line) => lines.push(line),
            Err(_) => {
                let _ = child.kill();
                panic!("no `world` within {deadline:?}; got {lines:?}");
            }
        }
    }
    // Both words are out; the program keeps running, waiting for Ctrl+C, which is SIGINT.
    std::thread::sleep(Duration::from_millis(100));
    if let Some(status) = child.try_wait().expect("wait for say") {
        panic!("say --forever ended by itself ({status}) after {lines:?}");
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for say") {
            break status;
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            panic!("say did not end within {deadline:?} after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    lines.extend(lines_rx.try_iter());
    (status.code(), lines, err_reader.join().unwrap_or_default())
}

/// `say --forever` (with `args`) prints hello and world, keeps running, and on Ctrl+C (a real
/// SIGINT) says so on stderr and exits with code 0.
pub fn assert_say_forever_stops_cleanly_on_ctrl_c(exe: &str, args: &[&str]) {
    let (code, lines, stderr) = forever_then_ctrl_c(exe, args, Duration::from_secs(30));
    assert_eq!(lines, ["hello", "world"], "{args:?}");
    assert_eq!(code, Some(0), "{args:?}: stderr {stderr}");
    assert_eq!(stderr, "Ctrl+C received: shutting down.\n", "{args:?}");
}

/// `say` at scale 0.4 run through `block_on` (which runs the program's future on `runtime`),
/// in real time: hello then world, the two sleeps overlapping.
pub fn assert_say_prints_hello_then_world_sleeping_at_the_same_time(
    runtime: crate::Runtime,
    block_on: impl FnOnce(crate::Run<crate::SayOpts>) -> anyhow::Result<()>,
) {
    use crate::{Mode, Program, Run, SayOpts};
    let run = Run::capture(
        Program::Say,
        runtime,
        Mode::Concurrent,
        0.4,
        SayOpts::default(),
    );
    let out = run.out.clone();
    block_on(run).unwrap();
    // hello is due 200 ms before world: a task would have to be that late to swap them.
    crate::expect::assert_transcript(&out.recorded(), Program::Say, runtime, Mode::Concurrent);
    let events = out.recorded();
    assert!(events[0].t_us >= 200_000, "{events:?}");
    assert!(events[1].t_us >= 400_000, "{events:?}");
    // The two sleeps overlap: well under the 600 ms of one after the other.
    assert!(
        out.elapsed() < Duration::from_millis(600),
        "{:?}",
        out.elapsed()
    );
}

/// `say` without `--forever` (the binary `exe`, at scale 0.01) prints hello and world and ends
/// by itself with code 0 and nothing on stderr.
pub fn assert_say_without_forever_ends_by_itself(exe: &str) {
    let run = run_bin(exe, &["--scale", "0.01"], Duration::from_secs(30));
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
