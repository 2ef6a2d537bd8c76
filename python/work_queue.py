"""work_queue: a queue of work [15, 10, 5, 2] drained by two workers, One and Two (seed 001).

The seed's four forms:

- ``count``: busy counting, plain functions: worker One drains the whole queue, then Two
  finds nothing to do.
- ``cooperative``: the same counting in generators that ``yield`` after every count, resumed
  in turn by a round robin: the two interleave.
- ``blocking``: each item is a delay in seconds, slept with ``time.sleep`` inside the
  generators: 32 s, one delay after another.
- ``async``: the same with ``asyncio.sleep`` and an ``asyncio.Queue``: 17 s.
"""

# ANCHOR: program
import asyncio
import queue
import time

from _common import main, round_robin

ITEMS = [15, 10, 5, 2]
WORKERS = ["One", "Two"]


def work_queue_of(items):
    work_queue = queue.Queue()
    for work in items:
        work_queue.put(work)
    return work_queue


def task_count(out, name, work_queue):
    """The seed's plain version: the cooperative task below, run to its end without ever
    giving way to the other worker."""
    for _ in task_cooperative(out, name, work_queue):
        pass


def task_cooperative(out, name, work_queue):
    if work_queue.empty():
        out.println(f"Task {name} nothing to do.")
    else:
        while not work_queue.empty():
            count = work_queue.get()
            total = 0
            out.println(f"Task {name} is running.")
            for _ in range(count):
                total += 1
                yield
            out.println(f"Task {name} total: {total}")


def task_blocking(out, name, work_queue, scale):
    while not work_queue.empty():
        delay = work_queue.get()
        out.println(f"Task {name} is running.")
        start_time = time.perf_counter()
        time.sleep(delay * scale)  # Simulates the delay of an I/O operation.
        end_time = time.perf_counter()
        out.timing(f"Task {name} elapsed time {end_time - start_time}")
        yield


async def task_async(out, name, work_queue, scale):
    while not work_queue.empty():
        delay = await work_queue.get()
        out.println(f"Task {name} running")
        start_time = time.perf_counter()
        await asyncio.sleep(delay * scale)
        end_time = time.perf_counter()
        out.timing(f"Task {name} elapsed time: {end_time - start_time}")


def run(run):
    out = run.out
    if run.mode == "count":
        work_queue = work_queue_of(ITEMS)
        for name in WORKERS:
            task_count(out.task(name), name, work_queue)
    elif run.mode == "cooperative":
        work_queue = work_queue_of(ITEMS)
        round_robin([task_cooperative(out.task(n), n, work_queue) for n in WORKERS])
    elif run.mode == "blocking":
        work_queue = work_queue_of(ITEMS)
        round_robin([task_blocking(out.task(n), n, work_queue, run.scale) for n in WORKERS])
        out.timing(f"Total Time elapsed: {out.elapsed()} seconds")
    else:
        async def start():
            work_queue = asyncio.Queue()
            for work in ITEMS:
                await work_queue.put(work)
            await asyncio.gather(
                *(asyncio.create_task(task_async(out.task(n), n, work_queue, run.scale))
                  for n in WORKERS)
            )

        asyncio.run(start())
        out.timing(f"Total Time elapsed: {out.elapsed()} seconds")
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "work_queue",
        "A queue of work [15, 10, 5, 2] drained by two workers, One and Two.",
        ["async", "blocking", "count", "cooperative"],
        run,
        ideals={"async": 17, "blocking": 32, "count": 0, "cooperative": 0},
    )
