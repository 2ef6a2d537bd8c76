"""run: ``asyncio.run(main())`` starts an event loop, runs ``main`` to its end, and closes.

Calling ``main()`` makes a coroutine object and runs nothing: the coroutine runs only inside
the loop. When ``main`` returns, ``asyncio.run`` cancels the tasks still running (their
``except CancelledError`` runs) and then returns ``main``'s value.

    python3 python/asyncio/run.py
"""

import asyncio


async def leftover():
    # A task main never awaits: asyncio.run cancels it when main returns.
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover cancelled")
        raise


async def main():
    print("main runs inside the event loop")
    task = asyncio.create_task(leftover())
    await asyncio.sleep(0.05)
    print("main returns 42; a task is still sleeping")
    return 42


# A coroutine object: nothing ran yet.
coroutine = main()
print("main() made a coroutine; nothing ran yet")
# The loop runs main, cancels what is left, closes, and hands back main's value.
result = asyncio.run(coroutine)
print(f"asyncio.run returned {result}")
