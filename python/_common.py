"""What every Python port shares: the command line, the output sink and the trace.

The command line is the Rust binaries' (PROGRAMS.md, "Command line"):

    python3 python/<program>.py [--mode MODE] [--scale FACTOR] [--trace FILE] [options]

- ``--mode``: one of the program's modes; the default is the first.
- ``--scale FACTOR`` (> 0, default 1): multiplies every duration.
- ``--trace FILE``: JSON Lines, one object per printed line ``{"t_us", "task", "line"}``
  (plus ``"timing": true`` for a line that reports a measured time), one per poll of an
  asyncio task ``{"task", "start_us", "dur_us", "thread", "ready"}`` (see ``_traced_loops``),
  then a last object
  ``{"program", "runtime": "python", "mode", "scale", "threads": null, "elapsed_us"}``: the
  format of ``shared/src/out.rs``, so that ``cargo xtask compare --python`` reads it.

stdout carries exactly the human lines; an error prints one line on stderr and exits 1 (the
trace is written either way); bad arguments exit 2, a ``--trace FILE`` that cannot be created
(before the program starts) among them. stdout that refuses a line ends the program at once: a
closed pipe (``| head -1``) quietly with exit code 141, any other error with one line on stderr
and exit code 1; the trace then has no summary, so it reads as incomplete.
"""

import argparse
import asyncio
import collections.abc
import json
import os
import sys
import threading
import time

# makerandom's colours (the seed's cyan, red and magenta) and the reset.
COLOURS = ("\033[36m", "\033[91m", "\033[35m")
RESET = "\033[0m"


class Out:
    """Prints human lines and records each one as a timestamped event.

    ``out.task(name)`` gives a handle whose lines are tagged with ``name``; printing and
    recording happen under one lock, so stdout's order is the trace's order.
    """

    def __init__(self, muted=False):
        self._start = time.perf_counter()
        self._lock = threading.Lock()
        self._events = []
        self._colour_ok = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.task_name = "main"
        self.colour = None
        self.muted = muted
        self._polls = []
        self._polls_off = False

    def task(self, name, colour=None):
        handle = object.__new__(Out)
        handle.__dict__.update(self.__dict__)
        handle.task_name = str(name)
        handle.colour = colour
        return handle

    def quiet(self):
        """A handle whose lines are neither printed nor recorded."""
        handle = self.task(self.task_name, self.colour)
        handle.muted = True
        return handle

    def elapsed(self):
        """Seconds since the run started."""
        return time.perf_counter() - self._start

    def println(self, line):
        self._emit(str(line), False)

    def timing(self, line):
        """A line that reports a measured time (its numbers change from run to run)."""
        self._emit(str(line), True)

    def _emit(self, line, timing):
        if self.muted:
            return
        with self._lock:
            t_us = int(self.elapsed() * 1e6)
            if self.colour and self._colour_ok:
                text = self.colour + line + RESET
            else:
                text = line
            try:
                sys.stdout.write(text + "\n")
                sys.stdout.flush()
            except OSError as error:
                _stdout_failed(error)
            event = {"t_us": t_us, "task": self.task_name, "line": line}
            if timing:
                event["timing"] = True
            self._events.append(event)

    def record_poll(self, task, start, end, ready):
        """Records one step of an asyncio task (``perf_counter`` times)."""
        if self._polls_off:
            return
        thread = threading.current_thread()
        with self._lock:
            self._polls.append({
                "task": task,
                "start_us": int((start - self._start) * 1e6),
                "dur_us": max(0, int((end - self._start) * 1e6) - int((start - self._start) * 1e6)),
                "thread": "main" if thread is threading.main_thread() else thread.name,
                "ready": ready,
            })

    def polls_off(self):
        """No polls in the trace (over 100 tasks, as for the printed lines)."""
        with self._lock:
            self._polls_off = True
            self._polls.clear()

    def write_trace(self, file, summary):
        """Writes the events, the polls, then ``summary``, into ``file`` (opened before the run)."""
        with self._lock:
            lines = [json.dumps(e, ensure_ascii=False) for e in self._events]
            lines += [json.dumps(p, ensure_ascii=False) for p in self._polls]
        lines.append(json.dumps(summary, ensure_ascii=False))
        with file:
            file.write("\n".join(lines) + "\n")


class _TracedCoroutine(collections.abc.Coroutine):
    """A task's coroutine whose every step (``send``, ``throw``: what the event loop calls to
    run the task until its next ``await`` that suspends) is timed and recorded as one poll."""

    def __init__(self, coro, name, out):
        self._coro, self._name, self._out = coro, name, out

    def _step(self, method, *args):
        start = time.perf_counter()
        try:
            value = method(*args)
        except BaseException:  # StopIteration (its end), or an exception: its last step
            self._out.record_poll(self._name, start, time.perf_counter(), True)
            raise
        self._out.record_poll(self._name, start, time.perf_counter(), False)
        return value

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __getattr__(self, name):  # cr_frame, __qualname__… for asyncio's reprs
        return getattr(self._coro, name)


# The most tasks whose polls are recorded (the main task and 100 others).
_MAX_TRACED_TASKS = 101


def _task_name(coro, seen):
    """The lane of a task: ``main`` for the first, else its coroutine's name with its int and
    str arguments, ``#k`` added to tell apart tasks that would share one (``count() #2``)."""
    if not seen:
        seen["main"] = 1
        return "main"
    qualname = getattr(coro, "__qualname__", None) or type(coro).__name__
    frame, code = getattr(coro, "cr_frame", None), getattr(coro, "cr_code", None)
    args = []
    if frame is not None and code is not None:
        for var in code.co_varnames[: code.co_argcount]:
            value = frame.f_locals.get(var)
            if isinstance(value, (int, str)) and not isinstance(value, bool):
                args.append(repr(value))
    base = f"{qualname}({', '.join(args)})"
    seen[base] = seen.get(base, 0) + 1
    return f"{base} #{seen[base]}" if not args or seen[base] > 1 else base


def _traced_loops(out):
    """An event-loop policy whose loops wrap every task's coroutine (``asyncio.run``'s main
    one included) in a ``_TracedCoroutine``, through a task factory: public API only.

    Recorded: each step of each asyncio task (the loop running it until it suspends), its
    thread and whether it ended. Not recorded: the loop's own work between steps (callbacks,
    ``call_later`` handlers, waiting in ``select``), what a thread-pool executor runs
    (``run_in_executor``: not a task), and the steps of a coroutine awaited inside a task (part
    of that task's step). Over 100 tasks, none (the trace then has no polls)."""
    seen = {}

    def factory(loop, coro, **kwargs):
        if getattr(coro, "__qualname__", "").startswith("BaseEventLoop."):
            # asyncio.run's own clean-up at the end, not the program's.
            return asyncio.Task(coro, loop=loop, **kwargs)
        if len(seen) and sum(seen.values()) >= _MAX_TRACED_TASKS:
            out.polls_off()
            return asyncio.Task(coro, loop=loop, **kwargs)
        return asyncio.Task(_TracedCoroutine(coro, _task_name(coro, seen), out), loop=loop, **kwargs)

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            loop = super().new_event_loop()
            loop.set_task_factory(factory)
            return loop

    return Policy()


def _stdout_failed(error):
    """The Rust binaries' rule (``shared/src/out.rs``): end at once, 141 for a closed pipe."""
    if isinstance(error, BrokenPipeError):
        # Python would complain at exit while flushing the dead pipe: point stdout elsewhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        os._exit(141)
    sys.stderr.write(f"error: cannot write to stdout: {error}\n")
    sys.stderr.flush()
    os._exit(1)


class Run:
    """What a program gets: its mode, scale, output sink and own options."""

    def __init__(self, program, mode, scale, out, opts):
        self.program = program
        self.mode = mode
        self.scale = scale
        self.out = out
        self.opts = opts

    def secs(self, seconds):
        """``seconds`` of the seed's time, scaled by --scale."""
        return seconds * self.scale


def start_and_join(threads):
    """Starts every thread, then waits for each to end: the threaded modes' pattern."""
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def int_between(low, high, name):
    """An argparse ``type`` for an integer from ``low`` to ``high``; argparse names it
    ``name`` in its error (``invalid NAME value: '0'``)."""

    def parse(text):
        n = int(text)
        if not low <= n <= high:
            raise ValueError(text)
        return n

    parse.__name__ = name
    return parse


def round_robin(tasks):
    """The seeds' ``while not done: for t in tasks: next(t)``: resumes each generator in turn
    until all are done, without removing items from the list it iterates over."""
    while tasks:
        for t in list(tasks):
            try:
                next(t)
            except StopIteration:
                tasks.remove(t)


def _scale(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not a number")
    if not (value > 0 and value != float("inf")):
        raise argparse.ArgumentTypeError("must be a number greater than 0")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write(f"error: {message}\n")
        sys.exit(2)


def main(program, about, modes, body, add_options=None, ideals=None):
    """Parses the command line, runs ``body(run)``, writes the trace, exits.

    ``modes``: the program's modes, the default first; ``ideals``: mode → ideal seconds, for
    --help; ``add_options(parser)`` adds the program's own options.
    """
    mode_help = ", ".join(
        f"{m} (ideal {ideals[m]:g} s)" if ideals and m in ideals else m for m in modes
    )
    parser = _Parser(
        prog=f"{program}.py",
        description=f"{about} (Python port)",
        epilog="Exit codes: 0 success, 1 the program failed or stdout cannot be written (one "
        "line on stderr), 2 bad arguments (a --trace FILE that cannot be created too), 141 "
        "stdout was closed (| head). Durations are the seed's times multiplied by --scale.",
    )
    parser.add_argument("--mode", choices=modes, default=modes[0], help=f"How to run it: {mode_help}")
    parser.add_argument(
        "--scale", type=_scale, default=1.0, metavar="FACTOR",
        help="Multiply every duration by FACTOR (> 0); 0.01 runs a 17 s program in 0.17 s",
    )
    parser.add_argument(
        "--trace", metavar="FILE",
        help="Write a JSON Lines trace: one object per printed line, then the elapsed time",
    )
    if add_options:
        add_options(parser)
    args = parser.parse_args()
    # Created now: a path that cannot be written is a bad argument, told before any work.
    trace = None
    if args.trace:
        try:
            trace = open(args.trace, "w", encoding="utf-8")
        except OSError as error:
            sys.stderr.write(f"error: cannot create the trace file {args.trace}: {error.strerror}\n")
            sys.exit(2)
    out = Out()
    if trace:
        # Only a traced run records its tasks' polls.
        asyncio.set_event_loop_policy(_traced_loops(out))
    run = Run(program, args.mode, args.scale, out, args)
    code = 0
    try:
        body(run)
    except KeyboardInterrupt:
        code = 130
    except Exception as error:  # one line on stderr, like the Rust binaries
        sys.stderr.write(f"error: {error}\n")
        code = 1
    if trace:
        summary = {
            "program": program,
            "runtime": "python",
            "mode": args.mode,
            "scale": args.scale,
            "threads": None,
            "elapsed_us": int(out.elapsed() * 1e6),
        }
        try:
            out.write_trace(trace, summary)
        except OSError as error:
            sys.stderr.write(f"error: cannot write trace {args.trace}: {error}\n")
            code = 1
    sys.exit(code)
