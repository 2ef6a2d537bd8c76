"""bounded_queue: ``asyncio.Queue(maxsize=2)``: ``put`` waits while the queue is full (backpressure),
``task_done()`` marks an item processed, and ``join()`` waits until every item is.

    python3 python/asyncio/bounded_queue.py

(The row is not called ``queue``: a ``queue.py`` in this folder would hide the standard
library's ``queue`` module, which asyncio's default executor imports.)
"""

import asyncio


async def consumer(queue):
    while True:
        item = await queue.get()
        # Processing takes a while: the producer fills the queue meanwhile and waits.
        await asyncio.sleep(0.04)
        print(f"done {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    worker = asyncio.create_task(consumer(queue))
    for item in range(5):
        # Waits while two items wait in the queue.
        await queue.put(item)
        print(f"queued {item}")
    print("producer waits for join()")
    await queue.join()
    print("every item processed")
    worker.cancel()


asyncio.run(main())
