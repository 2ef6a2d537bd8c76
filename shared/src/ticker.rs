//! Timer latency beside CPU work, what every `baseline ticker K` prints.
//!
//! A ticker task sleeps [`TICK`] in a loop and records how late each wake-up is, while K
//! CPU-bound tasks run on the same runtime for the same time: *greedy* ones burn the CPU
//! until the end without ever yielding (like `find_divisible --mode greedy`), *cooperative*
//! ones yield after every [`SLICE`] of work (like the seed). The seeds' lesson in numbers: on
//! one thread a greedy task starves the ticker; a pool, work stealing or yielding rescues it.
//!
//! Each runtime's `baseline` does the loop in its own idiom; this module holds what they
//! share: the work of a slice, and the `key=value` line `cargo xtask bench` reads.
//!
//! ```text
//! form=ticker k=4 mode=greedy ticks=3 p50_us=1118.9 p99_us=990001.8 max_us=990001.8
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::precision::Tail;

/// The ticker's sleep.
pub const TICK: Duration = Duration::from_millis(1);

/// The work a cooperative task does between two yields.
pub const SLICE: Duration = Duration::from_millis(1);

/// Burns the CPU for `slice` (a loop of arithmetic, checking the clock every 1 024 steps).
pub fn burn(slice: Duration) {
    let start = Instant::now();
    let mut x: u64 = 1;
    loop {
        for _ in 0..1024 {
            x = black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1));
        }
        if start.elapsed() >= slice {
            break;
        }
    }
    black_box(x);
}

/// `baseline ticker K greedy|cooperative [--secs S] [--flavor multi-thread|current-thread]`,
/// read (the arguments after `ticker`).
#[derive(Debug, Clone, PartialEq)]
pub struct TickerArgs {
    /// How many CPU-bound tasks.
    pub k: u64,
    pub greedy: bool,
    /// How long the CPU-bound tasks and the ticker run (default 1 s).
    pub run_for: Duration,
    /// tokio's `--flavor current-thread`.
    pub current_thread: bool,
}

/// The usage line of `baseline ticker`.
pub const USAGE: &str =
    "usage: baseline ticker K greedy|cooperative [--secs S] [--flavor multi-thread|current-thread]";

impl TickerArgs {
    /// Reads the arguments after `ticker`.
    pub fn parse(args: &[String]) -> Result<TickerArgs, String> {
        let [k, mode, rest @ ..] = args else {
            return Err(USAGE.into());
        };
        let mut parsed = TickerArgs {
            k: k.parse().map_err(|_| USAGE)?,
            greedy: match mode.as_str() {
                "greedy" => true,
                "cooperative" => false,
                _ => return Err(USAGE.into()),
            },
            run_for: Duration::from_secs(1),
            current_thread: false,
        };
        for pair in rest.chunks(2) {
            match pair {
                [key, secs] if key == "--secs" => {
                    let secs: f64 = secs.parse().map_err(|_| USAGE)?;
                    parsed.run_for = Duration::try_from_secs_f64(secs).map_err(|_| USAGE)?;
                }
                [key, flavor] if key == "--flavor" => {
                    parsed.current_thread = match flavor.as_str() {
                        "current-thread" => true,
                        "multi-thread" => false,
                        _ => return Err(USAGE.into()),
                    }
                }
                _ => return Err(USAGE.into()),
            }
        }
        Ok(parsed)
    }
}

/// `greedy` or `cooperative`.
pub fn mode_name(greedy: bool) -> &'static str {
    if greedy { "greedy" } else { "cooperative" }
}

/// The line of a ticker run: K, the mode, how many ticks it got, and their lateness's p50,
/// p99 and max in µs (`nan` if it got none).
pub fn line(k: u64, greedy: bool, lateness: &[Duration]) -> String {
    let micros: Vec<f64> = lateness.iter().map(|d| d.as_secs_f64() * 1e6).collect();
    let tail = Tail::of(&micros).unwrap_or(Tail {
        p50: f64::NAN,
        p99: f64::NAN,
        max: f64::NAN,
    });
    format!(
        "form=ticker k={k} mode={} ticks={} p50_us={:.1} p99_us={:.1} max_us={:.1}",
        mode_name(greedy),
        lateness.len(),
        tail.p50,
        tail.p99,
        tail.max
    )
}

/// What a ticker line says, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerLine {
    pub k: u64,
    pub greedy: bool,
    pub ticks: u64,
    /// The lateness's tail, µs.
    pub tail: Tail,
}

/// The first `form=ticker` line of a run's output.
pub fn parse(stdout: &str) -> Option<TickerLine> {
    let l = stdout.lines().find(|l| l.starts_with("form=ticker "))?;
    let text = |key: &str| {
        l.split_whitespace()
            .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
    };
    let value = |key: &str| -> Option<f64> { text(key)?.parse().ok() };
    Some(TickerLine {
        k: value("k")? as u64,
        greedy: match text("mode")? {
            "greedy" => true,
            "cooperative" => false,
            _ => return None,
        },
        ticks: value("ticks")? as u64,
        tail: Tail {
            p50: value("p50_us")?,
            p99: value("p99_us")?,
            max: value("max_us")?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back() {
        let lateness = [100, 200, 300].map(Duration::from_micros);
        let line = line(4, true, &lateness);
        assert_eq!(
            line,
            "form=ticker k=4 mode=greedy ticks=3 p50_us=200.0 p99_us=300.0 max_us=300.0"
        );
        let read = parse(&format!("noise\n{line}\n")).unwrap();
        assert_eq!((read.k, read.greedy, read.ticks), (4, true, 3));
        assert_eq!(read.tail.max, 300.0);
        let none = parse(&super::line(0, false, &[])).unwrap();
        assert!(none.tail.p50.is_nan() && !none.greedy);
        assert_eq!(parse("form=ticker k=1 mode=lazy ticks=1"), None);
    }

    #[test]
    fn arguments_are_read() {
        let args =
            |a: &[&str]| TickerArgs::parse(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let read = args(&["0", "cooperative", "--secs", "0.5"]).unwrap();
        assert_eq!(
            (read.k, read.greedy, read.run_for),
            (0, false, Duration::from_millis(500))
        );
        assert!(
            args(&["16", "greedy", "--flavor", "current-thread"])
                .unwrap()
                .current_thread
        );
        for bad in [
            &["x", "greedy"][..],
            &["1"],
            &["1", "lazy"],
            &["1", "greedy", "--secs"],
        ] {
            assert!(args(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_slice_burns_about_its_time() {
        let start = Instant::now();
        burn(Duration::from_millis(2));
        assert!(start.elapsed() >= Duration::from_millis(2));
    }
}
