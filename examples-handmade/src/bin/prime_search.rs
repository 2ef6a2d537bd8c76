//! # prime_search: three searches that pause (seed 002)
//!
//! `highest_prime_below(x)` prints `▶`, walks down from `x - 1`, pauses 10 ms after every
//! candidate that is not prime, and prints `▷` with the prime it found. For 100000, 10000 and
//! 1000 it pauses 8, 26 and 2 times.
//!
//! - `--mode concurrent` (the default): the three searches are spawned as tasks and joined
//!   (the seed's `asyncio.wait`). While one pauses, the others run: 0.26 s, the longest search
//!   alone. The three `▶` lines come first, then `▷` for 1000 (20 ms), 100000 (80 ms) and
//!   10000 (260 ms), as in the seed.
//! - `--mode sequential`: each search awaited before the next starts: 0.36 s.
//! - `--mode blocking`: the seed's other experiment, `time.sleep(0.01)` inside the async
//!   function. A blocking sleep keeps the thread, and the handmade runtime has one: each task
//!   runs from `▶` to `▷` without letting the others in; the pairs come out one after another
//!   and it takes 0.36 s, as in the seed. (No environment variable changes that here.)
//! - `--mode offload`: the blocking search moved off the loop with `runtime::spawn_blocking`
//!   (the seed's `loop.run_in_executor`): each runs on a thread of its own, the loop awaits
//!   them, and the searches overlap again: 0.26 s.
//!
//! Timer resolution: the runtime's timer heap keeps exact deadlines (the loop sleeps in the
//! poller until the earliest one, no rounding to milliseconds), so each pause lasts about its
//! 10 ms (tokio's timer rounds every sleep up to the next millisecond).
//!
//! ```text
//! cargo run -p examples-handmade --bin prime_search                          # concurrent: 0.26 s
//! cargo run -p examples-handmade --bin prime_search -- --mode sequential     # 0.36 s
//! cargo run -p examples-handmade --bin prime_search -- --mode blocking       # 0.36 s
//! cargo run -p examples-handmade --bin prime_search -- --mode offload        # 0.26 s
//! ```

use std::process::ExitCode;
use std::time::Duration;

use examples_handmade::runtime;
use shared::catalogue::prime_search::{PAUSE_SECS, TARGETS, is_prime};
use shared::{Mode, NoOpts, Out, Program, Run};

/// The seed's `highest_prime_below(x)`: pause after every candidate that is not prime.
async fn highest_prime_below(out: Out, x: u64, pause: Duration) -> Option<u64> {
    out.println(format!("▶ Highest prime below {x}"));
    for y in (1..x).rev() {
        if is_prime(y) {
            out.println(format!("▷ Highest prime below {x} is {y}"));
            return Some(y);
        }
        // While this task pauses, the scheduler runs the others.
        runtime::sleep(pause).await;
    }
    None
}

/// The same search with the seed's `time.sleep(0.01)`: a plain blocking function (`run_in_executor`
/// uses it too).
pub fn highest_prime_below_blocking(out: Out, x: u64, pause: Duration) -> Option<u64> {
    out.println(format!("▶ Highest prime below {x}"));
    for y in (1..x).rev() {
        if is_prime(y) {
            out.println(format!("▷ Highest prime below {x} is {y}"));
            return Some(y);
        }
        // The whole thread sleeps: nothing else runs on it meanwhile.
        std::thread::sleep(pause);
    }
    None
}

pub async fn run(run: Run<NoOpts>) -> anyhow::Result<()> {
    let pause = run.secs(PAUSE_SECS);
    let out = |x: u64| run.out.task(format!("highest_prime_below({x})"));
    match run.mode {
        Mode::Sequential => {
            // Each search is awaited before the next one starts.
            for x in TARGETS {
                highest_prime_below(out(x), x, pause).await;
            }
        }
        Mode::Concurrent => {
            // Spawn the three searches, then join them.
            let handles = TARGETS.map(|x| {
                runtime::spawn(run.out.traced(
                    format_args!("highest_prime_below({x})"),
                    highest_prime_below(out(x), x, pause),
                ))
            });
            for handle in handles {
                handle.await;
            }
        }
        Mode::Blocking => {
            // The classic mistake: async tasks that call the blocking search.
            let handles = TARGETS.map(|x| {
                let out = out(x);
                runtime::spawn(
                    run.out
                        .traced(format_args!("highest_prime_below({x})"), async move {
                            highest_prime_below_blocking(out, x, pause)
                        }),
                )
            });
            for handle in handles {
                handle.await;
            }
        }
        Mode::Offload => {
            // Move the blocking search off the scheduler, onto a thread of its own.
            let handles = TARGETS.map(|x| {
                let out = out(x);
                runtime::spawn_blocking(
                    run.out
                        .traced_blocking(&format_args!("highest_prime_below({x})"), move || {
                            highest_prime_below_blocking(out, x, pause)
                        }),
                )
            });
            for handle in handles {
                handle.await;
            }
        }
        mode => anyhow::bail!("prime_search has no mode {mode} on the handmade runtime"),
    }
    run.out.timing(format!(
        "Took {:.2} ms",
        run.out.elapsed().as_secs_f64() * 1000.0
    ));
    Ok(())
}

pub fn main() -> ExitCode {
    examples_handmade::main(Program::PrimeSearch, run)
}
