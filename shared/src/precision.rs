//! Sleep precision: how late a sleep ends, what every `baseline sleep K` prints.
//!
//! Each runtime's `baseline` binary (and `examples-sync`'s, for `std::thread::sleep` and a
//! spin-wait) sleeps K times in a row for each of [`TARGETS`] and records every sleep's
//! *overshoot*: the time from the deadline it asked for to the moment it ran again. This
//! module holds what they share after the measured loop: the percentiles of a sample and the
//! `key=value` line `cargo xtask bench` reads.
//!
//! ```text
//! form=sleep n=200 sleep_ms=1 p50_us=1118.9 p99_us=1401.8 max_us=2282.4
//! ```

use std::time::Duration;

/// The sleeps each run measures, in order: 1 ms (below tokio's timer tick, where rounding
/// shows) and 10 ms (the seeds' scale-0.01 sleeps are of this order).
pub const TARGETS: [Duration; 2] = [Duration::from_millis(1), Duration::from_millis(10)];

/// The `p`-quantile (`0 < p <= 1`) of `sorted` (ascending) by the nearest-rank rule: the
/// smallest value with at least `p` of the sample at or below it (p50 of `[1, 2, 3, 4]` is 2,
/// p99 of 200 values is the 198th). `None` for an empty sample.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() || !(p > 0.0 && p <= 1.0) {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// p50, p99 and max of a sample, in its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tail {
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

impl Tail {
    /// The tail of `values` (any order); `None` for an empty sample or one with a NaN.
    pub fn of(values: &[f64]) -> Option<Tail> {
        if values.iter().any(|v| v.is_nan()) {
            return None;
        }
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        Some(Tail {
            p50: percentile(&sorted, 0.50)?,
            p99: percentile(&sorted, 0.99)?,
            max: *sorted.last()?,
        })
    }
}

/// The line a baseline prints for the waits of `target` (`form` is `sleep`, or `spin` for
/// the busy-wait reference): their count and the overshoots' p50, p99 and max in µs.
pub fn line(form: &str, target: Duration, overshoots: &[Duration]) -> String {
    let micros: Vec<f64> = overshoots.iter().map(|d| d.as_secs_f64() * 1e6).collect();
    let tail = Tail::of(&micros).unwrap_or(Tail {
        p50: f64::NAN,
        p99: f64::NAN,
        max: f64::NAN,
    });
    format!(
        "form={form} n={} sleep_ms={} p50_us={:.1} p99_us={:.1} max_us={:.1}",
        overshoots.len(),
        target.as_millis(),
        tail.p50,
        tail.p99,
        tail.max
    )
}

/// What a `sleep` (or `spin`) line says, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct SleepLine {
    pub form: String,
    pub n: u64,
    pub sleep_ms: u64,
    /// The overshoots' tail, µs.
    pub tail: Tail,
}

/// Every line of a baseline's output that has a `sleep_ms`, in order.
pub fn parse(stdout: &str) -> Vec<SleepLine> {
    stdout
        .lines()
        .filter(|l| l.starts_with("form="))
        .filter_map(|l| {
            let value = |key: &str| -> Option<f64> {
                l.split_whitespace()
                    .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))?
                    .parse()
                    .ok()
            };
            Some(SleepLine {
                form: l
                    .split_whitespace()
                    .next()?
                    .strip_prefix("form=")?
                    .to_string(),
                n: value("n")? as u64,
                sleep_ms: value("sleep_ms")? as u64,
                tail: Tail {
                    p50: value("p50_us")?,
                    p99: value("p99_us")?,
                    max: value("max_us")?,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_follow_the_nearest_rank_rule() {
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&hundred, 0.50), Some(50.0));
        assert_eq!(percentile(&hundred, 0.99), Some(99.0));
        assert_eq!(percentile(&hundred, 1.0), Some(100.0));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.0));
        assert_eq!(percentile(&[7.0], 0.99), Some(7.0));
        // 200 values: p99 is the 198th, two values below the max.
        let two_hundred: Vec<f64> = (1..=200).map(f64::from).collect();
        assert_eq!(percentile(&two_hundred, 0.99), Some(198.0));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&hundred, 0.0), None);
        assert_eq!(percentile(&hundred, 1.5), None);
    }

    #[test]
    fn a_tail_sorts_its_sample_first() {
        let tail = Tail::of(&[9.0, 1.0, 5.0, 3.0, 7.0]).unwrap();
        assert_eq!(
            tail,
            Tail {
                p50: 5.0,
                p99: 9.0,
                max: 9.0
            }
        );
        assert_eq!(Tail::of(&[]), None);
        assert_eq!(Tail::of(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn a_sleep_line_round_trips() {
        let overshoots: Vec<Duration> = [60, 50, 1000, 70].map(Duration::from_micros).to_vec();
        let sleep = line("sleep", Duration::from_millis(1), &overshoots);
        assert_eq!(
            sleep,
            "form=sleep n=4 sleep_ms=1 p50_us=60.0 p99_us=1000.0 max_us=1000.0"
        );
        let text = format!("noise\n{sleep}\nform=spawn n=3 secs=1.0\n");
        assert_eq!(
            parse(&text),
            [SleepLine {
                form: "sleep".into(),
                n: 4,
                sleep_ms: 1,
                tail: Tail {
                    p50: 60.0,
                    p99: 1000.0,
                    max: 1000.0
                }
            }]
        );
        assert!(parse("form=sleep n=4 sleep_ms=1 p50_us=x").is_empty());
        let spin = line("spin", Duration::from_millis(10), &overshoots);
        assert!(spin.starts_with("form=spin n=4 sleep_ms=10 "), "{spin}");
        assert_eq!(parse(&spin)[0].form, "spin");
    }
}
