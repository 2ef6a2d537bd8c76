"""say: two tasks, hello after 0.5 s and world after 1 s (seed 002).

The seed creates both tasks on the loop and gathers them: they sleep at the same time, so
the run takes 1 s. ``sequential`` says one word after the other with ``time.sleep``: 1.5 s.
(The seed's first cell ends with ``loop.run_forever()`` instead, which keeps the loop
running after both words until Ctrl+C; ``python/say.py --forever`` does that.)

    python3 python/examples/say.py               # concurrent: 1 s
    python3 python/examples/say.py sequential    # 1.5 s

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/say.py``.
"""

import asyncio
import sys
import time


async def say(what, when):
    await asyncio.sleep(when)
    print(what)


async def concurrent():
    # create_task schedules each coroutine at once; gather waits for both.
    t1 = asyncio.create_task(say("hello", 0.5))
    t2 = asyncio.create_task(say("world", 1))
    await asyncio.gather(t1, t2)


def sequential():
    for what, when in [("hello", 0.5), ("world", 1)]:
        time.sleep(when)
        print(what)


def main():
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {"concurrent": lambda: asyncio.run(concurrent()), "sequential": sequential}
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    modes[mode]()


if __name__ == "__main__":
    main()
