"""find_divisible: CPU-bound work in coroutines (seed 002).

Collects the numbers below n divisible by d for (508000, 34113), (100052, 3210) and
(500, 3).

- ``sequential``: plain function calls, one after another.
- ``cooperative``: tasks that yield to the event loop every 50 000 numbers (the seed's
  ``await asyncio.sleep(...)``): all three ``Finding`` lines come first, then the ``Done``
  lines, smallest job first.
- ``greedy``: the same tasks without the yields: each runs to its end before the next starts.
"""

# ANCHOR: program
import asyncio

from _common import main

JOBS = [(508_000, 34_113), (100_052, 3_210), (500, 3)]
YIELD_EVERY = 50_000


def find_divisible(out, inrange, div_by):
    out.println(f"Finding nums in range {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    out.println(f"Done w/ nums in range {inrange} divisible by {div_by}")
    return located


async def find_divisibles(out, inrange, div_by, cooperative):
    out.println(f"Finding nums in range {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if cooperative and i % YIELD_EVERY == 0:
            # Let the event loop run the other tasks.
            await asyncio.sleep(0)
    out.println(f"Done w/ nums in range {inrange} divisible by {div_by}")
    return located


def run(run):
    def out(n, d):
        return run.out.task(f"find_divisibles({n}, {d})")

    if run.mode == "sequential":
        results = [find_divisible(out(n, d), n, d) for n, d in JOBS]
    else:
        async def start():
            cooperative = run.mode == "cooperative"
            tasks = [
                asyncio.create_task(find_divisibles(out(n, d), n, d, cooperative))
                for n, d in JOBS
            ]
            return await asyncio.gather(*tasks)

        results = asyncio.run(start())
    for (n, d), located in zip(JOBS, results):
        if len(located) != (n - 1) // d + 1:
            raise RuntimeError(f"found {len(located)} numbers below {n} divisible by {d}")
    run.out.timing(f"Wall time: {1000 * run.out.elapsed():.2f} ms")
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "find_divisible",
        "CPU-bound: the numbers below n divisible by d, for three (n, d) pairs.",
        ["cooperative", "greedy", "sequential"],
        run,
        ideals={"cooperative": 0, "greedy": 0, "sequential": 0},
    )
