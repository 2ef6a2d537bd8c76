//! The checks the runtimes' `say` tests share: `--forever` through the real binary, stopped
//! by a real SIGINT; the run without it; and, in this process, hello then world with the two
//! sleeps overlapping (async-std and smol).

use std::io::{BufRead, BufReader};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{read_on_a_thread, run_bin, spawn};
use crate::{Mode, Program, Run, SayOpts};

/// Starts `exe` (a `say` binary) as `say --forever --scale 0.01` with `args`, waits for
/// `world`, sends SIGINT, and returns the exit code, stdout's lines and stderr. Panics if any step overruns `deadline`.
pub fn forever_then_ctrl_c(
    exe: &str,
    args: &[&str],
    deadline: Duration,
) -> (Option<i32>, Vec<String>, String) {
    let start = Instant::now();
    let forever: Vec<&str> = ["--forever", "--scale", "0.01"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let mut child = spawn(exe, &forever, &[]);
    let stdout = child.stdout.take().expect("piped stdout");
    let (lines_tx, lines_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let err_reader = read_on_a_thread(child.stderr.take().expect("piped stderr"));
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
    // At --scale 0.2 `hello` is due 100 ms before `world`. At 0.01, 5 ms apart, a loaded
    // fresh CI run once printed `world` first under tokio's multi-thread runtime: if the timer
    // is serviced only after both deadlines, both tasks are woken in one go, and which prints
    // first is the scheduler's choice. The exact times are the paused-clock tests'.
    let run = run_bin(exe, &["--scale", "0.2"], Duration::from_secs(30));
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.wall >= Duration::from_millis(200), "{:?}", run.wall);
}
