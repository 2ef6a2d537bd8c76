//! A timeline's time axes: the one every panel shares, and a panel's own where the panel is
//! far shorter than the picture (`find_divisible`'s Rust runs end in about a millisecond,
//! Python's in tens: on the shared axis their polls would be a sliver at its left edge).

/// A panel whose run ends before `1 / ZOOM` of the shared axis is drawn on an axis of its own.
pub const ZOOM: u64 = 8;

/// Round ticks from 0: every `step_us`, `ticks` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub step_us: u64,
    pub ticks: u64,
}

impl Axis {
    /// The axis with round ticks that reaches `end_us` (at least 1 µs).
    pub fn covering(end_us: u64) -> Axis {
        let (step_us, ticks) = ticks(end_us.max(1));
        Axis { step_us, ticks }
    }

    pub fn end_us(&self) -> u64 {
        self.step_us * self.ticks
    }

    /// The tick times, 0 included.
    pub fn tick_times(&self) -> impl Iterator<Item = u64> + '_ {
        (0..=self.ticks).map(|k| self.step_us * k)
    }

    /// The axis a panel that ends at `end_us` is drawn on: its own (`Some`) when it ends
    /// before `1 / ZOOM` of `shared`, else `None` (the shared one).
    pub fn zoomed_for(&self, end_us: u64) -> Option<Axis> {
        (end_us.saturating_mul(ZOOM) < self.end_us()).then(|| Axis::covering(end_us))
    }

    /// How many times wider this axis draws time than `shared` does, to two significant
    /// digits (`44`, `39000`).
    pub fn magnification(&self, shared: &Axis) -> u64 {
        let times = shared.end_us() as f64 / self.end_us() as f64;
        let unit = 10f64.powi((times.log10().floor() as i32 - 1).max(0));
        ((times / unit).round() * unit) as u64
    }
}

/// A tick step of 1, 2 or 5 × 10^k µs giving 4 to 10 ticks up to `end_us`, and the tick count.
pub fn ticks(end_us: u64) -> (u64, u64) {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            let s = step * m;
            if end_us.div_ceil(s) <= 10 {
                return (s, end_us.div_ceil(s).max(1));
            }
        }
        step *= 10;
    }
}

/// `1.5 s`, `0.25 s`, `0.002 s`: as many decimals as the tick step needs.
pub fn seconds(t_us: u64, step_us: u64) -> String {
    let decimals = match step_us {
        s if s >= 1_000_000 => 0,
        s if s >= 100_000 => 1,
        s if s >= 10_000 => 2,
        s if s >= 1_000 => 3,
        _ => 6,
    };
    let decimals = if step_us == 1 { 3 } else { decimals };
    format!("{:.*} s", decimals, t_us as f64 / 1e6)
}

/// `2 ms`, `0.5 ms`, `0.05 ms`: a zoomed axis's ticks, as many decimals as the step needs.
pub fn millis(t_us: u64, step_us: u64) -> String {
    let decimals = match step_us {
        s if s >= 1_000 => 0,
        s if s >= 100 => 1,
        s if s >= 10 => 2,
        _ => 3,
    };
    format!("{:.*} ms", decimals, t_us as f64 / 1e3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_run() {
        assert_eq!(ticks(17_000_000), (2_000_000, 9));
        assert_eq!(ticks(1_000_000), (100_000, 10));
        assert_eq!(ticks(30_500), (5_000, 7));
        assert_eq!(seconds(1_500_000, 200_000), "1.5 s");
        assert_eq!(millis(1_500, 500), "1.5 ms");
        assert_eq!(millis(2_000, 1_000), "2 ms");
    }

    #[test]
    fn only_a_panel_far_shorter_than_the_picture_gets_its_own_axis() {
        // find_divisible: Python's 62.8 ms sets the shared axis, a Rust run ends at 1.6 ms.
        let shared = Axis::covering(62_800);
        assert_eq!(shared.end_us(), 70_000);
        let own = shared.zoomed_for(1_600).expect("a 1.6 ms run is zoomed");
        assert_eq!(
            own,
            Axis {
                step_us: 200,
                ticks: 8
            }
        );
        assert_eq!(own.magnification(&shared), 44);
        // work_queue: a 90 µs run beside a 3.5 s axis.
        assert_eq!(
            Axis::covering(90).magnification(&Axis::covering(3_500_000)),
            39_000
        );
        // Python greedy's 25.8 ms is a third of the axis: drawn on the shared one.
        assert_eq!(shared.zoomed_for(25_800), None);
        // Just over the threshold and just under it.
        assert_eq!(shared.zoomed_for(70_000 / ZOOM), None);
        assert!(shared.zoomed_for(70_000 / ZOOM - 1).is_some());
    }
}
