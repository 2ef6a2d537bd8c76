"""http_fetch: a queue of URLs, two workers, One and Two (seed 001).

Two workers, One and Two, take the next URL from a queue as soon as they are free and fetch
it. The URLs are the arguments; with none, the seed's six sites (that needs the network). A
URL that fails (refused, no DNS, a status of 400 or more, over the 10 s timeout) gets one
line and does not stop the others; the exit code is then 1.

- ``concurrent``: the seed's asyncio version with ``aiohttp``: each worker is a task, so while
  one waits for its server the other runs.
- ``sequential``: the seed's generators with ``requests``, resumed in turn: one request at a
  time.
- ``threads``: a thread per worker with ``requests``.

    python3 python/examples/http_fetch.py                    # the seed's six sites
    python3 python/examples/http_fetch.py [MODE] URL...      # MODE: concurrent (default),
                                                             # sequential, threads

``aiohttp`` and ``requests`` are not in the standard library: ``python3 -m pip install -r
python/requirements.txt``. The measured twin (``--trace``, ``--scale``, ``--workers``, a local
stand-in for the six sites, every kind of failure told apart) is ``python/http_fetch.py``.
"""

import asyncio
import queue
import sys
import threading
import time

try:
    import aiohttp
    import requests
except ImportError as error:
    sys.exit(f"error: no module {error.name}: python3 -m pip install aiohttp requests")

# The seed's six sites.
SITES = [
    "http://google.com",
    "http://yahoo.com",
    "http://linkedin.com",
    "http://apple.com",
    "http://microsoft.com",
    "http://facebook.com",
]
TIMEOUT_SECS = 10
# print() writes a line and its newline separately: threads take this lock to print whole lines.
print_lock = threading.Lock()


def report(name, start_time, outcome):
    """Prints one URL's outcome line; returns whether it failed."""
    elapsed = time.perf_counter() - start_time
    with print_lock:
        if isinstance(outcome, Exception):
            print(f"Task {name} failed after {elapsed} s: {outcome}")
        else:
            status, size = outcome
            print(f"Task {name} elapsed time {elapsed} (HTTP {status}, {size} bytes)")
    return isinstance(outcome, Exception)


def get(session, url):
    """GETs ``url`` with requests (redirects followed): its status and the body's length."""
    response = session.get(url, timeout=TIMEOUT_SECS)
    response.raise_for_status()
    return response.status_code, len(response.content)


def fetch(session, name, url):
    with print_lock:
        print(f"Task {name} getting URL: {url}")
    start_time = time.perf_counter()
    try:
        outcome = get(session, url)
    except requests.RequestException as error:
        outcome = error
    return report(name, start_time, outcome)


def task(name, work_queue, failed):
    """The seed's generator: fetch one URL, then yield to the other worker."""
    with requests.Session() as session:
        while not work_queue.empty():
            url = work_queue.get()
            if fetch(session, name, url):
                failed.append(url)
            yield


def task_thread(name, work_queue, failed):
    with requests.Session() as session:
        while True:
            try:
                url = work_queue.get_nowait()
            except queue.Empty:
                return
            if fetch(session, name, url):
                failed.append(url)


async def task_async(name, work_queue, failed):
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        while not work_queue.empty():
            url = await work_queue.get()
            print(f"Task {name} getting URL: {url}")
            start_time = time.perf_counter()
            try:
                # While this request waits for the network, the event loop runs the other.
                async with session.get(url, raise_for_status=True) as response:
                    outcome = response.status, len(await response.read())
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                outcome = error
            if report(name, start_time, outcome):
                failed.append(url)


def work_queue_of(urls):
    work_queue = queue.Queue()
    for url in urls:
        work_queue.put(url)
    return work_queue


def sequential(urls, failed):
    work_queue = work_queue_of(urls)
    tasks = [task("One", work_queue, failed), task("Two", work_queue, failed)]
    # The seed's round robin: resume each task in turn until all are done.
    while tasks:
        for t in list(tasks):
            try:
                next(t)
            except StopIteration:
                tasks.remove(t)


def threads(urls, failed):
    work_queue = work_queue_of(urls)
    workers = [
        threading.Thread(target=task_thread, args=(name, work_queue, failed))
        for name in ["One", "Two"]
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


async def concurrent(urls, failed):
    work_queue = asyncio.Queue()
    for url in urls:
        await work_queue.put(url)
    tasks = [asyncio.create_task(task_async(name, work_queue, failed)) for name in ["One", "Two"]]
    await asyncio.gather(*tasks)


def main():
    args = sys.argv[1:]
    # The mode: a first argument without "://", concurrent by default.
    mode = args.pop(0) if args and "://" not in args[0] else "concurrent"
    modes = {
        "concurrent": lambda urls, failed: asyncio.run(concurrent(urls, failed)),
        "sequential": sequential,
        "threads": threads,
    }
    if mode not in modes:
        print(f"unknown mode {mode!r}: the modes are {', '.join(modes)}", file=sys.stderr)
        sys.exit(2)
    # The URLs: the other arguments, or the seed's six sites.
    urls = args or SITES
    failed = []
    start_time = time.perf_counter()
    modes[mode](urls, failed)
    print(f"Total Time elapsed: {time.perf_counter() - start_time}")
    if failed:
        print(f"{len(failed)} of {len(urls)} URLs failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
