"""async for over an async generator (`async def` with `yield`).

The generator sleeps between values; `async for` and an async comprehension consume it.
Run: python3 python/asyncio/async_for.py
"""
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i


async def main():
    async for tick in ticks(3):
        print("tick", tick)
    squares = [t * t async for t in ticks(4)]
    print("squares", squares)


asyncio.run(main())
