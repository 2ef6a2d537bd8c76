"""cancel: ``task.cancel()`` raises ``CancelledError`` inside the task at its ``await``; its
cleanup runs; awaiting it raises ``CancelledError``. A task whose handle main lets go of runs
on.

    python3 python/asyncio/cancel.py
"""

import asyncio


async def work(name, millis):
    print(f"{name} starts")
    try:
        await asyncio.sleep(millis / 1000)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} finished")


async def main():
    task = asyncio.create_task(work("worker", 1000))
    await asyncio.sleep(0.05)
    print("main cancels the worker")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the worker was cancelled")
    background = asyncio.create_task(work("background", 50))
    await asyncio.sleep(0.01)
    print("main lets go of its handle to the background task")
    del background
    await asyncio.sleep(0.15)
    print("main ends")


asyncio.run(main())
