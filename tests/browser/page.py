"""Open a generated page in headless Chromium with no network.

Requests for Leaflet's CDN files are answered from the copy vendored in ``geo/render/assets``;
``file://`` requests go through; every other request is aborted and recorded, so a test can
assert that a page asks for nothing else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, sync_playwright

from geo.render._folium import LEAFLET_CDN

ASSETS = Path(__file__).resolve().parents[2] / "geo" / "render" / "assets"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
_TYPES = {".js": "application/javascript", ".css": "text/css"}


@dataclass
class Requests:
    """What a page asked for: served from local copies, and aborted."""

    served: list[str] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)


@contextlib.contextmanager
def chromium(executable: str) -> Iterator[Browser]:
    """A headless Chromium (Debian's, never a downloaded build)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Browser, path: Path, *, width: int = 1280, height: int = 860):
    """Open ``path`` offline; returns ``(page, requests, errors)`` once Leaflet has drawn."""
    page: Page = browser.new_page(viewport={"width": width, "height": height})
    requests = Requests()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        elif url.startswith(LEAFLET_CDN) and (ASSETS / url[len(LEAFLET_CDN) :]).is_file():
            name = url[len(LEAFLET_CDN) :]
            requests.served.append(url)
            route.fulfill(
                status=200,
                content_type=_TYPES.get(Path(name).suffix, "application/octet-stream"),
                body=(ASSETS / name).read_bytes(),
            )
        else:
            requests.aborted.append(url)
            route.abort()

    page.route("**/*", handle)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, requests, errors
