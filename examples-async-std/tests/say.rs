//! say under async-std: hello then world in real time at a small scale, and `--forever`
//! through the real binary, stopped by a real SIGINT.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use shared::expect::assert_transcript;
use shared::{Mode, Program, Run, Runtime, SayOpts};

#[test]
fn say_prints_hello_then_world_sleeping_at_the_same_time() {
    let run = Run::capture(
        Program::Say,
        Runtime::AsyncStd,
        Mode::Concurrent,
        0.4,
        SayOpts::default(),
    );
    let out = run.out.clone();
    async_std::task::block_on(examples_async_std::say::run(run)).unwrap();
    // hello is due 200 ms before world: a task would have to be that late to swap them.
    assert_transcript(
        &out.recorded(),
        Program::Say,
        Runtime::AsyncStd,
        Mode::Concurrent,
    );
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

/// Starts `say --forever --scale 0.01`, waits for `world`, sends SIGINT, and returns the exit
/// code, stdout's lines and stderr. Panics if any step overruns `deadline`.
fn forever_then_ctrl_c(deadline: Duration) -> (Option<i32>, Vec<String>, String) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_say"))
        .args(["--forever", "--scale", "0.01"])
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

#[test]
fn say_forever_keeps_running_until_ctrl_c_then_exits_cleanly() {
    let (code, lines, stderr) = forever_then_ctrl_c(Duration::from_secs(30));
    assert_eq!(lines, ["hello", "world"]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "Ctrl+C received: shutting down.\n");
}

#[test]
fn say_without_forever_ends_by_itself() {
    let run = shared::testing::run_bin(
        env!("CARGO_BIN_EXE_say"),
        &["--scale", "0.01"],
        Duration::from_secs(30),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
