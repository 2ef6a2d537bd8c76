//! The timeline of a program (`timeline-<program>.svg`): one panel per run, with its
//! elapsed time, ideal and ordering verdict ([`crate::svg`] draws it).

use shared::Program;

use super::Row;
use super::report::{duration, order_cell, signed};
use crate::svg;

/// An order cell short enough for a timeline's panel header: the words before the colon
/// (`differs (scheduler-dependent)`), or a failure cut to 60 characters.
fn short(cell: &str) -> String {
    let cell = cell.replace("**", "");
    match cell.split_once(": ") {
        Some((verdict, _)) if !verdict.starts_with("failed") => verdict.to_string(),
        _ if cell.chars().count() > 60 => {
            format!("{}…", cell.chars().take(59).collect::<String>())
        }
        _ => cell,
    }
}

pub fn timeline(program: Program, rows: &[Row], subtitle: &str) -> String {
    let panels: Vec<svg::Panel> = rows
        .iter()
        .map(|r| svg::Panel {
            label: format!("{} · {}", r.column, r.mode),
            ideal_us: r.ideal_us,
            elapsed_us: r.elapsed_us,
            events: r
                .trace
                .as_ref()
                .filter(|_| r.ok())
                .map(|t| t.events.clone())
                .unwrap_or_default(),
            polls: r
                .trace
                .as_ref()
                .filter(|_| r.ok())
                .map(|t| t.polls.clone())
                .unwrap_or_default(),
            note: match r.elapsed_us {
                Some(elapsed) => format!(
                    "{} (ideal {}, {}) · order: {}",
                    duration(elapsed),
                    duration(r.ideal_us),
                    signed(r.overhead_us.unwrap_or(0)),
                    short(&order_cell(r))
                ),
                None => short(&order_cell(r)),
            },
        })
        .collect();
    svg::timeline(
        &format!("{program}: every runtime, measured"),
        subtitle,
        &panels,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_notes_keep_the_verdict_and_cut_long_failures() {
        assert_eq!(
            short("differs (scheduler-dependent): 4 pairs of lines out of order"),
            "differs (scheduler-dependent)"
        );
        assert_eq!(short("ties only (3 swapped)"), "ties only (3 swapped)");
        let failure = format!("**failed**: exit code 1: {}", "x".repeat(100));
        assert_eq!(short(&failure).chars().count(), 60);
        assert!(short(&failure).starts_with("failed: exit code 1: x"));
    }
}
