//! http_fetch through the real binary, against servers on 127.0.0.1 only (never the
//! internet). The checks every runtime passes are in `shared::testing::http_fetch`, and so are
//! the two this crate shares with smol's (a hand-written redirect loop: the exact redirect
//! limit, an HTTP/1.0 server); the last one below is this crate's own: what its client does
//! with a header value that is not ASCII.

use std::time::Duration;

use shared::server::Server;
use shared::testing::http_fetch::{outcomes, raw_server};
use shared::testing::run_bin;

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");

/// Long enough for a loaded 2-core machine; a hang fails the test instead of blocking it.
const DEADLINE: Duration = Duration::from_secs(60);

shared::http_fetch_tests!(EXE, &[], overlapping: true, also: [
    ten_redirects_are_followed_and_the_eleventh_fails,
    an_http_1_0_server_is_read,
]);

#[test]
fn a_header_value_that_is_not_ascii_fails_that_url_only() {
    // surf's curl backend (http-client 6.5) unwraps header values as text and panics; the
    // program catches the panic and reports it as the failure of that URL alone.
    let url =
        raw_server(b"HTTP/1.1 200 OK\r\nX-Name: caf\xc3\xa9\r\nContent-Length: 3\r\n\r\nok\n");
    let server = Server::start(1.0).unwrap();
    let fine = server.url("/status/200");
    let run = run_bin(EXE, &[&url, &fine], DEADLINE);
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = outcomes(&run);
    assert!(outcomes[&url].contains(" failed after "), "{run:?}");
    assert!(outcomes[&url].contains("s: surf panicked: "), "{run:?}");
    assert!(outcomes[&fine].ends_with("(HTTP 200, 11 bytes)"), "{run:?}");
}
