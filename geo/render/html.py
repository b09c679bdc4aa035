"""One interactive folium page per snapshot date.

The page shows the places coloured by holder (one layer per side, contested ones in their
own), the areas of control, the front lines, the advance arrows, the relative-position
footprints with their best estimates, the other observations, and an off-by-default layer of
context observations (diplomatic or off-theatre events). Every feature opens a popup with the
evidence sentence, the article id, the date and its precision and the confidence. A header
gives the date and links to the previous and next snapshots, the index and the time slider.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import folium

from geo.render._basemap import border_layer
from geo.render._escape import escape_text
from geo.render._folium import LEAFLET_CDN, FitBounds, LeafletMap, PageElement, render_page
from geo.render._layers import (
    advance_elements,
    front_elements,
    observation_elements,
    place_elements,
    zone_elements,
)
from geo.render._page import MAP_CSS, header_html, legend_html, ordered_sides, snapshot_title
from geo.render._style import side_label

if TYPE_CHECKING:
    from branca.element import Element

    from geo.render.snapshot import Snapshot
    from geo.theatre import TheatreProfile

PADDING_DEG = 0.3
"""Degrees of margin around the drawn features when the map fits its view to them."""

THEATRE_SLACK_DEG = 2.0
"""How far past the theatre's bounding box the view may extend: one misplaced observation
far away must not zoom the whole map out to a continent."""


def snapshot_bounds(
    snapshot: Snapshot, *, profile: TheatreProfile
) -> tuple[float, float, float, float]:
    """``(min_lon, min_lat, max_lon, max_lat)`` of what the snapshot draws, padded.

    Context observations are left out (they are off-theatre by definition), and the view is
    kept within the theatre's bounding box widened by :data:`THEATRE_SLACK_DEG`; an empty
    snapshot gets the theatre's bounding box.
    """
    lons: list[float] = []
    lats: list[float] = []
    for state in snapshot.states:
        lons.append(state.lon)
        lats.append(state.lat)
    for advance in snapshot.advances:
        lons += [advance.origin[0], advance.target[0]]
        lats += [advance.origin[1], advance.target[1]]
    for obs in snapshot.observations:
        if not obs.context and not obs.geometry.is_empty:
            min_lon, min_lat, max_lon, max_lat = obs.geometry.bounds
            lons += [min_lon, max_lon]
            lats += [min_lat, max_lat]
    for frame in (snapshot.zones, snapshot.fronts):
        if not len(frame):
            continue
        min_lon, min_lat, max_lon, max_lat = frame.total_bounds
        lons += [min_lon, max_lon]
        lats += [min_lat, max_lat]
    if not lons:
        return tuple(profile.bbox)
    west, south, east, north = profile.bbox
    view = (
        max(min(lons) - PADDING_DEG, west - THEATRE_SLACK_DEG),
        max(min(lats) - PADDING_DEG, south - THEATRE_SLACK_DEG),
        min(max(lons) + PADDING_DEG, east + THEATRE_SLACK_DEG),
        min(max(lats) + PADDING_DEG, north + THEATRE_SLACK_DEG),
    )
    if view[0] >= view[2] or view[1] >= view[3]:  # everything lies outside the theatre
        return tuple(profile.bbox)
    return view


def _group(fmap: folium.Map, name: str, elements: Iterable[Element], *, show: bool = True) -> None:
    elements = list(elements)
    if not elements:
        return
    group = folium.FeatureGroup(name=escape_text(name), show=show)
    for element in elements:
        element.add_to(group)
    group.add_to(fmap)


def new_map(
    bounds: tuple[float, float, float, float],
    *,
    profile: TheatreProfile,
    tiles: str | None,
    asset_base: str,
) -> LeafletMap:
    """A Leaflet map fitted to ``bounds`` with the offline country borders underneath."""
    min_lon, min_lat, max_lon, max_lat = bounds
    fmap = LeafletMap(
        asset_base=asset_base,
        location=((min_lat + max_lat) / 2, (min_lon + max_lon) / 2),
        zoom_start=7,
        tiles=tiles,
        control_scale=True,
        zoom_snap=0.25,
    )
    border_layer(profile).add_to(fmap)
    FitBounds([[min_lat, min_lon], [max_lat, max_lon]], padding_top_left=(10, 80)).add_to(fmap)
    return fmap


def snapshot_page(
    snapshot: Snapshot,
    *,
    profile: TheatreProfile,
    previous: str | None = None,
    following: str | None = None,
    index_href: str = "../index.html",
    timeline_href: str | None = "../timeline.html",
    tiles: str | None = None,
    asset_base: str = LEAFLET_CDN,
) -> str:
    """The HTML page of one snapshot.

    Parameters
    ----------
    snapshot
        What to draw.
    profile
        Theatre profile: side labels and colours.
    previous, following
        ISO dates of the neighbouring snapshots (their pages sit in the same folder), or
        ``None`` at either end.
    index_href, timeline_href
        Links from the header to the index and to the time-slider map.
    tiles
        A folium tile set name for a background, ``None`` for the offline borders only.
    asset_base
        Where ``leaflet.js`` and ``leaflet.css`` are loaded from.

    Returns
    -------
    str
        A complete HTML document; the same inputs give the same bytes.
    """
    fmap = new_map(
        snapshot_bounds(snapshot, profile=profile),
        profile=profile,
        tiles=tiles,
        asset_base=asset_base,
    )
    _group(fmap, "Areas of control", zone_elements(snapshot, profile=profile))
    _group(fmap, "Front lines", front_elements(snapshot, profile=profile))
    in_theatre = [obs for obs in snapshot.observations if not obs.context]
    footprints = [obs for obs in in_theatre if obs.geometry.geom_type != "Point"]
    points = [obs for obs in in_theatre if obs.geometry.geom_type == "Point"]
    _group(
        fmap,
        "Relative positions (footprints)",
        (el for obs in footprints for el in observation_elements(obs, profile=profile)),
    )
    _group(
        fmap,
        "Observations at named places",
        (el for obs in points for el in observation_elements(obs, profile=profile)),
    )
    _group(
        fmap,
        "Advances",
        (el for advance in snapshot.advances for el in advance_elements(advance, profile=profile)),
    )
    by_side: dict[str, list] = {}
    for state in sorted(snapshot.states, key=lambda s: (s.place, s.place_id)):
        by_side.setdefault(state.side, []).append(state)
    for side in ordered_sides(profile, by_side):
        states = by_side[side]
        _group(
            fmap,
            f"Places: {side_label(profile, side)} ({len(states)})",
            (el for state in states for el in place_elements(state, profile=profile)),
        )
    _group(
        fmap,
        "Context (diplomatic, off-theatre)",
        (
            el
            for obs in snapshot.observations
            if obs.context
            for el in observation_elements(obs, profile=profile)
        ),
        show=False,
    )
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    sides = set(by_side) | {advance.side for advance in snapshot.advances}
    sides |= set(snapshot.zones["side"]) if len(snapshot.zones) else set()
    header = header_html(
        snapshot,
        profile=profile,
        previous=previous,
        following=following,
        index_href=index_href,
        timeline_href=timeline_href,
    )
    PageElement(header + legend_html(profile, sides), css=MAP_CSS).add_to(fmap)
    fmap.get_root().title = snapshot_title(profile, snapshot)
    return render_page(fmap)
