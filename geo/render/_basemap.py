"""The offline background of every map: the countries around the theatre.

Borders come from :func:`geo.borders.countries_in` (Natural Earth, whole world, public
domain), clipped to the theatre's bounding box widened by :data:`MARGIN_DEG`, so that a map
without tiles still shows where it is and the page stays small. The world is read once per
process and its spatial index picks the few countries of the window; the clip of each bbox is
cached too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import folium
import geopandas as gpd
from shapely.geometry import box, mapping

from geo.borders import countries_in
from geo.render._page import BORDER_COLOUR, LAND_COLOUR

if TYPE_CHECKING:
    from geo.theatre import TheatreProfile

MARGIN_DEG = 6.0
"""Degrees added around the theatre's bbox: enough to pan a little and see the neighbours."""


@lru_cache(maxsize=4)
def _clipped(bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    min_lon, min_lat, max_lon, max_lat = bbox
    window = box(
        min_lon - MARGIN_DEG, min_lat - MARGIN_DEG, max_lon + MARGIN_DEG, max_lat + MARGIN_DEG
    )
    frame = countries_in(window)
    frame["geometry"] = frame.geometry.intersection(window)
    return frame[~frame.geometry.is_empty].reset_index(drop=True)


def theatre_countries(profile: TheatreProfile) -> gpd.GeoDataFrame:
    """The countries around ``profile``'s theatre (columns ``iso_a2``, ``name``, ``geometry``)."""
    return _clipped(tuple(profile.bbox)).copy()


def border_layer(profile: TheatreProfile) -> folium.GeoJson:
    """A GeoJSON layer of the countries around the theatre, land-coloured, no popups."""
    features = [
        {"type": "Feature", "properties": {}, "geometry": mapping(geometry)}
        for geometry in theatre_countries(profile).geometry
    ]
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Country borders",
        style_function=lambda _f: {
            "color": BORDER_COLOUR,
            "weight": 1,
            "fillColor": LAND_COLOUR,
            "fillOpacity": 1.0,
        },
        className="geo-border",
        interactive=False,
    )
