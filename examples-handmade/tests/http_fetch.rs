//! http_fetch through the real binary, against servers on 127.0.0.1 only (never the
//! internet): hyper on the handmade runtime's reactor. The checks every runtime passes are in
//! `shared::testing::http_fetch`, and so are the two this crate shares with smol's and
//! async-std's (a hand-written redirect loop: the exact redirect limit, an HTTP/1.0 server);
//! the last two are this crate's own: a header value that is not ASCII, and https refused
//! with one line (this client speaks plain http).

use std::time::Duration;

use shared::testing::http_fetch::{outcomes, raw_server};
use shared::testing::run_bin;

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");

shared::http_fetch_tests!(EXE, &[], overlapping: true, also: [
    ten_redirects_are_followed_and_the_eleventh_fails,
    an_http_1_0_server_is_read,
]);

#[test]
fn a_header_value_that_is_not_ascii_is_no_problem() {
    // surf (async-std) panics on it; hyper keeps header values as bytes.
    let url =
        raw_server(b"HTTP/1.1 200 OK\r\nX-Name: caf\xc3\xa9\r\nContent-Length: 3\r\n\r\nok\n");
    let run = run_bin(EXE, &[&url], Duration::from_secs(60));
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(
        outcomes(&run)[&url].ends_with("(HTTP 200, 3 bytes)"),
        "{run:?}"
    );
}

#[test]
fn https_is_refused_with_one_line() {
    let run = run_bin(EXE, &["https://127.0.0.1:9/"], Duration::from_secs(60));
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcome = &outcomes(&run)["https://127.0.0.1:9/"];
    assert!(outcome.contains("plain http"), "{run:?}");
}
