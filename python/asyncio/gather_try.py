"""gather_try: ``asyncio.gather(*aws)`` with ``return_exceptions=False`` (the default): the
first exception reaches the awaiter at once, and the other awaitables are not cancelled.

    python3 python/asyncio/gather_try.py
"""

import asyncio


async def job(name, millis, fails=False):
    await asyncio.sleep(millis / 1000)
    if fails:
        print(f"{name} fails")
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return name


async def main():
    try:
        await asyncio.gather(job("fast", 50), job("broken", 100, fails=True), job("slow", 200))
    except ValueError as error:
        print(f"gather raised: {error}")
    # The other jobs were not cancelled: slow finishes while main sleeps.
    await asyncio.sleep(0.2)
    print("main slept 200 ms more")


asyncio.run(main())
