"""say: two tasks, hello after 0.5 s and world after 1 s (seed 002).

The seed creates both tasks on the loop and gathers them: 1 s. ``--mode sequential`` says one
word after the other with blocking sleeps: 1.5 s. ``--forever`` keeps the loop running after
them (the seed's ``run_forever``) until Ctrl+C.
"""

# ANCHOR: program
import asyncio
import sys
import time

from _common import main

WORDS = [("hello", 0.5), ("world", 1.0)]


async def say(out, what, when):
    await asyncio.sleep(when)
    out.println(what)


def run(run):
    if run.mode == "sequential":
        for what, when in WORDS:
            time.sleep(run.secs(when))
            run.out.task(what).println(what)
        return

    async def start():
        tasks = [asyncio.create_task(say(run.out.task(w), w, run.secs(t))) for w, t in WORDS]
        await asyncio.gather(*tasks)
        if run.opts.forever:
            # The seed's run_forever: nothing left to do, but keep running until Ctrl+C.
            await asyncio.Event().wait()

    try:
        asyncio.run(start())
    except KeyboardInterrupt:
        sys.stderr.write("Ctrl+C received: shutting down.\n")
# ANCHOR_END: program


def options(parser):
    parser.add_argument(
        "--forever", action="store_true",
        help="Keep the loop running after hello and world (the seed's run_forever) until Ctrl+C",
    )


if __name__ == "__main__":
    main(
        "say",
        "Two spawned tasks: say hello after 0.5 s and world after 1 s.",
        ["concurrent", "sequential"],
        run,
        options,
        {"concurrent": 1, "sequential": 1.5},
    )
