"""asyncio.get_running_loop(): the loop this coroutine runs on, and only inside one.

Outside `asyncio.run` there is no loop and the call raises RuntimeError; inside, the loop
schedules work (`loop.create_task`).
Run: python3 python/asyncio/get_running_loop.py
"""
import asyncio


async def greet():
    return "hello"


async def main():
    loop = asyncio.get_running_loop()
    print("inside: got the running loop")
    task = loop.create_task(greet())
    print("a task spawned through it said:", await task)


try:
    asyncio.get_running_loop()
    print("outside: a loop is running")
except RuntimeError:
    print("outside: no running event loop")
asyncio.run(main())
