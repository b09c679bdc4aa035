"""The time-slider map: every snapshot as one layer, one slider to move through the dates.

Per-date layers with a single switcher rather than folium's TimestampedGeoJson: the layers
are the same Leaflet features (and safe popups) as the snapshot pages, and the page needs no
plugin beyond Leaflet, so it works offline with the one vendored library.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import folium
from folium.template import Template

from geo.render._escape import escape_text, js_array
from geo.render._folium import LEAFLET_CDN, PageElement, PageMacro, render_page
from geo.render._layers import advance_elements, front_elements, place_elements, zone_elements
from geo.render._page import MAP_CSS, counts_line, legend_html
from geo.render.html import new_map, snapshot_bounds

if TYPE_CHECKING:
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
          var layers = [{% for layer in this.layers %}{{ layer.get_name() }},{% endfor %}];
          var dates = {{ this.dates }};
          var counts = {{ this.counts }};
          var links = {{ this.links }};
          var range = document.getElementById("geo-range");
          function show(i) {
            i = Math.max(0, Math.min(layers.length - 1, i));
            layers.forEach(function (layer, j) {
              if (j === i) { map.addLayer(layer); } else { map.removeLayer(layer); }
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
          show(layers.length - 1);
        })();
        {% endmacro %}"""
    )

    def __init__(
        self,
        layers: list[folium.FeatureGroup],
        dates: list[str],
        counts: list[str],
        links: list[str],
    ) -> None:
        super().__init__()
        self._name = "Switcher"
        self.layers = layers
        self.dates = js_array(dates)
        self.counts = js_array(counts)
        self.links = js_array(links)


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
    layers = []
    sides: set[str] = set()
    for snapshot in snapshots:
        group = folium.FeatureGroup(name=snapshot.slug, control=False)
        elements = [
            *zone_elements(snapshot, profile=profile),
            *front_elements(snapshot, profile=profile),
            *(
                el
                for adv in snapshot.advances
                for el in advance_elements(adv, snapshot, profile=profile)
            ),
            *(
                el
                for state in sorted(snapshot.states, key=lambda s: (s.place, s.place_id))
                for el in place_elements(state, snapshot, profile=profile)
            ),
        ]
        for element in elements:
            element.add_to(group)
        group.add_to(fmap)
        layers.append(group)
        sides |= {state.side for state in snapshot.states}
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
        layers,
        [s.slug for s in snapshots],
        [counts_line(profile, s) for s in snapshots],
        [snapshot_href.format(date=s.slug) for s in snapshots],
    ).add_to(fmap)
    fmap.get_root().title = "Front-line time slider"
    return render_page(fmap)
