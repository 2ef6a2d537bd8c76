"""loop.add_signal_handler(sig, callback): a Unix signal handled on the loop.

The program sends itself SIGUSR1; the handler (run by the loop, not in the signal
context) sets an event that main awaits. Unix only.
Run: python3 python/asyncio/signal_handler.py
"""
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, got.set)
    print("handler installed; sending SIGUSR1 to myself")
    os.kill(os.getpid(), signal.SIGUSR1)
    await got.wait()
    print("got SIGUSR1")
    loop.remove_signal_handler(signal.SIGUSR1)


asyncio.run(main())
