//! The machine a report was measured on, in one line (`compare`'s and `bench`'s headers).

use std::fmt::Write as _;

/// `AMD EPYC (2 cores), Linux 6.8.0; rustc 1.95.0; Python 3.11.7`.
pub fn machine(python: Option<&str>) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, m)| m.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|r| format!("{} {}", std::env::consts::OS, r.trim()))
        .unwrap_or_else(|_| std::env::consts::OS.to_string());
    let rustc = std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc ?".to_string());
    let mut text = format!("{model} ({cores} cores), {kernel}; {rustc}");
    if let Some(python) = python {
        let _ = write!(text, "; {python}");
    }
    text
}
