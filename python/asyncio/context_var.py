"""contextvars.ContextVar: a value per task, seen by everything the task calls.

Each task copies the context when it is created, so setting the variable in one task is
invisible to the others and to main.
Run: python3 python/asyncio/context_var.py
"""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


def log(message):
    print(f"[{request_id.get()}] {message}")


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    log("handled")


async def main():
    log("main starts")
    await asyncio.gather(handler(1), handler(2))
    log("main ends")


asyncio.run(main())
