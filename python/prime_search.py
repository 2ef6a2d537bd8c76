"""prime_search: the highest prime below 100000, 10000 and 1000 (seed 002).

``highest_prime_below(x)`` walks down from x - 1 and pauses 10 ms after every candidate that
is not prime.

- ``sequential``: plain function calls with ``time.sleep``, one search after another: 0.36 s.
- ``concurrent``: coroutines with ``asyncio.sleep``, gathered: 0.26 s; the three ▶ lines
  first, then ▷ 1000, ▷ 100000, ▷ 10000, as in the seed.
- ``blocking``: the classic mistake from the seed, ``time.sleep`` inside the coroutines: the
  event loop is stuck in each sleep, and everything is serialised again.
- ``offload``: the blocking search moved off the event loop with ``loop.run_in_executor``
  (a thread pool): concurrent again.
"""

# ANCHOR: program
import asyncio
import time

from _common import main

TARGETS = [100_000, 10_000, 1_000]
PAUSE_SECS = 0.01


def is_prime(n):
    # Trial division up to the square root (the seed tries every divisor below n, which only
    # makes the search slower; the Rust ports do the same as here).
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def highest_prime_below_blocking(out, x, pause):
    out.println(f"▶ Highest prime below {x}")
    for y in range(x - 1, 0, -1):
        if is_prime(y):
            out.println(f"▷ Highest prime below {x} is {y}")
            return y
        time.sleep(pause)
    return None


async def highest_prime_below(out, x, pause):
    out.println(f"▶ Highest prime below {x}")
    for y in range(x - 1, 0, -1):
        if is_prime(y):
            out.println(f"▷ Highest prime below {x} is {y}")
            return y
        # While this coroutine pauses, the event loop runs the others.
        await asyncio.sleep(pause)
    return None


async def highest_prime_below_mistake(out, x, pause):
    # An async function that calls a blocking one: nothing else runs meanwhile.
    return highest_prime_below_blocking(out, x, pause)


def run(run):
    pause = run.secs(PAUSE_SECS)

    def out(x):
        return run.out.task(f"highest_prime_below({x})")

    if run.mode == "sequential":
        for x in TARGETS:
            highest_prime_below_blocking(out(x), x, pause)
    else:
        async def start():
            if run.mode == "concurrent":
                jobs = [highest_prime_below(out(x), x, pause) for x in TARGETS]
            elif run.mode == "blocking":
                jobs = [highest_prime_below_mistake(out(x), x, pause) for x in TARGETS]
            else:
                # ANCHOR: offload
                loop = asyncio.get_running_loop()
                jobs = [
                    loop.run_in_executor(None, highest_prime_below_blocking, out(x), x, pause)
                    for x in TARGETS
                ]
                # ANCHOR_END: offload
            await asyncio.gather(*jobs)

        asyncio.run(start())
    run.out.timing(f"Took {1000 * run.out.elapsed():.2f} ms")
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "prime_search",
        "The highest prime below 100000, 10000 and 1000, pausing 10 ms per non-prime.",
        ["concurrent", "sequential", "blocking", "offload"],
        run,
        ideals={"concurrent": 0.26, "sequential": 0.36, "blocking": 0.36, "offload": 0.26},
    )
