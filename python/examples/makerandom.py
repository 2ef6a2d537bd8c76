"""makerandom: three tasks draw random numbers until one beats their threshold (seed 003).

``makerandom(idx, threshold=10 - idx - 1)`` draws ``randint(0, 10)``; while the draw is at or
below the threshold it prints ``too low; retrying.`` and sleeps idx + 1 seconds. The generator
is seeded with ``random.seed(444)`` as in the seed, so every run draws the same numbers. Each
task prints in its own colour (cyan, red, magenta) on a terminal without NO_COLOR.

- ``concurrent``: the seed's ``asyncio.gather`` of the three tasks: 12 s. (The seed's
  transcript shows an older asyncio starting them 2, 1, 0; Python 3.11 starts them 0, 1, 2,
  so the first draws land on other tasks.)
- ``sequential``: plain calls with ``time.sleep``, one task after another: 23 s.

    python3 python/examples/makerandom.py               # concurrent: 12 s
    python3 python/examples/makerandom.py sequential    # 23 s

Standard library only. The measured twin (``--trace``, ``--scale``, ``--seed``, the harness)
is ``python/makerandom.py``.
"""

import asyncio
import os
import random
import sys
import time

# ANSI colours: the reset, then cyan, red and magenta, one per task; none when stdout is not
# a terminal or NO_COLOR is set.
if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
    c = ("\033[0m", "\033[36m", "\033[91m", "\033[35m")
else:
    c = ("", "", "", "")


async def randint(a: int, b: int) -> int:
    return random.randint(a, b)


async def makerandom(idx: int, threshold: int = 6) -> int:
    print(c[idx + 1] + f"Initiated makerandom({idx})." + c[0])
    i = await randint(0, 10)
    while i <= threshold:
        print(c[idx + 1] + f"makerandom({idx}) == {i} too low; retrying." + c[0])
        await asyncio.sleep(idx + 1)
        i = await randint(0, 10)
    print(c[idx + 1] + f"---> Finished: makerandom({idx}) == {i}" + c[0])
    return i


def makerandom_blocking(idx: int, threshold: int = 6) -> int:
    print(c[idx + 1] + f"Initiated makerandom({idx})." + c[0])
    i = random.randint(0, 10)
    while i <= threshold:
        print(c[idx + 1] + f"makerandom({idx}) == {i} too low; retrying." + c[0])
        time.sleep(idx + 1)
        i = random.randint(0, 10)
    print(c[idx + 1] + f"---> Finished: makerandom({idx}) == {i}" + c[0])
    return i


async def start():
    return await asyncio.gather(*(makerandom(i, 10 - i - 1) for i in range(3)))


def sequential():
    return [makerandom_blocking(i, 10 - i - 1) for i in range(3)]


def main():
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {"concurrent": lambda: asyncio.run(start()), "sequential": sequential}
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    random.seed(444)
    modes[mode]()


if __name__ == "__main__":
    main()
