"""find_divisible: CPU-bound work in coroutines (seed 002).

Collects the numbers below n divisible by d for (508000, 34113), (100052, 3210) and
(500, 3).

- ``cooperative`` (the default): the seed's tasks, which give way to the event loop every
  50 000 numbers: all three ``Finding`` lines come first, then the ``Done`` lines, smallest
  job first.
- ``greedy``: the same tasks without the pauses: each runs to its end before the next starts.
- ``sequential``: the seed's plain function calls, one after another.

    python3 python/examples/find_divisible.py               # cooperative
    python3 python/examples/find_divisible.py greedy

Standard library only. The measured twin (``--trace``, the harness) is
``python/find_divisible.py``.
"""

import asyncio
import sys
import time

JOBS = [(508_000, 34_113), (100_052, 3_210), (500, 3)]


def find_divisible(inrange, div_by):
    print(f"Finding nums in range {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    print(f"Done w/ nums in range {inrange} divisible by {div_by}")
    return located


async def find_divisibles(inrange, div_by, cooperative=True):
    print(f"Finding nums in range {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if cooperative and i % 50_000 == 0:
            # Give way to the event loop: the other tasks run before this one goes on.
            # (The seed sleeps 0.00001 s here; sleep(0) is asyncio's way to just yield.)
            await asyncio.sleep(0)
    print(f"Done w/ nums in range {inrange} divisible by {div_by}")
    return located


async def tasks(cooperative):
    jobs = [asyncio.create_task(find_divisibles(n, d, cooperative)) for n, d in JOBS]
    await asyncio.wait(jobs)


def sequential():
    for n, d in JOBS:
        find_divisible(n, d)


def main():
    # The first argument picks the mode; cooperative is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "cooperative"
    modes = {
        "cooperative": lambda: asyncio.run(tasks(cooperative=True)),
        "greedy": lambda: asyncio.run(tasks(cooperative=False)),
        "sequential": sequential,
    }
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    start = time.perf_counter()
    modes[mode]()
    print(f"Wall time: {1000 * (time.perf_counter() - start):.2f} ms")


if __name__ == "__main__":
    main()
