"""wait_for: ``asyncio.wait_for(aw, timeout)`` cancels the awaitable when the time is up,
and waits for it to be cancelled before raising ``TimeoutError``; a task too.

    python3 python/asyncio/wait_for.py
"""

import asyncio


async def work():
    print("work starts")
    try:
        await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        print("work cancelled")
        raise
    print("work finished")


async def main():
    print("wait_for on a coroutine")
    try:
        await asyncio.wait_for(work(), timeout=0.05)
    except TimeoutError:
        print("timed out")
    print("wait_for on a task")
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(task, timeout=0.05)
    except TimeoutError:
        print("timed out")
    print("main sleeps 250 ms")
    await asyncio.sleep(0.25)
    print("main woke")


asyncio.run(main())
