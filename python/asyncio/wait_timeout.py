"""wait_timeout: ``asyncio.wait(tasks, timeout=...)`` returns the tasks done and pending when
the time is up; it cancels nothing, the pending ones run on.

    python3 python/asyncio/wait_timeout.py
"""

import asyncio

# Name, milliseconds of sleep.
JOBS = [("slow", 250), ("fast", 50), ("medium", 100)]


async def job(name, millis):
    await asyncio.sleep(millis / 1000)
    print(f"{name} finished")
    return name


def names(tasks):
    return ", ".join(sorted(task.get_name() for task in tasks))


async def main():
    tasks = [asyncio.create_task(job(name, millis), name=name) for name, millis in JOBS]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(f"after the timeout: done {names(done)}; pending {names(pending)}")
    # Nothing was cancelled: the pending task finishes when awaited.
    for task in pending:
        print(f"awaited the pending task: {await task}")


asyncio.run(main())
