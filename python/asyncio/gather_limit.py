"""gather_limit: ``asyncio.gather`` with a concurrency limit: each job takes an
``asyncio.Semaphore(2)`` first, so at most two run at once; the results still come back in
the order given.

    python3 python/asyncio/gather_limit.py
"""

import asyncio

# Name, milliseconds of work: "b" is long, so "c" and "d" take turns in the other slot.
JOBS = [("a", 60), ("b", 260), ("c", 60), ("d", 60)]
LIMIT = 2

running = 0
most = 0


async def job(name, millis):
    global running, most
    running += 1
    most = max(most, running)
    print(f"{name} starts")
    await asyncio.sleep(millis / 1000)
    print(f"{name} done")
    running -= 1
    return name


async def main():
    semaphore = asyncio.Semaphore(LIMIT)

    async def limited(name, millis):
        # Wait for a slot, run, give the slot back.
        async with semaphore:
            return await job(name, millis)

    results = await asyncio.gather(*(limited(name, millis) for name, millis in JOBS))
    print(f"gather returned {', '.join(results)}")
    print(f"at most {most} jobs ran at once")


asyncio.run(main())
