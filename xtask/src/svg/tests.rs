//! The timeline's drawing, checked on constructed panels.

use super::*;

/// The number in the first `attribute="…"` of an SVG line.
fn number(line: &str, attribute: &str) -> f64 {
    line.split(&format!(" {attribute}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number in {attribute}=\"…\": {line}"))
}

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
    // 10.4 ms against 30 ms: one axis for both.
    assert!(!svg.contains("zoomed"), "{svg}");
}

#[test]
fn a_run_far_shorter_than_the_others_is_drawn_on_its_own_axis() {
    let poll = |start_us, dur_us| Poll {
        task: "task".into(),
        start_us,
        dur_us,
        thread: "main".into(),
        ready: false,
    };
    let panel = |label: &str, elapsed_us, polls| Panel {
        label: label.into(),
        ideal_us: 0,
        elapsed_us: Some(elapsed_us),
        events: vec![],
        note: "same".into(),
        polls,
    };
    // find_divisible's shape: Python takes 62.8 ms, a Rust run 1.6 ms.
    let panels = [
        panel("python · cooperative", 62_800, vec![poll(0, 62_000)]),
        panel(
            "smol · cooperative",
            1_600,
            vec![poll(0, 400), poll(800, 400)],
        ),
    ];
    let svg = timeline("find_divisible", "scale 0.1", &panels);
    let plot = WIDTH - LEFT - RIGHT;
    // The short run's end bar: 1.6 ms on its own axis of 1.6 ms (8 ticks of 0.2 ms) is
    // at the right edge of the plot; on the shared 70 ms axis it would be at 2 %.
    let end = svg
        .lines()
        .find(|l| l.contains("<title>end of run 0.002 s</title>"))
        .expect("the smol panel's end bar");
    let x = number(end, "x");
    assert!((x + 1.5 - (LEFT + plot)).abs() < 1.0, "{end}");
    assert!(svg.contains("same · zoomed ×44</text>"), "{svg}");
    assert!(
        svg.contains(">1.6 ms</text>") && svg.contains(">0.2 ms</text>"),
        "{svg}"
    );
    assert!(svg.contains("zoomed ×N: a run far shorter"));
    // Its two polls are two bars a quarter of the plot wide, not one merged sliver.
    let bars: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("<rect") && l.contains("task ·") && l.contains("height=\"8.0\""))
        .collect();
    assert_eq!(
        bars.len(),
        3,
        "a bar for Python's poll, two for smol's: {bars:#?}"
    );
    for bar in &bars[1..] {
        let width = number(bar, "width");
        assert!((width - plot / 4.0).abs() < 1.0, "{bar}");
    }
    // The long run stays on the shared axis.
    assert_eq!(
        svg.matches("zoomed ×").count(),
        2,
        "the smol note and the legend"
    );
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
    let x = number(more, "x");
    assert!(x + CHAR_WIDTH * 7.0 <= until, "{legend}");
}
