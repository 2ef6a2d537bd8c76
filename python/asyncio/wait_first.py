"""wait_first: ``asyncio.wait(tasks, return_when=FIRST_COMPLETED)`` returns when one task is
done; the pending ones keep running until they are cancelled.

    python3 python/asyncio/wait_first.py
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
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"done: {names(done)}; pending: {names(pending)}")
    # The pending tasks run on while main sleeps: medium finishes.
    await asyncio.sleep(0.1)
    print("cancelling the pending tasks")
    for task in sorted(pending, key=lambda t: t.get_name()):
        task.cancel()
        try:
            print(f"{task.get_name()}: had finished, returned {await task}")
        except asyncio.CancelledError:
            print(f"{task.get_name()}: cancelled")
    # A cancelled task never finishes: wait past slow's end.
    await asyncio.sleep(0.2)
    print("slow never finished")


asyncio.run(main())
