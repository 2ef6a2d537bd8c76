"""asyncio.shield(aw): the waiter gives up, the shielded work goes on.

`wait_for(shield(task), 0.05)` raises TimeoutError after 50 ms, but only the shield is
cancelled: the task runs to its end and its result is still there to await.
Run: python3 python/asyncio/shield.py
"""
import asyncio


async def work():
    await asyncio.sleep(0.1)
    print("work: finished")
    return 42


async def main():
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.05)
    except TimeoutError:
        print("waiter: gave up after 50 ms")
    result = await task
    print("task cancelled:", task.cancelled())
    print("result:", result)


asyncio.run(main())
