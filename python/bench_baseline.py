"""baseline: the bare asyncio loops `cargo xtask bench` measures `count.py --tasks N` against.

The Python twin of each async crate's ``src/bin/baseline.rs``: no plumbing (no argparse, no
output sink, no trace), just what ``count --tasks N`` does, so that the bench can show what
the teaching version costs on top.

    python3 python/bench_baseline.py spawn N           # N tasks that each sleep 1 s, awaited in order
    python3 python/bench_baseline.py join-all N        # asyncio.gather of N sleep coroutines
    python3 python/bench_baseline.py spawn-trivial N   # N tasks that do nothing: create+await throughput
    python3 python/bench_baseline.py ping-pong N       # two tasks hand a turn back and forth N times
    python3 python/bench_baseline.py sleep K           # K sleeps in a row of 1 ms, then K of 10 ms
    python3 python/bench_baseline.py ticker K MODE     # a 1 ms ticker beside K CPU-bound tasks,
                                                       # greedy or cooperative, for 1 s (--secs)
    options: --secs S (the sleep, default 1)

asyncio has no spawn-free join: ``gather`` wraps every coroutine it is given in a Task, so
``join-all`` is the seeds' own idiom (``asyncio.gather(*coroutines)``) rather than a form
without tasks. ``asyncio.sleep(0)`` is asyncio's yield.

It prints one line of ``key=value`` pairs, as the Rust baselines do: the form, ``n``, the time
from the first task to the last join in ``secs``, and ``per_sec`` or ``ns_per_switch``. ``sleep``
prints a line per sleep length instead, the overshoots past the deadlines (how late each sleep
ended) at the median, the 99th percentile (nearest rank) and the worst, in µs, as
``shared/src/precision.rs`` does for the Rust baselines:
``form=sleep n=K sleep_ms=1 p50_us=… p99_us=… max_us=…``.
"""

import asyncio
import math
import sys
import time

USAGE = "usage: bench_baseline.py spawn|join-all|spawn-trivial|ping-pong|sleep N [--secs S]"


async def spawn(n, secs):
    tasks = [asyncio.create_task(asyncio.sleep(secs)) for _ in range(n)]
    for task in tasks:
        await task


async def join_all(n, secs):
    await asyncio.gather(*(asyncio.sleep(secs) for _ in range(n)))


async def nothing():
    pass


async def spawn_trivial(n):
    tasks = [asyncio.create_task(nothing()) for _ in range(n)]
    for task in tasks:
        await task


async def player(turn, me, rounds):
    for _ in range(rounds):
        while turn[0] != me:
            await asyncio.sleep(0)
        turn[0] = 1 - me


async def ping_pong(n):
    turn = [0]
    players = [asyncio.create_task(player(turn, me, n)) for me in (0, 1)]
    for task in players:
        await task


def nearest_rank(sorted_values, p):
    return sorted_values[max(1, math.ceil(p * len(sorted_values))) - 1]


async def sleep_precision(k):
    lines = []
    for target_ms in (1, 10):
        overshoots = []
        for _ in range(k):
            start = time.perf_counter()
            await asyncio.sleep(target_ms / 1000)
            overshoots.append((time.perf_counter() - start) * 1e6 - target_ms * 1000)
        overshoots.sort()
        p50, p99 = (nearest_rank(overshoots, p) for p in (0.50, 0.99))
        lines.append(
            f"form=sleep n={k} sleep_ms={target_ms} p50_us={p50:.1f} p99_us={p99:.1f} "
            f"max_us={overshoots[-1]:.1f}"
        )
    return lines


def parse(args):
    if len(args) < 2:
        raise ValueError
    form, n, rest = args[0], int(args[1]), args[2:]
    if n <= 0:
        raise ValueError
    secs = 1.0
    while rest:
        if rest[0] == "--secs" and len(rest) > 1:
            secs = float(rest[1])
            rest = rest[2:]
        else:
            raise ValueError
    return form, n, secs


async def ticker(k, greedy, run_for):
    """The ticker and K CPU-bound tasks on the one event loop (shared/src/ticker.rs): the
    lateness of each of the ticker's 1 ms sleeps. The ticker starts first."""
    tick, slice_ = 0.001, 0.001
    end = time.perf_counter() + run_for
    started = asyncio.Event()

    async def tick_loop():
        lateness = []
        started.set()
        while time.perf_counter() < end:
            asleep = time.perf_counter()
            await asyncio.sleep(tick)
            lateness.append(max(0.0, time.perf_counter() - asleep - tick))
        return lateness

    async def burner():
        while time.perf_counter() < end:
            t = time.perf_counter()
            x = 1
            while time.perf_counter() - t < slice_:
                for _ in range(64):
                    x = (x * 6364136223846793005 + 1) & 0xFFFFFFFFFFFFFFFF
            if not greedy:
                await asyncio.sleep(0)

    ticking = asyncio.create_task(tick_loop())
    await started.wait()
    workers = [asyncio.create_task(burner()) for _ in range(k)]
    lateness = await ticking
    for worker in workers:
        await worker
    return lateness


def ticker_main(args):
    """`ticker K greedy|cooperative [--secs S]`: prints the line of shared/src/ticker.rs."""
    k, mode, rest = int(args[0]), args[1], args[2:]
    if k < 0 or mode not in ("greedy", "cooperative"):
        raise ValueError
    run_for = 1.0
    if rest:
        if rest[0] != "--secs" or len(rest) != 2:
            raise ValueError
        run_for = float(rest[1])
    lateness = asyncio.run(ticker(k, mode == "greedy", run_for))
    micros = sorted(v * 1e6 for v in lateness)

    def rank(p):
        return micros[max(1, math.ceil(p * len(micros))) - 1] if micros else float("nan")

    tail = micros[-1] if micros else float("nan")
    print(f"form=ticker k={k} mode={mode} ticks={len(micros)} p50_us={rank(0.5):.1f} "
          f"p99_us={rank(0.99):.1f} max_us={tail:.1f}")


def main():
    if sys.argv[1:2] == ["ticker"]:
        try:
            ticker_main(sys.argv[2:])
        except (ValueError, IndexError):
            print("usage: bench_baseline.py ticker K greedy|cooperative [--secs S]", file=sys.stderr)
            return 2
        return 0
    try:
        form, n, secs = parse(sys.argv[1:])
    except ValueError:
        print(USAGE, file=sys.stderr)
        return 2
    forms = {
        "spawn": lambda: spawn(n, secs),
        "join-all": lambda: join_all(n, secs),
        "spawn-trivial": lambda: spawn_trivial(n),
        "ping-pong": lambda: ping_pong(n),
    }
    if form == "sleep":
        # Its own lines: the overshoots, not a total time.
        print("\n".join(asyncio.run(sleep_precision(n))))
        return 0
    if form not in forms:
        print(f"unknown form {form!r}", file=sys.stderr)
        return 2
    # Time from the first task to the last join (the event loop's start-up included).
    start = time.perf_counter()
    asyncio.run(forms[form]())
    elapsed = time.perf_counter() - start
    rate = ""
    if form == "spawn-trivial":
        rate = f" per_sec={n / elapsed:.0f}"
    elif form == "ping-pong":
        rate = f" ns_per_switch={elapsed * 1e9 / (2 * n):.1f}"
    print(f"form={form} n={n} secs={elapsed:.6f}{rate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
