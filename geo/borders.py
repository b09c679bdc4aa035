"""Offline country borders for the maps and the zones: Natural Earth admin-0, Middle East.

The data file ``geo/data/countries_middle_east.geojson`` is derived by the committed script
``geo/data/make_borders.py`` from the public-domain Natural Earth 1:10m admin-0 countries
(clipped to lon 20..65, lat 10..45 and simplified to about 1 km; see the script for the
reasoning). It is read once per process (a few hundredths of a second) and cached.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo._errors import GeoError

BORDERS_FILE = Path(__file__).resolve().parent / "data" / "countries_middle_east.geojson"


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
    return frame[["iso_a2", "name", "geometry"]]


def countries() -> gpd.GeoDataFrame:
    """The countries of the Middle East and their neighbours, offline.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``iso_a2`` (ISO 3166-1 alpha-2, ``None`` for the few Natural Earth units
        without one, such as Akrotiri), ``name`` (French) and ``geometry`` (WGS84 lon/lat),
        sorted by name. A fresh copy each call: callers may modify it.

    Examples
    --------
    >>> frame = countries()
    >>> frame.loc[frame.iso_a2 == "SY", "name"].item()
    'Syrie'
    """
    return _read_countries().copy()


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
    return shapely.union_all(_read_countries().geometry.to_numpy())
