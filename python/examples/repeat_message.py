"""repeat_message: three messages, each repeated at its own interval (seed 000).

Each message is printed, then slept on, ``max_iters = 10`` times: printed 11 times with 10
sleeps between. One after another (the seed's blocking version, ``time.sleep``) that takes
5 + 10 + 15 = 30 s; as asyncio tasks gathered on one loop, the sleeps overlap and it takes
15 s, the longest of the three.

- ``concurrent``: the seed's asyncio version (15 s).
- ``sequential``: the seed's blocking version (30 s).
- ``threads``: the blocking version on a thread per message (15 s).
- ``deadline``: asyncio again, each task sleeping until ``start + k * interval`` so that the
  small lateness of every wake-up does not add up.

    python3 python/examples/repeat_message.py               # concurrent: 15 s
    python3 python/examples/repeat_message.py sequential    # 30 s

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/repeat_message.py``.
"""

import asyncio
import sys
import threading
import time

MESSAGES = [("xXxXxXxXxXxXxXxXxXxXx", 0.5), ("I LOVE", 1), ("EXPLOSIONS!", 1.5)]

# print() writes a line and its newline separately: threads take this lock to print whole lines.
print_lock = threading.Lock()


def blocking_repeat_message(message, interval_seconds, max_iters=10):
    iters = 0
    while True:
        with print_lock:
            print(message)
        if iters >= max_iters:
            break
        iters += 1
        time.sleep(interval_seconds)


async def repeat_message(message, interval_seconds, max_iters=10):
    iters = 0
    while True:
        print(message)
        if iters >= max_iters:
            return "Complete."
        iters += 1
        # While this task sleeps, the event loop runs the others.
        await asyncio.sleep(interval_seconds)


async def repeat_message_on_deadlines(message, interval_seconds, start, max_iters=10):
    loop = asyncio.get_running_loop()
    for iters in range(max_iters + 1):
        print(message)
        if iters == max_iters:
            return "Complete."
        # Until the next deadline on the grid, however late this wake-up was.
        await asyncio.sleep(max(0.0, start + (iters + 1) * interval_seconds - loop.time()))


async def concurrent():
    tasks = [asyncio.create_task(repeat_message(m, i)) for m, i in MESSAGES]
    await asyncio.gather(*tasks)


async def deadline():
    start = asyncio.get_running_loop().time()
    tasks = [
        asyncio.create_task(repeat_message_on_deadlines(m, i, start)) for m, i in MESSAGES
    ]
    await asyncio.gather(*tasks)


def sequential():
    for message, interval in MESSAGES:
        blocking_repeat_message(message, interval)


def threads():
    workers = [
        threading.Thread(target=blocking_repeat_message, args=(m, i)) for m, i in MESSAGES
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main():
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {
        "concurrent": lambda: asyncio.run(concurrent()),
        "sequential": sequential,
        "threads": threads,
        "deadline": lambda: asyncio.run(deadline()),
    }
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    beginning_time = time.time()
    modes[mode]()
    ending_time = time.time()
    print(f"Execution time in seconds: {ending_time - beginning_time}")


if __name__ == "__main__":
    main()
