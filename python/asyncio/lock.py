"""lock: ``asyncio.Lock``: one coroutine at a time in the critical section, even across an
``await`` inside it.

    python3 python/asyncio/lock.py
"""

import asyncio

WORKERS = 3

counter = 0
inside = 0
most_inside = 0


async def increment(lock):
    global counter, inside, most_inside
    async with lock:
        inside += 1
        most_inside = max(most_inside, inside)
        # Read, await, write: without the lock another worker would read the same value.
        value = counter
        await asyncio.sleep(0.02)
        counter = value + 1
        inside -= 1


async def main():
    lock = asyncio.Lock()
    print(f"{WORKERS} tasks increment a counter, each holding the lock across a sleep")
    await asyncio.gather(*(increment(lock) for _ in range(WORKERS)))
    print(f"counter = {counter}: no increment lost")
    print(f"at most {most_inside} task held the lock at once")


asyncio.run(main())
