//! say through the real binary: hello then world, one sleep after the other, and
//! `--forever` stopped by a real SIGINT.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use shared::out::Trace;
use shared::testing::run_bin;

#[test]
fn say_prints_hello_then_world_one_sleep_after_the_other() {
    let path = std::env::temp_dir().join(format!("examples-sync-say-{}.jsonl", std::process::id()));
    let run = run_bin(
        env!("CARGO_BIN_EXE_say"),
        &[
            "--scale",
            "0.01",
            "--trace",
            path.to_str().expect("a UTF-8 temp path"),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    assert_eq!(run.lines(), ["hello", "world"]);
    let trace = Trace::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    // Blocking sleeps add up: world comes after 5 ms + 10 ms, not after 10 ms.
    let world = &trace.events[1];
    assert_eq!(world.line, "world");
    assert!(world.t_us >= 15_000, "{world:?}");
    assert_eq!(trace.summary.mode, "sequential");
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
