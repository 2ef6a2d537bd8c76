//! Helpers for the tests of the runtime crates: run a real binary with a deadline
//! ([`run_bin`], [`run_traced`] to read its `--trace` too), or a program in this process on the runtime under test ([`run_in_process`]).
//! The checks several runtimes share are in the submodules, one per program (and [`cli`] for
//! the command line, [`workloads`] for every program through the trait), each taking what
//! differs between runtimes: the binary, the [`Runtime`](crate::Runtime), or a closure that
//! runs the program's future on that runtime.

pub mod chores;
pub mod cli;
pub mod concepts;
pub mod count;
pub mod examples;
pub mod http_fetch;
pub mod makerandom;
pub mod output_errors;
pub mod own_binary;
pub mod prime_search;
pub mod repeat_message;
pub mod runtime_mixing;
pub mod say;
pub mod timers;
pub mod work_queue;
pub mod workloads;

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::out::Trace;
use crate::{Mode, Out, Program, Run, Runtime};

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
    // Whose binary it is, checked before the clock starts (see `own_binary`).
    own_binary::ensure(exe);
    let start = Instant::now();
    let mut child = spawn(exe, args, env);
    // Read both pipes on threads so that a chatty child never blocks on a full pipe.
    let out_reader = read_on_a_thread(child.stdout.take().expect("piped stdout"));
    let err_reader = read_on_a_thread(child.stderr.take().expect("piped stderr"));
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

/// Runs `exe --mode blocking --scale <scale>` with `threads_var=threads` (the variable that
/// sets the runtime's number of threads), checks that it exited with code 0, and returns
/// stdout's lines.
pub fn run_blocking_on_threads(
    exe: &str,
    scale: f64,
    threads_var: &str,
    threads: &str,
) -> Vec<String> {
    let scale = scale.to_string();
    let args = ["--mode", "blocking", "--scale", &scale];
    let run = run_bin_env(
        exe,
        &args,
        &[(threads_var, threads)],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    run.lines()
}

/// Runs `exe` with `args` and `--trace` into a temporary file, and returns the trace. Checks
/// that it exited with code 0 and that stdout holds exactly the traced lines.
pub fn run_traced(exe: &str, args: &[&str]) -> Trace {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let name = Path::new(exe)
        .file_stem()
        .map_or("run".into(), |s| s.to_string_lossy());
    let path = std::env::temp_dir().join(format!(
        "{name}-{}-{}.jsonl",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let path_arg = path.to_str().expect("a UTF-8 temp dir");
    let all: Vec<&str> = args.iter().copied().chain(["--trace", path_arg]).collect();
    let run = run_bin(exe, &all, Duration::from_secs(60));
    assert_eq!(run.code(), Some(0), "{exe} {args:?}: {run:?}");
    let trace = Trace::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let traced: Vec<String> = trace.events.iter().map(|e| e.line.clone()).collect();
    assert_eq!(run.lines(), traced, "{exe} {args:?}");
    trace
}

/// Starts `exe` with `args`, `NO_COLOR=1` and `env`, stdin empty, stdout and stderr piped.
/// A program of this workspace is first checked to be the running tests' own runtime's (see
/// [`own_binary`]): a test never judges another member's binary.
pub fn spawn(exe: &str, args: &[&str], env: &[(&str, &str)]) -> Child {
    own_binary::ensure(exe);
    Command::new(exe)
        .args(args)
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {exe}: {e}"))
}

/// Reads `pipe` to its end on a thread of its own; joining the thread gives the text.
pub fn read_on_a_thread(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    })
}

/// Runs `program` in `mode` at `scale` with `opts` in this process through `block_on` (which
/// runs the program's future on `runtime`, or calls it, for std), capturing its lines, and
/// returns its sink. Fails the test if the program fails.
pub fn run_in_process<O>(
    program: Program,
    runtime: Runtime,
    mode: Mode,
    scale: f64,
    opts: O,
    block_on: impl FnOnce(Run<O>) -> anyhow::Result<()>,
) -> Out {
    let run = Run::capture(program, runtime, mode, scale, opts);
    let out = run.out.clone();
    block_on(run).unwrap_or_else(|e| panic!("{program} --mode {mode} under {runtime}: {e:#}"));
    out
}
