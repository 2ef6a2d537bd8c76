"""chores: laundry, dinner, dishwasher, plants, with one person and two machines (seed 004).

The seed's story: laundry (machine, 1 h), make dinner (by hand, 1 h), run the dishwasher
(machine, 30 min), water the plants (by hand, 30 min). One after another they take 3 h;
started as soon as they can be, 1.5 h. One hour of story time is one second here, and every
line is stamped with the story clock.

- ``concurrent``: asyncio: start a machine and move on, do the hand work while it runs (the
  dishwasher starts after dinner, when the dishes are there): 1.5 h.
- ``sequential``: one chore after another: 3 h.
- ``threads``: a thread per chore. The one person is shared: the plants wait for the person
  while dinner has them, and the dishwasher waits for the dishes: 1.5 h too.

    python3 python/examples/chores.py               # concurrent: 1.5 s
    python3 python/examples/chores.py sequential    # 3 s

Standard library only. The measured twin (``--trace``, ``--scale``, the harness) is
``python/chores.py``.
"""

import asyncio
import sys
import threading
import time

# name, machine?, story minutes
CHORES = [
    ("laundry", True, 60),
    ("make dinner", False, 60),
    ("dishwasher", True, 30),
    ("water plants", False, 30),
]
SECS_PER_STORY_HOUR = 1.0
START = time.perf_counter()
# print() writes a line and its newline separately: threads take this lock to print whole lines.
print_lock = threading.Lock()


def clock():
    """The story clock, h:mm to the nearest minute."""
    minutes = int((time.perf_counter() - START) / SECS_PER_STORY_HOUR * 60 + 0.5)
    return f"{minutes // 60}:{minutes % 60:02}"


def say(line):
    """Prints ``line`` stamped with the story clock."""
    with print_lock:
        print(f"[{clock()}] {line}")


def describe(name, machine, minutes):
    who = "machine" if machine else "by hand"
    how_long = f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"
    return f"{name} ({who}, {how_long})"


def story_secs(minutes):
    return minutes / 60 * SECS_PER_STORY_HOUR


def do_chore_blocking(chore):
    name, _, minutes = chore
    say(f"start {describe(*chore)}")
    time.sleep(story_secs(minutes))
    say(f"{name} done")


async def do_chore(chore):
    name, _, minutes = chore
    say(f"start {describe(*chore)}")
    await asyncio.sleep(story_secs(minutes))
    say(f"{name} done")


async def concurrent():
    machines = []
    for chore in CHORES:
        if chore[1]:
            # A machine: start it and move on.
            machines.append(asyncio.create_task(do_chore(chore)))
        else:
            # By hand: the person is busy until it is done (the machines run meanwhile).
            await do_chore(chore)
    await asyncio.gather(*machines)


def sequential():
    for chore in CHORES:
        do_chore_blocking(chore)


def threads():
    # The one person: the hand chores take turns, in the list's order.
    hand_chores = [c[0] for c in CHORES if not c[1]]
    turn = 0  # the index in hand_chores of the chore whose turn it is
    person = threading.Condition()
    dishes = threading.Event()

    def work(chore):
        nonlocal turn
        name, machine, _ = chore
        if name == "dishwasher":
            dishes.wait()  # the dishes come from dinner
        if not machine:
            my_turn = hand_chores.index(name)
            with person:
                if turn != my_turn:
                    say(f"{name} waits for the person")
                person.wait_for(lambda: turn == my_turn)
        do_chore_blocking(chore)
        if not machine:
            with person:
                turn += 1
                person.notify_all()
        if name == "make dinner":
            dishes.set()

    workers = [threading.Thread(target=work, args=(c,)) for c in CHORES]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main():
    global START
    # The first argument picks the mode; concurrent is the default.
    mode = sys.argv[1] if len(sys.argv) > 1 else "concurrent"
    modes = {"concurrent": lambda: asyncio.run(concurrent()), "sequential": sequential,
             "threads": threads}
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    START = time.perf_counter()
    modes[mode]()
    print(f"all chores done in {clock()}")


if __name__ == "__main__":
    main()
