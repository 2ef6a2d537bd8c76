"""as_completed: ``asyncio.as_completed(aws)`` yields the results in the order the work
finishes, not the order given.

    python3 python/asyncio/as_completed.py
"""

import asyncio

# Name, milliseconds of sleep: given slowest first.
JOBS = [("slow", 150), ("fast", 50), ("medium", 100)]


async def job(name, millis):
    await asyncio.sleep(millis / 1000)
    return name


async def main():
    for next_done in asyncio.as_completed([job(name, millis) for name, millis in JOBS]):
        print(f"got {await next_done}")
    print("every job done, in the order they finished")


asyncio.run(main())
