"""sleep: ``await asyncio.sleep(delay)`` suspends only the coroutine that awaits it, and
``await asyncio.sleep(0)`` is the way to yield to the others: code without an ``await`` runs
to its end before anything else can.

    python3 python/asyncio/sleep.py
"""

import asyncio


async def sleeper(name, millis):
    print(f"{name}: sleeping {millis} ms")
    await asyncio.sleep(millis / 1000)
    print(f"{name} woke")


async def ticker(name, yields):
    for i in range(3):
        print(f"{name} {i}")
        if yields:
            # Back to the loop: the other ticker runs before this one goes on.
            await asyncio.sleep(0)


async def main():
    print("two sleeps at once")
    await asyncio.gather(sleeper("long", 100), sleeper("short", 50))
    print("tickers with sleep(0): they take turns")
    await asyncio.gather(ticker("a", True), ticker("b", True))
    print("tickers without an await: each runs to its end")
    await asyncio.gather(ticker("a", False), ticker("b", False))


asyncio.run(main())
