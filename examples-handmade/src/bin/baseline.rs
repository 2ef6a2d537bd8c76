//! # baseline: the bare loops `cargo xtask bench` measures `count --tasks N` against
//!
//! Not a seed program: the smallest code on the handmade runtime that does what `count --tasks N` does, with
//! none of the project's plumbing (no clap, no output sink, no trace, no `Run`), so that the
//! bench can show what the teaching version costs on top. The arguments are read by hand:
//!
//! ```text
//! baseline spawn N           spawn N tasks that each sleep 1 s, then join them in order
//! baseline join-all N        N sleeps joined on this one task (futures' join_all): no spawn
//! baseline spawn-trivial N   spawn N tasks that do nothing, join them: spawn+join throughput
//! baseline ping-pong N       two tasks hand a turn back and forth N times through yield_now
//! baseline sleep K           sleep K times in a row for 1 ms, then K times for 10 ms
//! baseline ticker K MODE     a task sleeps 1 ms in a loop beside K CPU-bound tasks, greedy
//!                            or cooperative (a yield after every 1 ms slice), for 1 s
//!                            (--secs): how late its wake-ups are (`shared::ticker`)
//! options: --secs S (the sleep, default 1)
//! ```
//!
//! Every form but `sleep` prints one line of `key=value` pairs (what the bench reads): the
//! form, `n`, the time from the first spawn to the last join in `secs`, and for
//! `spawn-trivial` and `ping-pong` `per_sec`
//! (tasks spawned and joined per second) or `ns_per_switch` (one hand-off from one task to
//! the other; the handmade runtime runs every task on one thread, so a hand-off is a switch on
//! that thread).
//!
//! `sleep` prints a line per sleep length instead (`form=sleep n=K sleep_ms=1 p50_us=…
//! p99_us=… max_us=…`): how late the sleeps ended, the overshoot past each deadline, at the
//! median, the 99th percentile and the worst (see `shared::precision`).
//!
//! ```text
//! cargo run --release -p examples-handmade --bin baseline -- spawn 1000000
//! cargo run --release -p examples-handmade --bin baseline -- sleep 200
//! cargo run --release -p examples-handmade --bin baseline -- ping-pong 100000
//! ```

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use examples_handmade::runtime;

/// What the command line asked for.
struct Args {
    form: String,
    n: u64,
    sleep: Duration,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let usage = "usage: baseline spawn|join-all|spawn-trivial|ping-pong|sleep N [--secs S]";
    let form = args.next().ok_or(usage)?;
    let n = args
        .next()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .ok_or(usage)?;
    let mut sleep = Duration::from_secs(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--secs", Some(s)) => {
                let secs: f64 = s.parse().map_err(|_| usage)?;
                sleep = Duration::try_from_secs_f64(secs).map_err(|_| usage)?;
            }
            _ => return Err(usage.into()),
        }
    }
    Ok(Args { form, n, sleep })
}

/// Spawn `n` tasks that each sleep, then join them in order.
async fn spawn(n: u64, sleep: Duration) {
    let handles: Vec<_> = (0..n)
        .map(|_| {
            runtime::spawn(async move {
                runtime::sleep(sleep).await;
            })
        })
        .collect();
    for handle in handles {
        handle.await;
    }
}

/// `n` sleeps joined on this one task: no task per sleep.
async fn join_all(n: u64, sleep: Duration) {
    futures::future::join_all((0..n).map(|_| runtime::sleep(sleep))).await;
}

/// Spawn `n` tasks that do nothing, then join them in order.
async fn spawn_trivial(n: u64) {
    let handles: Vec<_> = (0..n).map(|_| runtime::spawn(async {})).collect();
    for handle in handles {
        handle.await;
    }
}

/// One of two players: waits for its turn by yielding, then hands the turn over.
async fn player(turn: Arc<AtomicUsize>, me: usize, rounds: u64) {
    for _ in 0..rounds {
        while turn.load(Ordering::Acquire) != me {
            runtime::yield_now().await;
        }
        turn.store(1 - me, Ordering::Release);
    }
}

/// Two tasks hand a turn back and forth `n` times each: `2n` hand-offs.
async fn ping_pong(n: u64) {
    let turn = Arc::new(AtomicUsize::new(0));
    let players = [0, 1].map(|me| runtime::spawn(player(turn.clone(), me, n)));
    for handle in players {
        handle.await;
    }
}

/// `k` sleeps in a row of each length, one after the other on this task: the line of each
/// length reports how late its sleeps ended.
async fn sleep_precision(k: u64) -> Vec<String> {
    let mut lines = Vec::new();
    for target in shared::precision::TARGETS {
        let mut overshoots = Vec::with_capacity(k as usize);
        for _ in 0..k {
            let start = Instant::now();
            runtime::sleep(target).await;
            overshoots.push(start.elapsed().saturating_sub(target));
        }
        lines.push(shared::precision::line("sleep", target, &overshoots));
    }
    lines
}

/// `baseline ticker K MODE`: the ticker and K CPU-bound tasks, all spawned, for `run_for`;
/// the lateness of each of the ticker's wake-ups. The ticker starts first (the spawner waits
/// for its first sleep), so that on this one thread a greedy task cannot keep it from ever
/// starting.
async fn ticker(k: u64, greedy: bool, run_for: Duration) -> Vec<Duration> {
    use shared::ticker::{SLICE, TICK, burn};
    let end = Instant::now() + run_for;
    let started = Arc::new(AtomicUsize::new(0));
    let ticking = started.clone();
    let ticker = runtime::spawn(async move {
        let mut lateness = Vec::new();
        ticking.store(1, Ordering::Release);
        while Instant::now() < end {
            let asleep = Instant::now();
            runtime::sleep(TICK).await;
            lateness.push(asleep.elapsed().saturating_sub(TICK));
        }
        lateness
    });
    while started.load(Ordering::Acquire) == 0 {
        runtime::yield_now().await;
    }
    let workers: Vec<_> = (0..k)
        .map(|_| {
            runtime::spawn(async move {
                while Instant::now() < end {
                    burn(SLICE);
                    if !greedy {
                        runtime::yield_now().await;
                    }
                }
            })
        })
        .collect();
    let lateness = ticker.await;
    for worker in workers {
        worker.await;
    }
    lateness
}

fn main() -> ExitCode {
    // `ticker` has arguments of its own (`shared::ticker::TickerArgs`).
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.first().is_some_and(|form| form == "ticker") {
        let args = match shared::ticker::TickerArgs::parse(&raw[1..]) {
            Ok(args) => args,
            Err(usage) => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        };
        let lateness = runtime::block_on(ticker(args.k, args.greedy, args.run_for));
        println!("{}", shared::ticker::line(args.k, args.greedy, &lateness));
        return ExitCode::SUCCESS;
    }
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let (n, sleep) = (args.n, args.sleep);
    if args.form == "sleep" {
        // Its own lines: the overshoots, not a total time.
        for line in runtime::block_on(sleep_precision(n)) {
            println!("{line}");
        }
        return ExitCode::SUCCESS;
    }
    // Time from the first spawn to the last join.
    let start = Instant::now();
    match args.form.as_str() {
        "spawn" => runtime::block_on(spawn(n, sleep)),
        "join-all" => runtime::block_on(join_all(n, sleep)),
        "spawn-trivial" => runtime::block_on(spawn_trivial(n)),
        "ping-pong" => runtime::block_on(ping_pong(n)),
        other => {
            eprintln!("unknown form {other:?}");
            return ExitCode::from(2);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rate = match args.form.as_str() {
        "spawn-trivial" => format!(" per_sec={:.0}", n as f64 / secs),
        "ping-pong" => format!(" ns_per_switch={:.1}", secs * 1e9 / (2 * n) as f64),
        _ => String::new(),
    };
    println!("form={} n={n} secs={secs:.6}{rate}", args.form);
    ExitCode::SUCCESS
}
