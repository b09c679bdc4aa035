"""Snapshot pages and the time-slider page, inspected as HTML (the browser tests run them)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from browser.samples import (
    JINJA,
    XSS_IMG,
    XSS_SCRIPT,
    XSS_TEMPLATE,
    empty_fronts,
    empty_zones,
    snapshot_parts,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geo.render import Snapshot
from geo.render._folium import LEAFLET_CDN
from geo.render.html import snapshot_bounds, snapshot_page
from geo.render.slider import timeline_page
from geo.theatre import load_profile

DAY = dt.date(2016, 8, 12)


@pytest.fixture(scope="module")
def profile():
    return load_profile("syria_iraq")


def _scripts_and_links(page: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', page)


def test_page_loads_leaflet_only(profile):
    page = snapshot_page(Snapshot(**snapshot_parts(DAY)), profile=profile)
    assert _scripts_and_links(page) == [LEAFLET_CDN + "leaflet.js", LEAFLET_CDN + "leaflet.css"]
    offline = snapshot_page(
        Snapshot(**snapshot_parts(DAY)), profile=profile, asset_base="../assets/"
    )
    assert _scripts_and_links(offline) == ["../assets/leaflet.js", "../assets/leaflet.css"]


def test_same_inputs_give_the_same_bytes(profile):
    first = snapshot_page(Snapshot(**snapshot_parts(DAY)), profile=profile)
    second = snapshot_page(Snapshot(**snapshot_parts(DAY)), profile=profile)
    assert first == second


def test_header_links_and_layers(profile):
    page = snapshot_page(
        Snapshot(**snapshot_parts(DAY)),
        profile=profile,
        previous="2016-08-01",
        following=None,
    )
    assert "<title>Situation as of 2016-08-12 \u2014 Syria\u2013Iraq war</title>" in page
    assert 'href="2016-08-01.html"' in page
    assert "last \u2192" in page  # no next snapshot: shown disabled, not linked
    assert 'href="../index.html"' in page and 'href="../timeline.html"' in page
    for layer in (
        "Places: Syrian Democratic Forces (1)",
        "Places: contested (1)",
        "Places: Syrian government and allies (2)",
        "Areas of control",
        "Front lines",
        "Advances",
        "Relative positions (footprints)",
        "Context (diplomatic, off-theatre)",
    ):
        assert f'"{layer}"' in page, layer


def test_article_text_never_reaches_the_page_raw(profile):
    payload = XSS_IMG + XSS_SCRIPT + XSS_TEMPLATE + JINJA
    snapshot = Snapshot(**snapshot_parts(DAY, evidence=payload, place_name="Kobané" + JINJA))
    page = snapshot_page(snapshot, profile=profile)
    page += timeline_page([snapshot], profile=profile)
    # Not evaluated as a template when the page is built.
    assert "JINJA-EVAL" not in page  # the expression was not evaluated...
    assert "% if true %" in page and "# gone #" in page  # ...nor the tags consumed
    assert "{{" not in page and "{%" not in page
    assert "<img src=x" not in page
    assert "window.__pwned=2</script>" not in page
    assert "${window" not in page
    assert "`+(window" not in page
    assert page.count("</script>") == page.count("<script")


def test_empty_snapshot_shows_the_theatre(profile):
    empty = Snapshot(DAY, [], [], [], empty_zones(), empty_fronts())
    page = snapshot_page(empty, profile=profile)
    min_lon, min_lat, max_lon, max_lat = profile.bbox
    assert f"[[{min_lat}, {min_lon}], [{max_lat}, {max_lon}]]" in page
    assert "0 places; 0 advances" in page


def test_timeline_lists_every_date_and_links(profile):
    snaps = [Snapshot(**snapshot_parts(DAY + dt.timedelta(days=d))) for d in (0, 7, 30)]
    page = timeline_page(snaps, profile=profile)
    assert '["2016-08-12", "2016-08-19", "2016-09-11"]' in page
    assert '"snapshots/2016-09-11.html"' in page
    assert 'max="2"' in page


_PROFILE = load_profile("syria_iraq")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    evidence=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80),
    name=st.text(alphabet=st.sampled_from("<>&'\"`${}%#\\/ éAlepHoms-"), min_size=1, max_size=20),
)
def test_any_article_text_builds_an_inert_page(evidence, name):
    marked = f"QX{name}XQ"
    page = snapshot_page(
        Snapshot(**snapshot_parts(DAY, evidence=evidence, place_name=marked)), profile=_PROFILE
    )
    # Whatever the text, no markup or template syntax of it survives: every script element
    # closes where ours do, no Jinja or JavaScript template delimiter appears, and a name
    # with a special character never appears raw.
    assert page.count("</script>") == page.count("<script")
    assert "{{" not in page and "{%" not in page and "${" not in page
    if set(name) & set("<>&'\"`${}\\"):
        assert marked not in page


def test_timeline_draws_an_unchanged_feature_once(profile):
    # Five weekly snapshots where nothing changes but the date: each feature is drawn once,
    # visible over the whole range, so the page does not grow with the number of snapshots.
    parts = snapshot_parts(DAY)
    snaps = []
    for week in range(5):
        day = DAY + dt.timedelta(weeks=week)
        states = [
            replace(s, snapshot=day, age_days=(s.age_days or 0) + 7 * week) for s in parts["states"]
        ]
        snaps.append(Snapshot(**{**parts, "date": day, "states": states}))
    page = timeline_page(snaps, profile=profile)
    one = timeline_page(snaps[:1], profile=profile)
    features = len(parts["states"]) + len(parts["zones"]) + len(parts["fronts"]) + 1
    assert page.count("L.featureGroup(") == one.count("L.featureGroup(") == features
    assert page.count("[[0, 4]]]") == features
    assert len(page) < 1.05 * len(one)


def test_view_stays_on_the_theatre(profile):
    # A footprint wrongly placed in Libya must not zoom the map out to North Africa.
    parts = snapshot_parts(DAY)
    far = replace(parts["observations"][1], lon=13.19, lat=32.89, geometry=Point(13.19, 32.89))
    snapshot = Snapshot(**{**parts, "observations": [*parts["observations"], far]})
    west, south, east, north = snapshot_bounds(snapshot, profile=profile)
    near = snapshot_bounds(Snapshot(**parts), profile=profile)
    assert west == profile.bbox[0] - 2.0  # clamped, not 13.19 - 0.3
    assert (east, north) == near[2:]
