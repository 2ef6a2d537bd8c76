//! makerandom on the handmade runtime, in real time at a small scale.
//!
//! The three tasks share one generator, so who draws when decides who gets which number, and at
//! the instants where two sleeps end together in the seed's arithmetic, real time decides (see
//! the program's documentation): the exact transcript is checked under tokio's paused clock,
//! where those ties are exact. Here the tests check what is certain whatever the timing
//! (`shared::testing::makerandom::assert_certain`, shared with async-std): the tasks start in
//! index order, the numbers come in the generator's order, each task retries while its number
//! is at or below its threshold and finishes once, and the run lasts at least as long as each
//! task's pauses.

use examples_handmade::runtime;
use shared::testing::makerandom as check;
use shared::{MakerandomOpts, Run, Runtime};

/// Runs makerandom's future on this crate's runtime.
fn block_on(run: Run<MakerandomOpts>) -> anyhow::Result<()> {
    runtime::block_on(examples_handmade::makerandom::run(run))
}

#[test]
fn makerandom_with_the_seeds_seed_follows_the_rules() {
    check::assert_the_seeds_seed_follows_the_rules(Runtime::Handmade, block_on);
}

#[test]
fn makerandom_with_other_seeds_follows_the_same_rules() {
    check::assert_other_seeds_follow_the_same_rules(Runtime::Handmade, block_on);
}
