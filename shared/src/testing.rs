//! Helpers for the tests of the runtime crates: run a real binary with a deadline.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
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
