//! makerandom through the real binary: the sequential transcript, other seeds, colours, and
//! the generator checked against the python3 of this machine.

use std::process::Command;
use std::time::Duration;

use shared::catalogue::makerandom::{TASKS, threshold};
use shared::expect::{check, transcript};
use shared::random::PyRandom;
use shared::testing::makerandom::parse;
use shared::testing::{run_bin, run_bin_env};
use shared::{Mode, Program, Runtime};

const DEADLINE: Duration = Duration::from_secs(60);

#[test]
fn makerandom_sequential_prints_the_transcript() {
    let run = run_bin(
        env!("CARGO_BIN_EXE_makerandom"),
        &["--scale", "0.01"],
        DEADLINE,
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let groups = transcript(Program::Makerandom, Runtime::Sync, Mode::Sequential).unwrap();
    check(&run.lines(), &groups).unwrap();
    // Every pause, one after another: 23 s at scale 1.
    let ideal = Program::Makerandom.ideal(Mode::Sequential).unwrap();
    assert!(run.wall >= ideal.mul_f64(0.01), "{:?}", run.wall);
}

#[test]
fn makerandom_with_another_seed_draws_that_seeds_numbers_one_task_after_another() {
    let run = run_bin(
        env!("CARGO_BIN_EXE_makerandom"),
        &["--seed", "7", "--scale", "0.001"],
        DEADLINE,
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    let mut rng = PyRandom::new(7);
    let mut task = 0;
    for line in run.lines() {
        match parse(&line) {
            (idx, None) => {
                assert_eq!(idx, task, "{line}");
            }
            (idx, Some(n)) => {
                assert_eq!(idx, task, "{line}");
                // The numbers come in the generator's order.
                assert_eq!(n, rng.randint(0, 10), "{line}");
                if n > threshold(idx) {
                    assert!(line.starts_with("---> Finished"), "{line}");
                    task += 1;
                } else {
                    assert!(line.ends_with("too low; retrying."), "{line}");
                }
            }
        }
    }
    assert_eq!(task, TASKS);
}

#[test]
fn makerandom_colours_each_task_unless_no_color_is_set() {
    let exe = env!("CARGO_BIN_EXE_makerandom");
    // stdout is a pipe, where colour is off unless forced; NO_COLOR wins even then.
    let coloured = Command::new(exe)
        .args(["--scale", "0.001"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(coloured.status.success());
    let stdout = String::from_utf8(coloured.stdout).unwrap();
    for (idx, code) in ["\x1b[36m", "\x1b[91m", "\x1b[35m"].iter().enumerate() {
        let line = format!("{code}Initiated makerandom({idx}).");
        assert!(stdout.contains(&line), "no {line:?} in {stdout:?}");
    }
    let plain = run_bin_env(
        exe,
        &["--scale", "0.001"],
        &[("CLICOLOR_FORCE", "1")],
        DEADLINE,
    );
    assert!(!plain.stdout.contains('\x1b'), "{:?}", plain.stdout);
}

#[test]
fn makerandom_rejects_a_bad_seed_in_one_line() {
    let run = run_bin(
        env!("CARGO_BIN_EXE_makerandom"),
        &["--seed", "-4"],
        DEADLINE,
    );
    assert_eq!(run.code(), Some(2));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// `shared::random::PyRandom` draws what CPython draws: the first 25 `randint(0, 10)` after
/// `random.seed(444)`, compared with the python3 of this machine (skipped without one).
#[test]
fn the_generator_draws_what_python3_draws_for_seed_444() {
    let script =
        "import random; random.seed(444); print([random.randint(0, 10) for _ in range(25)])";
    let output = match Command::new("python3").args(["-c", script]).output() {
        Ok(output) if output.status.success() => output,
        _ => {
            eprintln!("note: python3 is not available; skipping the comparison with CPython");
            return;
        }
    };
    let python = String::from_utf8(output.stdout).unwrap();
    let mut rng = PyRandom::new(444);
    let ours: Vec<i64> = (0..25).map(|_| rng.randint(0, 10)).collect();
    assert_eq!(python.trim(), format!("{ours:?}"));
}
