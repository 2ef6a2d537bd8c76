"""http_fetch: six URLs fetched by two workers, One and Two (seed 001).

With no URLs on the command line, a stand-in server on 127.0.0.1 answers for the seed's six
sites, each after the latency the seed measured for it (times --scale), so the run needs no
network.

- ``sequential``: the seed's generators with ``requests``, resumed in turn: one request at a
  time, 4.55 s.
- ``threads``: one thread per worker, ``requests``: 2.49 s.
- ``concurrent``: the seed's asyncio version with ``aiohttp``: 2.49 s.

``requests`` and ``aiohttp`` are not in the standard library (``pip install requests
aiohttp``); a mode whose client is missing fails with a one-line error.
"""

import asyncio
import os
import queue
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from _common import int_between, main, round_robin, start_and_join

# The HTTP clients are imported before the program's clock starts (as a Rust binary's are
# loaded before its main): their import time counts in the process's wall time, not in the
# program's elapsed time.
try:
    import requests
except ImportError:
    requests = None
try:
    import aiohttp
except ImportError:
    aiohttp = None


def read_sites(path):
    """The seed's sites and their latencies (seconds), from ``shared/data/sites.txt``: one
    ``name seconds`` a line, ``#`` comments; the Rust catalogue reads the same file."""
    sites = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                name, seconds = line.split()
                sites.append((name, float(seconds)))
    return sites


HERE = os.path.dirname(os.path.abspath(__file__))
SITES = read_sites(os.path.join(HERE, "..", "shared", "data", "sites.txt"))
WORKERS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"]


class StandIn:
    """The stand-in server: ``/<site>`` answers after the site's latency times ``scale``."""

    def __init__(self, scale):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                name = self.path.strip("/").split("?")[0]
                latency = dict(SITES).get(name)
                if latency is None:
                    self.send_error(404)
                    return
                time.sleep(latency * scale)
                page = (
                    f"<!doctype html>\n<html><head><title>{name}</title></head>\n<body><p>A "
                    f"stand-in for http://{name}.com, answering after {latency} s as it did "
                    "in seed 001.</p></body></html>\n"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # A short poll interval: shutting down waits for the serving loop to look up.
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()

    def site_urls(self):
        host, port = self.server.server_address[:2]
        return [f"http://{host}:{port}/{name}" for name, _ in SITES]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ANCHOR: program
def outcome_line(name, elapsed, status, size, error):
    if error is None:
        return f"Task {name} elapsed time {elapsed} (HTTP {status}, {size} bytes)"
    return f"Task {name} failed after {elapsed} s: {error}"


def fetch_blocking(session, out, name, url, timeout, failures):
    out.println(f"Task {name} getting URL: {url}")
    start_time = time.perf_counter()
    status, size, error = None, None, None
    try:
        response = session.get(url, timeout=timeout)
        status, size = response.status_code, len(response.content)
        if status >= 400:
            error = f"HTTP error status {status}"
    except Exception as e:  # each URL's error is reported, the others go on
        error = failure(e)
    out.timing(outcome_line(name, time.perf_counter() - start_time, status, size, error))
    if error is not None:
        failures.append(f"{url} ({error})")


def task_generator(session, out, name, work_queue, timeout, failures):
    """The seed's generator: fetch one URL, then yield."""
    while not work_queue.empty():
        url = work_queue.get()
        fetch_blocking(session, out, name, url, timeout, failures)
        yield


def task_thread(requests, out, name, work_queue, timeout, failures):
    with requests.Session() as session:
        while True:
            try:
                url = work_queue.get_nowait()
            except queue.Empty:
                return
            fetch_blocking(session, out, name, url, timeout, failures)


async def task_async(aiohttp, session, out, name, work_queue, timeout, failures):
    while not work_queue.empty():
        url = await work_queue.get()
        out.println(f"Task {name} getting URL: {url}")
        start_time = time.perf_counter()
        status, size, error = None, None, None
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
                body = await response.read()
                status, size = response.status, len(body)
                if status >= 400:
                    error = f"HTTP error status {status}"
        except Exception as e:
            error = failure(e)
        out.timing(outcome_line(name, time.perf_counter() - start_time, status, size, error))
        if error is not None:
            failures.append(f"{url} ({error})")


def failure(error):
    """An exception as one of the Rust ports' one-line failures."""
    text = repr(error) + str(error)
    if "Connection refused" in text or isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if "Name or service not known" in text or "NameResolution" in text or "getaddrinfo" in text:
        return "DNS lookup failed"
    if "imeout" in type(error).__name__ or "timed out" in text:
        return "timed out"
    if "TooManyRedirects" in type(error).__name__ or "TooManyRedirects" in text:
        return "too many redirects"
    if isinstance(error, ConnectionResetError) or "Connection reset" in text \
            or "ServerDisconnected" in type(error).__name__:
        return "connection reset by the server"
    if "ClientPayloadError" in type(error).__name__ or "payload is not completed" in text \
            or "ContentLengthError" in text:
        return "body cut short (the connection closed before its end)"
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def needs(module, client):
    if client is None:
        raise RuntimeError(f"this mode needs the Python module {module} (pip install {module})")
    return client


def run(run):
    if run.mode == "concurrent":
        client = needs("aiohttp", aiohttp)
    else:
        client = needs("requests", requests)
    server = None
    urls = run.opts.urls
    if not urls:
        server = StandIn(run.scale)
        urls = server.site_urls()
    urls = list(urls) * run.opts.times
    # The seed's names for the first eight workers, then numbers (the bench's loads).
    names = (WORKERS + [str(i + 1) for i in range(len(WORKERS), run.opts.workers)])[: run.opts.workers]
    timeout = run.opts.timeout
    failures = []
    out = run.out
    start_time = time.perf_counter()
    try:
        if run.mode == "sequential":
            work_queue = queue.Queue()
            for url in urls:
                work_queue.put(url)
            with client.Session() as session:
                tasks = [
                    task_generator(session, out.task(n), n, work_queue, timeout, failures)
                    for n in names
                ]
                # The seed's round robin: resume each task in turn until all are done.
                round_robin(tasks)
        elif run.mode == "threads":
            work_queue = queue.Queue()
            for url in urls:
                work_queue.put(url)
            threads = [
                threading.Thread(
                    target=task_thread,
                    args=(client, out.task(n), n, work_queue, timeout, failures),
                )
                for n in names
            ]
            start_and_join(threads)
        else:
            async def start():
                work_queue = asyncio.Queue()
                for url in urls:
                    await work_queue.put(url)
                async with client.ClientSession() as session:
                    tasks = [
                        asyncio.create_task(
                            task_async(client, session, out.task(n), n, work_queue, timeout,
                                       failures)
                        )
                        for n in names
                    ]
                    await asyncio.gather(*tasks)

            asyncio.run(start())
        out.timing(f"Total Time elapsed: {time.perf_counter() - start_time}")
    finally:
        if server:
            server.close()
    if failures:
        named = ", ".join(failures[:3])
        if len(failures) > 3:
            named += f", and {len(failures) - 3} more"
            # Many failures: how many of each, so that every URL is accounted for.
            kinds = {}
            for failed in failures:
                kind = failed.split(" (", 1)[1][:-1]
                kinds[kind] = kinds.get(kind, 0) + 1
            counts = [f"{len(urls) - len(failures)} fetched"]
            counts += [f"{n} {kind}" for kind, n in sorted(kinds.items())]
            named += f" (outcomes: {', '.join(counts)})"
        raise RuntimeError(f"{len(failures)} of {len(urls)} URLs failed: {named}")
# ANCHOR_END: program


def options(parser):
    def seconds(text):
        s = float(text)
        if not 0 < s <= 86_400:
            raise ValueError(text)
        return s

    parser.add_argument("urls", nargs="*", metavar="URL",
                        help="URLs to fetch; none: the seed's six sites, on a stand-in server")
    parser.add_argument("--workers", type=int_between(1, 4096, "workers"), default=2,
                        metavar="N",
                        help="How many workers take URLs from the queue (1 to 4096)")
    parser.add_argument("--times", type=int_between(1, 10_000_000, "times"), default=1,
                        metavar="N", help="Fetch the URLs this many times over (a load)")
    parser.add_argument("--timeout", type=seconds, default=10.0, metavar="SECS",
                        help="Seconds one request may take (not scaled by --scale)")


if __name__ == "__main__":
    main(
        "http_fetch",
        "Six URLs fetched by two workers, One and Two.",
        ["concurrent", "sequential", "threads"],
        run,
        options,
        {"concurrent": 2.486, "sequential": 4.552, "threads": 2.486},
    )
