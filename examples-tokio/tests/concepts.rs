//! The concept programs under tokio: the facts they print (which future ran, which task was
//! detached or cancelled, which job finished first), through the library, the `Concepts`
//! trait on both flavours, and the real binaries (that check is shared with the other runtimes:
//! `shared::testing::concepts`).

use std::time::Duration;

use examples_tokio::{Tokio, lazy_futures, wait_vs_gather};
use shared::catalogue::lazy_futures::{DROPPED_AT_SHUTDOWN, LEFT_NAPPING};
use shared::cli::Flavor;
use shared::concepts::{assert_offload_beats_blocking, check_every_concept};
use shared::testing::concepts::{assert_cancelled_jobs_finished_once, at};
use shared::{Mode, NoOpts, Program, Run, Runtime};

mod paused;
use paused::{assert_ideal, assert_transcript, run_paused};

// Paused clock: tokio's clock stands still and jumps to the next timer whenever every task
// is idle, so the naps take no real time and the elapsed time is exactly the ideal. The
// paused clock needs the current-thread runtime, built here (not by `#[tokio::test]`) so that
// the test can shut it down and see what the shutdown drops.
#[test]
fn lazy_futures_run_only_when_polled_a_dropped_join_handle_detaches_and_shutdown_drops_the_rest() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    let out = runtime.block_on(run_paused(
        Program::LazyFutures,
        Mode::Concurrent,
        lazy_futures::run,
    ));
    let lines = out.lines();
    assert_eq!(lines[0], "created the future: nothing ran yet");
    assert!(lines.contains(&"dropped the JoinHandle: it ran to the end (detached)".into()));
    assert!(lines.contains(&"aborted the JoinHandle: it was cancelled before it finished".into()));
    // The detached nap finished after its full nap; the aborted one never printed.
    assert_eq!(lines.iter().filter(|l| *l == "nap() finished").count(), 1);
    assert_eq!(at(&out, "nap() finished"), Duration::from_secs(1));
    {
        // The sink reads tokio's clock: the paused one only inside the runtime's context.
        let _context = runtime.enter();
        assert_ideal(&out, Program::LazyFutures, Mode::Concurrent);
    }
    // The program has ended, and the task it left napping for an hour is still alive...
    assert!(lines.contains(&LEFT_NAPPING.into()));
    assert!(!lines.contains(&DROPPED_AT_SHUTDOWN.into()));
    // ...until the runtime shuts down: then it is dropped, and its guard says so, last.
    drop(runtime);
    assert_eq!(out.lines().last().unwrap(), DROPPED_AT_SHUTDOWN);
    assert_transcript(&out, Program::LazyFutures, Mode::Concurrent);
}

// Paused clock (see above): the jobs' sleeps are virtual, so every line's time is exact.
#[tokio::test(start_paused = true)]
async fn wait_vs_gather_gathers_in_order_takes_the_first_and_cancels_the_rest() {
    let out = run_paused(Program::WaitVsGather, Mode::Concurrent, wait_vs_gather::run).await;
    assert_transcript(&out, Program::WaitVsGather, Mode::Concurrent);
    let ms = Duration::from_millis;
    // gather waits for the slowest job, then hands the results over in the order asked.
    assert_eq!(
        at(
            &out,
            "gathered [slow, fast, medium]: the order asked, not the order finished"
        ),
        ms(1_500)
    );
    // The first to complete is fast, half a second into the second round.
    assert_eq!(at(&out, "first completed: fast"), ms(2_000));
    assert_eq!(at(&out, "slow: cancelled before it finished"), ms(2_000));
    assert_eq!(at(&out, "medium: cancelled before it finished"), ms(2_000));
    // Cancelled at 2 s, medium and slow never printed `finished` again.
    assert_cancelled_jobs_finished_once(&out);
    // The timeout fires after 1 s of the slow job's 1.5 s.
    assert_eq!(
        at(&out, "timed out: slow was dropped before it finished"),
        ms(4_500)
    );
    assert_ideal(&out, Program::WaitVsGather, Mode::Concurrent);
}

// Real clock: the searches sleep with std::thread::sleep, which tokio's clock does not drive.
#[test]
fn run_in_executor_offloaded_beats_the_blocking_mistake_on_either_flavour() {
    for flavor in [Flavor::CurrentThread, Flavor::MultiThread] {
        let run = Run::capture(
            Program::RunInExecutor,
            Runtime::Tokio,
            Mode::Concurrent,
            1.0,
            NoOpts {},
        );
        let out = run.out.clone();
        examples_tokio::runtime(flavor)
            .unwrap()
            .block_on(examples_tokio::run_in_executor::run(run))
            .unwrap();
        assert_transcript(&out, Program::RunInExecutor, Mode::Concurrent);
        assert_offload_beats_blocking(&out.recorded(), 1.0);
    }
}

#[test]
fn every_concept_through_the_trait_on_the_multi_thread_runtime() {
    check_every_concept(
        &Tokio {
            flavor: Flavor::MultiThread,
        },
        1.0,
    );
}

#[test]
fn every_concept_through_the_trait_on_the_current_thread_runtime() {
    check_every_concept(
        &Tokio {
            flavor: Flavor::CurrentThread,
        },
        1.0,
    );
}

#[test]
fn the_binaries_print_their_transcripts() {
    shared::testing::concepts::assert_the_binaries_print_their_transcripts(
        Runtime::Tokio,
        env!("CARGO_BIN_EXE_lazy_futures"),
        env!("CARGO_BIN_EXE_wait_vs_gather"),
        env!("CARGO_BIN_EXE_run_in_executor"),
    );
}
