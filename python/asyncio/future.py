"""asyncio.Future (loop.create_future()): a value set once by one side, awaited by the other.

A task sets the result; a second future carries an exception; a third is cancelled.
Run: python3 python/asyncio/future.py
"""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    async def deliver():
        await asyncio.sleep(0.01)
        future.set_result("ready")

    task = asyncio.create_task(deliver())
    print("first: waiting")
    print("first: got", await future)
    await task
    failing = loop.create_future()
    failing.set_exception(ValueError("bad input"))
    try:
        await failing
    except ValueError as error:
        print("second: error", error)
    cancelled = loop.create_future()
    cancelled.cancel()
    try:
        await cancelled
    except asyncio.CancelledError:
        print("third: cancelled")


asyncio.run(main())
