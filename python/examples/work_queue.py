"""work_queue: a queue of work [15, 10, 5, 2] drained by two workers, One and Two (seed 001).

The seed's four forms, one mode each:

- ``async`` (the default): asyncio tasks sleeping with ``await asyncio.sleep(delay)``: while
  one worker waits the other runs, so the four delays (32 s in all) take 17 s.
- ``blocking``: the seed's generators taking turns, with ``time.sleep(delay)``: cooperative
  in name only, 32 s, the sum of the delays.
- ``count``: a plain function per worker: One drains the whole queue, Two finds nothing.
- ``cooperative``: the same function as a generator that yields after every count, resumed
  in turn by a round-robin loop: both workers take items.

    python3 python/examples/work_queue.py               # async: 17 s
    python3 python/examples/work_queue.py blocking      # 32 s
    python3 python/examples/work_queue.py cooperative

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/work_queue.py``.
"""

import asyncio
import queue
import sys
import time

WORK = [15, 10, 5, 2]


def task(name, work_queue):
    """The seed's synchronous task: it keeps the queue until it is empty."""
    if work_queue.empty():
        print(f"Task {name} nothing to do.")
    else:
        while not work_queue.empty():
            count = work_queue.get()
            total = 0
            print(f"Task {name} is running.")
            for x in range(count):
                total += 1
            print(f"Task {name} total: {total}")


def task_cooperative(name, work_queue):
    """The same task as a generator: it gives way after every count."""
    if work_queue.empty():
        print(f"Task {name} nothing to do.")
    else:
        while not work_queue.empty():
            count = work_queue.get()
            total = 0
            print(f"Task {name} is running.")
            for x in range(count):
                total += 1
                yield
            print(f"Task {name} total: {total}")


def task_blocking(name, work_queue):
    """A generator that gives way after each item, but sleeps with time.sleep: nothing else
    runs meanwhile."""
    while not work_queue.empty():
        delay = work_queue.get()
        print(f"Task {name} is running.")
        start_time = time.perf_counter()
        time.sleep(delay)  # Simulates the delay of an I/O operation.
        end_time = time.perf_counter()
        print(f"Task {name} elapsed time {end_time - start_time}")
        yield


async def task_async(name, work_queue):
    while not work_queue.empty():
        delay = await work_queue.get()
        print(f"Task {name} running")
        start_time = time.perf_counter()
        # While this worker sleeps, the event loop runs the other.
        await asyncio.sleep(delay)
        end_time = time.perf_counter()
        print(f"Task {name} elapsed time: {end_time - start_time}")


def make_queue():
    work_queue = queue.Queue()
    for work in WORK:
        work_queue.put(work)
    return work_queue


def round_robin(tasks):
    """The seed's loop: resume each generator in turn until all are done."""
    while tasks:
        for t in list(tasks):
            try:
                next(t)
            except StopIteration:
                tasks.remove(t)


def count():
    work_queue = make_queue()
    for name in ["One", "Two"]:
        task(name, work_queue)


def cooperative():
    work_queue = make_queue()
    round_robin([task_cooperative("One", work_queue), task_cooperative("Two", work_queue)])


def blocking():
    work_queue = make_queue()
    start_time = time.perf_counter()
    round_robin([task_blocking("One", work_queue), task_blocking("Two", work_queue)])
    print(f"Total Time elapsed: {time.perf_counter() - start_time} seconds")


async def async_main():
    work_queue = asyncio.Queue()
    for work in WORK:
        await work_queue.put(work)
    start_time = time.perf_counter()
    await asyncio.gather(task_async("One", work_queue), task_async("Two", work_queue))
    print(f"Total Time elapsed: {time.perf_counter() - start_time} seconds")


def main():
    # The first argument picks the mode; async is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "async"
    modes = {
        "async": lambda: asyncio.run(async_main()),
        "blocking": blocking,
        "count": count,
        "cooperative": cooperative,
    }
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    modes[mode]()


if __name__ == "__main__":
    main()
