"""asyncio.current_task(): the Task running this code, with its name.

A task created with a name finds itself; main runs as a task too.
Run: python3 python/asyncio/current_task.py
"""
import asyncio


async def worker():
    me = asyncio.current_task()
    print("worker: my name is", me.get_name())
    return me


async def main():
    print("main: runs as a task:", asyncio.current_task() is not None)
    task = asyncio.create_task(worker(), name="worker-1")
    print("worker: current_task() was its own task:", await task is task)


asyncio.run(main())
