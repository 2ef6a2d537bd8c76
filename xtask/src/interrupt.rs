//! Ctrl+C (SIGINT), SIGTERM and SIGHUP under `cargo xtask compare` and `bench`: the run in
//! progress ends with xtask, and nothing is left half-done.
//!
//! A run sits in a process group of its own (so that a timeout can kill all of it), which
//! also keeps the terminal's Ctrl+C from reaching it: xtask has to end it. [`install`]
//! registers handlers that only note the signal (signal-hook's flags: little else is safe in
//! a signal handler). The runner's wait loop sees the note within a few milliseconds, kills
//! the run's whole group and removes its temporary report
//! ([`Status::Interrupted`](crate::runner::Status::Interrupted)); compare and bench call
//! [`check`] between two steps and return [`Interrupted`], so no report is written after the
//! signal and none is cut short by it (reports are written whole, see [`crate::atomic`]);
//! `main` prints one line and exits with [`Interrupted::exit_code`] (130 for SIGINT, 143 for
//! SIGTERM, 129 for SIGHUP). A second signal while xtask winds down ends it at once, with
//! the same code.
//!
//! A signal xtask cannot catch, SIGKILL, is covered by the measuring wrapper's parent-death
//! signal (see [`crate::runner::measure_main`]).

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The signals that stop compare and bench.
pub const SIGNALS: [i32; 3] = [SIGINT, SIGTERM, SIGHUP];

/// The first stopping signal received (0: none yet).
fn received_flag() -> &'static Arc<AtomicUsize> {
    static RECEIVED: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    RECEIVED.get_or_init(|| Arc::new(AtomicUsize::new(0)))
}

/// Notes SIGINT, SIGTERM and SIGHUP instead of dying of them (see the module documentation).
/// Call it once, at the start of a task that runs programs.
pub fn install() -> anyhow::Result<()> {
    use signal_hook::flag;
    let pending = Arc::new(AtomicBool::new(false));
    for signal in SIGNALS {
        // Run in this order: a signal that finds one already pending ends xtask at once.
        flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&pending))?;
        flag::register(signal, Arc::clone(&pending))?;
        flag::register_usize(signal, Arc::clone(received_flag()), signal as usize)?;
    }
    Ok(())
}

/// The stopping signal received so far, if any (always `None` without [`install`]).
pub fn received() -> Option<i32> {
    match received_flag().load(Ordering::SeqCst) {
        0 => None,
        signal => i32::try_from(signal).ok(),
    }
}

/// Stopped by a signal: the error compare and bench return once one arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted {
    pub signal: i32,
}

impl Interrupted {
    /// 128 + the signal, as a shell reports a process that the signal ended.
    pub fn exit_code(self) -> u8 {
        u8::try_from(128 + self.signal).unwrap_or(u8::MAX)
    }

    /// `SIGINT`, `SIGTERM`, …
    pub fn signal_name(self) -> String {
        nix::sys::signal::Signal::try_from(self.signal)
            .map_or_else(|_| format!("signal {}", self.signal), |s| s.to_string())
    }
}

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "interrupted by {}", self.signal_name())
    }
}

impl std::error::Error for Interrupted {}

/// `Err(Interrupted)` once a stopping signal arrived: call it between two steps.
pub fn check() -> Result<(), Interrupted> {
    match received() {
        Some(signal) => Err(Interrupted { signal }),
        None => Ok(()),
    }
}

/// What compare or bench returns once a signal stopped it during `during` (`work_queue ·
/// sync · blocking`): an error that `main` prints as one line, saying what was interrupted,
/// that nothing of this run was written, and where the last complete report is (`report`,
/// an earlier run's, if there is one). It downcasts to [`Interrupted`] for the exit code.
pub fn stopped(interrupted: Interrupted, task: &str, during: &str, report: &Path) -> anyhow::Error {
    let last = if report.is_file() {
        format!(
            "the last complete report is {} (an earlier run's)",
            report.display()
        )
    } else {
        format!("there is no complete report at {}", report.display())
    };
    anyhow::Error::new(interrupted).context(format!(
        "{task} {interrupted} during {during}: this run wrote no report; {last}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_and_names_follow_the_shell() {
        let int = Interrupted { signal: SIGINT };
        let term = Interrupted { signal: SIGTERM };
        assert_eq!((int.exit_code(), term.exit_code()), (130, 143));
        assert_eq!(int.to_string(), "interrupted by SIGINT");
        assert_eq!(term.signal_name(), "SIGTERM");
    }

    #[test]
    fn a_stop_is_one_line_naming_the_run_and_the_last_report_and_keeps_its_signal() {
        let dir = std::env::temp_dir().join(format!("xtask-stopped-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let report = dir.join("report.md");
        let _ = std::fs::remove_file(&report);
        let int = Interrupted { signal: SIGINT };
        let none = stopped(int, "compare", "count · sync · concurrent", &report);
        let line = none.to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(
            line.starts_with("compare interrupted by SIGINT during count · sync · concurrent"),
            "{line}"
        );
        assert!(line.contains("no complete report at"), "{line}");
        assert_eq!(none.downcast_ref::<Interrupted>(), Some(&int));
        std::fs::write(&report, "# an earlier run").unwrap();
        let line = stopped(int, "bench", "smol · count · N=1000", &report).to_string();
        assert!(
            line.contains(&format!("the last complete report is {}", report.display())),
            "{line}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
