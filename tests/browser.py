"""Serve a built site on localhost and drive Debian's Chromium through Playwright.

Every page a test opens is watched: a console error, an uncaught exception, a
failed or 4xx/5xx request, or any request to a host other than the local
server is recorded, and `Visit.problems()` lists them.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` on http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One browser page with everything that went wrong while it was open."""

    page: object
    base: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.errors + [f"request to another host: {url}" for url in self.foreign]


@contextmanager
def visit(browser, base: str, *, width: int = 1280, height: int = 900,
          color_scheme: str = "light") -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=color_scheme)
    page = context.new_page()
    seen = Visit(page, base)

    def route(route):
        url = route.request.url
        if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            seen.foreign.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: seen.errors.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(f"page error: {e}"))
    # ERR_ABORTED is a request the browser dropped because the test moved on to
    # another page (Material fetches sitemap.xml in the background); a request the
    # server could not answer shows as a 4xx/5xx response below.
    page.on("requestfailed", lambda r: seen.errors.append(f"failed: {r.url} {r.failure}")
            if r.url.startswith(base) and "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: seen.errors.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    try:
        yield seen
    finally:
        context.close()
