"""chores: laundry, dinner, dishwasher, plants, with one person and two machines (seed 004).

Laundry (machine, 1 h), make dinner (by hand, 1 h), run the dishwasher (machine, 30 min),
water the plants (by hand, 30 min). One hour of story time is one second of real time (times
--scale). Every line is stamped with the story clock.

- ``sequential``: one chore after another: 3 h.
- ``concurrent``: asyncio: start a machine and move on, do hand work until it is done (so the
  dishwasher starts after dinner, when the dishes are there): 1.5 h.
- ``threads``: one thread per chore. The one person is a shared resource: the plants wait for
  the person while dinner has them, and the dishwasher waits for the dishes: 1.5 h too, but
  threads alone don't let one person cook and water at once.
"""

# ANCHOR: program
import asyncio
import threading
import time

from _common import main, start_and_join

SECS_PER_STORY_HOUR = 1.0
# name, machine?, story minutes
CHORES = [
    ("laundry", True, 60),
    ("make dinner", False, 60),
    ("dishwasher", True, 30),
    ("water plants", False, 30),
]


def describe(name, machine, minutes):
    who = "machine" if machine else "by hand"
    how_long = f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"
    return f"{name} ({who}, {how_long})"


def duration(minutes, scale):
    return minutes / 60 * SECS_PER_STORY_HOUR * scale


def clock(elapsed, scale):
    """The story clock h:mm for ``elapsed`` real seconds, to the nearest minute."""
    minutes = int(elapsed / (SECS_PER_STORY_HOUR * scale) * 60 + 0.5)
    return f"{minutes // 60}:{minutes % 60:02}"


def say(out, scale, line):
    out.timing(f"[{clock(out.elapsed(), scale)}] {line}")


def do_chore_blocking(out, chore, scale):
    name, machine, minutes = chore
    say(out, scale, f"start {describe(*chore)}")
    time.sleep(duration(minutes, scale))
    say(out, scale, f"{name} done")


async def do_chore(out, chore, scale):
    name, machine, minutes = chore
    say(out, scale, f"start {describe(*chore)}")
    await asyncio.sleep(duration(minutes, scale))
    say(out, scale, f"{name} done")


class Person:
    """The one person: hand chores take turns, in the list's order."""

    def __init__(self):
        self._turn = 0
        self._cond = threading.Condition()

    def wait_for_turn(self, ticket, out, scale, name):
        with self._cond:
            if self._turn != ticket:
                say(out, scale, f"{name} waits for the person")
            self._cond.wait_for(lambda: self._turn == ticket)

    def done(self):
        with self._cond:
            self._turn += 1
            self._cond.notify_all()


def run(run):
    scale = run.scale
    if run.mode == "sequential":
        for chore in CHORES:
            do_chore_blocking(run.out.task(chore[0]), chore, scale)
    elif run.mode == "threads":
        person = Person()
        dishes = threading.Event()
        tickets = {}
        for chore in CHORES:
            if not chore[1]:
                tickets[chore[0]] = len(tickets)

        def work(chore):
            name, machine, _ = chore
            out = run.out.task(name)
            if name == "dishwasher":
                dishes.wait()  # the dishes come from dinner
            if not machine:
                person.wait_for_turn(tickets[name], out, scale, name)
            do_chore_blocking(out, chore, scale)
            if not machine:
                person.done()
            if name == "make dinner":
                dishes.set()

        threads = [threading.Thread(target=work, args=(c,)) for c in CHORES]
        start_and_join(threads)
    else:
        async def start():
            machines = []
            for chore in CHORES:
                job = do_chore(run.out.task(chore[0]), chore, scale)
                if chore[1]:
                    machines.append(asyncio.create_task(job))
                else:
                    await job
            await asyncio.gather(*machines)

        asyncio.run(start())
    run.out.timing(f"all chores done in {clock(run.out.elapsed(), scale)}")
# ANCHOR_END: program


if __name__ == "__main__":
    main(
        "chores",
        "Laundry, dinner, dishwasher, plants: one person, two machines.",
        ["concurrent", "sequential", "threads"],
        run,
        ideals={"concurrent": 1.5, "sequential": 3, "threads": 1.5},
    )
