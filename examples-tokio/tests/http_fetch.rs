//! http_fetch under tokio with reqwest, through the real binary, against the stand-in server
//! and a refused port on 127.0.0.1 (never the internet), on both schedulers. The checks
//! themselves are shared by every runtime: `shared::testing::http_fetch`.

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");

// The default scheduler, multi-thread.
shared::http_fetch_tests!(EXE, &[], overlapping: true);

/// The same checks with `--flavor current-thread`: every task on one thread.
mod current_thread {
    use super::EXE;

    shared::http_fetch_tests!(EXE, &["--flavor", "current-thread"], overlapping: true);
}
