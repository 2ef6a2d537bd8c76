"""async with: __aenter__ and __aexit__ are awaited, on success, error and cancellation.

The async cleanup runs at the end of the block, when the body raises (the error reaches
the caller) and when the task is cancelled inside the block.
Run: python3 python/asyncio/async_with.py
"""
import asyncio


class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open")
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.01)
        print("close (async cleanup)")


async def wait_inside():
    async with Connection():
        await asyncio.sleep(1)


async def main():
    async with Connection():
        print("use")
    try:
        async with Connection():
            raise ValueError("boom")
    except ValueError as error:
        print("error reached the caller:", error)
    task = asyncio.create_task(wait_inside())
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled inside the block")


asyncio.run(main())
