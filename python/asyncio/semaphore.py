"""semaphore: ``asyncio.Semaphore(2)``: at most two holders at once; the others wait for a
permit.

    python3 python/asyncio/semaphore.py
"""

import asyncio

WORKERS = 4

holding = 0
most = 0


async def worker(semaphore):
    global holding, most
    async with semaphore:
        holding += 1
        most = max(most, holding)
        await asyncio.sleep(0.03)
        holding -= 1


async def main():
    semaphore = asyncio.Semaphore(2)
    print(f"{WORKERS} workers share a semaphore of 2 permits")
    await asyncio.gather(*(worker(semaphore) for _ in range(WORKERS)))
    print(f"at most {most} workers held a permit at once")
    # Take both permits: a third acquire would wait.
    await semaphore.acquire()
    await semaphore.acquire()
    print(f"main holds both permits; a third acquire would wait: {'yes' if semaphore.locked() else 'no'}")
    semaphore.release()
    print(f"one released; a third acquire would wait: {'yes' if semaphore.locked() else 'no'}")


asyncio.run(main())
