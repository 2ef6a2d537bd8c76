//! # stand_in_server: the stand-in server in a process of its own, for `cargo xtask bench`
//!
//! Not a seed program. It starts `shared::server` on `127.0.0.1` (an ephemeral port), prints
//! where, and serves until its standard input closes; then it prints what `/load` did (the
//! requests it received and the outcome it gave each, see `shared::faults`) and the CPU time
//! and peak memory it used, and exits.
//!
//! ```text
//! stand_in_server [--faults PER_MILLE] [--seed S] [--slow SECS]
//! listening http://127.0.0.1:40123
//! served requests=1000 ok=960 status_500=10 reset=10 slow=10 truncated=10 cpu_s=0.210 peak_rss_kib=9000
//! ```
//!
//! `--faults 10` gives 1 % of the requests each fault (0, the default: none); `--slow` is how
//! long a slow answer takes (default 5 s).
//!
//! ```text
//! cargo run --release -p shared --bin stand_in_server -- --faults 10 --seed 1
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use shared::faults::Faults;
use shared::server::Server;

fn parse(mut args: impl Iterator<Item = String>) -> Result<Faults, String> {
    let usage = "usage: stand_in_server [--faults PER_MILLE] [--seed S] [--slow SECS]";
    let mut faults = Faults {
        slow: Duration::from_secs(5),
        ..Faults::NONE
    };
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(usage)?;
        match arg.as_str() {
            "--faults" => {
                faults.per_mille = value.parse().ok().filter(|p| *p <= 250).ok_or(usage)?
            }
            "--seed" => faults.seed = value.parse().map_err(|_| usage)?,
            "--slow" => {
                let secs: f64 = value.parse().map_err(|_| usage)?;
                faults.slow = Duration::try_from_secs_f64(secs).map_err(|_| usage)?;
            }
            _ => return Err(usage.into()),
        }
    }
    Ok(faults)
}

/// This process's CPU seconds (user + system) and peak RSS in KiB, from `/proc/self`.
fn usage() -> (f64, u64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command's closing parenthesis; utime and stime are 14th and 15th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 1/100 s on Linux.
    let cpu = (ticks(11) + ticks(12)) / 100.0;
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    (cpu, peak)
}

fn main() -> ExitCode {
    let faults = match parse(std::env::args().skip(1)) {
        Ok(faults) => faults,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let server = match Server::start_with(1.0, faults) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening {}", server.url(""));
    let _ = std::io::stdout().flush();
    // Serve until the standard input closes (the bench closes it, or dies).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    let line = server.tally().line();
    drop(server);
    let (cpu, peak) = usage();
    println!("served {line} cpu_s={cpu:.3} peak_rss_kib={peak}");
    ExitCode::SUCCESS
}
