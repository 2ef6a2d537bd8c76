//! makerandom under async-std, in real time at a small scale.
//!
//! The three tasks share one generator, so who draws when decides who gets which number, and at
//! the instants where two sleeps end together in the seed's arithmetic, real time decides (see
//! the program's documentation): the exact transcript is checked under tokio's paused clock,
//! where those ties are exact. Here the tests check what is certain whatever the timing
//! (`shared::testing::makerandom::assert_certain`, shared with smol): the tasks start in index
//! order, the numbers come in the generator's order, each task retries while its number is at
//! or below its threshold and finishes once, and the run lasts at least as long as each task's
//! pauses.

use shared::testing::makerandom::assert_certain;
use shared::{Out, Runtime};

/// Runs makerandom with `seed` at `scale` in this process, and returns its sink.
fn run_makerandom(seed: u64, scale: f64) -> Out {
    shared::testing::makerandom::run_makerandom(
        Runtime::AsyncStd,
        |run| async_std::task::block_on(examples_async_std::makerandom::run(run)),
        seed,
        scale,
    )
}

#[test]
fn makerandom_with_the_seeds_seed_follows_the_rules() {
    let out = run_makerandom(444, 0.01);
    assert_certain(&out, 444, 0.01);
}

#[test]
fn makerandom_with_other_seeds_follows_the_same_rules() {
    for seed in [0, 7, 2024] {
        let out = run_makerandom(seed, 0.002);
        assert_certain(&out, seed, 0.002);
    }
}
