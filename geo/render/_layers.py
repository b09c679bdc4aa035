"""Leaflet features for each kind of item a snapshot shows, each with its popup.

Every builder returns folium elements not yet attached, so the snapshot map can sort them into
per-side and per-kind layers and the time-slider map into per-date layers. Every element
carries a popup built from escaped pieces and a CSS class (``geo-place``, ``geo-zone``,
``geo-front``, ``geo-advance``, ``geo-footprint``, ``geo-estimate``, ``geo-observation``,
plus ``geo-stale`` / ``geo-uncertain`` / ``geo-contested`` / ``geo-claimed`` where they
apply) so that the drawn features can be counted in the page. Popups say who says so: an
observation's source and the side it speaks for, a place's deciding source and whether its
holder rests only on its own claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import folium
import geopandas as gpd
from pyproj import Geod
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.places import SITE_PREFIX, SITE_REACH_KM
from geo.records import Advance, ControlState, Observation
from geo.render._escape import escape_text, popup_html
from geo.render._folium import Label, SafePopup
from geo.render._style import (
    CONTESTED,
    FRONT_COLOUR,
    LOW_CONFIDENCE,
    STALE_DASH,
    STALE_OPACITY,
    UNCERTAIN_DASH,
    format_date,
    is_inferred,
    is_uncertain,
    side_colour,
    side_label,
)
from geo.render.snapshot import Snapshot

if TYPE_CHECKING:
    from branca.element import Element

    from geo.theatre import TheatreProfile

_GEOD = Geod(ellps="WGS84")

ARROW_HEAD_KM = 6.0
"""Length of an advance arrow's head; shorter arrows get a head a third of their length."""

ARROW_HEAD_ANGLE = 25.0
"""Half-angle of an advance arrow's head, in degrees either side of the shaft."""

ARROW_GAP_KM = 5.0
"""An arrow stops this far short of its target (at most a quarter of its length), so that
the target's marker does not hide the head: a 7-pixel marker covers 5 to 10 km at the zooms
a theatre map opens at."""


def css_token(value: str) -> str:
    """``value`` reduced to a safe CSS class token (``geo-side-<token>``)."""
    return re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-") or "none"


def _classes(*names: str | None) -> str:
    return " ".join(name for name in names if name)


def _confidence(value: float) -> str:
    return f"{value:.2f}"


def _claimed_only(state: ControlState, profile: TheatreProfile) -> str | None:
    if not state.claimed_only:
        return None
    holder = side_label(profile, state.side)
    return f"yes: only {holder}'s own claims, no independent source"


def _position(place_id: str | None) -> str:
    """Where a popup's point comes from: the gazetteer, the text, or the town a site is
    named after ("l'aéroport de Tripoli" is drawn at Tripoli)."""
    if is_inferred(place_id):
        return "inferred from text"
    if place_id and place_id.startswith(SITE_PREFIX):
        return f"site, drawn at its town (within {SITE_REACH_KM:g} km)"
    return "gazetteer"


def _claimed_by(obs: Observation, profile: TheatreProfile) -> str | None:
    if obs.claimed_by:
        return side_label(profile, obs.claimed_by)
    return "no side (independent, or not known)" if obs.source else None


def place_elements(state: ControlState, *, profile: TheatreProfile) -> list[Element]:
    """The marker (and, for a vague position, its uncertainty circle) of one control state."""
    colour = side_colour(profile, state.side)
    uncertain = is_uncertain(state.place_id, state.confidence)
    precision = state.date_precision or "unknown"
    age = f"{state.age_days} days" if state.age_days is not None else None
    if state.stale:
        age = f"{age} (stale)" if age else "stale"
    popup = popup_html(
        f"{state.place}: {side_label(profile, state.side)}",
        [
            ("Holder", side_label(profile, state.side)),
            ("Relation", state.relation),
            ("Since", format_date(state.since, precision)),
            ("Date precision", precision),
            ("Evidence age", age),
            ("Confidence", _confidence(state.confidence)),
            ("Article", state.article_id),
            ("Place id", state.place_id),
            ("Position", _position(state.place_id)),
            ("Uncertainty", f"{state.uncertainty_km:.1f} km" if state.uncertainty_km else None),
            ("Source", state.source),
            ("Claimed only", _claimed_only(state, profile)),
        ],
        quote=state.evidence,
    )
    classes = _classes(
        "geo-place",
        f"geo-side-{css_token(state.side)}",
        "geo-contested" if state.side == CONTESTED else None,
        "geo-stale" if state.stale else None,
        "geo-uncertain" if uncertain else None,
        "geo-claimed" if state.claimed_only else None,
    )
    dash = UNCERTAIN_DASH if uncertain else STALE_DASH if state.stale else None
    marker = folium.CircleMarker(
        location=(state.lat, state.lon),
        radius=9 if state.side == CONTESTED else 7,
        color="#000000" if state.side == CONTESTED else colour if uncertain else "#ffffff",
        weight=3 if state.side == CONTESTED or uncertain else 2,
        dash_array=dash,
        fill=True,
        fill_color=colour,
        fill_opacity=0.2 if uncertain else STALE_OPACITY if state.stale else 0.95,
        opacity=STALE_OPACITY if state.stale else 1.0,
        class_name=classes,
    )
    SafePopup(popup).add_to(marker)
    Label(escape_text(state.place), permanent=True, class_name="geo-label").add_to(marker)
    elements: list[Element] = [marker]
    if uncertain and state.uncertainty_km > 1.0:
        # Drawn but not clickable: a wide circle would otherwise catch the clicks meant for
        # the arrows and footprints under it. The marker at its centre has the popup.
        circle = folium.Circle(
            location=(state.lat, state.lon),
            radius=state.uncertainty_km * 1000.0,
            color=colour,
            weight=1,
            dash_array=UNCERTAIN_DASH,
            fill=True,
            fill_opacity=0.05,
            class_name="geo-uncertainty",
        )
        circle.options["interactive"] = False  # folium's path_options drops this option
        elements.append(circle)
    return elements


def _arrow(origin: tuple[float, float], target: tuple[float, float]) -> tuple[list, list]:
    """The shaft and the head of an arrow from ``origin`` towards ``target``, as (lat, lon).

    The tip stops :data:`ARROW_GAP_KM` short of the target, on the geodesic.
    """
    _, back_azimuth, length_m = _GEOD.inv(origin[0], origin[1], target[0], target[1])
    gap_m = min(ARROW_GAP_KM * 1000.0, length_m / 4.0)
    tip_lon, tip_lat, to_target = _GEOD.fwd(target[0], target[1], back_azimuth, gap_m)
    to_origin = to_target + 180.0  # the geodesic's direction back to the origin, at the tip
    head_m = min(ARROW_HEAD_KM * 1000.0, (length_m - gap_m) / 3.0)
    head = [(tip_lat, tip_lon)]
    for turn in (-ARROW_HEAD_ANGLE, ARROW_HEAD_ANGLE):
        lon, lat, _ = _GEOD.fwd(tip_lon, tip_lat, to_origin + turn, head_m)
        head.append((lat, lon))
    return [(origin[1], origin[0]), (tip_lat, tip_lon)], head


def advance_elements(advance: Advance, *, profile: TheatreProfile) -> list[Element]:
    """An advance as a shaft from origin to target with a head at the target."""
    colour = side_colour(profile, advance.side)
    uncertain = advance.confidence < LOW_CONFIDENCE
    precision = advance.date_precision or "unknown"
    title = f"Advance: {side_label(profile, advance.side)}"
    if advance.target_place:
        title += f" towards {advance.target_place}"
    popup = popup_html(
        title,
        [
            ("Side", side_label(profile, advance.side)),
            ("Actor", advance.actor),
            ("Date", format_date(advance.date, precision)),
            ("Date precision", precision),
            ("Confidence", _confidence(advance.confidence)),
            ("Article", advance.article_id),
        ],
        quote=advance.evidence,
    )
    classes = _classes(
        "geo-advance",
        f"geo-side-{css_token(advance.side)}",
        "geo-uncertain" if uncertain else None,
    )
    line, head_corners = _arrow(advance.origin, advance.target)
    shaft = folium.PolyLine(
        line,
        color=colour,
        weight=4,
        opacity=0.9,
        dash_array=UNCERTAIN_DASH if uncertain else None,
        class_name=classes,
    )
    SafePopup(popup).add_to(shaft)
    elements: list[Element] = [shaft]
    if advance.origin != advance.target:
        head = folium.Polygon(
            head_corners,
            color=colour,
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=0.9,
            class_name="geo-arrowhead",
        )
        SafePopup(popup).add_to(head)
        elements.append(head)
    return elements


def observation_elements(obs: Observation, *, profile: TheatreProfile) -> list[Element]:
    """An observation: its footprint outline and best estimate, or a dot at its place."""
    colour = side_colour(profile, obs.side)
    uncertain = is_uncertain(obs.place_id, obs.confidence)
    distance = None
    if obs.distance_min_km is not None and obs.distance_max_km is not None:
        distance = f"{obs.distance_min_km:g}–{obs.distance_max_km:g} km"
    popup = popup_html(
        f"{obs.relation}: {obs.place or 'unnamed position'}",
        [
            ("Side", side_label(profile, obs.side) if obs.side else None),
            ("Actor", obs.actor),
            ("Date", format_date(obs.date, obs.date_precision)),
            ("Date precision", obs.date_precision or "unknown"),
            ("Confidence", _confidence(obs.confidence)),
            ("Article", obs.article_id),
            ("Place id", obs.place_id),
            ("Anchor", obs.anchor_id),
            ("Distance", distance),
            ("Bearing", f"{obs.bearing_deg:g}°" if obs.bearing_deg is not None else None),
            ("Uncertainty", f"{obs.uncertainty_km:.1f} km"),
            ("Position", _position(obs.place_id)),
            ("Source", obs.source),
            ("Claimed by", _claimed_by(obs, profile)),
        ],
        quote=obs.evidence,
    )
    side_class = f"geo-side-{css_token(obs.side or 'none')}"
    uncertain_class = "geo-uncertain" if uncertain else None
    elements: list[Element] = []
    if obs.geometry.geom_type in ("Polygon", "MultiPolygon"):
        outline = folium.GeoJson(
            {"type": "Feature", "properties": {}, "geometry": mapping(obs.geometry)},
            style_function=lambda _feature: {
                "color": colour,
                "weight": 1.5,
                "opacity": 0.8,
                "dashArray": UNCERTAIN_DASH if uncertain else None,
                "fillColor": colour,
                "fillOpacity": 0.05,
            },
            className=_classes("geo-footprint", side_class, uncertain_class),
            control=False,
        )
        SafePopup(popup).add_to(outline)
        elements.append(outline)
        dot_class = _classes("geo-estimate", side_class, uncertain_class)
    else:
        dot_class = _classes("geo-observation", side_class, uncertain_class)
    dot = folium.CircleMarker(
        location=(obs.lat, obs.lon),
        radius=4,
        color=colour,
        weight=2,
        dash_array=UNCERTAIN_DASH if uncertain else None,
        fill=True,
        fill_color="#ffffff" if uncertain else colour,
        fill_opacity=0.9,
        class_name=dot_class,
    )
    SafePopup(popup).add_to(dot)
    if obs.place:
        Label(escape_text(f"{obs.relation}: {obs.place}"), class_name="geo-hint").add_to(dot)
    elements.append(dot)
    return elements


def _geometry_feature(geometry: BaseGeometry) -> dict:
    return {"type": "Feature", "properties": {}, "geometry": mapping(geometry)}


def zone_feature(
    side: str, geometry: BaseGeometry, stale: bool, *, profile: TheatreProfile, as_of: str | None
) -> Element:
    """One area of control, filled in the holder's colour (``as_of``: the snapshot date)."""
    colour = side_colour(profile, side)
    layer = folium.GeoJson(
        _geometry_feature(geometry),
        style_function=lambda _f: {
            "color": colour,
            "weight": 1,
            "opacity": STALE_OPACITY if stale else 0.8,
            "dashArray": STALE_DASH if stale else None,
            "fillColor": colour,
            "fillOpacity": 0.08 if stale else 0.18,
        },
        className=_classes(
            "geo-zone", f"geo-side-{css_token(side)}", "geo-stale" if stale else None
        ),
        control=False,
    )
    popup = popup_html(
        f"Area held by {side_label(profile, side)}",
        [
            ("As of", as_of),
            ("Evidence", "stale (older than the staleness threshold)" if stale else "recent"),
            ("Drawn from", "the places this side holds, see their popups"),
        ],
    )
    SafePopup(popup).add_to(layer)
    return layer


def _sides_text(sides: object, profile: TheatreProfile) -> str:
    if isinstance(sides, str):
        parts: Iterable[str] = re.split(r"[|,/]", sides) if sides else []
    else:
        parts = list(sides) if isinstance(sides, Iterable) else [str(sides)]
    return " / ".join(side_label(profile, part.strip()) for part in parts) or "unknown sides"


def front_feature(
    sides: object,
    geometry: BaseGeometry,
    stale: bool,
    *,
    profile: TheatreProfile,
    as_of: str | None,
) -> Element:
    """One front line, magenta, dashed; faded with shorter dashes where the evidence is stale."""
    layer = folium.GeoJson(
        _geometry_feature(geometry),
        style_function=lambda _f: {
            "color": FRONT_COLOUR,
            "weight": 3,
            "opacity": STALE_OPACITY if stale else 0.9,
            "dashArray": STALE_DASH if stale else "12 6",
            "fill": False,
        },
        className=_classes("geo-front", "geo-stale" if stale else None),
        control=False,
    )
    popup = popup_html(
        f"Front line: {_sides_text(sides, profile)}",
        [
            ("As of", as_of),
            ("Evidence", "stale (older than the staleness threshold)" if stale else "recent"),
        ],
    )
    SafePopup(popup).add_to(layer)
    return layer


def drawable_rows(frame: gpd.GeoDataFrame) -> list:
    """The rows of a zones or fronts frame that have a geometry to draw."""
    return [
        row
        for row in frame.itertuples(index=False)
        if row.geometry is not None and not row.geometry.is_empty
    ]


def zone_elements(snapshot: Snapshot, *, profile: TheatreProfile) -> list[Element]:
    """The areas of control of ``snapshot``."""
    return [
        zone_feature(row.side, row.geometry, bool(row.stale), profile=profile, as_of=snapshot.slug)
        for row in drawable_rows(snapshot.zones)
    ]


def front_elements(snapshot: Snapshot, *, profile: TheatreProfile) -> list[Element]:
    """The front lines of ``snapshot``."""
    return [
        front_feature(
            row.sides, row.geometry, bool(row.stale), profile=profile, as_of=snapshot.slug
        )
        for row in drawable_rows(snapshot.fronts)
    ]
