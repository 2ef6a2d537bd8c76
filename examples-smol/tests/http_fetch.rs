//! http_fetch through the real binary, against servers on 127.0.0.1 only (never the
//! internet). The checks every runtime passes are in `shared::testing::http_fetch`, and so are
//! the two this crate shares with async-std's (a hand-written redirect loop: the exact redirect
//! limit, an HTTP/1.0 server); the last one below is this crate's own: what its client does
//! with a header value that is not ASCII.

use std::time::Duration;

use shared::testing::http_fetch::{self as check, outcomes, raw_server};
use shared::testing::run_bin;

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");

/// Long enough for a loaded 2-core machine; a hang fails the test instead of blocking it.
const DEADLINE: Duration = Duration::from_secs(60);

#[test]
fn the_default_run_fetches_the_six_sites() {
    check::default_run_fetches_the_six_sites(EXE, &[], true);
}

#[test]
fn six_workers_are_all_answered() {
    check::six_workers_fetch_the_six_sites_at_once(EXE, &[]);
}

#[test]
fn each_url_gets_one_outcome() {
    check::each_url_gets_one_outcome(EXE, &[]);
}

#[test]
fn all_good_exits_0() {
    check::all_good_exits_0(EXE, &[]);
}

#[test]
fn a_silent_server_times_out() {
    check::a_silent_server_times_out(EXE, &[]);
}

#[test]
fn bad_options_exit_2() {
    check::bad_options_exit_2(EXE);
}

#[test]
fn ten_redirects_are_followed_and_the_eleventh_fails() {
    check::ten_redirects_are_followed_and_the_eleventh_fails(EXE);
}

#[test]
fn an_http_1_0_server_is_read() {
    check::an_http_1_0_server_is_read(EXE);
}

#[test]
fn a_header_value_that_is_not_ascii_is_no_problem() {
    // surf (async-std) panics on it; hyper keeps header values as bytes.
    let url =
        raw_server(b"HTTP/1.1 200 OK\r\nX-Name: caf\xc3\xa9\r\nContent-Length: 3\r\n\r\nok\n");
    let run = run_bin(EXE, &[&url], DEADLINE);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(
        outcomes(&run)[&url].ends_with("(HTTP 200, 3 bytes)"),
        "{run:?}"
    );
}
