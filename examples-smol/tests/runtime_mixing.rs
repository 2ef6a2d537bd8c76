//! runtime_mixing under smol, in real time: tokio's sleep awaited in a smol task, caught by
//! tokio's own message and then fixed (`async_compat::Compat`, a tokio runtime's
//! `Handle::enter`); `block_on` of smol inside tokio tasks, measured against its fix; and the
//! binary, with no panic report on stderr. The checks are shared (`shared::testing::runtime_mixing`).

use shared::testing::runtime_mixing as check;
use shared::{Mode, Runtime};

fn run(mode: Mode) -> shared::Out {
    check::run(Runtime::Smol, mode, |run| {
        smol::block_on(examples_smol::runtime_mixing::run(run))
    })
}

#[test]
fn no_reactor_is_caught_and_fixed() {
    let out = run(Mode::NoReactor);
    check::assert_the_panic_is_caught_and_the_fixes_run(Runtime::Smol, Mode::NoReactor, &out);
}

#[test]
fn the_blocked_worker_is_measured_against_its_fix() {
    let out = run(Mode::BlockedWorker);
    check::assert_the_blocked_worker_is_measured(Runtime::Smol, &out);
}

#[test]
fn the_binary_prints_its_transcript_and_no_panic_report() {
    check::assert_the_binary_prints_its_transcript(
        Runtime::Smol,
        env!("CARGO_BIN_EXE_runtime_mixing"),
    );
}
