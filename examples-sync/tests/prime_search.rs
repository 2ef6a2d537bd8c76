//! prime_search through the real binary: the searches one after another, all pauses adding up.

use std::time::Duration;

use shared::expect::{check, transcript};
use shared::testing::run_bin;
use shared::{Mode, Program, Runtime};

#[test]
fn sequential_searches_print_in_call_order_and_pause_36_times() {
    let scale = 0.1;
    let run = run_bin(
        env!("CARGO_BIN_EXE_prime_search"),
        &["--scale", "0.1"],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let mut lines = run.lines();
    let took = lines.pop().expect("a Took line");
    let groups = transcript(Program::PrimeSearch, Runtime::Sync, Mode::Sequential).unwrap();
    check(&lines, &groups).unwrap();
    let ms: f64 = took
        .strip_prefix("Took ")
        .and_then(|s| s.strip_suffix(" ms"))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{took:?}"));
    assert!(ms >= 360.0 * scale, "{took}");
}
