"""count: the same coroutine three times (seeds 003 and 004).

``count()`` prints One, sleeps one second, prints Two. Called one after another (the seeds'
synchronous version, ``time.sleep``) three calls take 3 s; gathered as asyncio tasks they sleep
at the same time and take 1 s: One One One Two Two Two. ``--mode threads`` runs each call on
a thread of its own.

    python3 python/count.py                      # concurrent: 1 s
    python3 python/count.py --mode sequential    # 3 s
    python3 python/count.py --tasks 100000       # a summary line instead
"""

# ANCHOR: program
import asyncio
import threading
import time

from _common import int_between, main, start_and_join

SLEEP_SECS = 1.0
MAX_PRINTED_TASKS = 100


async def count(out, one_second):
    out.println("One")
    # While this coroutine sleeps, the event loop runs the others.
    await asyncio.sleep(one_second)
    out.println("Two")


def count_blocking(out, one_second):
    out.println("One")
    time.sleep(one_second)
    out.println("Two")


def run(run):
    one_second = run.secs(SLEEP_SECS)
    tasks = run.opts.tasks
    # Over 100 tasks, the tasks stay quiet and a summary is printed instead.
    task_out = run.out if tasks <= MAX_PRINTED_TASKS else run.out.quiet()
    if run.mode == "sequential":
        for _ in range(tasks):
            count_blocking(task_out, one_second)
    elif run.mode == "threads":
        threads = [
            threading.Thread(target=count_blocking, args=(task_out, one_second))
            for _ in range(tasks)
        ]
        start_and_join(threads)
    else:
        async def start():
            await asyncio.gather(*(count(task_out, one_second) for _ in range(tasks)))

        asyncio.run(start())
    if tasks > MAX_PRINTED_TASKS:
        run.out.println(f"{tasks} count() tasks printed One and Two")
    run.out.timing(f"executed in {run.out.elapsed():0.2f} seconds.")
# ANCHOR_END: program


def options(parser):
    parser.add_argument(
        "--tasks", type=int_between(1, 10_000_000, "positive"), default=3, metavar="N",
        help="How many count() tasks to run; over 100, a one-line summary replaces their lines",
    )


if __name__ == "__main__":
    main(
        "count",
        "Three count() coroutines: print One, sleep 1 s, print Two.",
        ["concurrent", "sequential", "threads"],
        run,
        options,
        {"concurrent": 1, "sequential": 3, "threads": 1},
    )
