//! runtime_mixing on the handmade runtime, in real time: tokio's sleep awaited in a handmade
//! task, caught by tokio's own message and then fixed (`async_compat::Compat`, a tokio
//! runtime's `Handle::enter`); and the binary, with no panic report on stderr. The checks are
//! shared (`shared::testing::runtime_mixing`).

use examples_handmade::runtime;
use shared::testing::runtime_mixing as check;
use shared::{Mode, Runtime};

fn run(mode: Mode) -> shared::Out {
    check::run(Runtime::Handmade, mode, |run| {
        runtime::block_on(examples_handmade::runtime_mixing::run(run))
    })
}

#[test]
fn no_reactor_is_caught_and_fixed() {
    let out = run(Mode::NoReactor);
    check::assert_the_panic_is_caught_and_the_fixes_run(Runtime::Handmade, Mode::NoReactor, &out);
}

#[test]
fn the_binary_prints_its_transcript_and_no_panic_report() {
    check::assert_the_binary_prints_its_transcript(
        Runtime::Handmade,
        env!("CARGO_BIN_EXE_runtime_mixing"),
    );
}
