"""gather: ``await asyncio.gather(*aws)`` runs awaitables at once and returns their results in
the order given, not the order they finished.

    python3 python/asyncio/gather.py
"""

import asyncio

# Name, milliseconds of sleep: given slowest first.
JOBS = [("slow", 150), ("fast", 50), ("medium", 100)]


async def job(name, millis):
    await asyncio.sleep(millis / 1000)
    print(f"{name} finished")
    return name


async def main():
    results = await asyncio.gather(*(job(name, millis) for name, millis in JOBS))
    print(f"gather returned {', '.join(results)}: the order given")


asyncio.run(main())
