//! # makerandom: three tasks, one random generator (seed 003)
//!
//! `makerandom(idx)` draws `randint(0, 10)` until the number is above `10 - idx - 1`, saying
//! so and sleeping `idx + 1` seconds after each miss; the three run concurrently. The seed
//! seeds Python's `random` with 444: the few lines of `PyRandom` below are CPython's generator
//! (MT19937 from `rand_mt`, seeded and sampled as CPython does), so this prints the numbers
//! Python prints. Python's event loop is one thread, so this runs on tokio's current-thread
//! runtime: the tasks start in index order and wake in the order their sleeps end, as there.
//!
//! ```text
//! cargo run -p examples-tokio --example makerandom   # 12 s
//! ```
//!
//! A new project needs these lines in its `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["macros", "rt", "time"] }
//! rand_mt = "6.1"
//! ```
//!
//! The measured twin (trace, `--scale`, `--seed`, the harness) is `src/bin/makerandom.rs`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinError;

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

/// The seed's `makerandom()`: draw until the number is above the threshold.
async fn makerandom(idx: usize, rng: Arc<Mutex<PyRandom>>) -> u32 {
    let threshold = 10 - idx as u32 - 1;
    println!("{}", paint(idx, format!("Initiated makerandom({idx}).")));
    let mut i = rng.lock().unwrap().randint_0_10();
    while i <= threshold {
        println!(
            "{}",
            paint(idx, format!("makerandom({idx}) == {i} too low; retrying."))
        );
        tokio::time::sleep(Duration::from_secs(idx as u64 + 1)).await;
        i = rng.lock().unwrap().randint_0_10();
    }
    println!(
        "{}",
        paint(idx, format!("---> Finished: makerandom({idx}) == {i}"))
    );
    i
}

/// The seed's `gather`: spawn the three, in index order, and wait for them all.
async fn concurrent() -> Result<(), JoinError> {
    let rng = Arc::new(Mutex::new(PyRandom::seed_444()));
    let tasks: Vec<_> = (0..3)
        .map(|idx| tokio::spawn(makerandom(idx, rng.clone())))
        .collect();
    for task in tasks {
        task.await?;
    }
    Ok(())
}

/// A task that panicked ends `main` with its error (exit code 1).
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<ExitCode, JoinError> {
    // The mode: the first argument, concurrent by default (and the only one).
    match std::env::args().nth(1).as_deref().unwrap_or("concurrent") {
        "concurrent" => concurrent().await?,
        other => {
            eprintln!("unknown mode {other:?}: expected one of concurrent");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}
