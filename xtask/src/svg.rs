//! Timelines as SVG: the seeds' flow diagrams, measured.
//!
//! One picture per program: one panel per run (runtime and mode), one swimlane per task in
//! each panel (named as the program names it), every panel on one shared time axis. On a
//! task's lane, a filled bar per poll (when the task ran), coloured by the thread that polled
//! it, over a thin line in the task's colour from its first poll to its last (while it waited);
//! polls too short to tell apart merge into one bar that counts them ([`polls`]). A mark per
//! printed line at the time it was printed (hover it for the line), outlined in its task's
//! colour and filled in its thread's. Below the tasks, a lane per thread: what each thread
//! polled, in the tasks' colours, so a worker blocked by one task, or tasks moved between
//! workers, are seen. The ideal time is a dashed line and the end of the run a bar. Each
//! panel's threads are named in its header: tokio's multi-thread scheduler moves tasks
//! between its workers, its current-thread scheduler runs them all on `main`, and smol's
//! global executor on its one default thread. Hand-written SVG 1.1, readable in any browser.

use std::collections::BTreeMap;
use std::fmt::Write;

use shared::out::Event;
use shared::polls::{Lanes, Poll};

pub mod polls;

/// One run's panel.
#[derive(Debug, Clone)]
pub struct Panel {
    /// `tokio multi-thread · concurrent`.
    pub label: String,
    /// The scaled ideal, in µs.
    pub ideal_us: u64,
    /// How long the run took, in µs (`None`: it failed).
    pub elapsed_us: Option<u64>,
    pub events: Vec<Event>,
    /// The polls of its traced tasks (none in a trace that did not record them).
    pub polls: Vec<Poll>,
    /// A word under the label: the verdict, or why the run failed.
    pub note: String,
}

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 230.0;
const RIGHT: f64 = 30.0;
const LANE: f64 = 18.0;
const HEADER: f64 = 22.0;
/// A thread's lane, under the tasks', and the gap above the first.
const THREAD_LANE: f64 = 15.0;
const THREADS_GAP: f64 = 6.0;
/// A poll's bar on a task's lane, and on a thread's.
const BAR: f64 = 8.0;
const THREAD_BAR: f64 = 9.0;
const GAP: f64 = 14.0;
/// Vertical offsets of marks printed at (nearly) the same time in one lane.
const STACK: [f64; 5] = [0.0, -4.0, 4.0, -7.0, 7.0];
const COLOURS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
];
/// The fills of a panel's threads, in the order they first print (the first is usually `main`).
const THREAD_COLOURS: [&str; 8] = [
    "#333333", "#ffd400", "#00b3b3", "#ff66cc", "#99cc00", "#996633", "#6666ff", "#ff9966",
];
/// Roughly the width of one character at the font size used, for laying out the headers.
const CHAR_WIDTH: f64 = 6.2;

/// The SVG text of one program's timeline.
pub fn timeline(title: &str, subtitle: &str, panels: &[Panel]) -> String {
    let end_us = panels
        .iter()
        .flat_map(|p| {
            [p.ideal_us, p.elapsed_us.unwrap_or(0)]
                .into_iter()
                .chain(p.events.iter().map(|e| e.t_us))
                .chain(p.polls.iter().map(Poll::end_us))
        })
        .max()
        .unwrap_or(0)
        .max(1000);
    let (step_us, ticks) = ticks(end_us);
    let axis_end = step_us * ticks;
    let plot = WIDTH - LEFT - RIGHT;
    let x = |t_us: u64| LEFT + plot * t_us as f64 / axis_end as f64;

    // Lanes: the tasks of each panel (main first, then in the order they first run or print),
    // then its threads that polled.
    let lanes: Vec<Lanes> = panels
        .iter()
        .map(|p| Lanes::of_parts(&p.events, &p.polls))
        .collect();
    let tasks: Vec<&Vec<String>> = lanes.iter().map(|l| &l.names).collect();
    let threads: Vec<Vec<&str>> = panels.iter().map(threads_of).collect();
    let poll_threads: Vec<Vec<&str>> = panels
        .iter()
        .map(|p| {
            let mut seen: Vec<&str> = Vec::new();
            for poll in &p.polls {
                if !seen.contains(&poll.thread.as_str()) {
                    seen.push(&poll.thread);
                }
            }
            seen
        })
        .collect();
    // One colour per task name across the picture.
    let mut colour_of: BTreeMap<&str, &str> = BTreeMap::new();
    for task in tasks.iter().copied().flatten() {
        let next = COLOURS[colour_of.len() % COLOURS.len()];
        colour_of.entry(task.as_str()).or_insert(next);
    }
    let top = 64.0;
    let heights: Vec<f64> = tasks
        .iter()
        .zip(&poll_threads)
        .map(|(t, th)| {
            let threads = match th.len() {
                0 => 0.0,
                n => THREADS_GAP + THREAD_LANE * n as f64,
            };
            HEADER + LANE * t.len().max(1) as f64 + threads
        })
        .collect();
    let plot_bottom = top + heights.iter().map(|h| h + GAP).sum::<f64>();
    let height = plot_bottom + 56.0;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        svg,
        r##"<text x="12" y="24" font-size="17" font-weight="bold" fill="#222">{}</text>"##,
        escape(title)
    );
    let _ = writeln!(
        svg,
        r##"<text x="12" y="44" fill="#555">{}</text>"##,
        escape(subtitle)
    );

    // Grid and axis.
    for k in 0..=ticks {
        let t = step_us * k;
        let gx = x(t);
        let _ = writeln!(
            svg,
            r##"<line x1="{gx:.1}" y1="{top:.1}" x2="{gx:.1}" y2="{plot_bottom:.1}" stroke="#e6e6e6"/>"##
        );
        let _ = writeln!(
            svg,
            r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##,
            plot_bottom + 16.0,
            seconds(t, step_us)
        );
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{plot_bottom:.1}" x2="{:.1}" y2="{plot_bottom:.1}" stroke="#444"/>"##,
        WIDTH - RIGHT
    );
    let _ = writeln!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#444">time since start (s)</text>"##,
        LEFT + plot / 2.0,
        plot_bottom + 34.0
    );
    let _ = writeln!(
        svg,
        r##"<text x="12" y="{:.1}" fill="#666">▬ a poll (running): on a task's lane in its thread's colour, on a thread's lane in its task's   ─ waiting   ● a printed line (hover: its text)   ■ a timed line   ┆ ideal   ▮ end</text>"##,
        plot_bottom + 50.0
    );

    let mut y = top;
    for (p, (panel, h)) in panels.iter().zip(&heights).enumerate() {
        let (tasks, threads) = (tasks[p], &threads[p]);
        // A thread's fill: by its place among the panel's threads (printing or polling).
        let mut all_threads = threads.clone();
        for thread in &poll_threads[p] {
            if !all_threads.contains(thread) {
                all_threads.push(thread);
            }
        }
        let thread_fill = |thread: &str| {
            all_threads
                .iter()
                .position(|t| *t == thread)
                .map(|i| THREAD_COLOURS[i % THREAD_COLOURS.len()])
        };
        let _ = writeln!(svg, "<g>");
        let _ = writeln!(
            svg,
            r##"<rect x="4" y="{:.1}" width="{:.1}" height="{h:.1}" fill="#f7f7f9" stroke="#ddd" rx="3"/>"##,
            y,
            WIDTH - 8.0
        );
        let _ = writeln!(
            svg,
            r##"<text x="12" y="{:.1}" font-weight="bold" fill="#222">{}</text>"##,
            y + 15.0,
            escape(&panel.label)
        );
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{}</text>"##,
            WIDTH - 14.0,
            y + 15.0,
            escape(&panel.note)
        );
        let from = LEFT.max(12.0 + CHAR_WIDTH * 1.1 * panel.label.chars().count() as f64 + 16.0);
        let until = WIDTH - 14.0 - CHAR_WIDTH * panel.note.chars().count() as f64 - 20.0;
        svg.push_str(&thread_legend(&all_threads, from, until, y + 15.0));
        let lanes_top = y + HEADER;
        let lanes_bottom = y + h;
        // Ideal and end of run.
        let ix = x(panel.ideal_us);
        let _ = writeln!(
            svg,
            r##"<line x1="{ix:.1}" y1="{lanes_top:.1}" x2="{ix:.1}" y2="{lanes_bottom:.1}" stroke="#888" stroke-dasharray="4 3"><title>ideal {}</title></line>"##,
            seconds(panel.ideal_us, 1)
        );
        if let Some(elapsed) = panel.elapsed_us {
            let ex = x(elapsed);
            let _ = writeln!(
                svg,
                r##"<rect x="{:.1}" y="{lanes_top:.1}" width="3" height="{:.1}" fill="#444"><title>end of run {}</title></rect>"##,
                ex - 1.5,
                lanes_bottom - lanes_top - 2.0,
                seconds(elapsed, 1)
            );
        }
        for (i, task) in tasks.iter().enumerate() {
            let ly = lanes_top + LANE * i as f64 + LANE / 2.0;
            let colour = colour_of.get(task.as_str()).copied().unwrap_or("#333");
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{colour}"><title>{}</title>{}</text>"##,
                LEFT - 8.0,
                ly + 4.0,
                escape(task),
                escape(&fit_label(task))
            );
            let _ = writeln!(
                svg,
                r##"<line x1="{LEFT}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-opacity="0.15"/>"##,
                x(panel.elapsed_us.unwrap_or(axis_end))
            );
            // The task's polls: a thin line from its first to its last (waiting), bars on it.
            let mine: Vec<&Poll> = panel
                .polls
                .iter()
                .zip(&lanes[p].of_poll)
                .filter(|&(_, &lane)| lane == i)
                .map(|(poll, _)| poll)
                .collect();
            if let (Some(first), Some(last)) = (
                mine.iter().map(|q| q.start_us).min(),
                mine.iter().map(|q| q.end_us()).max(),
            ) {
                let _ = writeln!(
                    svg,
                    r##"<line x1="{:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="1.5"><title>{} · alive from {} to {}</title></line>"##,
                    x(first),
                    x(last),
                    escape(task),
                    seconds(first, 1),
                    seconds(last, 1)
                );
                let bars = polls::bars(mine.iter().copied(), x);
                polls::draw(&mut svg, &bars, ly, BAR, task, |bar| {
                    thread_fill(&bar.thread).unwrap_or(colour).to_string()
                });
            }
            // Marks that would cover each other are stacked a little above and below the lane.
            let mut last_x = f64::NEG_INFINITY;
            let mut stacked = 0usize;
            let printed = panel
                .events
                .iter()
                .zip(&lanes[p].of_event)
                .filter(|&(_, &lane)| lane == i)
                .map(|(e, _)| e);
            for e in printed {
                // Filled by the thread that printed it (by the task, in a trace without threads).
                let fill = thread_fill(&e.thread).unwrap_or(colour);
                let cx = x(e.t_us);
                stacked = if cx - last_x < 3.0 { stacked + 1 } else { 0 };
                last_x = cx;
                let cy = ly + STACK[stacked % STACK.len()];
                let title = format!(
                    "<title>{} · {} · {}{}</title>",
                    seconds(e.t_us, 1),
                    escape(&e.task),
                    if e.thread.is_empty() {
                        String::new()
                    } else {
                        format!("{} · ", escape(&e.thread))
                    },
                    escape(&e.line)
                );
                let _ = if e.timing {
                    writeln!(
                        svg,
                        r##"<rect x="{:.1}" y="{:.1}" width="7" height="7" fill="{fill}" stroke="{colour}" stroke-width="1.5">{title}</rect>"##,
                        cx - 3.5,
                        cy - 3.5
                    )
                } else {
                    writeln!(
                        svg,
                        r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="4" fill="{fill}" stroke="{colour}" stroke-width="1.5">{title}</circle>"##
                    )
                };
            }
        }
        // A lane per thread: what it polled, in the tasks' colours.
        let threads_top = lanes_top + LANE * tasks.len().max(1) as f64 + THREADS_GAP;
        for (k, thread) in poll_threads[p].iter().enumerate() {
            let ty = threads_top + THREAD_LANE * k as f64 + THREAD_LANE / 2.0;
            let swatch = thread_fill(thread).unwrap_or("#333");
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill="#555">{}</text><rect x="{:.1}" y="{:.1}" width="6" height="6" fill="{swatch}"/>"##,
                LEFT - 16.0,
                ty + 3.5,
                escape(thread),
                LEFT - 12.0,
                ty - 3.0
            );
            let _ = writeln!(
                svg,
                r##"<line x1="{LEFT}" y1="{ty:.1}" x2="{:.1}" y2="{ty:.1}" stroke="#999" stroke-opacity="0.3"/>"##,
                x(panel.elapsed_us.unwrap_or(axis_end))
            );
            for (i, task) in tasks.iter().enumerate() {
                let on_thread = panel
                    .polls
                    .iter()
                    .zip(&lanes[p].of_poll)
                    .filter(|&(q, &lane)| lane == i && q.thread == *thread)
                    .map(|(q, _)| q);
                let bars = polls::bars(on_thread, x);
                let colour = colour_of.get(task.as_str()).copied().unwrap_or("#333");
                polls::draw(&mut svg, &bars, ty, THREAD_BAR, task, |_| {
                    colour.to_string()
                });
            }
        }
        let _ = writeln!(svg, "</g>");
        y += h + GAP;
    }
    svg.push_str("</svg>\n");
    svg
}

/// The threads that printed a panel's lines, in the order they first print (none in a trace
/// that does not record them).
fn threads_of(panel: &Panel) -> Vec<&str> {
    let mut threads: Vec<&str> = Vec::new();
    for e in &panel.events {
        if !e.thread.is_empty() && !threads.contains(&e.thread.as_str()) {
            threads.push(&e.thread);
        }
    }
    threads
}

/// The longest lane name that fits left of the lanes (`repeat_message('xXxXx…', 10)`).
const LABEL_CHARS: usize = ((LEFT - 20.0) / CHAR_WIDTH) as usize;

/// `task` as its lane's label: cut to [`LABEL_CHARS`] with an ellipsis (the whole name is the
/// label's tooltip).
fn fit_label(task: &str) -> String {
    if task.chars().count() <= LABEL_CHARS {
        return task.to_string();
    }
    let mut cut: String = task.chars().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A panel's threads as swatches and names on its header line, from `from` to `until` (the
/// ones that do not fit are counted: `+3 more`).
fn thread_legend(threads: &[&str], from: f64, until: f64, y: f64) -> String {
    let mut svg = String::new();
    if threads.is_empty() {
        return svg;
    }
    let mut x = from;
    let _ = writeln!(
        svg,
        r##"<text x="{x:.1}" y="{y:.1}" fill="#555">threads:</text>"##
    );
    x += CHAR_WIDTH * 9.0;
    for (i, thread) in threads.iter().enumerate() {
        let width = 14.0 + CHAR_WIDTH * thread.chars().count() as f64 + 10.0;
        // Room for `+N more` stays, unless this is the last thread.
        let more = if i + 1 < threads.len() {
            CHAR_WIDTH * 8.0
        } else {
            0.0
        };
        if x + width + more > until {
            let left = threads.len() - i;
            let _ = writeln!(
                svg,
                r##"<text x="{x:.1}" y="{y:.1}" fill="#555">+{left} more</text>"##
            );
            break;
        }
        let fill = THREAD_COLOURS[i % THREAD_COLOURS.len()];
        let _ = writeln!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="4.5" fill="{fill}" stroke="#666" stroke-width="1"/><text x="{:.1}" y="{y:.1}" fill="#333">{}</text>"##,
            x + 5.0,
            y - 4.0,
            x + 14.0,
            escape(thread)
        );
        x += width;
    }
    svg
}

/// A tick step of 1, 2 or 5 × 10^k µs giving 4 to 10 ticks up to `end_us`, and the tick count.
fn ticks(end_us: u64) -> (u64, u64) {
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
fn seconds(t_us: u64, step_us: u64) -> String {
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

/// `text` escaped for XML text and attribute values (also `bench.svg`'s).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(t_us: u64, task: &str, line: &str) -> Event {
        Event {
            t_us,
            task: task.into(),
            line: line.into(),
            timing: false,
            thread: String::new(),
        }
    }

    fn on(thread: &str, event: Event) -> Event {
        Event {
            thread: thread.into(),
            ..event
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_run() {
        assert_eq!(ticks(17_000_000), (2_000_000, 9));
        assert_eq!(ticks(1_000_000), (100_000, 10));
        assert_eq!(ticks(30_500), (5_000, 7));
        assert_eq!(seconds(1_500_000, 200_000), "1.5 s");
    }

    #[test]
    fn a_timeline_has_a_panel_per_run_a_lane_per_task_and_a_mark_per_line() {
        let panels = [
            Panel {
                label: "tokio · concurrent".into(),
                ideal_us: 10_000,
                elapsed_us: Some(10_400),
                events: vec![
                    event(0, "task 1", "One"),
                    event(100, "task 2", "One"),
                    event(10_100, "task 1", "Two"),
                    event(10_200, "task 2", "Two & <done>"),
                ],
                note: "same".into(),
                polls: vec![],
            },
            Panel {
                label: "sync · sequential".into(),
                ideal_us: 30_000,
                elapsed_us: None,
                events: vec![],
                note: "failed: PLACEHOLDER".into(),
                polls: vec![],
            },
        ];
        let svg = timeline("count", "scale 0.01", &panels);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<circle").count(), 4);
        assert_eq!(svg.matches("<g>").count(), 2);
        assert!(svg.contains(">task 2</text>"));
        assert!(svg.contains("Two &amp; &lt;done&gt;</title>"));
        assert!(svg.contains("failed: PLACEHOLDER"));
        // The axis reaches past the longest run (30 ms ideal): ticks every 5 ms up to 30 ms.
        assert!(svg.contains(">0.030 s</text>"), "{svg}");
        // A trace without threads: marks filled by their task, no thread legend.
        assert!(!svg.contains("threads:"));
    }

    #[test]
    fn marks_are_filled_by_their_thread_and_each_panel_names_its_threads() {
        let worker = |n: u64| format!("tokio-runtime-worker #{n}");
        let mut timing = on(&worker(2), event(10_300, "main", "took 10 ms"));
        timing.timing = true;
        let panels = [Panel {
            label: "tokio multi-thread · concurrent".into(),
            ideal_us: 10_000,
            elapsed_us: Some(10_400),
            events: vec![
                on("main", event(0, "task 1", "One")),
                on(&worker(1), event(100, "task 2", "One")),
                on(&worker(2), event(10_100, "task 1", "Two")),
                timing,
            ],
            note: "same".into(),
            polls: vec![],
        }];
        let svg = timeline("count", "scale 0.01", &panels);
        let legend: Vec<&str> = svg
            .lines()
            .filter(|l| l.contains("stroke=\"#666\""))
            .collect();
        assert_eq!(legend.len(), 3, "a swatch per thread: {svg}");
        for (i, thread) in ["main", &worker(1), &worker(2)].iter().enumerate() {
            assert!(
                legend[i].contains(&format!(">{thread}</text>")),
                "{}",
                legend[i]
            );
            assert!(legend[i].contains(THREAD_COLOURS[i]), "{}", legend[i]);
        }
        // task 1's second line, printed on worker 2: task 1's outline, worker 2's fill.
        let two = svg.lines().find(|l| l.contains("· Two</title>")).unwrap();
        assert!(
            two.contains(&format!("fill=\"{}\"", THREAD_COLOURS[2])),
            "{two}"
        );
        // (main's lane comes first, so task 1 has the second colour.)
        assert!(two.contains(&format!("stroke=\"{}\"", COLOURS[1])), "{two}");
        assert!(two.contains("tokio-runtime-worker #2 · Two"), "{two}");
        // The timing line is a square.
        assert_eq!(svg.matches("<circle").count(), 3 + 3);
        assert!(svg.contains("width=\"7\" height=\"7\""));
    }

    #[test]
    fn a_long_lane_name_is_cut_to_fit_left_of_the_lanes() {
        let long = "repeat_message('xXxXxXxXxXxXxXxXxXxX', 10)";
        let cut = fit_label(long);
        assert_eq!(cut.chars().count(), LABEL_CHARS);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
        assert!(CHAR_WIDTH * LABEL_CHARS as f64 <= LEFT - 8.0 - 10.0);
        assert_eq!(fit_label("count() #1"), "count() #1");
    }

    #[test]
    fn threads_that_do_not_fit_are_counted() {
        let threads = ["main", "a-long-thread-name #1", "a-long-thread-name #2"];
        let legend = thread_legend(&threads, 300.0, 520.0, 10.0);
        assert!(legend.contains(">main</text>"));
        assert!(legend.contains("more</text>"), "{legend}");
        assert!(!legend.contains("#2</text>"), "{legend}");
        // `+N more` itself ends before `until` (it once ran into the panel's timing text):
        // with room for `main` alone but not for `main` and `+2 more`, main is counted too.
        let until = 300.0 + CHAR_WIDTH * 9.0 + (14.0 + CHAR_WIDTH * 4.0 + 10.0) + 5.0;
        let legend = thread_legend(&threads, 300.0, until, 10.0);
        assert!(legend.contains(">+3 more</text>"), "{legend}");
        let more = legend.lines().find(|l| l.contains("more</text>")).unwrap();
        let x: f64 = more
            .split("x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|x| x.parse().ok())
            .unwrap();
        assert!(x + CHAR_WIDTH * 7.0 <= until, "{legend}");
    }
}
