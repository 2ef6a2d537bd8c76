"""repeat_message: three messages, each repeated at its own interval (seed 000).

Each message is printed, then slept on, ``max_iters = 10`` times: printed 11 times with 10
sleeps between. One after another (the seed's blocking version) that is 30 s; as asyncio tasks
(the seed's event loop version, each returning 'Complete.') 15 s. ``--mode threads``: one
thread per message. ``--mode deadline``: the asyncio tasks, each sleeping until
``start + k * interval`` instead of for ``interval``, so that sleeps' lateness does not add up.
"""

# ANCHOR: program
import asyncio
import threading
import time

from _common import main, start_and_join

MESSAGES = [("xXxXxXxXxXxXxXxXxXxXx", 0.5), ("I LOVE", 1.0), ("EXPLOSIONS!", 1.5)]
MAX_ITERS = 10


def blocking_repeat_message(out, message, interval_seconds, max_iters=MAX_ITERS):
    iters = 0
    while True:
        out.println(message)
        if iters >= max_iters:
            break
        iters += 1
        time.sleep(interval_seconds)


async def repeat_message(out, message, interval_seconds, max_iters=MAX_ITERS):
    iters = 0
    while True:
        out.println(message)
        if iters >= max_iters:
            return "Complete."
        iters += 1
        # While this task sleeps, the event loop runs the others.
        await asyncio.sleep(interval_seconds)


async def repeat_message_on_deadlines(out, message, interval_seconds, start, max_iters=MAX_ITERS):
    loop = asyncio.get_running_loop()
    for iters in range(max_iters + 1):
        out.println(message)
        if iters == max_iters:
            return "Complete."
        # Until the next deadline on the grid, however late this wake-up was.
        await asyncio.sleep(max(0.0, start + (iters + 1) * interval_seconds - loop.time()))


def run(run):
    if run.mode == "sequential":
        for message, interval in MESSAGES:
            blocking_repeat_message(run.out.task(message), message, run.secs(interval))
    elif run.mode == "threads":
        threads = [
            threading.Thread(
                target=blocking_repeat_message,
                args=(run.out.task(message), message, run.secs(interval)),
            )
            for message, interval in MESSAGES
        ]
        start_and_join(threads)
    else:
        async def start():
            t0 = asyncio.get_running_loop().time()
            tasks = [
                asyncio.create_task(
                    repeat_message_on_deadlines(run.out.task(m), m, run.secs(i), t0)
                    if run.mode == "deadline"
                    else repeat_message(run.out.task(m), m, run.secs(i))
                )
                for m, i in MESSAGES
            ]
            return await asyncio.gather(*tasks)

        results = asyncio.run(start())
        if results != ["Complete."] * len(MESSAGES):
            raise RuntimeError(f"a repeater did not complete: {results}")
    run.out.timing(f"Execution time in seconds: {run.out.elapsed()}")
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "repeat_message",
        "Three messages repeated at 0.5 s, 1 s and 1.5 s intervals.",
        ["concurrent", "sequential", "threads", "deadline"],
        run,
        ideals={"concurrent": 15, "sequential": 30, "threads": 15, "deadline": 15},
    )
