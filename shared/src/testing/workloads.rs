//! Every seed program through the [`Workloads`](crate::Workloads) trait, checked against its
//! transcript: what each runtime crate's `tests/workloads.rs` runs.

/// Runs every seed program in every mode the runtime has through the [`Workloads`] trait at
/// `scale`, and checks what it printed against
/// [`expect::transcript`](crate::expect::transcript) where there is one: the exact order
/// where the catalogue says it is [`Fixed`](crate::catalogue::Ordering::Fixed), the same
/// lines in any order otherwise (at a small scale, instants a few milliseconds apart are
/// too close to order on a loaded machine: the per-program tests check those orders at
/// scales that can; makerandom, whose numbers follow that order, gets
/// [`assert_certain`](super::makerandom::assert_certain)). A program the runtime lacks does not compile; one that fails or prints
/// the wrong lines fails here with its name and mode.
///
/// [`Workloads`]: crate::Workloads
pub fn check_every_program<W: crate::Workloads>(workloads: &W, scale: f64) {
    use crate::catalogue::Ordering;
    let runtime = workloads.runtime();
    for program in crate::Program::ALL {
        for &mode in program.modes(runtime) {
            let out = crate::workload::run_captured(workloads, program, mode, scale)
                .unwrap_or_else(|e| {
                    panic!("{program} --mode {mode} under {runtime} failed: {e:#}")
                });
            assert!(
                !out.lines().is_empty(),
                "{program} --mode {mode} under {runtime} printed nothing"
            );
            // makerandom's numbers follow who draws first, and at this scale its near ties
            // are a race on a loaded machine: what is certain, whatever the order.
            if program == crate::Program::Makerandom && mode == crate::Mode::Concurrent {
                let seed = crate::catalogue::makerandom::SEED;
                super::makerandom::assert_certain(&out, seed, scale);
                continue;
            }
            let Some(groups) = crate::expect::transcript(program, runtime, mode) else {
                continue;
            };
            let lines = crate::expect::comparable(&out.recorded());
            let checked = if program.ordering(mode) == Ordering::Fixed {
                crate::expect::check(&lines, &groups)
            } else {
                crate::expect::check(&lines, &vec![groups.concat()])
            };
            if let Err(why) = checked {
                panic!("{program} --mode {mode} under {runtime}: {why}");
            }
        }
    }
}
