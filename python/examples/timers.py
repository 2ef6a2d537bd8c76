"""timers: a loop of sleeps drifts, a loop of deadlines does not (the Rust programs' timers).

Not a seed of its own: the seeds' loops of ``await asyncio.sleep(interval)`` (seed 000's
repeat_message) looked at closely. Ten sleeps of 0.5 s:

- ``naive``: ``await asyncio.sleep(period)`` in a loop, each sleep starting where the last
  one ended, so the small lateness of every wake-up adds up.
- ``deadline``: sleep until ``start + k * period`` on the event loop's clock
  (``loop.time()``), so it does not.

Prints ``tick k`` after each sleep, then the drift and the mean lateness per sleep.

    python3 python/examples/timers.py               # naive: 5 s
    python3 python/examples/timers.py deadline      # 5 s

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/timers.py``.
"""

import asyncio
import sys

SLEEPS = 10
PERIOD = 0.5


async def ticks(deadline):
    loop = asyncio.get_running_loop()
    start = loop.time()
    late = 0.0
    last_end = start
    for k in range(1, SLEEPS + 1):
        if deadline:
            # Until the k-th point of the grid, however late the last wake-up was.
            due = start + k * PERIOD
            await asyncio.sleep(max(0.0, due - loop.time()))
        else:
            # Each sleep starts where the last one ended.
            due = last_end + PERIOD
            await asyncio.sleep(PERIOD)
        last_end = loop.time()
        late += max(0.0, last_end - due)
        print(f"tick {k}")
    drift_ms = (last_end - (start + SLEEPS * PERIOD)) * 1e3
    print(f"drift {drift_ms:+.3f} ms after {SLEEPS} sleeps")
    print(f"mean lateness {late / SLEEPS * 1e3:.3f} ms per sleep")


def main():
    # The first argument picks the mode; naive is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "naive"
    headers = {
        "naive": "naive: sleep for the period, 10 times, each sleep from the end of the last",
        "deadline": "deadline: sleep until start + k × period, for k = 1 to 10",
    }
    if mode not in headers:
        print(f"unknown mode {mode!r}: the modes are {', '.join(headers)}", file=sys.stderr)
        sys.exit(2)
    print(headers[mode])
    asyncio.run(ticks(deadline=mode == "deadline"))


if __name__ == "__main__":
    main()
