"""loop.call_later(delay, callback): run a function later; the handle cancels it.

Two callbacks fire in the order of their delays, not of their scheduling; a cancelled one
never runs.
Run: python3 python/asyncio/call_later.py
"""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, print, "call_later: 50 ms")
    loop.call_later(0.02, print, "call_later: 20 ms")
    handle = loop.call_later(0.03, print, "call_later: 30 ms (never printed)")
    handle.cancel()
    print("main: scheduled three, cancelled one")
    await asyncio.sleep(0.1)
    print("main: done")


asyncio.run(main())
