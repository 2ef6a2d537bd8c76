"""prime_search: the highest prime below 100000, 10000 and 1000 (seed 002).

``highest_prime_below(x)`` walks down from x - 1 and pauses 10 ms after every candidate that
is not prime.

- ``concurrent``: the seed's coroutines with ``await asyncio.sleep(0.01)``, gathered: the three
  ▶ lines first, then ▷ 1000, ▷ 100000, ▷ 10000 as their pauses end: 0.26 s.
- ``sequential``: plain function calls with ``time.sleep``, one search after another: 0.36 s.
- ``blocking``: the seed's mistake, ``time.sleep`` inside the coroutines: the event loop is
  stuck in each sleep, so the searches run one after another again: 0.36 s.
- ``offload``: the blocking search moved off the event loop with ``loop.run_in_executor``
  (its default thread pool): concurrent again, 0.26 s.

    python3 python/examples/prime_search.py               # concurrent
    python3 python/examples/prime_search.py blocking

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/prime_search.py``.
"""

import asyncio
import sys
import threading
import time

TARGETS = [100_000, 10_000, 1_000]

# print() writes a line and its newline separately: threads take this lock to print whole lines.
print_lock = threading.Lock()


def is_prime(x):
    # Trial division up to the square root. (The seed tries every divisor below x, which
    # only makes the search slower; the Rust programs do the same as here.)
    if x < 2:
        return False
    d = 2
    while d * d <= x:
        if x % d == 0:
            return False
        d += 1
    return True


async def highest_prime_below(x):
    print(f"▶ Highest prime below {x}")
    for y in range(x - 1, 0, -1):
        if is_prime(y):
            print(f"▷ Highest prime below {x} is {y}")
            return y
        # While this coroutine pauses, the event loop runs the others.
        await asyncio.sleep(0.01)
    return None


async def highest_prime_below_blocking_sleep(x):
    print(f"▶ Highest prime below {x}")
    for y in range(x - 1, 0, -1):
        if is_prime(y):
            print(f"▷ Highest prime below {x} is {y}")
            return y
        # The mistake: time.sleep blocks the event loop, nothing else runs meanwhile.
        time.sleep(0.01)
    return None


def highest_prime_below_sync(x):
    with print_lock:
        print(f"▶ Highest prime below {x}")
    for y in range(x - 1, 0, -1):
        if is_prime(y):
            with print_lock:
                print(f"▷ Highest prime below {x} is {y}")
            return y
        time.sleep(0.01)
    return None


async def concurrent():
    await asyncio.gather(*(highest_prime_below(x) for x in TARGETS))


async def blocking():
    await asyncio.gather(*(highest_prime_below_blocking_sleep(x) for x in TARGETS))


async def offload():
    loop = asyncio.get_running_loop()
    # Each blocking search runs on a thread of the loop's default executor.
    jobs = [loop.run_in_executor(None, highest_prime_below_sync, x) for x in TARGETS]
    await asyncio.gather(*jobs)


def sequential():
    for x in TARGETS:
        highest_prime_below_sync(x)


def main():
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {
        "concurrent": lambda: asyncio.run(concurrent()),
        "sequential": sequential,
        "blocking": lambda: asyncio.run(blocking()),
        "offload": lambda: asyncio.run(offload()),
    }
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    t0 = time.time()
    modes[mode]()
    t1 = time.time()
    print(f"Took {1000 * (t1 - t0):.2f} ms")


if __name__ == "__main__":
    main()
