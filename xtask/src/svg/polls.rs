//! A lane's polls as bars: one filled bar per poll, and polls too short or too close to be
//! told apart at the picture's scale merged into one bar that counts them.

use std::fmt::Write;

use shared::polls::Poll;

use super::{escape, seconds};

/// One bar: one poll, or several merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x0: f64,
    pub x1: f64,
    /// How many polls it stands for.
    pub count: usize,
    /// The thread of its first poll (the one that colours it), and whether others differ.
    pub thread: String,
    pub mixed: bool,
    /// Their time running, µs.
    pub busy_us: u64,
    pub start_us: u64,
    pub end_us: u64,
    /// Whether its last poll returned `Ready`.
    pub ready: bool,
    /// Whether each of its polls is shorter than a pixel (only those merge).
    short: bool,
}

/// The bars of `polls` (in any order) at the scale `x` (µs to pixels): a poll shorter than a
/// pixel that begins less than a pixel after the bar before it ends joins that bar, if that
/// bar too is made of such polls. A bar is drawn at least one pixel wide.
pub fn bars<'a>(polls: impl IntoIterator<Item = &'a Poll>, x: impl Fn(u64) -> f64) -> Vec<Bar> {
    let mut polls: Vec<&Poll> = polls.into_iter().collect();
    polls.sort_by_key(|p| (p.start_us, p.dur_us));
    let mut bars: Vec<Bar> = Vec::new();
    for p in polls {
        let (x0, x1) = (x(p.start_us), x(p.end_us()));
        let short = x1 - x0 < 1.0;
        if let Some(last) = bars.last_mut()
            && short
            && last.short
            && x0 - last.x1.max(last.x0 + 1.0) < 1.0
        {
            last.x1 = last.x1.max(x1);
            last.count += 1;
            last.mixed |= last.thread != p.thread;
            last.busy_us += p.dur_us;
            last.end_us = last.end_us.max(p.end_us());
            last.ready = p.ready;
            continue;
        }
        bars.push(Bar {
            x0,
            x1,
            count: 1,
            thread: p.thread.clone(),
            mixed: false,
            busy_us: p.dur_us,
            start_us: p.start_us,
            end_us: p.end_us(),
            ready: p.ready,
            short,
        });
    }
    bars
}

/// `bars` as SVG rectangles centred on `y`, `height` high, filled by `fill(bar)`; each has a
/// tooltip naming `what` (the task, or the thread).
pub fn draw(
    svg: &mut String,
    bars: &[Bar],
    y: f64,
    height: f64,
    what: &str,
    fill: impl Fn(&Bar) -> String,
) {
    for bar in bars {
        let width = (bar.x1 - bar.x0).max(1.0);
        let polls = match bar.count {
            1 if bar.ready => "a poll → Ready".to_string(),
            1 => "a poll → Pending".to_string(),
            n => format!("{n} polls, {} running", ms(bar.busy_us)),
        };
        let thread = if bar.mixed {
            format!("{} and others", bar.thread)
        } else {
            bar.thread.clone()
        };
        let _ = writeln!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{width:.1}" height="{height:.1}" fill="{}"><title>{} · {polls} · {} to {} ({}) · {}</title></rect>"##,
            bar.x0,
            y - height / 2.0,
            fill(bar),
            escape(what),
            seconds(bar.start_us, 1),
            seconds(bar.end_us, 1),
            ms(bar.end_us - bar.start_us),
            escape(&thread),
        );
        if bar.count > 1 && width > 16.0 {
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#fff">×{}</text>"##,
                bar.x0 + width / 2.0,
                y + 3.0,
                bar.count
            );
        }
    }
}

/// `1.234 ms`, `12 µs`.
fn ms(us: u64) -> String {
    if us >= 1000 {
        format!("{:.3} ms", us as f64 / 1000.0)
    } else {
        format!("{us} µs")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::svg::{Panel, THREAD_COLOURS, timeline};
    use shared::out::Event;

    fn event(t_us: u64, task: &str, line: &str, thread: &str) -> Event {
        Event {
            t_us,
            task: task.into(),
            line: line.into(),
            timing: false,
            thread: thread.into(),
        }
    }

    fn poll(start_us: u64, dur_us: u64, thread: &str) -> Poll {
        Poll {
            task: "t".into(),
            start_us,
            dur_us,
            thread: thread.into(),
            ready: false,
        }
    }

    #[test]
    fn polls_shorter_than_a_pixel_merge_and_long_ones_do_not() {
        // 1 px = 1 ms.
        let x = |t: u64| t as f64 / 1000.0;
        let polls = [
            poll(0, 10, "a"),
            poll(100, 10, "a"),
            poll(600, 10, "b"),
            poll(50_000, 20_000, "a"),
            poll(70_100, 10, "a"),
            poll(200_000, 10, "a"),
        ];
        let bars = bars(&polls, x);
        let counts: Vec<usize> = bars.iter().map(|b| b.count).collect();
        assert_eq!(counts, [3, 1, 1, 1], "{bars:?}");
        assert!(bars[0].mixed);
        assert_eq!(bars[0].busy_us, 30);
        // The long poll stays alone: the short one right after it is a bar of its own.
        assert_eq!((bars[1].start_us, bars[1].end_us), (50_000, 70_000));
        let mut svg = String::new();
        draw(&mut svg, &bars, 10.0, 8.0, "t", |_| "#000".into());
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("3 polls"), "{svg}");
    }

    fn task_poll(task: &str, start_us: u64, dur_us: u64, thread: &str, ready: bool) -> Poll {
        Poll {
            task: task.into(),
            start_us,
            dur_us,
            thread: thread.into(),
            ready,
        }
    }

    #[test]
    fn polls_are_bars_on_their_task_lane_and_on_their_thread_lane() {
        let worker = "tokio-runtime-worker #1";
        let panels = [Panel {
            label: "tokio multi-thread · blocking".into(),
            ideal_us: 20_000,
            elapsed_us: Some(20_400),
            events: vec![
                event(10, "One", "Task One running", worker),
                event(30, "Two", "Task Two running", "main"),
            ],
            polls: vec![
                task_poll("main", 0, 5, "main", false),
                task_poll("Task One", 8, 15_000, worker, false),
                task_poll("Task Two", 20, 40, "main", false),
                task_poll("Task Two", 16_000, 20, "main", true),
                task_poll("Task One", 17_000, 30, worker, true),
                task_poll("main", 20_300, 5, "main", true),
            ],
            note: "same".into(),
        }];
        let svg = timeline("work_queue", "scale 0.001", &panels);
        // Lanes: main, then the tasks in the order they first ran; then a lane per thread.
        let main = svg.find(">main</text>").unwrap();
        let one = svg.find(">Task One</text>").unwrap();
        let two = svg.find(">Task Two</text>").unwrap();
        assert!(main < one && one < two, "{svg}");
        assert!(
            svg.contains(&format!(">{worker}</text><rect")),
            "a thread lane: {svg}"
        );
        // The printed lines are on the lane of the poll that printed them, not their handle's.
        assert!(!svg.contains(">One</text>"), "{svg}");
        // Each poll is a bar on its task's lane and on its thread's lane: 6 + 6 (merged
        // bars do not apply here: 15 ms is many pixels).
        let bars = svg.matches("a poll → ").count();
        assert_eq!(bars, 12, "{svg}");
        // The long poll's bar is filled by its thread's colour (the worker prints first).
        let long = svg
            .lines()
            .find(|l| l.contains("Task One · a poll → Pending"))
            .unwrap();
        assert!(
            long.contains(&format!("fill=\"{}\"", THREAD_COLOURS[0])),
            "{long}"
        );
        // A thin line while a task waits: from its first poll to its last.
        assert!(svg.contains("Task Two · alive from"), "{svg}");
    }
}
