"""The time-slider map: one page, one slider to move through the snapshot dates.

A switcher over date-ranged layers rather than folium's TimestampedGeoJson: the features are
the same Leaflet features (and safe popups) as the snapshot pages, and the page needs no
plugin beyond Leaflet, so it works offline with the one vendored library. A feature that
stays the same from one snapshot to the next (a place held by the same side on the same
evidence, an unchanged zone) is drawn once with the ranges of dates it is visible in, so the
page grows with the number of changes, not with snapshots x places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

import folium
from folium.template import Template

from geo.render._escape import escape_text, js_array
from geo.render._folium import LEAFLET_CDN, PageElement, PageMacro, render_page
from geo.render._layers import (
    advance_elements,
    drawable_rows,
    front_feature,
    place_elements,
    zone_feature,
)
from geo.render._page import MAP_CSS, counts_line, legend_html
from geo.render.html import new_map, snapshot_bounds

if TYPE_CHECKING:
    from branca.element import Element

    from geo.render.snapshot import Snapshot
    from geo.theatre import TheatreProfile

SLIDER_CSS = """
.geo-slider { top: 10px; left: 56px; max-width: calc(100% - 120px); }
.geo-slider input { width: 320px; vertical-align: middle; }
.geo-slider button { font-size: 14px; }
.geo-slider b { font-size: 16px; margin: 0 8px; }
"""


class _Switcher(PageMacro):
    """Show one date layer at a time; the slider, arrow buttons and keys choose which."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var items = [{% for layer, spans in this.items %}
            [{{ layer.get_name() }}, {{ spans|tojson }}],{% endfor %}
          ];
          var dates = {{ this.dates }};
          var counts = {{ this.counts }};
          var links = {{ this.links }};
          var range = document.getElementById("geo-range");
          function visible(spans, i) {
            return spans.some(function (span) { return span[0] <= i && i <= span[1]; });
          }
          function show(i) {
            i = Math.max(0, Math.min(dates.length - 1, i));
            // Re-add in the page's order (areas, fronts, arrows, places), so that a layer
            // shown again does not end up drawn over the places.
            items.forEach(function (item) { map.removeLayer(item[0]); });
            items.forEach(function (item) {
              if (visible(item[1], i)) { map.addLayer(item[0]); }
            });
            range.value = i;
            document.getElementById("geo-date").textContent = dates[i];
            document.getElementById("geo-count").textContent = counts[i];
            document.getElementById("geo-open").setAttribute("href", links[i]);
          }
          range.addEventListener("input", function () { show(Number(range.value)); });
          document.getElementById("geo-back").addEventListener("click", function () {
            show(Number(range.value) - 1);
          });
          document.getElementById("geo-forward").addEventListener("click", function () {
            show(Number(range.value) + 1);
          });
          window.geoShowSnapshot = show;
          show(dates.length - 1);
        })();
        {% endmacro %}"""
    )

    def __init__(
        self,
        items: list[tuple[folium.FeatureGroup, list[list[int]]]],
        dates: list[str],
        counts: list[str],
        links: list[str],
    ) -> None:
        super().__init__()
        self._name = "Switcher"
        self.items = items
        self.dates = js_array(dates)
        self.counts = js_array(counts)
        self.links = js_array(links)


@dataclass
class _Item:
    """A feature of the slider: how to draw it, and the snapshots (indexes) it shows in."""

    order: tuple[int, int]
    build: Callable[[], list[Element]]
    dates: list[int] = field(default_factory=list)


def _spans(numbers: list[int]) -> list[list[int]]:
    """Sorted snapshot indexes as inclusive ``[first, last]`` runs: ``[0, 1, 2, 5]`` gives
    ``[[0, 2], [5, 5]]``."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and spans[-1][1] == number - 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return spans


def _snapshot_items(
    snapshot: Snapshot, *, profile: TheatreProfile
) -> Iterator[tuple[tuple, Callable[[], list[Element]]]]:
    """``(key, build)`` for every feature of ``snapshot``; equal keys draw the same thing.

    The key's first element orders the layers: areas, fronts, advances, places. Popups here
    leave out what changes with the date looked at (the evidence's age), so that a feature
    unchanged between two snapshots has one key.
    """
    for row in drawable_rows(snapshot.zones):
        stale = bool(row.stale)
        yield (
            (0, row.side, stale, row.geometry.wkb),
            lambda row=row, stale=stale: [
                zone_feature(row.side, row.geometry, stale, profile=profile, as_of=None)
            ],
        )
    for row in drawable_rows(snapshot.fronts):
        stale = bool(row.stale)
        yield (
            (1, str(row.sides), stale, row.geometry.wkb),
            lambda row=row, stale=stale: [
                front_feature(row.sides, row.geometry, stale, profile=profile, as_of=None)
            ],
        )
    for advance in snapshot.advances:
        yield (2, advance), partial(advance_elements, advance, profile=profile)
    for state in sorted(snapshot.states, key=lambda s: (s.place, s.place_id)):
        timeless = replace(state, snapshot=dt.date.min, age_days=None)
        yield (3, timeless), partial(place_elements, timeless, profile=profile)


def _union_bounds(
    snapshots: Sequence[Snapshot], *, profile: TheatreProfile
) -> tuple[float, float, float, float]:
    boxes = [snapshot_bounds(s, profile=profile) for s in snapshots if s.states or s.advances]
    if not boxes:
        return tuple(profile.bbox)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def timeline_page(
    snapshots: Sequence[Snapshot],
    *,
    profile: TheatreProfile,
    snapshot_href: str = "snapshots/{date}.html",
    index_href: str = "index.html",
    tiles: str | None = None,
    asset_base: str = LEAFLET_CDN,
) -> str:
    """The time-slider page over ``snapshots`` (sorted by date; the last one shown first).

    Parameters
    ----------
    snapshots
        At least one snapshot, sorted by date.
    profile
        Theatre profile: side labels and colours.
    snapshot_href
        Link to a snapshot's own page; ``{date}`` is replaced by its ISO date.
    index_href
        Link back to the index.
    tiles, asset_base
        As for :func:`geo.render.html.snapshot_page`.

    Returns
    -------
    str
        A complete HTML document.
    """
    fmap = new_map(
        _union_bounds(snapshots, profile=profile),
        profile=profile,
        tiles=tiles,
        asset_base=asset_base,
    )
    items: dict[tuple, _Item] = {}
    for number, snapshot in enumerate(snapshots):
        for key, build in _snapshot_items(snapshot, profile=profile):
            item = items.get(key)
            if item is None:
                item = items[key] = _Item(order=(key[0], len(items)), build=build)
            item.dates.append(number)
    switched = []
    for item in sorted(items.values(), key=lambda i: i.order):
        group = folium.FeatureGroup(name="snapshot feature", control=False, show=False)
        for element in item.build():
            element.add_to(group)
        group.add_to(fmap)
        switched.append((group, _spans(item.dates)))
    sides = {state.side for snapshot in snapshots for state in snapshot.states}
    last = len(snapshots) - 1
    control = (
        '<div class="geo-slider">'
        '<button id="geo-back" title="previous snapshot">&#9664;</button>'
        f'<input id="geo-range" type="range" min="0" max="{last}" step="1" value="{last}">'
        '<button id="geo-forward" title="next snapshot">&#9654;</button>'
        '<b id="geo-date"></b>'
        '<a id="geo-open" href="#">open this snapshot</a> \u00b7 '
        f'<a class="geo-index" href="{escape_text(index_href)}">index</a>'
        '<div class="geo-counts" id="geo-count"></div></div>'
    )
    PageElement(control + legend_html(profile, sides), css=MAP_CSS + SLIDER_CSS).add_to(fmap)
    _Switcher(
        switched,
        [s.slug for s in snapshots],
        [counts_line(profile, s) for s in snapshots],
        [snapshot_href.format(date=s.slug) for s in snapshots],
    ).add_to(fmap)
    fmap.get_root().title = "Front-line time slider"
    return render_page(fmap)
