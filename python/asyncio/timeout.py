"""asyncio.timeout(delay) / asyncio.timeout_at(when): a deadline around a block.

When the deadline passes, the awaited work is cancelled (its cleanup runs) and the block
raises TimeoutError; work that ends in time is untouched.
Run: python3 python/asyncio/timeout.py
"""
import asyncio


async def slow(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(0.05):
            await slow("timeout", 1)
    except TimeoutError:
        print("timeout: TimeoutError after 50 ms")
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.05):
            await slow("timeout_at", 1)
    except TimeoutError:
        print("timeout_at: TimeoutError at the deadline")
    async with asyncio.timeout(0.5):
        await slow("in time", 0.01)


asyncio.run(main())
