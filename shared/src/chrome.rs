//! A trace in Chrome's Trace Event Format (`--chrome-trace FILE`), which
//! [Perfetto](https://ui.perfetto.dev) and `chrome://tracing` open.
//!
//! Two processes: `tasks`, one track per task (its lane, as [`Lanes`] names it), with each poll
//! a complete event (`"ph": "X"`, times in µs) and each printed line an instant event
//! (`"ph": "i"`) on the task that printed it; and `threads`, one track per thread with the
//! same polls, named by their task, so a blocked worker or a stolen task is seen there. The
//! tracks are named by `thread_name` metadata events. The format:
//! <https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU>.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::out::Trace;
use crate::polls::Lanes;

/// The `pid` of the tasks' tracks.
pub const TASKS_PID: u64 = 1;
/// The `pid` of the threads' tracks.
pub const THREADS_PID: u64 = 2;

/// `trace` as a Trace Event Format object (`{"traceEvents": [...], ...}`).
pub fn chrome_trace(trace: &Trace) -> Value {
    let lanes = Lanes::of(trace);
    let s = &trace.summary;
    let mut events = vec![
        metadata(
            TASKS_PID,
            0,
            "process_name",
            &format!("tasks · {} {} {}", s.program, s.runtime, s.mode),
        ),
        metadata(TASKS_PID, 0, "process_sort_index", "0"),
        metadata(THREADS_PID, 0, "process_name", "threads"),
        metadata(THREADS_PID, 0, "process_sort_index", "1"),
    ];
    for (i, name) in lanes.names.iter().enumerate() {
        events.push(metadata(TASKS_PID, i as u64 + 1, "thread_name", name));
        events.push(sort_index(TASKS_PID, i as u64 + 1));
    }
    // The threads, in the order they first polled.
    let mut threads: Vec<&str> = Vec::new();
    for poll in &trace.polls {
        if !threads.contains(&poll.thread.as_str()) {
            threads.push(&poll.thread);
        }
    }
    for (i, name) in threads.iter().enumerate() {
        events.push(metadata(THREADS_PID, i as u64 + 1, "thread_name", name));
        events.push(sort_index(THREADS_PID, i as u64 + 1));
    }
    for (poll, &lane) in trace.polls.iter().zip(&lanes.of_poll) {
        let args = json!({ "thread": poll.thread, "ready": poll.ready });
        let name = if poll.ready {
            "poll → Ready"
        } else {
            "poll → Pending"
        };
        events.push(json!({
            "name": name, "cat": "poll", "ph": "X", "ts": poll.start_us, "dur": poll.dur_us,
            "pid": TASKS_PID, "tid": lane as u64 + 1, "args": args,
        }));
        let tid = threads
            .iter()
            .position(|t| *t == poll.thread)
            .expect("listed") as u64
            + 1;
        events.push(json!({
            "name": poll.task, "cat": "poll", "ph": "X", "ts": poll.start_us, "dur": poll.dur_us,
            "pid": THREADS_PID, "tid": tid, "args": { "ready": poll.ready },
        }));
    }
    for (event, &lane) in trace.events.iter().zip(&lanes.of_event) {
        events.push(json!({
            "name": event.line, "cat": "line", "ph": "i", "s": "t", "ts": event.t_us,
            "pid": TASKS_PID, "tid": lane as u64 + 1,
            "args": { "thread": event.thread, "task": event.task },
        }));
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "program": s.program, "runtime": s.runtime, "mode": s.mode, "scale": s.scale,
            "threads": s.threads, "elapsed_us": s.elapsed_us,
        },
    })
}

fn metadata(pid: u64, tid: u64, name: &str, value: &str) -> Value {
    let args = match name {
        "process_sort_index" => json!({ "sort_index": value.parse::<u64>().unwrap_or(0) }),
        _ => json!({ "name": value }),
    };
    json!({ "name": name, "ph": "M", "ts": 0, "pid": pid, "tid": tid, "args": args })
}

fn sort_index(pid: u64, tid: u64) -> Value {
    json!({ "name": "thread_sort_index", "ph": "M", "ts": 0, "pid": pid, "tid": tid,
            "args": { "sort_index": tid } })
}

/// Writes `trace` as a Trace Event Format file into `file`.
pub fn write_chrome_trace_to(file: impl Write, trace: &Trace) -> std::io::Result<()> {
    let mut file = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut file, &chrome_trace(trace))?;
    file.write_all(b"\n")?;
    file.flush()
}

/// Writes `trace` as a Trace Event Format file at `path`.
pub fn write_chrome_trace(path: &Path, trace: &Trace) -> anyhow::Result<()> {
    use anyhow::Context;
    std::fs::File::create(path)
        .and_then(|file| write_chrome_trace_to(file, trace))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// What is wrong with `value` as a Trace Event Format object, if anything: every event has
/// `ph`, `ts`, `pid` and `tid`, complete events (`X`) a `dur`, instant events (`i`) a scope,
/// and every track that has events is named by `thread_name` metadata.
pub fn check_trace_event_format(value: &Value) -> Result<(), String> {
    let events = value["traceEvents"]
        .as_array()
        .ok_or("no traceEvents array")?;
    let mut named = std::collections::BTreeSet::new();
    let mut used = std::collections::BTreeSet::new();
    for (i, e) in events.iter().enumerate() {
        for key in ["ph", "ts", "pid", "tid"] {
            if e.get(key).is_none() {
                return Err(format!("event {i} has no {key}: {e}"));
            }
        }
        let ph = e["ph"]
            .as_str()
            .ok_or(format!("event {i}: ph is not a string"))?;
        if !e["ts"].is_u64() || !e["pid"].is_u64() || !e["tid"].is_u64() {
            return Err(format!(
                "event {i}: ts, pid, tid must be whole numbers: {e}"
            ));
        }
        let track = (e["pid"].as_u64(), e["tid"].as_u64());
        match ph {
            "X" if !e["dur"].is_u64() => return Err(format!("event {i}: X without dur: {e}")),
            "i" if !matches!(e["s"].as_str(), Some("t" | "p" | "g")) => {
                return Err(format!("event {i}: instant without scope: {e}"));
            }
            "M" if e["name"] == "thread_name" => {
                if !e["args"]["name"].is_string() {
                    return Err(format!("event {i}: thread_name without a name: {e}"));
                }
                named.insert(track);
            }
            "X" | "i" | "M" => {}
            other => return Err(format!("event {i}: unexpected ph {other:?}")),
        }
        if ph != "M" {
            used.insert(track);
        }
    }
    match used.difference(&named).next() {
        Some(track) => Err(format!("track {track:?} has events but no thread_name")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::out::{Out, Summary};

    #[test]
    fn a_recorded_run_is_valid_trace_event_format() {
        let out = Out::capture();
        out.record_polls();
        let line = out.clone();
        let worker = std::thread::Builder::new()
            .name("worker".into())
            .spawn(out.traced_blocking(&"Task One", move || line.println("Task One running")))
            .unwrap();
        worker.join().unwrap();
        out.println("done");
        let trace = out.trace(&Summary {
            program: "work_queue".into(),
            runtime: "sync".into(),
            mode: "blocking".into(),
            scale: 0.01,
            threads: None,
            elapsed_us: 10,
        });
        let value = chrome_trace(&trace);
        check_trace_event_format(&value).unwrap();
        let events = value["traceEvents"].as_array().unwrap();
        let x: Vec<&Value> = events.iter().filter(|e| e["ph"] == "X").collect();
        assert_eq!(x.len(), 2, "one per task track, one per thread track");
        let line = events
            .iter()
            .find(|e| e["name"] == "Task One running")
            .unwrap();
        assert_eq!(line["tid"], x[0]["tid"], "the line is on its task's track");
        assert!(events.iter().any(|e| e["args"]["name"] == "Task One"));
        assert!(events.iter().any(|e| {
            e["args"]["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("worker #"))
        }));
        // The checker fails on what it should.
        let mut broken = value.clone();
        broken["traceEvents"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["ph"] == "X")
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("dur");
        assert!(
            check_trace_event_format(&broken)
                .unwrap_err()
                .contains("without dur")
        );
        let unnamed = json!({"traceEvents": [{"ph": "i", "s": "t", "ts": 1, "pid": 1, "tid": 9, "name": "x"}]});
        assert!(
            check_trace_event_format(&unnamed)
                .unwrap_err()
                .contains("no thread_name")
        );
    }
}
