"""timers: a loop of sleeps drifts, a loop of deadlines does not (the Rust programs' timers).

Ten sleeps of 0.5 s. ``naive``: ``await asyncio.sleep(period)`` in a loop, each sleep starting
where the last one ended, so their lateness adds up. ``deadline``: sleep until
``start + k * period`` on the event loop's clock (``loop.time()``), so it does not. asyncio's
loop wakes a timer when its deadline is within ``clock_resolution`` and its selector
rounds timeouts to a millisecond, so each sleep can end a little late (or a hair early).
Prints ``tick k`` after each sleep, then the drift and the mean lateness per sleep (timing).
"""

# ANCHOR: program
import asyncio

from _common import main

SLEEPS = 10
PERIOD_SECS = 0.5
HEADERS = {
    "naive": "naive: sleep for the period, 10 times, each sleep from the end of the last",
    "deadline": "deadline: sleep until start + k × period, for k = 1 to 10",
}


async def ticks(run):
    loop = asyncio.get_running_loop()
    period = run.secs(PERIOD_SECS)
    start = loop.time()
    late = 0.0
    last_end = start
    for k in range(1, SLEEPS + 1):
        if run.mode == "deadline":
            due = start + k * period
            await asyncio.sleep(max(0.0, due - loop.time()))
        else:
            # Each sleep starts where the last one ended.
            due = last_end + period
            await asyncio.sleep(period)
        last_end = loop.time()
        late += max(0.0, last_end - due)
        run.out.println(f"tick {k}")
    drift_ms = (last_end - (start + SLEEPS * period)) * 1e3
    run.out.timing(f"drift {drift_ms:+.3f} ms after {SLEEPS} sleeps")
    run.out.timing(f"mean lateness {late / SLEEPS * 1e3:.3f} ms per sleep")


def run(run):
    run.out.println(HEADERS[run.mode])
    asyncio.run(ticks(run))
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "timers",
        "A loop of sleeps against a loop of deadlines: drift and lateness per sleep.",
        ["naive", "deadline"],
        run,
        ideals={"naive": SLEEPS * PERIOD_SECS, "deadline": SLEEPS * PERIOD_SECS},
    )
