"""The book's browser test: every page of the built book (and the compare report) opened in
headless Chromium, the system's own, driven by Playwright (which downloads no browser here:
it is handed ``--chromium``). Run by ``cargo xtask book --browser``, which makes the virtual
environment and passes the paths.

    check_pages.py --book target/book --chromium /usr/bin/chromium --screenshot FILE
                   [--report target/compare/report.html] [--smol-chapter programs/count.html]
                   [--timeline-chapter programs/count.html]

It serves the book (and the report's folder) on 127.0.0.1 and fails, one line per problem,
on: a console error or an uncaught exception, a failed request or an HTTP error status, a
program chapter without its Python and runtime code, a report without its tables and
timelines. On one chapter it clicks the smol tab, checks that smol's code shows, goes to the
next chapter and checks that the choice held; it saves a screenshot of that chapter. On the
timeline chapter, the timeline's picture must load and draw the tasks' polls (bars with a
size) on their lanes; a screenshot of it is saved beside the first (``-timeline.png``).
Exit code 0 when every check passed, 1 otherwise, 2 for bad arguments.
"""

import argparse
import functools
import http.server
import pathlib
import sys
import tempfile
import threading

from playwright.sync_api import sync_playwright

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """A static server of ``directory`` on 127.0.0.1 (an ephemeral port), on a thread."""
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def watch(page, problems, current):
    """Records the page's console errors, uncaught exceptions and failed requests, each
    with the name of the page open at the time (``current["name"]``)."""

    def add(what):
        problems.append(f"{current['name']}: {what}")

    page.on("console", lambda m: m.type == "error" and add(f"console error: {m.text}"))
    page.on("pageerror", lambda e: add(f"uncaught exception: {e}"))
    page.on("requestfailed", lambda r: add(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and add(f"HTTP {r.status} for {r.url}"))


def visible_code(page, scope="main"):
    """The text of every visible code block under ``scope``."""
    return page.eval_on_selector_all(
        f"{scope} pre code",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.innerText)",
    )


def runtime_tabs(page):
    """The visible code of the runtime tabs' container, and which tab is active."""
    active = page.eval_on_selector_all(
        ".mdbook-tabs-container .mdbook-tab.active", "els => els.map(e => e.innerText.trim())"
    )
    code = visible_code(page, ".mdbook-tabs-container .mdbook-tab-content")
    return active, code


def check_chapter(page, name, problems, python):
    """A program chapter shows a runtime's code, and its Python original when ``python``."""
    if python and not page.query_selector("code.language-python"):
        problems.append(f"{name}: no Python code")
    active, code = runtime_tabs(page)
    if len(active) != 1:
        problems.append(f"{name}: {len(active)} active runtime tabs, not 1")
    if not any(len(c.strip()) > 200 for c in code):
        problems.append(f"{name}: the active runtime tab shows no program")


def check_timeline(page, base, chapter, problems):
    """The chapter's timeline picture (the book's measured snapshot) loads."""
    page.goto(base + chapter, wait_until="networkidle")
    img = page.query_selector("img[src*='timeline-']")
    if img is None:
        problems.append(f"{chapter}: no timeline picture")
    elif not page.evaluate("img => img.complete && img.naturalWidth > 0", img):
        problems.append(f"{chapter}: its timeline did not load")
    else:
        print(f"{chapter}: its timeline loaded")


def check_report_polls(page, report, problems, screenshot):
    """The report's new timelines (inline, from this run) draw poll bars on task lanes."""
    bars = page.eval_on_selector_all(
        "svg rect",
        """els => els.filter(e => {
            const t = e.querySelector('title');
            return t && / poll/.test(t.textContent) && e.getBBox().width > 0;
        }).length""",
    )
    waits = page.eval_on_selector_all(
        "svg line", "els => els.filter(e => /alive from/.test(e.textContent)).length"
    )
    if bars == 0 or waits == 0:
        problems.append(f"{report}: {bars} poll bars and {waits} task lanes with polls drawn")
        return
    print(f"{report}: {bars} poll bars on {waits} task lanes")
    page.eval_on_selector("svg", "e => { e.scrollIntoView(); }")
    page.screenshot(path=str(screenshot))
    print(f"screenshot of the report's first timeline: {screenshot}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", required=True, type=pathlib.Path)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--screenshot", required=True, type=pathlib.Path)
    parser.add_argument("--report", type=pathlib.Path)
    parser.add_argument("--smol-chapter", default="programs/count.html")
    parser.add_argument("--timeline-chapter", default="programs/count.html")
    parser.add_argument(
        "--python", action="append", default=[], metavar="PAGE",
        help="a chapter that must show Python code (repeatable)",
    )
    args = parser.parse_args()
    if not (args.book / "index.html").is_file():
        print(f"error: no built book in {args.book}", file=sys.stderr)
        return 2

    problems = []
    pages = sorted(
        p.relative_to(args.book).as_posix()
        for p in args.book.rglob("*.html")
        # mdBook's 404 page is served for missing paths, with links absolute to the site;
        # toc.html is the sidebar that every page loads in a frame, checked there.
        if p.name not in ("404.html", "toc.html")
    )
    server, base = serve(args.book)
    report_server = None
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(
            profile, executable_path=args.chromium, headless=True, args=FLAGS
        )
        page = browser.new_page()
        current = {"name": ""}
        watch(page, problems, current)
        for name in pages:
            current["name"] = name
            page.goto(base + name, wait_until="networkidle")
            if name.startswith("programs/"):
                check_chapter(page, name, problems, name in args.python)
        print(f"opened {len(pages)} pages of the book")

        # The runtime choice: click smol on one chapter, it holds on the next.
        chapter = args.smol_chapter
        current["name"] = chapter
        page.goto(base + chapter, wait_until="networkidle")
        page.click(".mdbook-tabs-container .mdbook-tab >> text=smol")
        active, code = runtime_tabs(page)
        if active != ["smol"] or not any("smol::" in c for c in code):
            problems.append(f"{chapter}: clicking smol shows {active}, not smol's code")
        following = page.eval_on_selector("a.nav-chapters.next", "a => a.href")
        next_name = following[len(base):]
        current["name"] = next_name
        page.goto(following, wait_until="networkidle")
        active, code = runtime_tabs(page)
        if active != ["smol"] or not any("smol::" in c for c in code):
            problems.append(f"{next_name}: the smol choice did not hold (active: {active})")
        else:
            print(f"clicked smol on {chapter}; it held on {next_name}")
        page.eval_on_selector(".mdbook-tabs-container", "e => { e.scrollIntoView(); window.scrollBy(0, -120); }")
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.screenshot))
        print(f"screenshot of {next_name}: {args.screenshot}")

        current["name"] = args.timeline_chapter
        check_timeline(page, base, args.timeline_chapter, problems)

        if args.report:
            report_server, report_base = serve(args.report.parent)
            current["name"] = str(args.report)
            page.goto(report_base + args.report.name, wait_until="networkidle")
            tables = len(page.query_selector_all("table"))
            svgs = len(page.query_selector_all("svg"))
            if tables == 0 or svgs == 0:
                problems.append(f"{args.report}: {tables} tables and {svgs} timelines")
            else:
                print(f"opened {args.report}: {tables} tables, {svgs} timelines")
            check_report_polls(
                page, args.report, problems,
                args.screenshot.with_name(args.screenshot.stem + "-timeline.png"),
            )
        browser.close()
    server.shutdown()
    if report_server:
        report_server.shutdown()
    for problem in problems:
        print(problem)
    if problems:
        print(f"browser test: {len(problems)} problems")
        return 1
    print("browser test: every page passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
