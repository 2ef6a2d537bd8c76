//! http_fetch with ureq, blocking, through the real binary in both modes, against the
//! stand-in server and a refused port on 127.0.0.1 (never the internet). The checks
//! themselves are shared by every runtime: `shared::testing::http_fetch`.

use shared::testing::http_fetch as check;

const EXE: &str = env!("CARGO_BIN_EXE_http_fetch");
const THREADS: &[&str] = &["--mode", "threads"];

#[test]
fn default_run_takes_turns_one_request_at_a_time() {
    check::default_run_fetches_the_six_sites(EXE, &[], false);
}

#[test]
fn default_run_on_threads_overlaps_the_requests() {
    check::default_run_fetches_the_six_sites(EXE, THREADS, true);
}

#[test]
fn six_workers_are_all_answered() {
    check::six_workers_fetch_the_six_sites_at_once(EXE, &[]);
    check::six_workers_fetch_the_six_sites_at_once(EXE, THREADS);
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

#[test]
fn each_url_gets_one_outcome_and_bad_ones_do_not_stop_the_others() {
    check::each_url_gets_one_outcome(EXE, &[]);
    check::each_url_gets_one_outcome(EXE, THREADS);
}

#[test]
fn all_good_urls_exit_0() {
    check::all_good_exits_0(EXE, &[]);
    check::all_good_exits_0(EXE, THREADS);
}

#[test]
fn a_silent_server_times_out() {
    check::a_silent_server_times_out(EXE, &[]);
    check::a_silent_server_times_out(EXE, THREADS);
}

#[test]
fn bad_options_exit_2() {
    check::bad_options_exit_2(EXE);
}
