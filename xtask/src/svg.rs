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
//! global executor on its one default thread. A run far shorter than the picture's axis is
//! drawn on its own, zoomed, and says so ([`axis`]). Hand-written SVG 1.1, readable in any
//! browser.

use std::collections::BTreeMap;
use std::fmt::Write;

use shared::out::Event;
use shared::polls::{Lanes, Poll};

pub mod axis;
pub mod polls;

use axis::{Axis, millis, seconds};

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
    let end_us = panels.iter().map(end_of).max().unwrap_or(0).max(1000);
    let axis = Axis::covering(end_us);
    // Each panel's axis: the shared one, or its own if it is far shorter.
    let own_axes: Vec<Option<Axis>> = panels.iter().map(|p| axis.zoomed_for(end_of(p))).collect();
    let plot = WIDTH - LEFT - RIGHT;
    let x_on = |axis: &Axis, t_us: u64| LEFT + plot * t_us as f64 / axis.end_us() as f64;
    let x = |t_us: u64| x_on(&axis, t_us);

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
    let zoomed = own_axes.iter().any(Option::is_some);
    let height = plot_bottom + if zoomed { 72.0 } else { 56.0 };

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
    for t in axis.tick_times() {
        let gx = x(t);
        let _ = writeln!(
            svg,
            r##"<line x1="{gx:.1}" y1="{top:.1}" x2="{gx:.1}" y2="{plot_bottom:.1}" stroke="#e6e6e6"/>"##
        );
        let _ = writeln!(
            svg,
            r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" fill="#444">{}</text>"##,
            plot_bottom + 16.0,
            seconds(t, axis.step_us)
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
    if zoomed {
        let _ = writeln!(
            svg,
            r##"<text x="12" y="{:.1}" fill="#666">zoomed ×N: a run far shorter than the others, drawn N times wider on a time axis of its own (its ticks, in ms, under its panel)</text>"##,
            plot_bottom + 66.0
        );
    }

    let mut y = top;
    for (p, (panel, h)) in panels.iter().zip(&heights).enumerate() {
        let (tasks, threads) = (tasks[p], &threads[p]);
        // The panel's own axis, if it is zoomed: every x below is on it.
        let panel_axis = own_axes[p].unwrap_or(axis);
        let x = |t_us: u64| x_on(&panel_axis, t_us);
        let note = match own_axes[p] {
            Some(own) => format!("{} · zoomed ×{}", panel.note, own.magnification(&axis)),
            None => panel.note.clone(),
        };
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
            escape(&note)
        );
        let from = LEFT.max(12.0 + CHAR_WIDTH * 1.1 * panel.label.chars().count() as f64 + 16.0);
        let until = WIDTH - 14.0 - CHAR_WIDTH * note.chars().count() as f64 - 20.0;
        svg.push_str(&thread_legend(&all_threads, from, until, y + 15.0));
        let lanes_top = y + HEADER;
        let lanes_bottom = y + h;
        // A zoomed panel's own grid, and its ticks in the gap under it.
        if let Some(own) = own_axes[p] {
            for t in own.tick_times() {
                let gx = x(t);
                let _ = writeln!(
                    svg,
                    r##"<line x1="{gx:.1}" y1="{lanes_top:.1}" x2="{gx:.1}" y2="{lanes_bottom:.1}" stroke="#e6e6e6"/><text x="{gx:.1}" y="{:.1}" text-anchor="middle" font-size="10" fill="#777">{}</text>"##,
                    lanes_bottom + 10.0,
                    millis(t, own.step_us)
                );
            }
        }
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
                x(panel.elapsed_us.unwrap_or(panel_axis.end_us()))
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
                x(panel.elapsed_us.unwrap_or(panel_axis.end_us()))
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

/// When a panel's last thing happens: its ideal, its end, its last line or poll.
fn end_of(panel: &Panel) -> u64 {
    [panel.ideal_us, panel.elapsed_us.unwrap_or(0)]
        .into_iter()
        .chain(panel.events.iter().map(|e| e.t_us))
        .chain(panel.polls.iter().map(Poll::end_us))
        .max()
        .unwrap_or(0)
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

/// `text` escaped for XML text and attribute values (also `bench.svg`'s).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
