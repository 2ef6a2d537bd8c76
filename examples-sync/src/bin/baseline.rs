//! # baseline: how late a blocking sleep ends, and the floor of measuring it
//!
//! Not a seed program: the sync column of the sleep-precision table of `cargo xtask bench`
//! (the async crates' `baseline sleep K` is the same loop on their timers). The arguments are
//! read by hand:
//!
//! ```text
//! baseline sleep K   std::thread::sleep K times in a row for 1 ms, then K times for 10 ms
//! baseline spin K    the same deadlines, busy-waited: no sleep at all
//! ```
//!
//! Each prints a line per sleep length, `form=sleep n=K sleep_ms=1 p50_us=… p99_us=… max_us=…`
//! (`form=spin …` for `spin`):
//! the overshoot past each deadline (how much later than asked the thread ran again) at the
//! median, the 99th percentile and the worst (see `shared::precision`).
//!
//! `std::thread::sleep` is `nanosleep` (`clock_nanosleep`) on Linux: the kernel wakes the
//! thread on a high-resolution timer, late by its *timer slack* (`/proc/self/timerslack_ns`,
//! 50 µs for a normal thread) plus the time to schedule it again. `spin` asks the kernel for
//! nothing: it reads the clock until the deadline has passed, so its overshoot is the cost of
//! the measurement itself (reading `Instant::now()`) and of being preempted while spinning, the
//! floor under every other figure of the table.
//!
//! ```text
//! cargo run --release -p examples-sync --bin baseline -- sleep 200
//! cargo run --release -p examples-sync --bin baseline -- spin 200
//! ```

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Sleeps until `target` has passed since now, by the kernel's timer.
fn sleep(target: Duration) {
    std::thread::sleep(target);
}

/// Reads the clock until `target` has passed since now: a spin-wait, no kernel timer.
fn spin(target: Duration) {
    let deadline = Instant::now() + target;
    while Instant::now() < deadline {
        std::hint::spin_loop();
    }
}

/// `k` waits in a row of each length with `wait`: a line per length, of `form`.
fn precision(form: &str, k: u64, wait: fn(Duration)) -> Vec<String> {
    shared::precision::TARGETS
        .into_iter()
        .map(|target| {
            let overshoots: Vec<Duration> = (0..k)
                .map(|_| {
                    let start = Instant::now();
                    wait(target);
                    start.elapsed().saturating_sub(target)
                })
                .collect();
            shared::precision::line(form, target, &overshoots)
        })
        .collect()
}

fn main() -> ExitCode {
    let usage = "usage: baseline sleep|spin K";
    let mut args = std::env::args().skip(1);
    let (form, k) = (args.next(), args.next().and_then(|k| k.parse::<u64>().ok()));
    let (form, wait): (&str, fn(Duration)) = match form.as_deref() {
        Some("sleep") => ("sleep", sleep),
        Some("spin") => ("spin", spin),
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let (Some(k @ 1..), None) = (k, args.next()) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    for line in precision(form, k, wait) {
        println!("{line}");
    }
    ExitCode::SUCCESS
}
