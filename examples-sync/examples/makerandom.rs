//! # makerandom: three draws until a good number, without async (seed 003)
//!
//! `makerandom(idx)` draws `randint(0, 10)` until the number is above `10 - idx - 1`, saying
//! so and sleeping `idx + 1` seconds after each miss. The seed runs the three concurrently;
//! without async they run one after another, 23 s instead of 12. The seed seeds Python's
//! `random` with 444: the few lines of `PyRandom` below are CPython's generator (MT19937 from
//! `rand_mt`, seeded and sampled as CPython does), so this draws the numbers Python draws, in
//! another order than the seed's tasks (so each call gets other numbers than there).
//!
//! ```text
//! cargo run -p examples-sync --example makerandom   # 23 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! rand_mt = "6.1"
//! ```
//!
//! The measured twin (trace, `--scale`, `--seed`, the harness) is `src/bin/makerandom.rs`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

/// CPython's `random`, as far as the seed needs it.
struct PyRandom(rand_mt::Mt);

impl PyRandom {
    /// `random.seed(444)`: the seed's 32-bit words go to MT19937's `init_by_array`.
    fn seed_444() -> Self {
        PyRandom(rand_mt::Mt::new_with_key([444]))
    }

    /// `random.randint(0, 10)`: the top 4 bits of a draw (`getrandbits(4)`) until below 11.
    fn randint_0_10(&mut self) -> u32 {
        loop {
            let bits = self.0.next_u32() >> 28;
            if bits <= 10 {
                return bits;
            }
        }
    }
}

/// The seed's colours (cyan, red, magenta), on a terminal unless `NO_COLOR` is set.
fn paint(idx: usize, line: String) -> String {
    let colour = ["\x1b[36m", "\x1b[91m", "\x1b[35m"][idx];
    if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("{colour}{line}\x1b[0m")
    } else {
        line
    }
}

/// The seed's `makerandom()`, blocking: draw until the number is above the threshold.
fn makerandom(idx: usize, rng: &mut PyRandom) -> u32 {
    let threshold = 10 - idx as u32 - 1;
    println!("{}", paint(idx, format!("Initiated makerandom({idx}).")));
    let mut i = rng.randint_0_10();
    while i <= threshold {
        println!(
            "{}",
            paint(idx, format!("makerandom({idx}) == {i} too low; retrying."))
        );
        thread::sleep(Duration::from_secs(idx as u64 + 1));
        i = rng.randint_0_10();
    }
    println!(
        "{}",
        paint(idx, format!("---> Finished: makerandom({idx}) == {i}"))
    );
    i
}

/// One call after another, in index order, all drawing from one generator.
fn sequential() {
    let mut rng = PyRandom::seed_444();
    for idx in 0..3 {
        makerandom(idx, &mut rng);
    }
}

fn main() -> ExitCode {
    // The mode: the first argument, sequential by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("sequential") {
        "sequential" => sequential(),
        other => {
            eprintln!("unknown mode {other:?}: expected one of sequential");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
