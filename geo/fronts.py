"""Each side's estimated zone as of a snapshot, and the front lines between opposing zones.

What a zone is, and what it assumes
-----------------------------------
A dispatch tells who holds *towns*, not areas. The zone of a side is an estimate drawn from
the places it holds, under three assumptions, each of which keeps the drawing honest:

1. *Nearest holder.* Ground between two held places belongs to the nearer one: the plane is
   cut into the Voronoi cells of the places (computed in an azimuthal equidistant projection
   centred on the snapshot's places, where distances from the centre are true and, over a
   theatre a thousand kilometres wide, distorted by well under one per cent elsewhere).
2. *Limited reach.* A garrison holds its surroundings, not the desert to the horizon: each cell
   is cut to a geodesic disc (:func:`geo.geodesy.disc`) whose radius grows with the place's
   own extent (``ControlState.uncertainty_km``, the gazetteer's radius of a town):
   :func:`reach_km`. So one dot never paints a country, and two holders far apart leave the
   ground between them unclaimed, with no front line drawn across it. A place located from
   text (:data:`INFERRED_PREFIX`) has no known size and reaches the base radius; one located
   only roughly carries no zone, nor does a site named after a town ("l'aéroport de
   Tripoli", :data:`geo.places.SITE_PREFIX`): it lies somewhere around the town, drawn at
   the town's point, and its holder is not the town's.
3. *Land and borders.* Each cell is cut to the country its place lies in (offline Natural
   Earth borders, :mod:`geo.borders`; a border town is given to the theatre's country, see
   :data:`BORDER_SLACK_KM`), so that no zone crosses the sea or an international border; a
   caller may pass its own ``land`` instead (then borders are not applied).

Places whose holder is ``contested`` keep their own cell (the neighbours' zones stop short
of a disputed town) and form a ``contested`` zone. Stale states (``ControlState.stale``) make
separate, stale zone rows, so that a map draws them faded and their front lines dashed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import MultiPoint, Point, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geo import borders
from geo.geodesy import disc, distance_km
from geo.places import SITE_PREFIX
from geo.records import ControlState
from geo.timeline import CONTESTED

REACH_BASE_KM = 15.0
"""Reach of the smallest held place (a village or an outpost), in kilometres.

About the radius of the ground a garrison patrols and shells around itself; the Syrian
desert maps of the war (ISW, Liveuamap) show isolated government or EI positions holding
bands of this order along the roads.
"""

REACH_PER_EXTENT = 3.0
"""Kilometres of reach added per kilometre of the place's own radius: a city of 8 km radius
(Homs, Alep) holds its suburbs and the nearby villages, some 40 km around."""

REACH_MAX_KM = 50.0
"""No place holds ground farther than this, whatever its size: beyond, the map says nothing."""

INFERRED_PREFIX = "inferred:"
"""Place ids of places located from text (``gazetteer.Place``): their ``uncertainty_km`` is
how well the text locates them, not their size. They reach :data:`REACH_BASE_KM`, and carry
no zone at all when located less precisely than that: a zone must not be painted around a
village that may lie anywhere within 50 km."""

BORDER_SLACK_KM = 5.0
"""A place this close (km) to one of the theatre's countries is taken to lie in it.

Border towns sit on the line at the scale of the offline borders: Natural Earth 1:10m puts
Kobané's centre 500 m inside Turkey, and the simplification of the bundled file moves lines
by up to 1 km; a town's own extent adds a few kilometres.
"""

FRONT_TOLERANCE_M = 50.0
"""Two zones closer than this (metres) along their edges share a front line: the rounding of
polygon clipping, far below the map's resolution."""

_GRID_M = 1.0  # cells are merged on a 1 m grid so that their shared edges coincide exactly
_MIN_FRONT_M = 3 * FRONT_TOLERANCE_M
_ZONE_COLUMNS = ["side", "stale", "age_days", "places", "geometry"]
_FRONT_COLUMNS = ["sides", "stale", "geometry"]


@dataclass(frozen=True, slots=True)
class _Site:
    lon: float
    lat: float
    side: str
    stale: bool
    age_days: int | None
    extent_km: float
    names: tuple[str, ...]


def reach_km(extent_km: float) -> float:
    """How far a held place's zone may reach, from its own radius ``extent_km``.

    Examples
    --------
    >>> reach_km(0.0), reach_km(3.0), reach_km(100.0)
    (15.0, 24.0, 50.0)
    """
    return min(REACH_MAX_KM, REACH_BASE_KM + REACH_PER_EXTENT * max(extent_km, 0.0))


def _inferred(state: ControlState) -> bool:
    return state.place_id.startswith(INFERRED_PREFIX)


def _extent_km(state: ControlState) -> float:
    """A gazetteer place's radius; an inferred place's uncertainty is not its size: 0."""
    return 0.0 if _inferred(state) else state.uncertainty_km


def _sites(states: Sequence[ControlState]) -> list[_Site]:
    """One site per distinct point; two holders reported at one point make it contested.

    Inferred places located less precisely than :data:`REACH_BASE_KM`, and sites, carry no
    zone.
    """
    grouped: dict[tuple[float, float], list[ControlState]] = defaultdict(list)
    for state in states:
        if _inferred(state) and state.uncertainty_km > REACH_BASE_KM:
            continue
        if state.place_id.startswith(SITE_PREFIX):
            continue
        grouped[(round(state.lon, 5), round(state.lat, 5))].append(state)
    sites = []
    for (lon, lat), group in sorted(grouped.items()):
        sides = {s.side for s in group}
        ages = [s.age_days for s in group if s.age_days is not None]
        sites.append(
            _Site(
                lon=lon,
                lat=lat,
                side=sides.pop() if len(sides) == 1 else CONTESTED,
                stale=all(s.stale for s in group),
                age_days=min(ages) if ages else None,
                extent_km=max(_extent_km(s) for s in group),
                names=tuple(sorted({s.place for s in group})),
            )
        )
    return sites


def _local_crs(sites: list[_Site]) -> CRS:
    lon = float(np.mean([s.lon for s in sites]))
    lat = float(np.mean([s.lat for s in sites]))
    return CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m")


def _cells(points: list[tuple[float, float]]) -> list[BaseGeometry]:
    """The Voronoi cell of each point, in the order of ``points`` (projected metres)."""
    xs, ys = zip(*points, strict=True)
    frame = box(min(xs), min(ys), max(xs), max(ys)).buffer(4 * REACH_MAX_KM * 1000.0)
    if len(points) == 1:
        return [frame]
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=frame, ordered=True)
    return [cell.intersection(frame) for cell in cells.geoms]


def _gap_km(geometry: BaseGeometry, lon: float, lat: float) -> float:
    nearest = nearest_points(geometry, Point(lon, lat))[0]
    return distance_km((lon, lat), (nearest.x, nearest.y))


@lru_cache(maxsize=4096)
def _home_country(lon: float, lat: float, home_countries: tuple[str, ...]) -> BaseGeometry:
    """The country a place lies in (see :data:`BORDER_SLACK_KM` for border towns)."""
    frame = borders.countries()
    inside = frame[frame.contains(Point(lon, lat))]
    at_home = inside[inside["iso_a2"].isin(home_countries)]
    if not at_home.empty:
        return at_home.geometry.iloc[0]
    homes = frame[frame["iso_a2"].isin(home_countries)]
    if not homes.empty:
        gaps = [_gap_km(g, lon, lat) for g in homes.geometry]
        if min(gaps) <= BORDER_SLACK_KM:
            return homes.geometry.iloc[int(np.argmin(gaps))]
    if not inside.empty:
        return inside.geometry.iloc[0]
    return frame.geometry.iloc[int(np.argmin([_gap_km(g, lon, lat) for g in frame.geometry]))]


@lru_cache(maxsize=4096)
def _reach_in_country(
    lon: float, lat: float, radius_km: float, home_countries: tuple[str, ...]
) -> BaseGeometry:
    reach = disc((lon, lat), radius_km=radius_km).polygon
    return reach.intersection(_home_country(lon, lat, home_countries))


def _project(geometry: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    def along(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    return shapely.transform(geometry, along)


def _empty(columns: list[str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({c: [] for c in columns}, geometry="geometry", crs="EPSG:4326")


def zones(
    states: Sequence[ControlState],
    *,
    land: BaseGeometry | None = None,
    home_countries: Sequence[str] = (),
) -> gpd.GeoDataFrame:
    """Each side's estimated zone from the places it holds (see the module docstring).

    Parameters
    ----------
    states
        The snapshot's states (:func:`geo.timeline.control_at`).
    land
        The ground zones may cover, in lon/lat. ``None``: each place's own country from the
        offline borders, so that a zone stops at coasts and international borders.
    home_countries
        ISO 3166-1 alpha-2 codes of the theatre's countries (``TheatreProfile.countries``):
        a place within :data:`BORDER_SLACK_KM` of one of them is taken to lie in it, which
        keeps a border town's zone on its own side. Without them, the country containing
        the point (the nearest one for a point just off the coast) is the place's.

    Returns
    -------
    geopandas.GeoDataFrame
        In WGS84, one row per side and staleness: ``side`` (a side or ``contested``),
        ``stale`` (every place of the row is stale), ``age_days`` (the oldest deciding
        evidence of the row), ``places`` (their names, ``"; "``-joined) and ``geometry``
        ((Multi)Polygon), sorted by side then staleness. Empty (same columns) with no state.
    """
    sites = _sites(states)
    if not sites:
        return _empty(_ZONE_COLUMNS)
    local = _local_crs(sites)
    to_local = Transformer.from_crs("EPSG:4326", local, always_xy=True)
    projected = [to_local.transform(s.lon, s.lat) for s in sites]
    homes = tuple(home_countries)
    groups: dict[tuple[str, bool], list[tuple[_Site, BaseGeometry]]] = defaultdict(list)
    for site, cell in zip(sites, _cells(projected), strict=True):
        radius = reach_km(site.extent_km)
        if land is None:
            area = _reach_in_country(site.lon, site.lat, radius, homes)
        else:
            area = disc((site.lon, site.lat), radius_km=radius).polygon.intersection(land)
        piece = cell.intersection(_project(area, to_local))
        if not piece.is_empty:
            groups[(site.side, site.stale)].append((site, piece))
    to_lonlat = Transformer.from_crs(local, "EPSG:4326", always_xy=True)
    rows = []
    for (side, stale), members in sorted(groups.items()):
        ages = [s.age_days for s, _ in members if s.age_days is not None]
        shape = shapely.union_all([piece for _, piece in members], grid_size=_GRID_M)
        rows.append(
            {
                "side": side,
                "stale": stale,
                "age_days": max(ages) if ages else None,
                "places": "; ".join(sorted(n for s, _ in members for n in s.names)),
                "geometry": _project(shapely.make_valid(shape), to_lonlat),
            }
        )
    if not rows:
        return _empty(_ZONE_COLUMNS)
    return gpd.GeoDataFrame(rows, columns=_ZONE_COLUMNS, geometry="geometry", crs="EPSG:4326")


def front_lines(zone_frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The lines where zones of opposing sides meet.

    Parameters
    ----------
    zone_frame
        The output of :func:`zones`.

    Returns
    -------
    geopandas.GeoDataFrame
        In WGS84, one row per pair of sides and staleness: ``sides`` (the two side ids in
        alphabetical order, ``"|"``-joined: ``government|isis``), ``stale`` (either zone along
        it is stale: draw it dashed) and ``geometry`` ((Multi)LineString). Zones of one side
        (a fresh and a stale part) and ``contested`` zones never make a front. Empty (same
        columns) when no opposing zones touch.
    """
    frame = zone_frame[zone_frame["side"] != CONTESTED]
    if len(frame) < 2:
        return _empty(_FRONT_COLUMNS)
    centre = frame.geometry.union_all().centroid
    local = CRS.from_proj4(f"+proj=aeqd +lat_0={centre.y} +lon_0={centre.x} +ellps=WGS84 +units=m")
    projected = frame.to_crs(local)
    lines: dict[tuple[str, bool], list[BaseGeometry]] = defaultdict(list)
    for (_, a), (_, b) in combinations(projected.iterrows(), 2):
        if a["side"] == b["side"]:
            continue
        shared = a.geometry.boundary.intersection(b.geometry.buffer(FRONT_TOLERANCE_M))
        parts = [
            g
            for g in getattr(shared, "geoms", [shared])
            if g.geom_type in ("LineString", "MultiLineString") and g.length >= _MIN_FRONT_M
        ]
        if parts:
            sides = "|".join(sorted((a["side"], b["side"])))
            lines[(sides, bool(a["stale"] or b["stale"]))].extend(parts)
    if not lines:
        return _empty(_FRONT_COLUMNS)
    rows = [
        {"sides": sides, "stale": stale, "geometry": shapely.line_merge(shapely.union_all(parts))}
        for (sides, stale), parts in sorted(lines.items())
    ]
    out = gpd.GeoDataFrame(rows, columns=_FRONT_COLUMNS, geometry="geometry", crs=local)
    return out.to_crs("EPSG:4326")
