//! http_fetch through the real binary, against servers on 127.0.0.1 only (never the
//! internet). The checks every runtime passes are in `shared::testing::http_fetch`; the ones
//! below are this crate's own: what its hand-written redirect loop and its client do with an
//! exact redirect limit, an HTTP/1.0 server and a header value that is not ASCII.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use shared::server::Server;
use shared::testing::http_fetch::{self as check, outcomes};
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

/// A server on 127.0.0.1 that answers every request with `response` (raw bytes) and closes
/// the connection, for as long as the test runs.
fn raw_server(response: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.read(&mut [0; 4096]);
            let _ = stream.write_all(response);
        }
    });
    url
}

#[test]
fn ten_redirects_are_followed_and_the_eleventh_fails() {
    let server = Server::start(1.0).unwrap();
    let (ten, eleven) = (server.url("/redirect/10"), server.url("/redirect/11"));
    let run = run_bin(EXE, &[&ten, &eleven], DEADLINE);
    assert_eq!(run.code(), Some(1), "{run:?}");
    let outcomes = outcomes(&run);
    // `/redirect/0` answers "redirected here\n".
    assert!(outcomes[&ten].ends_with("(HTTP 200, 16 bytes)"), "{run:?}");
    assert!(
        outcomes[&eleven].ends_with("s: too many redirects (more than 10)"),
        "{run:?}"
    );
}

#[test]
fn an_http_1_0_server_is_read() {
    let url = raw_server(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from 1.0\n");
    let run = run_bin(EXE, &[&url], DEADLINE);
    assert_eq!(run.code(), Some(0), "{run:?}");
    assert!(
        outcomes(&run)[&url].ends_with("(HTTP 200, 15 bytes)"),
        "{run:?}"
    );
}

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
