"""count: the same coroutine three times (seeds 003 and 004).

``count()`` prints One, sleeps one second, prints Two. Gathered as asyncio tasks, the three
calls sleep at the same time: One One One Two Two Two in 1 s. Called one after another with
``time.sleep`` (the seeds' synchronous version) they take 3 s; on a thread each, 1 s again.

    python3 python/examples/count.py               # concurrent: 1 s
    python3 python/examples/count.py sequential    # 3 s
    python3 python/examples/count.py threads       # 1 s

Standard library only. The measured twin (``--trace``, ``--scale``, ``--tasks N``, the
harness) is ``python/count.py``.
"""

import asyncio
import sys
import threading
import time


async def count():
    print("One")
    # While this coroutine sleeps, the event loop runs the others.
    await asyncio.sleep(1)
    print("Two")


# print() writes a line and its newline separately: threads take this lock to print whole lines.
print_lock = threading.Lock()


def count_blocking():
    with print_lock:
        print("One")
    time.sleep(1)
    with print_lock:
        print("Two")


async def concurrent():
    await asyncio.gather(count(), count(), count())


def sequential():
    for _ in range(3):
        count_blocking()


def threads():
    workers = [threading.Thread(target=count_blocking) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main():
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {"concurrent": lambda: asyncio.run(concurrent()), "sequential": sequential,
             "threads": threads}
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    s = time.perf_counter()
    modes[mode]()
    elapsed = time.perf_counter() - s
    print(f"executed in {elapsed:0.2f} seconds.")


if __name__ == "__main__":
    main()
