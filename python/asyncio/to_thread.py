"""to_thread: ``asyncio.to_thread(f)`` (and ``loop.run_in_executor(None, f)``) runs blocking
code on a thread, so the event loop stays free for the other tasks meanwhile.

    python3 python/asyncio/to_thread.py
"""

import asyncio
import time


def blocking(millis):
    # Blocks its thread: on the loop's own thread it would stop every task.
    time.sleep(millis / 1000)
    return f"blocked {millis} ms"


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.05)
        print(f"tick {i}")


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, 200), ticker())
    print(f"to_thread returned: {result}; the ticks went on meanwhile")
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(None, blocking, 20)
    print(f"run_in_executor returned: {result}")


asyncio.run(main())
