//! http_fetch with ureq, blocking, through the real binary in both modes, against the
//! stand-in server and a refused port on 127.0.0.1 (never the internet). The checks
//! themselves are shared by every runtime: `shared::testing::http_fetch`.

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");
const THREADS: &[&str] = &["--mode", "threads"];

// The default mode, sequential: one request at a time, taking turns.
shared::http_fetch_tests!(EXE, &[], overlapping: false);

/// The same checks with `--mode threads`: the requests overlap.
mod threads {
    use super::{EXE, THREADS};

    shared::http_fetch_tests!(EXE, THREADS, overlapping: true);
}

#[test]
fn taking_turns_alternates_one_and_two_in_queue_order() {
    let run = shared::testing::run_bin(
        EXE,
        &["--scale", "0.05"],
        std::time::Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{run:?}");
    let lines = run.lines();
    let sites = shared::catalogue::http_fetch::SITES;
    for (i, (site, _)) in sites.iter().enumerate() {
        let name = ["One", "Two"][i % 2];
        let getting = &lines[2 * i];
        assert!(
            getting.starts_with(&format!("Task {name} getting URL: http://127.0.0.1:")),
            "{run:?}"
        );
        assert!(getting.ends_with(&format!("/{site}")), "{run:?}");
        assert!(
            lines[2 * i + 1].starts_with(&format!("Task {name} elapsed time ")),
            "{run:?}"
        );
    }
}
