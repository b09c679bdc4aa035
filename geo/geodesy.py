"""Footprints on the WGS84 ellipsoid: annular sectors, rings, discs, buffers, intersections.

Geometry only: which distances and bearings a sentence implies is decided in
:mod:`geo.relations`. Every distance and azimuth goes through :class:`pyproj.Geod`; polygons
are shapely geometries in ``(lon, lat)`` whose arcs are densified so that the straight lon/lat
edges between vertices stay within metres of the geodesic arc at the scales of a dispatch
(tens to hundreds of kilometres).

A :class:`Footprint` is the region where a claimed position lies, its best-estimate point and
``uncertainty_km``, the largest geodesic distance from that point to the footprint's boundary
(the point-radius of Wieczorek, Guo & Hijmans 2004).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, transform

from geo._errors import GeoError

GEOD = Geod(ellps="WGS84")
"""The one ellipsoid of the project (WGS84, as GeoJSON requires)."""

ARC_STEP_DEG = 2.0
"""Angular step between the vertices of an arc. A chord of a 2° arc falls short of the arc by
``r * (1 - cos 1°)``, 0.015 % of the radius: 30 m at 200 km, far below any claim's precision."""

MIN_INNER_RADIUS_KM = 0.001
"""An inner radius under a metre is no hole: the sector starts at the anchor (a smaller arc
would collapse to one point and make an invalid polygon)."""

_KM = 1000.0


class FootprintError(GeoError, ValueError):
    """A footprint that cannot be built (negative or inverted distances, bad bearing)."""


class DisjointFootprintsError(GeoError, ValueError):
    """Claims about one place whose footprints do not overlap: they contradict each other."""


@dataclass(frozen=True, slots=True)
class Footprint:
    """Where a claimed position lies.

    Parameters
    ----------
    polygon
        The region, a shapely (Multi)Polygon in ``(lon, lat)``.
    lon, lat
        The best estimate, inside ``polygon`` for sectors and discs; the centre for a ring.
    uncertainty_km
        Largest geodesic distance from the estimate to the polygon's boundary.
    """

    polygon: BaseGeometry
    lon: float
    lat: float
    uncertainty_km: float


def destination(
    origin: tuple[float, float], *, bearing_deg: float, distance_km: float
) -> tuple[float, float]:
    """The point ``distance_km`` from ``origin`` (``(lon, lat)``) on azimuth ``bearing_deg``.

    Parameters
    ----------
    origin
        ``(lon, lat)`` of the start.
    bearing_deg
        Azimuth in degrees, 0 = north, 90 = east.
    distance_km
        Geodesic distance along the ellipsoid.

    Examples
    --------
    >>> lon, lat = destination((38.27, 34.55), bearing_deg=270.0, distance_km=20.0)
    >>> round(lon, 3), round(lat, 3)
    (38.052, 34.55)
    """
    lon, lat, _ = GEOD.fwd(origin[0], origin[1], bearing_deg, distance_km * _KM)
    return (float(lon), float(lat))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance between two ``(lon, lat)`` points, in kilometres."""
    _, _, metres = GEOD.inv(a[0], a[1], b[0], b[1])
    return float(metres) / _KM


def _arc(
    anchor: tuple[float, float],
    radius_km: float,
    start_deg: float,
    end_deg: float,
    *,
    outside: bool = False,
) -> list[tuple[float, float]]:
    """Vertices of the arc of radius ``radius_km`` from azimuth ``start_deg`` to ``end_deg``.

    The chords between vertices cut inside the arc. With ``outside`` the vertices stand
    at ``radius_km / cos(step / 2)``, so that the chords touch the arc from outside and an
    outer boundary holds every point within ``radius_km`` (an estimate a few metres inside
    it stays inside the polygon); an inner boundary keeps its vertices on the arc, its
    chords then leaving the hole smaller, never larger."""
    steps = max(2, int(np.ceil((end_deg - start_deg) / ARC_STEP_DEG)) + 1)
    azimuths = np.linspace(start_deg, end_deg, steps)
    half_step = np.radians((end_deg - start_deg) / (steps - 1) / 2)
    radius = radius_km / np.cos(half_step) if outside else radius_km
    lons, lats, _ = GEOD.fwd(
        np.full(steps, anchor[0]),
        np.full(steps, anchor[1]),
        azimuths,
        np.full(steps, radius * _KM),
    )
    return list(zip(lons.tolist(), lats.tolist(), strict=True))


def _circle(
    anchor: tuple[float, float], radius_km: float, *, outside: bool = False
) -> list[tuple[float, float]]:
    return _arc(anchor, radius_km, 0.0, 360.0 - ARC_STEP_DEG, outside=outside)


def uncertainty_km(polygon: BaseGeometry, lon: float, lat: float) -> float:
    """Largest geodesic distance from ``(lon, lat)`` to a vertex of ``polygon``'s boundary.

    Parameters
    ----------
    polygon
        A (Multi)Polygon in ``(lon, lat)``; its arcs are densified, so its vertices stand for
        its boundary.
    lon, lat
        The estimate the radius is measured from.
    """
    coords = shapely.get_coordinates(polygon.boundary)
    if len(coords) == 0:
        return 0.0
    n = len(coords)
    _, _, metres = GEOD.inv(np.full(n, lon), np.full(n, lat), coords[:, 0], coords[:, 1])
    return float(np.max(metres)) / _KM


def sector(
    anchor: tuple[float, float],
    *,
    distance_min_km: float,
    distance_max_km: float,
    bearing_deg: float | None,
    bearing_tolerance_deg: float | None,
    anchor_extent_km: float = 0.0,
    nominal_km: float | None = None,
) -> Footprint:
    """The annular sector (or ring, or disc) of a distance-and-direction claim.

    Parameters
    ----------
    anchor
        ``(lon, lat)`` of the reference place.
    distance_min_km, distance_max_km
        The distance interval the text allows, before the anchor's extent is added.
    bearing_deg, bearing_tolerance_deg
        Azimuth (0 = north, 90 = east) and its half-width; ``None`` for a claim without
        direction (a ring, or a disc when the interval starts at 0). A tolerance of 180° or
        more is a full circle.
    anchor_extent_km
        Radius of the anchor place itself (a city is not a point): subtracted from the minimum
        and added to the maximum distance.
    nominal_km
        Distance of the best estimate; the middle of the interval when omitted. It must lie
        within the interval.

    Returns
    -------
    Footprint
        With a bearing: the estimate is the point at ``nominal_km`` on ``bearing_deg``. Without
        one: the anchor itself, the centre of the disc or ring (outside a ring, which has no
        better point), with ``uncertainty_km`` the outer radius.

    Examples
    --------
    "à environ 20 km à l'ouest de Palmyre":

    >>> fp = sector((38.27, 34.55), distance_min_km=13, distance_max_km=27, bearing_deg=270,
    ...             bearing_tolerance_deg=45, anchor_extent_km=2, nominal_km=20)
    >>> round(fp.lon, 2), round(fp.lat, 2), fp.polygon.contains(Point(fp.lon, fp.lat))
    (38.05, 34.55, True)
    """
    if not (0.0 <= distance_min_km <= distance_max_km) or distance_max_km <= 0.0:
        raise FootprintError(
            f"distance interval must satisfy 0 <= min <= max and max > 0, "
            f"got {distance_min_km!r}..{distance_max_km!r} km"
        )
    if anchor_extent_km < 0.0:
        raise FootprintError(f"anchor extent must be >= 0 km, got {anchor_extent_km!r}")
    if (bearing_deg is None) != (bearing_tolerance_deg is None):
        raise FootprintError(
            f"bearing and tolerance go together, got {bearing_deg!r} and {bearing_tolerance_deg!r}"
        )
    nominal = (distance_min_km + distance_max_km) / 2 if nominal_km is None else nominal_km
    if not distance_min_km <= nominal <= distance_max_km:
        raise FootprintError(
            f"nominal distance {nominal!r} km lies outside {distance_min_km!r}..{distance_max_km!r}"
        )
    inner = distance_min_km - anchor_extent_km
    inner = inner if inner >= MIN_INNER_RADIUS_KM else 0.0
    outer = distance_max_km + anchor_extent_km
    if bearing_deg is None or bearing_tolerance_deg is None or bearing_tolerance_deg >= 180.0:
        hole = [_circle(anchor, inner)] if inner > 0.0 else []
        polygon = Polygon(_circle(anchor, outer, outside=True), hole)
        if bearing_deg is None:
            return Footprint(polygon, float(anchor[0]), float(anchor[1]), outer)
    else:
        if bearing_tolerance_deg <= 0.0:
            raise FootprintError(f"bearing tolerance must be > 0°, got {bearing_tolerance_deg!r}")
        start, end = bearing_deg - bearing_tolerance_deg, bearing_deg + bearing_tolerance_deg
        shell = _arc(anchor, outer, start, end, outside=True)
        shell += _arc(anchor, inner, start, end)[::-1] if inner > 0.0 else [tuple(anchor)]
        polygon = Polygon(shell)
    lon, lat = destination(anchor, bearing_deg=bearing_deg, distance_km=nominal)
    return Footprint(polygon, lon, lat, uncertainty_km(polygon, lon, lat))


def _best_point(polygon: BaseGeometry) -> Point:
    """The centroid when it lies inside, else the pole of inaccessibility (always inside)."""
    centroid = polygon.centroid
    if polygon.contains(centroid):
        return centroid
    parts = getattr(polygon, "geoms", [polygon])
    largest = max(parts, key=lambda part: part.area)
    return polylabel(largest, tolerance=1e-5)


def footprint_of(polygon: BaseGeometry) -> Footprint:
    """A footprint for an arbitrary region: its best point and point-radius.

    Raises
    ------
    FootprintError
        When the region is empty.
    """
    if polygon.is_empty:
        raise FootprintError("empty region has no footprint")
    point = _best_point(polygon)
    return Footprint(polygon, point.x, point.y, uncertainty_km(polygon, point.x, point.y))


def intersect(footprints: Sequence[Footprint]) -> Footprint:
    """The region that every footprint allows: several claims about one place.

    A single footprint is returned unchanged (its estimate stays the text's nominal point).
    The estimate of an intersection is its centroid, or its pole of inaccessibility when the
    centroid falls outside.

    Raises
    ------
    DisjointFootprintsError
        When the footprints have no area in common.
    """
    if not footprints:
        raise FootprintError("intersect needs at least one footprint, got none")
    if len(footprints) == 1:
        return footprints[0]
    region = footprints[0].polygon
    for other in footprints[1:]:
        region = region.intersection(other.polygon)
    if region.is_empty or region.area == 0.0:
        centres = [(round(f.lon, 4), round(f.lat, 4)) for f in footprints]
        raise DisjointFootprintsError(f"footprints around {centres!r} do not overlap")
    polygons = [g for g in getattr(region, "geoms", [region]) if g.geom_type == "Polygon"]
    return footprint_of(shapely.MultiPolygon(polygons) if len(polygons) > 1 else polygons[0])


def disc(centre: tuple[float, float], *, radius_km: float) -> Footprint:
    """The disc of ``radius_km`` around ``centre``: a place known only by point and radius.

    Examples
    --------
    >>> fp = disc((38.28, 34.56), radius_km=10)
    >>> (fp.lon, fp.lat, fp.uncertainty_km)
    (38.28, 34.56, 10.0)
    """
    return sector(
        centre,
        distance_min_km=0.0,
        distance_max_km=radius_km,
        bearing_deg=None,
        bearing_tolerance_deg=None,
    )


def widen(footprint: Footprint, *, km: float) -> Footprint:
    """The footprint grown by ``km`` in every direction ("dans les environs de" a position).

    The buffer is computed in an azimuthal equidistant projection centred on the estimate, in
    which distances from the centre are true, then projected back; the estimate is kept.

    Parameters
    ----------
    footprint
        The footprint to grow.
    km
        How far, >= 0.

    Raises
    ------
    FootprintError
        When ``km`` is negative.
    """
    if km < 0.0:
        raise FootprintError(f"a footprint can only be widened by >= 0 km, got {km!r}")
    if km == 0.0:
        return footprint
    local = CRS.from_proj4(
        f"+proj=aeqd +lat_0={footprint.lat} +lon_0={footprint.lon} +ellps=WGS84 +units=m"
    )
    to_local = Transformer.from_crs("EPSG:4326", local, always_xy=True).transform
    to_lonlat = Transformer.from_crs(local, "EPSG:4326", always_xy=True).transform
    grown = transform(to_lonlat, transform(to_local, footprint.polygon).buffer(km * _KM, 64))
    return Footprint(
        grown, footprint.lon, footprint.lat, uncertainty_km(grown, footprint.lon, footprint.lat)
    )
