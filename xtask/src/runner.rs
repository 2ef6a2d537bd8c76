//! Running one program and measuring it: the runner that `cargo xtask compare` (and
//! `cargo xtask bench`) share.
//!
//! A [`Job`] says what to run: the executable, its arguments, extra environment variables, a
//! working directory and a timeout. [`Runner::run`] starts it with stdin closed and stdout and
//! stderr captured (read on threads, so a chatty program never blocks on a full pipe), waits
//! for it, and returns an [`Outcome`]: how it ended ([`Status`]), what it printed, its wall
//! time and, when measured, its peak resident memory and CPU time.
//!
//! ```no_run
//! use std::time::Duration;
//! use xtask::runner::{Job, Runner};
//!
//! let runner = Runner::measuring(std::env::current_exe()?); // or Runner::plain()
//! let job = Job::new("target/compare/bin/tokio/count")
//!     .args(["--scale", "0.1"])
//!     .env("TOKIO_WORKER_THREADS", "2")
//!     .timeout(Duration::from_secs(10));
//! let outcome = runner.run(&job);
//! println!("{:?} in {:?}, {:?} KiB", outcome.status, outcome.wall, outcome.peak_rss_kib);
//! # anyhow::Ok(())
//! ```
//!
//! **Timeouts.** The program runs in a process group of its own; past the timeout the whole
//! group is killed (SIGKILL), so a hung program and anything it started go away, and the
//! outcome is [`Status::TimedOut`] with what it printed so far.
//!
//! **Interrupts.** Once xtask has noted SIGINT, SIGTERM or SIGHUP ([`crate::interrupt`]), the
//! run in progress is killed the same way (its group, its temporary report with it) and the
//! outcome is [`Status::Interrupted`]. If xtask dies without a chance to do so (SIGKILL), the
//! measuring wrapper gets the parent-death signal and kills its group itself, so no program
//! outlives xtask. A plain runner's program has no wrapper to do that (see
//! [`Runner::plain`]).
//!
//! **Measuring.** A process's peak RSS is only known to its parent, after the end
//! (`getrusage(RUSAGE_CHILDREN)`), and that figure is the maximum over *every* child the parent
//! ever waited for. So a measuring runner does not start the program itself: it starts a
//! small wrapper, `xtask measure <report> -- <program> <args>` (see [`measure_main`]), whose
//! only child is the program; the wrapper waits for it, reads its rusage, and writes a
//! [`Measurement`] to the report file. The wrapper also times the program from spawn to exit,
//! which is more exact than the runner's own clock. [`Runner::plain`] runs the program directly
//! and measures only wall time.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// What to run: build one with [`Job::new`] and the builder methods.
#[derive(Debug, Clone)]
pub struct Job {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Added to (or replacing in) the runner's own environment.
    pub env: Vec<(OsString, OsString)>,
    /// Working directory (default: the runner's).
    pub cwd: Option<PathBuf>,
    /// Killed past this (default 60 s).
    pub timeout: Duration,
}

impl Job {
    pub fn new(program: impl Into<PathBuf>) -> Job {
        Job {
            program: program.into(),
            args: Vec::new(),
            env: Vec::new(),
            cwd: None,
            timeout: Duration::from_secs(60),
        }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Job {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Job
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Job {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn cwd(mut self, dir: impl Into<PathBuf>) -> Job {
        self.cwd = Some(dir.into());
        self
    }

    pub fn timeout(mut self, timeout: Duration) -> Job {
        self.timeout = timeout;
        self
    }

    /// The command line, for messages: `prog arg1 arg2`.
    pub fn display(&self) -> String {
        std::iter::once(self.program.as_os_str())
            .chain(self.args.iter().map(OsString::as_os_str))
            .map(|s| s.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum Status {
    /// Exited with this code.
    Exited(i32),
    /// Ended by this signal (not by the runner).
    Signalled(i32),
    /// Still running at the timeout: killed by the runner.
    TimedOut,
    /// Killed by the runner because xtask received this signal (see [`crate::interrupt`]).
    Interrupted(i32),
    /// Could not be started (missing executable, not executable, …).
    SpawnFailed(String),
}

impl Status {
    /// Exited with code 0.
    pub fn success(&self) -> bool {
        *self == Status::Exited(0)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exited(code) => write!(f, "exit code {code}"),
            Status::Signalled(signal) => write!(f, "killed by signal {signal}"),
            Status::TimedOut => f.write_str("timeout"),
            Status::Interrupted(signal) => write!(f, "interrupted by signal {signal}"),
            Status::SpawnFailed(why) => write!(f, "cannot start: {why}"),
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    pub status: Status,
    pub stdout: String,
    pub stderr: String,
    /// From spawn to exit (measured by the wrapper when there is one).
    pub wall: Duration,
    /// Peak resident set size in KiB (`ru_maxrss`), when measured.
    pub peak_rss_kib: Option<u64>,
    /// CPU time in user mode, when measured.
    pub user_cpu: Option<Duration>,
    /// CPU time in the kernel, when measured.
    pub system_cpu: Option<Duration>,
}

impl Outcome {
    /// The last non-empty line of stderr (a program's one-line error), if any.
    pub fn last_error_line(&self) -> Option<&str> {
        self.stderr
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
    }
}

/// What the measuring wrapper reports about its one child (JSON in the report file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub status: Status,
    pub wall_us: u64,
    pub peak_rss_kib: u64,
    pub user_us: u64,
    pub system_us: u64,
}

/// Runs [`Job`]s; see the module documentation.
#[derive(Debug, Clone)]
pub struct Runner {
    /// The executable that understands `measure <report> -- <program> <args>`.
    wrapper: Option<PathBuf>,
    /// Where the wrapper writes its reports.
    scratch: PathBuf,
}

impl Runner {
    /// Runs programs directly; measures wall time only. Its program is killed when xtask is
    /// interrupted, but would outlive a SIGKILL of xtask: for short helper runs (finding
    /// Python) and tests; compare and bench measure, through the wrapper.
    pub fn plain() -> Runner {
        Runner {
            wrapper: None,
            scratch: std::env::temp_dir(),
        }
    }

    /// Runs programs under `wrapper measure …` (the `xtask` executable: pass
    /// `std::env::current_exe()` from `xtask`, or `env!("CARGO_BIN_EXE_xtask")` from its
    /// integration tests) to measure peak RSS and CPU time as well.
    pub fn measuring(wrapper: impl Into<PathBuf>) -> Runner {
        Runner {
            wrapper: Some(wrapper.into()),
            scratch: std::env::temp_dir(),
        }
    }

    /// Whether outcomes carry peak RSS and CPU time.
    pub fn measures(&self) -> bool {
        self.wrapper.is_some()
    }

    /// Runs `job` to its end or its timeout. Never panics on the program's account: a
    /// program that cannot start is [`Status::SpawnFailed`].
    pub fn run(&self, job: &Job) -> Outcome {
        let report = self.wrapper.as_ref().map(|_| self.report_path());
        let mut command = match (&self.wrapper, &report) {
            (Some(wrapper), Some(report)) => {
                let mut c = Command::new(wrapper);
                c.arg("measure")
                    .arg("--parent")
                    .arg(std::process::id().to_string())
                    .arg(report)
                    .arg("--")
                    .arg(&job.program)
                    .args(&job.args);
                c
            }
            _ => {
                let mut c = Command::new(&job.program);
                c.args(&job.args);
                c
            }
        };
        command
            .envs(job.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(dir) = &job.cwd {
            command.current_dir(dir);
        }
        // A group of its own, so that a timeout kills the program and anything it started.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);

        let start = Instant::now();
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(error) => {
                // Name what could not start: the wrapper, or the program itself.
                let what = self.wrapper.as_deref().unwrap_or(&job.program);
                return failed_to_spawn(what, error);
            }
        };
        let stdout = read_on_thread(child.stdout.take());
        let stderr = read_on_thread(child.stderr.take());
        let pid = child.id();
        let mut killed = None;
        let exit = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) => {}
                Err(_) => break None,
            }
            if let Some(signal) = crate::interrupt::received() {
                killed = Some(Status::Interrupted(signal));
            } else if start.elapsed() > job.timeout {
                killed = Some(Status::TimedOut);
            }
            if killed.is_some() {
                kill_group(pid);
                let _ = child.kill();
                break child.wait().ok();
            }
            std::thread::sleep(poll_interval(start.elapsed()));
        };
        let ended_by_runner = killed.is_some();
        let wall = start.elapsed();
        let stdout = stdout.join().unwrap_or_default();
        let stderr = stderr.join().unwrap_or_default();
        let mut outcome = Outcome {
            status: match killed {
                Some(status) => status,
                None => exit.map_or(Status::SpawnFailed("lost the child".into()), status_of),
            },
            stdout,
            stderr,
            wall,
            peak_rss_kib: None,
            user_cpu: None,
            system_cpu: None,
        };
        if let Some(report) = report {
            let measured = std::fs::read_to_string(&report)
                .ok()
                .and_then(|text| serde_json::from_str::<Measurement>(&text).ok());
            let _ = std::fs::remove_file(&report);
            match measured {
                Some(m) if !ended_by_runner => {
                    outcome.status = m.status;
                    outcome.wall = Duration::from_micros(m.wall_us);
                    outcome.peak_rss_kib = Some(m.peak_rss_kib);
                    outcome.user_cpu = Some(Duration::from_micros(m.user_us));
                    outcome.system_cpu = Some(Duration::from_micros(m.system_us));
                }
                // Killed at the timeout or interrupted: no report, the outcome says so already.
                _ if ended_by_runner => {}
                // The wrapper itself failed (its error is on stderr).
                _ if outcome.status.success() => {
                    outcome.status =
                        Status::SpawnFailed("the measuring wrapper wrote no report".into());
                }
                _ => {}
            }
        }
        outcome
    }

    fn report_path(&self) -> PathBuf {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        self.scratch
            .join(format!("xtask-measure-{}-{n}.json", std::process::id()))
    }
}

/// Check often at first (short runs end fast), then less often.
fn poll_interval(elapsed: Duration) -> Duration {
    if elapsed < Duration::from_millis(100) {
        Duration::from_millis(1)
    } else {
        Duration::from_millis(5)
    }
}

fn failed_to_spawn(program: &Path, error: std::io::Error) -> Outcome {
    Outcome {
        status: Status::SpawnFailed(format!("{}: {error}", program.display())),
        stdout: String::new(),
        stderr: String::new(),
        wall: Duration::ZERO,
        peak_rss_kib: None,
        user_cpu: None,
        system_cpu: None,
    }
}

fn read_on_thread<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn status_of(status: ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Status::Exited(code),
        (None, Some(signal)) => Status::Signalled(signal),
        (None, None) => Status::Exited(-1),
    }
}

fn kill_group(pid: u32) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    if let Ok(pid) = i32::try_from(pid) {
        let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
}

/// The measuring wrapper (`xtask measure [--parent PID] <report> -- <program> <args>`): runs
/// `program` with this process's stdio and environment, waits for it, and writes a
/// [`Measurement`] of it to `report`. Its own exit code is 0 when the report is written,
/// whatever the program did.
///
/// The program never outlives xtask (`parent`, the runner's pid): see [`die_with_parent`].
pub fn measure_main(
    parent: Option<u32>,
    report: &Path,
    program: &OsStr,
    args: &[OsString],
) -> anyhow::Result<()> {
    use anyhow::Context;
    use nix::sys::resource::{UsageWho, getrusage};
    die_with_parent(parent)?;
    let start = Instant::now();
    let status = match Command::new(program).args(args).status() {
        Ok(status) => status_of(status),
        Err(error) => Status::SpawnFailed(format!("{}: {error}", program.to_string_lossy())),
    };
    let wall = start.elapsed();
    // Killed with the rest of its group: the run is over, and nobody wants its report.
    anyhow::ensure!(
        !ABORTING.load(Ordering::SeqCst),
        "the run was stopped: no report"
    );
    // The only child this process ever waited for: its figures, exactly.
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).context("getrusage")?;
    let micros = |tv: nix::sys::time::TimeVal| {
        (tv.tv_sec() as u64).saturating_mul(1_000_000) + tv.tv_usec() as u64
    };
    let measurement = Measurement {
        status,
        wall_us: wall.as_micros() as u64,
        // Linux reports ru_maxrss in KiB.
        peak_rss_kib: usage.max_rss().max(0) as u64,
        user_us: micros(usage.user_time()),
        system_us: micros(usage.system_time()),
    };
    std::fs::write(report, serde_json::to_string(&measurement)?)
        .with_context(|| format!("writing {}", report.display()))?;
    if parent.is_some_and(|parent| !is_parent(parent)) {
        // xtask ended while the report was being written: nobody will read, or remove, it.
        let _ = std::fs::remove_file(report);
    }
    Ok(())
}

/// Whether `pid` is still this process's parent (else it died and this one was re-parented).
fn is_parent(pid: u32) -> bool {
    u32::try_from(nix::unistd::getppid().as_raw()) == Ok(pid)
}

/// Set by the wrapper's signal thread before it kills the wrapper's group.
static ABORTING: AtomicBool = AtomicBool::new(false);

/// Ties the wrapper's run to xtask: the wrapper leads a process group (the runner started it
/// in one; run by hand, it makes one), which the program joins; on SIGINT, SIGTERM or SIGHUP a
/// thread kills that whole group, the wrapper with it; and the parent-death signal
/// (`PR_SET_PDEATHSIG`) sends the wrapper SIGTERM when the thread of xtask that started it
/// ends, however it ends, SIGKILL included (that thread is the runner's, waiting for this very
/// run). `parent` tells if xtask died before the parent-death signal was set.
fn die_with_parent(parent: Option<u32>) -> anyhow::Result<()> {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::{Pid, getpgrp, getpid, setpgid};
    let _ = setpgid(Pid::from_raw(0), Pid::from_raw(0));
    // Killing the group must never reach beyond this run.
    anyhow::ensure!(getpgrp() == getpid(), "cannot lead a process group");
    let mut signals = signal_hook::iterator::Signals::new(crate::interrupt::SIGNALS)?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            // Noted first: the program dies before this process does, and the main thread,
            // woken by its death, must not write a report in between.
            ABORTING.store(true, Ordering::SeqCst);
            let _ = killpg(getpgrp(), Signal::SIGKILL);
        }
    });
    nix::sys::prctl::set_pdeathsig(Signal::SIGTERM)?;
    if let Some(parent) = parent {
        anyhow::ensure!(is_parent(parent), "xtask ended before the run started");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Job {
        Job::new("/bin/sh").args(["-c", script])
    }

    #[test]
    fn captures_output_and_exit_code() {
        let outcome = Runner::plain().run(&sh("echo out; echo err >&2; exit 3"));
        assert_eq!(outcome.status, Status::Exited(3));
        assert_eq!(outcome.stdout, "out\n");
        assert_eq!(outcome.last_error_line(), Some("err"));
        assert!(outcome.peak_rss_kib.is_none());
    }

    #[test]
    fn passes_environment_and_working_directory() {
        let dir = std::env::temp_dir();
        let job = sh("echo \"$XTASK_RUNNER_TEST\"; pwd")
            .env("XTASK_RUNNER_TEST", "hello")
            .cwd(&dir);
        let outcome = Runner::plain().run(&job);
        assert!(outcome.status.success());
        let lines: Vec<&str> = outcome.stdout.lines().collect();
        assert_eq!(lines[0], "hello");
        assert_eq!(
            Path::new(lines[1]).canonicalize().unwrap(),
            dir.canonicalize().unwrap()
        );
    }

    #[test]
    fn a_hung_program_and_its_children_are_killed_at_the_timeout() {
        // The shell starts a grandchild that would outlive it; both must go.
        let job =
            sh("echo started; sleep 30 & sleep 30; echo never").timeout(Duration::from_millis(300));
        let start = Instant::now();
        let outcome = Runner::plain().run(&job);
        assert_eq!(outcome.status, Status::TimedOut);
        assert_eq!(outcome.stdout, "started\n");
        // The pipes closed: every process of the group is gone (else reading would block).
        assert!(start.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_missing_program_is_a_spawn_failure() {
        let outcome = Runner::plain().run(&Job::new("/no/such/program"));
        assert!(
            matches!(outcome.status, Status::SpawnFailed(_)),
            "{outcome:?}"
        );
        assert!(!outcome.status.success());
    }

    #[test]
    fn statuses_read_as_words() {
        assert_eq!(Status::TimedOut.to_string(), "timeout");
        assert_eq!(Status::Exited(1).to_string(), "exit code 1");
        assert!(Status::Exited(0).success() && !Status::Signalled(9).success());
    }
}
