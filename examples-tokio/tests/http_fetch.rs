//! http_fetch under tokio with reqwest, through the real binary, against the stand-in server
//! and a refused port on 127.0.0.1 (never the internet). The checks themselves are shared by
//! every runtime: `shared::testing::http_fetch`.

use shared::testing::http_fetch as check;

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");

#[test]
fn default_run_fetches_the_six_sites_concurrently() {
    check::default_run_fetches_the_six_sites(EXE, &[], true);
}

#[test]
fn default_run_on_the_current_thread_scheduler() {
    check::default_run_fetches_the_six_sites(EXE, &["--flavor", "current-thread"], true);
}

#[test]
fn six_workers_are_all_answered() {
    check::six_workers_fetch_the_six_sites_at_once(EXE, &[]);
    check::six_workers_fetch_the_six_sites_at_once(EXE, &["--flavor", "current-thread"]);
}

#[test]
fn each_url_gets_one_outcome_and_bad_ones_do_not_stop_the_others() {
    check::each_url_gets_one_outcome(EXE, &[]);
}

#[test]
fn all_good_urls_exit_0() {
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
