"""makerandom: three tasks draw random numbers until one beats their threshold (seed 003).

``makerandom(i, threshold = 10 - i - 1)`` draws ``randint(0, 10)``; while it is at or below
the threshold it prints ``too low; retrying.`` and sleeps i + 1 seconds. The generator is
seeded with ``random.seed(444)`` as in the seed. Each task has its own colour (cyan, red,
magenta) on a terminal without NO_COLOR.

- ``concurrent``: the seed's gather; current Python starts the tasks in the order 0, 1, 2 (the
  seed's transcript shows an older asyncio starting them 2, 1, 0: the first three draws land
  on other tasks; from the fourth line on, the transcript is the seed's).
- ``sequential``: plain blocking calls, one task after another.
"""

# ANCHOR: program
import asyncio
import random
import time

from _common import COLOURS, main

TASKS = 3


def threshold(idx):
    return 10 - idx - 1


async def makerandom(out, idx, threshold, pause):
    out.println(f"Initiated makerandom({idx}).")
    i = random.randint(0, 10)
    while i <= threshold:
        out.println(f"makerandom({idx}) == {i} too low; retrying.")
        await asyncio.sleep(pause)
        i = random.randint(0, 10)
    out.println(f"---> Finished: makerandom({idx}) == {i}")
    return i


def makerandom_blocking(out, idx, threshold, pause):
    out.println(f"Initiated makerandom({idx}).")
    i = random.randint(0, 10)
    while i <= threshold:
        out.println(f"makerandom({idx}) == {i} too low; retrying.")
        time.sleep(pause)
        i = random.randint(0, 10)
    out.println(f"---> Finished: makerandom({idx}) == {i}")
    return i


def run(run):
    random.seed(run.opts.seed)

    def out(idx):
        return run.out.task(f"makerandom({idx})", COLOURS[idx])

    if run.mode == "sequential":
        for idx in range(TASKS):
            makerandom_blocking(out(idx), idx, threshold(idx), run.secs(idx + 1))
    else:
        async def start():
            return await asyncio.gather(
                *(makerandom(out(i), i, threshold(i), run.secs(i + 1)) for i in range(TASKS))
            )

        asyncio.run(start())
# ANCHOR_END: program


def options(parser):
    parser.add_argument(
        "--seed", type=int, default=444, metavar="N",
        help="Seed of the random generator (random.seed)",
    )


if __name__ == "__main__":
    main(
        "makerandom",
        "Three tasks draw randint(0, 10) until it beats their threshold.",
        ["concurrent", "sequential"],
        run,
        options,
        {"concurrent": 12, "sequential": 23},
    )
