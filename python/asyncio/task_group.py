"""task_group: ``asyncio.TaskGroup``: when one task fails, the group cancels its siblings,
waits for them, and the error reaches the caller (in an ``ExceptionGroup``).

    python3 python/asyncio/task_group.py
"""

import asyncio


async def worker(name, millis, fails=False):
    try:
        await asyncio.sleep(millis / 1000)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fails:
        print(f"{name} fails")
        raise ValueError(f"{name} failed")
    print(f"{name} finished")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(worker("fast", 50))
            group.create_task(worker("broken", 100, fails=True))
            group.create_task(worker("slow", 200))
    except* ValueError as errors:
        print(f"the group raised: {errors.exceptions[0]}")


asyncio.run(main())
