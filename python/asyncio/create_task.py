"""create_task: ``asyncio.create_task(coro)`` schedules a coroutine at once; a bare coroutine
waits to be awaited.

The task runs while main sleeps; the coroutine made at the same time runs only when main
awaits it.

    python3 python/asyncio/create_task.py
"""

import asyncio


async def work(name):
    print(f"{name} starts")
    await asyncio.sleep(0.03)
    print(f"{name} ends")
    return name


async def main():
    print("main makes a coroutine and a task")
    # A coroutine object: lazy, nothing runs until it is awaited.
    coroutine = work("coroutine")
    # A task: scheduled now, it runs as soon as main gives the loop a chance.
    task = asyncio.create_task(work("task"))
    await asyncio.sleep(0.15)
    print("main slept: the task ran meanwhile, the coroutine did not")
    print(f"awaited the task: {await task}")
    print(f"awaited the coroutine: {await coroutine}")


asyncio.run(main())
