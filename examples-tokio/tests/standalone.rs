//! The standalone examples under tokio build in a fresh cargo project that has only the
//! dependency lines their headers list (see `shared::testing::examples`). Its own test binary,
//! so that the build does not load the machine while the examples' timed runs go on.

use shared::Runtime;
use shared::testing::examples;

#[test]
fn the_examples_build_in_a_fresh_project() {
    examples::standalone::assert_examples_build_in_a_fresh_project(Runtime::Tokio);
}
