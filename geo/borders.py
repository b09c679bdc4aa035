"""Offline country borders for the maps and the zones: Natural Earth admin-0, whole world.

The data file ``geo/data/countries_world.geojson`` is derived by the committed script
``geo/data/make_borders.py`` from the public-domain Natural Earth 1:10m admin-0 countries
(every country, simplified as a coverage to about 3 km, 1.5 MB; see the script for the
reasoning). It is read once per process (about a quarter of a second) and cached, with a
spatial index: :func:`countries_in` picks the countries of a map's window without testing
the 245 of the world.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo._errors import GeoError

BORDERS_FILE = Path(__file__).resolve().parent / "data" / "countries_world.geojson"


class BordersDataError(GeoError, FileNotFoundError):
    """The bundled country-borders file is missing."""


@lru_cache(maxsize=1)
def _read_countries() -> gpd.GeoDataFrame:
    if not BORDERS_FILE.is_file():
        raise BordersDataError(
            f"the country borders file {str(BORDERS_FILE)!r} is missing; "
            "regenerate it with `python geo/data/make_borders.py`"
        )
    frame = gpd.read_file(BORDERS_FILE)
    frame["iso_a2"] = frame["iso_a2"].astype(object).where(frame["iso_a2"].notna(), None)
    frame = frame[["iso_a2", "name", "geometry"]]
    _ = frame.sindex  # built once here, shared by every countries_in()
    return frame


def countries() -> gpd.GeoDataFrame:
    """The countries of the world, offline.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``iso_a2`` (ISO 3166-1 alpha-2, ``None`` for the few Natural Earth units
        without one, such as Akrotiri), ``name`` (French) and ``geometry`` (WGS84 lon/lat),
        sorted by name, one row per code. A fresh copy each call: callers may modify it.

    Examples
    --------
    >>> frame = countries()
    >>> frame.loc[frame.iso_a2 == "SY", "name"].item()
    'Syrie'
    """
    return _read_countries().copy()


def countries_in(window: BaseGeometry) -> gpd.GeoDataFrame:
    """The countries of :func:`countries` that intersect ``window`` (lon/lat), unclipped.

    Found through the spatial index of the cached frame, in the order of :func:`countries`.
    A fresh copy: callers may modify it.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> sorted(countries_in(box(44.0, 38.5, 47.5, 40.5)).iso_a2)  # Karabakh and around
    ['AM', 'AZ', 'IR', 'TR']
    """
    frame = _read_countries()
    hits = frame.sindex.query(window, predicate="intersects")
    return frame.iloc[sorted(hits)].copy()


@lru_cache(maxsize=1)
def land() -> BaseGeometry:
    """The union of the countries of :func:`countries`: the land the zones may cover.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> land().contains(Point(38.27, 34.55))  # Palmyre
    True
    >>> land().contains(Point(34.0, 34.0))  # the Mediterranean, off Cyprus
    False
    """
    geometries = _read_countries().geometry.to_numpy()
    try:
        # The countries form a coverage (make_borders.py checks it): their edge-matched union
        # takes a tenth of a second where a general union of the world takes seconds.
        return shapely.coverage_union_all(geometries)
    except shapely.errors.GEOSException:  # a file whose neighbours do not match exactly
        return shapely.union_all(geometries)
