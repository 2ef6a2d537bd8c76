"""asyncio.Barrier(n): every task waits until n have arrived, then all go on.

The workers arrive 10 ms apart; none passes before the last arrives; wait() returns a
different index to each, so exactly one gets 0 (the leader).
Run: python3 python/asyncio/barrier.py
"""
import asyncio


async def worker(barrier, n):
    await asyncio.sleep(0.01 * n)
    print(f"worker {n} arrived")
    index = await barrier.wait()
    return index == 0


async def main():
    barrier = asyncio.Barrier(3)
    leaders = await asyncio.gather(*(worker(barrier, n) for n in range(3)))
    print("all 3 passed the barrier; leaders:", sum(leaders))


asyncio.run(main())
