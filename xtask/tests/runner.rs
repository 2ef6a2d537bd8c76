//! The measuring runner end to end: the `xtask measure` wrapper reports each run's own peak
//! RSS and exit status.

use std::time::Duration;

use xtask::runner::{Job, Runner, Status};

fn sh(script: &str) -> Job {
    Job::new("/bin/sh")
        .args(["-c", script])
        .timeout(Duration::from_secs(30))
}

#[test]
fn peak_rss_is_measured_per_run() {
    let runner = Runner::measuring(env!("CARGO_BIN_EXE_xtask"));
    assert!(runner.measures());
    // A shell that holds a 40 MB string.
    let big = runner.run(&sh(
        "x=$(head -c 40000000 /dev/zero | tr '\\0' a); echo ${#x}",
    ));
    assert_eq!(big.status, Status::Exited(0), "{big:?}");
    assert_eq!(big.stdout.trim(), "40000000");
    let big_rss = big.peak_rss_kib.expect("measured");
    assert!(
        big_rss > 39_000,
        "peak RSS {big_rss} KiB for a 40 MB string"
    );
    assert!(big.user_cpu.is_some() && big.system_cpu.is_some());
    // The next run is measured on its own, not as the maximum of every run so far.
    let small = runner.run(&sh("echo small"));
    let small_rss = small.peak_rss_kib.expect("measured");
    assert!(
        small_rss < big_rss / 4,
        "{small_rss} KiB after {big_rss} KiB"
    );
}

#[test]
fn the_wrapper_passes_exit_codes_output_and_timeouts_through() {
    let runner = Runner::measuring(env!("CARGO_BIN_EXE_xtask"));
    let failed = runner.run(&sh("echo out; echo 'error: no' >&2; exit 7"));
    assert_eq!(failed.status, Status::Exited(7));
    assert_eq!(failed.stdout, "out\n");
    assert_eq!(failed.last_error_line(), Some("error: no"));

    let missing = runner.run(&Job::new("/no/such/program"));
    assert!(
        matches!(missing.status, Status::SpawnFailed(_)),
        "{missing:?}"
    );

    let hung = runner.run(&sh("sleep 30").timeout(Duration::from_millis(300)));
    assert_eq!(hung.status, Status::TimedOut);
    assert!(hung.wall < Duration::from_secs(10));
}
