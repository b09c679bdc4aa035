"""The generated pages in headless Chromium, offline: features drawn, popups, no injection."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import numpy as np
import pytest
from browser.page import chromium, open_page
from browser.samples import JINJA, XSS_IMG, XSS_SCRIPT, XSS_TEMPLATE, snapshot_parts
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo.render import Snapshot, build_maps
from geo.theatre import load_profile

pytestmark = pytest.mark.browser

DATES = (dt.date(2017, 2, 14), dt.date(2017, 3, 2))
PAYLOAD = XSS_IMG + XSS_SCRIPT + XSS_TEMPLATE + JINJA
EVIL_PLACE = "Kobané" + XSS_IMG + JINJA


@pytest.fixture(scope="module")
def browser(chromium_executable):
    with chromium(chromium_executable) as launched:
        yield launched


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    out = tmp_path_factory.mktemp("maps")
    snapshots = [Snapshot(**snapshot_parts(DATES[0]))]
    snapshots.append(Snapshot(**snapshot_parts(DATES[1], evidence=PAYLOAD, place_name=EVIL_PLACE)))
    build_maps(snapshots, out_dir=out, profile=load_profile("syria_iraq"), formats=("html", "png"))
    offline = tmp_path_factory.mktemp("offline")
    build_maps(
        snapshots[:1],
        out_dir=offline,
        profile=load_profile("syria_iraq"),
        formats=("html",),
        offline=True,
    )
    return out, offline


def _popup(page, selector: str) -> str:
    """Click the first feature matching ``selector`` and return the text of its popup."""
    if _count(page, ".leaflet-popup-close-button"):
        page.locator(".leaflet-popup-close-button").click()
        page.wait_for_function("document.querySelectorAll('.geo-popup').length === 0")
    page.locator(selector).first.click(force=True)
    page.wait_for_function("document.querySelectorAll('.geo-popup').length === 1")
    return page.locator(".geo-popup").inner_text()


def _count(page, selector: str) -> int:
    return page.evaluate(f"document.querySelectorAll({selector!r}).length")


def _settled_count(page, selector: str, expected: int) -> int:
    """The number of ``selector`` matches once Leaflet's 200 ms fade-outs had time to end."""
    script = f"document.querySelectorAll({selector!r}).length === {expected}"
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(script, timeout=2000)
    return _count(page, selector)


def test_snapshot_draws_every_kind_of_feature(browser, maps):
    page, requests, errors = open_page(browser, maps[0] / "snapshots" / f"{DATES[0]}.html")
    assert errors == [] and requests.aborted == []
    counts = {
        kind: _count(page, f"path.geo-{kind}")
        for kind in ("place", "zone", "front", "advance", "footprint", "estimate", "observation")
    }
    assert counts == {
        "place": 6,
        "zone": 2,
        "front": 1,
        "advance": 1,
        "footprint": 1,
        "estimate": 1,
        "observation": 1,
    }
    assert _count(page, "path.geo-contested") == 1
    assert _count(page, "path.geo-stale.geo-place") == 1
    assert _count(page, "path.geo-uncertain.geo-place") == 1
    assert _count(page, "path.geo-border") > 5
    # The inferred place's uncertainty circle is drawn but lets clicks through to what is
    # under it (its marker has the popup).
    assert _count(page, "path.geo-uncertainty") == 1
    assert _count(page, "path.geo-uncertainty.leaflet-interactive") == 0
    assert _count(page, ".geo-label") == 6
    # The context layer (Moscou) is off by default: its dot is not drawn.
    assert _count(page, "path.geo-observation") == 1
    # The same colours as the PNGs: the profile's, one per side.
    profile = load_profile("syria_iraq")
    for side in ("sdf", "rebels", "isis", "government"):
        fill = page.get_attribute(f"path.geo-place.geo-side-{side}", "fill")
        assert fill == profile.sides[side].colour, side
    assert page.get_attribute("path.geo-contested", "fill") == profile.contested_colour
    assert "Situation as of 2017-02-14" in page.inner_text(".geo-header")
    assert page.locator(".geo-legend").inner_text().count("\n") >= 8
    page.close()


def test_layer_control_toggles_a_side(browser, maps):
    page, _, _ = open_page(browser, maps[0] / "snapshots" / f"{DATES[0]}.html")
    page.get_by_text("Places: Syrian government and allies (2)").click()
    assert _count(page, "path.geo-place") == 4
    assert _settled_count(page, ".geo-label", 4) == 4
    page.get_by_text("Context (diplomatic, off-theatre)").click()
    assert _count(page, "path.geo-observation") == 2
    page.close()


def test_popup_shows_evidence_and_provenance(browser, maps):
    page, _, _ = open_page(browser, maps[0] / "snapshots" / f"{DATES[0]}.html")
    popup = _popup(page, "path.geo-place.geo-side-isis")
    assert "Qaryatayn: Islamic State" in popup
    assert "Les forces ont pris le contrôle de Qaryatayn selon une source." in popup
    assert "art-20170125" in popup and "Since\t2017-01-25" in popup
    assert "Confidence\t0.80" in popup
    popup = _popup(page, "path.geo-observation")
    assert "Hama" in popup and "Date\t2017-02" in popup and "Date precision\tmonth" in popup
    page.close()


def test_injected_article_text_is_shown_not_run(browser, maps):
    page, requests, errors = open_page(browser, maps[0] / "snapshots" / f"{DATES[1]}.html")
    assert errors == []
    assert page.evaluate("window.__pwned") is None
    label = page.locator(".geo-label", has_text="Kobané").inner_text()
    assert label == EVIL_PLACE
    assert PAYLOAD in _popup(page, "path.geo-place.geo-side-sdf")
    popup = page.locator(".geo-popup")
    assert popup.locator("img").count() == 0 and popup.locator("script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not any(url.endswith("/x") for url in requests.aborted), "the <img> was parsed"
    # The time slider shows the same snapshot last: nothing runs there either.
    page, _, errors = open_page(browser, maps[0] / "timeline.html")
    assert errors == [] and page.evaluate("window.__pwned") is None
    assert PAYLOAD in _popup(page, "path.geo-place.geo-side-sdf")
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_time_slider_switches_dates(browser, maps):
    page, _, errors = open_page(browser, maps[0] / "timeline.html")
    assert errors == []
    assert page.inner_text("#geo-date") == "2017-03-02"
    assert page.get_attribute("#geo-open", "href") == "snapshots/2017-03-02.html"
    assert _count(page, "path.geo-place") == 6
    page.click("#geo-back")
    assert page.inner_text("#geo-date") == "2017-02-14"
    assert page.get_attribute("#geo-open", "href") == "snapshots/2017-02-14.html"
    assert _count(page, "path.geo-place") == 6
    assert _settled_count(page, ".geo-label", 6) == 6
    assert page.locator(".geo-label", has_text="Kobané").count() == 0
    assert page.locator(".geo-label", has_text="Manbij").count() == 1
    page.locator("#geo-range").fill("1")
    assert page.inner_text("#geo-date") == "2017-03-02"
    assert _settled_count(page, ".geo-label", 6) == 6
    assert page.locator(".geo-label", has_text="Kobané").count() == 1
    page.close()


def test_offline_build_needs_no_network(browser, maps):
    page, requests, errors = open_page(browser, maps[1] / "snapshots" / f"{DATES[0]}.html")
    assert errors == [] and requests.served == [] and requests.aborted == []
    assert _count(page, "path.geo-place") == 6
    page.close()


def test_index_and_screenshot(browser, maps, tmp_path):
    page, requests, errors = open_page(browser, maps[0] / "index.html")
    assert errors == [] and requests.aborted == []
    # Thumbnails load lazily: give them a moment, then read their real size.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("[...document.images].every(img => img.naturalWidth > 0)")
    widths = page.evaluate("[...document.images].map(img => img.naturalWidth)")
    assert widths == [1100, 1100]
    page.close()
    page, _, _ = open_page(browser, maps[0] / "snapshots" / f"{DATES[0]}.html")
    shot = np.asarray(Image.open(io.BytesIO(page.screenshot())).convert("RGB"), dtype=int)
    packed = shot[..., 0] * 65536 + shot[..., 1] * 256 + shot[..., 2]
    assert len(np.unique(packed)) > 100, "the map looks blank"
    page.close()
