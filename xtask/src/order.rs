//! The ordering verdict: does a run print the reference's lines in the reference's order?
//!
//! A run's printed lines (timing lines left out, see [`comparable`]) are compared with a
//! [`Reference`]: lines in groups, the lines of one group falling on the same ideal instant
//! (from [`shared::expect::transcript`]), or the lines of another runtime's run grouped by
//! measured time. The verdict ([`classify`]) is
//!
//! - [`Verdict::Same`]: the very lines, in the very order of the reference;
//! - [`Verdict::TiesOnly`]: the same lines, and every pair of lines that swapped places is a
//!   tie: both lines are in one group of the reference (the same ideal instant), or the run
//!   printed them less than the tolerance apart;
//! - [`Verdict::Differs`]: a line is missing or extra, or two lines swapped places that were
//!   neither a tie in the reference nor close in the run; the verdict carries a unified diff.
//!
//! Lines that occur several times (`One`, `One`, `One`) are matched in order: the k-th
//! occurrence in the run with the k-th in the reference, so identical lines never count as
//! swapped.

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use shared::out::Event;

/// One printed line and when the run printed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub text: String,
    pub t_us: u64,
}

/// What a run is compared with: lines in groups of ties (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub groups: Vec<Vec<String>>,
}

impl Reference {
    /// A catalogue transcript ([`shared::expect::transcript`]): groups by ideal instant.
    pub fn from_transcript(groups: Vec<Vec<String>>) -> Reference {
        Reference { groups }
    }

    /// Another run's lines: consecutive lines printed less than `tolerance` after the first
    /// line of their group form a group (the reference run could have broken that tie either
    /// way).
    pub fn from_run(lines: &[Line], tolerance: Duration) -> Reference {
        let tol = tolerance.as_micros() as u64;
        let mut groups: Vec<(u64, Vec<String>)> = Vec::new();
        for line in lines {
            match groups.last_mut() {
                Some((first, group)) if line.t_us.saturating_sub(*first) < tol => {
                    group.push(line.text.clone())
                }
                _ => groups.push((line.t_us, vec![line.text.clone()])),
            }
        }
        Reference {
            groups: groups.into_iter().map(|(_, g)| g).collect(),
        }
    }

    /// The reference's lines in its order.
    pub fn lines(&self) -> Vec<String> {
        self.groups.concat()
    }
}

/// The verdict of [`classify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "verdict")]
pub enum Verdict {
    Same,
    TiesOnly {
        /// How many pairs of lines swapped places.
        swaps: usize,
    },
    Differs {
        /// Why, in a few words (`2 lines missing`, `5 lines out of order`).
        why: String,
        /// Unified diff of the reference's lines (`-`) against the run's (`+`).
        diff: String,
    },
}

impl Verdict {
    /// `same`, `ties only`, `differs`: the word of the report tables.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::TiesOnly { .. } => "ties only",
            Verdict::Differs { .. } => "differs",
        }
    }
}

/// The tolerance for ties: lines printed less than this apart may have swapped places
/// without the order differing. `max(2 ms, 1 % of the scaled ideal)`: 2 ms covers a timer's
/// granularity (tokio's wheel ticks every millisecond) and a process's scheduling jitter;
/// 1 % lets a long run's drift grow with it.
pub fn tolerance(scaled_ideal: Duration) -> Duration {
    Duration::from_millis(2).max(scaled_ideal / 100)
}

/// The words of [`tolerance`] for the reports.
pub const TOLERANCE_RULE: &str = "max(2 ms, 1 % of the scaled ideal)";

/// The lines of a trace that the verdict compares: every line but those reporting a measured
/// time, chores' lines without their `[h:mm] ` story stamp (as
/// [`shared::expect::comparable`] does), and loopback URLs without their port (a new port
/// every run).
pub fn comparable(events: &[Event]) -> Vec<Line> {
    events
        .iter()
        .filter(|e| !e.timing || e.line.starts_with('['))
        .map(|e| Line {
            text: mask_ports(shared::expect::strip_stamp(&e.line)),
            t_us: e.t_us,
        })
        .collect()
}

/// `http://127.0.0.1:40123/google` → `http://127.0.0.1:PORT/google` (also `localhost`).
pub fn mask_ports(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = ["127.0.0.1:", "localhost:"]
        .iter()
        .filter_map(|host| rest.find(host).map(|i| (i, host.len())))
        .min()
    {
        let (i, len) = at;
        out.push_str(&rest[..i + len]);
        rest = &rest[i + len..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push_str("PORT");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// The verdict on `run` against `reference` with `tolerance` (see the module documentation).
pub fn classify(reference: &Reference, run: &[Line], tolerance: Duration) -> Verdict {
    let expected = reference.lines();
    let got: Vec<String> = run.iter().map(|l| l.text.clone()).collect();
    if got == expected {
        return Verdict::Same;
    }
    let differs = |why: String| Verdict::Differs {
        why,
        diff: unified_diff(&expected, &got, "reference", "run"),
    };

    // Where each reference line sits: its position and group, by (text, occurrence).
    let mut slots: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut position = 0;
    for (g, group) in reference.groups.iter().enumerate() {
        for text in group {
            slots.entry(text.as_str()).or_default().push((position, g));
            position += 1;
        }
    }
    let mut used: HashMap<&str, usize> = HashMap::new();
    let mut placed: Vec<(usize, usize, u64)> = Vec::with_capacity(run.len());
    let mut extra = 0;
    for line in run {
        let k = used.entry(line.text.as_str()).or_default();
        match slots.get(line.text.as_str()).and_then(|s| s.get(*k)) {
            Some(&(pos, group)) => placed.push((pos, group, line.t_us)),
            None => extra += 1,
        }
        *k += 1;
    }
    let missing = expected.len() - placed.len();
    if missing > 0 || extra > 0 {
        let mut why = Vec::new();
        if missing > 0 {
            why.push(plural(missing, "line missing", "lines missing"));
        }
        if extra > 0 {
            why.push(plural(extra, "extra line", "extra lines"));
        }
        return differs(why.join(", "));
    }

    // Every pair the run prints in the other order than the reference.
    let tol = tolerance.as_micros() as u64;
    let (mut ties, mut swaps) = (0, 0);
    for (i, &(pos_a, group_a, t_a)) in placed.iter().enumerate() {
        for &(pos_b, group_b, t_b) in &placed[i + 1..] {
            if pos_b < pos_a {
                if group_a == group_b || t_a.abs_diff(t_b) < tol {
                    ties += 1;
                } else {
                    swaps += 1;
                }
            }
        }
    }
    if swaps > 0 {
        differs(format!(
            "{} out of order beyond the {} ms tolerance",
            plural(swaps, "pair of lines", "pairs of lines"),
            tolerance.as_secs_f64() * 1e3
        ))
    } else {
        Verdict::TiesOnly { swaps: ties }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A unified diff (3 lines of context) turning `old` into `new`; empty when they are equal.
pub fn unified_diff(old: &[String], new: &[String], old_name: &str, new_name: &str) -> String {
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    similar::TextDiff::from_slices(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOL: Duration = Duration::from_millis(2);

    /// A hand-made trace: `(line, milliseconds)`.
    fn run(lines: &[(&str, f64)]) -> Vec<Line> {
        lines
            .iter()
            .map(|&(text, ms)| Line {
                text: text.to_string(),
                t_us: (ms * 1000.0) as u64,
            })
            .collect()
    }

    fn groups(groups: &[&[&str]]) -> Reference {
        Reference::from_transcript(
            groups
                .iter()
                .map(|g| g.iter().map(|s| s.to_string()).collect())
                .collect(),
        )
    }

    /// A reference made from another runtime's run.
    fn reference_run(lines: &[(&str, f64)]) -> Reference {
        Reference::from_run(&run(lines), TOL)
    }

    #[test]
    fn identical_is_same() {
        let reference = reference_run(&[("A", 0.0), ("B", 10.0), ("C", 20.0)]);
        let verdict = classify(
            &reference,
            &run(&[("A", 0.3), ("B", 10.4), ("C", 21.0)]),
            TOL,
        );
        assert_eq!(verdict, Verdict::Same);
        // Repeated lines are matched in order, never "swapped" with each other.
        let count = groups(&[&["One", "One", "One"], &["Two", "Two", "Two"]]);
        let lines = [
            ("One", 0.0),
            ("One", 0.1),
            ("One", 0.1),
            ("Two", 1000.0),
            ("Two", 1000.2),
            ("Two", 1000.2),
        ];
        assert_eq!(classify(&count, &run(&lines), TOL), Verdict::Same);
    }

    #[test]
    fn a_swap_of_lines_printed_within_the_tolerance_is_ties_only() {
        let reference = reference_run(&[("A", 0.0), ("B", 10.0), ("C", 10.5), ("D", 30.0)]);
        // C and B swapped, printed 1 ms apart (< 2 ms).
        let lines = run(&[("A", 0.0), ("C", 10.0), ("B", 11.0), ("D", 30.0)]);
        assert_eq!(
            classify(&reference, &lines, TOL),
            Verdict::TiesOnly { swaps: 1 }
        );
    }

    #[test]
    fn a_swap_inside_a_transcript_group_is_ties_only_whatever_the_times() {
        // repeat_message at t = 1.5 s: B and C fall on the same ideal instant.
        let reference = groups(&[&["A"], &["B", "C"], &["D"]]);
        let lines = run(&[("A", 0.0), ("C", 1500.0), ("B", 1507.0), ("D", 3000.0)]);
        assert_eq!(
            classify(&reference, &lines, TOL),
            Verdict::TiesOnly { swaps: 1 }
        );
    }

    #[test]
    fn a_swap_of_lines_printed_far_apart_differs_with_a_diff() {
        let reference = groups(&[&["A"], &["B"], &["C"]]);
        // C came 30 ms before B: not a tie.
        let lines = run(&[("A", 0.0), ("C", 10.0), ("B", 40.0)]);
        let Verdict::Differs { why, diff } = classify(&reference, &lines, TOL) else {
            panic!("expected differs");
        };
        assert_eq!(
            why,
            "1 pair of lines out of order beyond the 2 ms tolerance"
        );
        assert!(diff.starts_with("--- reference\n+++ run\n@@ "), "{diff}");
        assert!(diff.contains("\n-B\n") || diff.contains("\n-C\n"), "{diff}");
        assert!(diff.contains("\n+B\n") || diff.contains("\n+C\n"), "{diff}");
    }

    #[test]
    fn the_tolerance_decides_between_tie_and_swap() {
        let reference = groups(&[&["A"], &["B"]]);
        let lines = run(&[("B", 10.0), ("A", 12.5)]);
        assert_eq!(classify(&reference, &lines, TOL).word(), "differs");
        assert_eq!(
            classify(&reference, &lines, Duration::from_millis(3)).word(),
            "ties only"
        );
    }

    #[test]
    fn a_missing_line_differs() {
        let reference = groups(&[&["One", "One", "One"], &["Two", "Two", "Two"]]);
        let lines = run(&[
            ("One", 0.0),
            ("One", 0.0),
            ("One", 0.0),
            ("Two", 1000.0),
            ("Two", 1000.0),
        ]);
        let verdict = classify(&reference, &lines, TOL);
        let Verdict::Differs { why, diff } = verdict else {
            panic!("expected differs, got {verdict:?}");
        };
        assert_eq!(why, "1 line missing");
        assert!(diff.contains("\n-Two\n"), "{diff}");
        assert!(
            diff.lines().skip(2).all(|l| !l.starts_with('+')),
            "nothing added: {diff}"
        );
    }

    #[test]
    fn an_extra_line_differs() {
        let reference = reference_run(&[("hello", 500.0), ("world", 1000.0)]);
        let lines = run(&[("hello", 500.0), ("world", 1000.0), ("goodbye", 1000.5)]);
        let Verdict::Differs { why, diff } = classify(&reference, &lines, TOL) else {
            panic!("expected differs");
        };
        assert_eq!(why, "1 extra line");
        assert_eq!(
            diff,
            "--- reference\n+++ run\n@@ -1,2 +1,3 @@\n hello\n world\n+goodbye\n"
        );
    }

    #[test]
    fn a_reference_run_groups_lines_printed_within_the_tolerance() {
        let reference = reference_run(&[("A", 0.0), ("B", 1.0), ("C", 1.9), ("D", 2.5)]);
        assert_eq!(reference, groups(&[&["A", "B", "C"], &["D"]]));
    }

    #[test]
    fn the_diff_shows_hunks_with_three_lines_of_context() {
        let old: Vec<String> = (1..=20).map(|i| i.to_string()).collect();
        let mut new = old.clone();
        new[1] = "two".into();
        new[17] = "eighteen".into();
        let diff = unified_diff(&old, &new, "a", "b");
        assert_eq!(diff.matches("@@ ").count(), 2, "{diff}");
        assert!(
            diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"),
            "{diff}"
        );
        assert!(
            diff.contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n"),
            "{diff}"
        );
        assert_eq!(unified_diff(&old, &old, "a", "b"), "");
    }

    #[test]
    fn timing_lines_are_left_out_and_ports_masked() {
        let event = |line: &str, timing: bool| Event {
            t_us: 5,
            task: "main".into(),
            line: line.into(),
            timing,
            thread: "main".into(),
        };
        let lines = comparable(&[
            event("One", false),
            event("executed in 1.00 seconds.", true),
            event("[1:30] laundry done", true),
            event("Task One getting URL: http://127.0.0.1:40123/google", false),
        ]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "One",
                "laundry done",
                "Task One getting URL: http://127.0.0.1:PORT/google"
            ]
        );
        assert_eq!(
            mask_ports("localhost:8080 and localhost:x"),
            "localhost:PORT and localhost:x"
        );
    }

    #[test]
    fn the_tolerance_is_two_ms_or_one_percent_of_the_ideal() {
        assert_eq!(tolerance(Duration::ZERO), Duration::from_millis(2));
        assert_eq!(
            tolerance(Duration::from_secs(17)),
            Duration::from_millis(170)
        );
    }
}
