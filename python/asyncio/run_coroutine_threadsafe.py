"""asyncio.run_coroutine_threadsafe(coro, loop) and loop.call_soon_threadsafe(cb).

A plain thread hands a coroutine to the running loop and blocks on its result, then asks
the loop to call a function (set an event) that the loop's own task is waiting for.
Run: python3 python/asyncio/run_coroutine_threadsafe.py
"""
import asyncio
import threading


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    done = asyncio.Event()

    def thread_body():
        future = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
        print("thread: the loop computed", future.result())
        loop.call_soon_threadsafe(done.set)

    thread = threading.Thread(target=thread_body)
    thread.start()
    await done.wait()
    print("loop: the thread set the event")
    thread.join()


asyncio.run(main())
