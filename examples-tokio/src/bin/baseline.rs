//! # baseline: the bare loops `cargo xtask bench` measures `count --tasks N` against
//!
//! Not a seed program: the smallest tokio code that does what `count --tasks N` does, with
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
//!                            (never yield) or cooperative (yield every 1 ms slice), for 1 s
//!                            (--secs): how late its wake-ups are (`shared::ticker`)
//! options: --secs S (the sleep, default 1), --flavor multi-thread|current-thread
//! ```
//!
//! Every form but `sleep` prints one line of `key=value` pairs (what the bench reads): the
//! form, `n`, the time from the first spawn to the last join in `secs`, and for
//! `spawn-trivial` and `ping-pong` `per_sec`
//! (tasks spawned and joined per second) or `ns_per_switch` (one hand-off from one task to
//! the other; on the multi-thread runtime the two may run on two threads, and a hand-off is
//! then a cross-thread one).
//!
//! `sleep` prints a line per sleep length instead (`form=sleep n=K sleep_ms=1 p50_us=…
//! p99_us=… max_us=…`): how late the sleeps ended, the overshoot past each deadline, at the
//! median, the 99th percentile and the worst (see `shared::precision`).
//!
//! ```text
//! cargo run --release -p examples-tokio --bin baseline -- spawn 1000000
//! cargo run --release -p examples-tokio --bin baseline -- sleep 200
//! cargo run --release -p examples-tokio --bin baseline -- ping-pong 100000 --flavor current-thread
//! ```

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What the command line asked for.
struct Args {
    form: String,
    n: u64,
    sleep: Duration,
    current_thread: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let usage = "usage: baseline spawn|join-all|spawn-trivial|ping-pong|sleep N [--secs S] [--flavor multi-thread|current-thread]";
    let form = args.next().ok_or(usage)?;
    let n = args
        .next()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .ok_or(usage)?;
    let (mut sleep, mut current_thread) = (Duration::from_secs(1), false);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--secs", Some(s)) => {
                let secs: f64 = s.parse().map_err(|_| usage)?;
                sleep = Duration::try_from_secs_f64(secs).map_err(|_| usage)?;
            }
            ("--flavor", Some(f)) if f == "current-thread" || f == "multi-thread" => {
                current_thread = f == "current-thread";
            }
            _ => return Err(usage.into()),
        }
    }
    Ok(Args {
        form,
        n,
        sleep,
        current_thread,
    })
}

/// Spawn `n` tasks that each sleep, then join them in order.
async fn spawn(n: u64, sleep: Duration) {
    let handles: Vec<_> = (0..n)
        .map(|_| tokio::spawn(async move { tokio::time::sleep(sleep).await }))
        .collect();
    for handle in handles {
        handle.await.expect("a sleeping task");
    }
}

/// `n` sleeps joined on this one task: no task per sleep.
///
/// `unconstrained` lifts tokio's cooperative budget for this task. Without it, on the
/// current-thread scheduler, a sleep polled after the task's budget of 128 polls is spent
/// returns `Pending` and defers its wake-up, which `join_all`'s `FuturesUnordered` cannot see
/// (futures-rs#2053): every poll of the join then polls all the sleeps still waiting for a
/// first poll, and the join turns quadratic (measured here: 100 000 sleeps took 2 to 3 s,
/// 400 000 took 30 s and 1 000 000 took 178 s, where the multi-thread runtime, whose
/// `block_on` wakes such a sleep at once, takes 1.1 to 1.5 s).
async fn join_all(n: u64, sleep: Duration) {
    let sleeps = (0..n).map(|_| tokio::time::sleep(sleep));
    tokio::task::unconstrained(futures::future::join_all(sleeps)).await;
}

/// Spawn `n` tasks that do nothing, then join them in order.
async fn spawn_trivial(n: u64) {
    let handles: Vec<_> = (0..n).map(|_| tokio::spawn(async {})).collect();
    for handle in handles {
        handle.await.expect("a trivial task");
    }
}

/// One of two players: waits for its turn by yielding, then hands the turn over.
async fn player(turn: Arc<AtomicUsize>, me: usize, rounds: u64) {
    for _ in 0..rounds {
        while turn.load(Ordering::Acquire) != me {
            tokio::task::yield_now().await;
        }
        turn.store(1 - me, Ordering::Release);
    }
}

/// Two tasks hand a turn back and forth `n` times each: `2n` hand-offs.
async fn ping_pong(n: u64) {
    let turn = Arc::new(AtomicUsize::new(0));
    let players = [0, 1].map(|me| tokio::spawn(player(turn.clone(), me, n)));
    for handle in players {
        handle.await.expect("a player");
    }
}

/// `k` sleeps in a row of each length, one after the other on this task: the line of each
/// length reports how late its sleeps ended.
///
/// tokio's timer wheel counts whole milliseconds: a sleep's deadline is rounded up to the end
/// of its millisecond (`deadline_to_tick` in tokio's time driver), and the driver's wait in
/// `epoll_wait` is itself rounded up to a millisecond, so a tokio sleep ends about 1 ms after
/// its deadline, where the kernel's own timers (`std::thread::sleep`) are some 60 µs late.
async fn sleep_precision(k: u64) -> Vec<String> {
    let mut lines = Vec::new();
    for target in shared::precision::TARGETS {
        let mut overshoots = Vec::with_capacity(k as usize);
        for _ in 0..k {
            let start = Instant::now();
            tokio::time::sleep(target).await;
            overshoots.push(start.elapsed().saturating_sub(target));
        }
        lines.push(shared::precision::line("sleep", target, &overshoots));
    }
    lines
}

/// `baseline ticker K MODE`: the ticker and K CPU-bound tasks, all spawned, for `run_for`;
/// the lateness of each of the ticker's wake-ups. The ticker starts first (the spawner waits
/// for its first sleep), so that on one thread a greedy task cannot keep it from ever
/// starting.
async fn ticker(k: u64, greedy: bool, run_for: Duration) -> Vec<Duration> {
    use shared::ticker::{SLICE, TICK, burn};
    let end = Instant::now() + run_for;
    let started = Arc::new(AtomicUsize::new(0));
    let ticking = started.clone();
    let ticker = tokio::spawn(async move {
        let mut lateness = Vec::new();
        ticking.store(1, Ordering::Release);
        while Instant::now() < end {
            let asleep = Instant::now();
            tokio::time::sleep(TICK).await;
            lateness.push(asleep.elapsed().saturating_sub(TICK));
        }
        lateness
    });
    while started.load(Ordering::Acquire) == 0 {
        tokio::task::yield_now().await;
    }
    let workers: Vec<_> = (0..k)
        .map(|_| {
            tokio::spawn(async move {
                while Instant::now() < end {
                    burn(SLICE);
                    if !greedy {
                        tokio::task::yield_now().await;
                    }
                }
            })
        })
        .collect();
    let lateness = ticker.await.expect("a task");
    for worker in workers {
        worker.await.expect("a task");
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
        let lateness = {
            let mut builder = if args.current_thread {
                tokio::runtime::Builder::new_current_thread()
            } else {
                tokio::runtime::Builder::new_multi_thread()
            };
            let runtime = builder.enable_all().build().expect("a tokio runtime");
            runtime.block_on(ticker(args.k, args.greedy, args.run_for))
        };
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
    let mut builder = if args.current_thread {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    let runtime = builder.enable_all().build().expect("a tokio runtime");
    let (n, sleep) = (args.n, args.sleep);
    if args.form == "sleep" {
        // Its own lines: the overshoots, not a total time.
        for line in runtime.block_on(sleep_precision(n)) {
            println!("{line}");
        }
        return ExitCode::SUCCESS;
    }
    // Time from the first spawn to the last join.
    let start = Instant::now();
    match args.form.as_str() {
        "spawn" => runtime.block_on(spawn(n, sleep)),
        "join-all" => runtime.block_on(join_all(n, sleep)),
        "spawn-trivial" => runtime.block_on(spawn_trivial(n)),
        "ping-pong" => runtime.block_on(ping_pong(n)),
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
