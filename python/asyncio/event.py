"""event: ``asyncio.Event``: ``set()`` wakes every waiter and stays set, so a later ``wait()``
returns at once, until ``clear()``.

    python3 python/asyncio/event.py
"""

import asyncio


async def waiter(event, name):
    await event.wait()
    return name


async def main():
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(event, name)) for name in ("a", "b")]
    print("two waiters wait for the event")
    await asyncio.sleep(0.05)
    print("main sets the event")
    event.set()
    for task in waiters:
        print(f"waiter {await task} woke")
    await event.wait()
    print("a later wait returns at once: the event stays set")
    event.clear()
    print(f"after clear(): set is {'on' if event.is_set() else 'off'}")
    try:
        await asyncio.wait_for(event.wait(), timeout=0.05)
    except TimeoutError:
        print("a wait after clear() times out")


asyncio.run(main())
