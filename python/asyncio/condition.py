"""asyncio.Condition: wait under a lock until a predicate holds; notify wakes a waiter.

Two consumers wait for an item; the producer appends one at a time and notifies one waiter.
Run: python3 python/asyncio/condition.py
"""
import asyncio


async def consumer(cond, items, got):
    async with cond:
        await cond.wait_for(lambda: items)
        got.append(items.pop(0))
        print("a consumer got", got[-1])


async def main():
    cond = asyncio.Condition()
    items, got = [], []
    consumers = [asyncio.create_task(consumer(cond, items, got)) for _ in range(2)]
    await asyncio.sleep(0.01)
    for item in ("a", "b"):
        async with cond:
            items.append(item)
            cond.notify()
        await asyncio.sleep(0.01)
    await asyncio.gather(*consumers)
    print("consumed", ", ".join(sorted(got)))


asyncio.run(main())
