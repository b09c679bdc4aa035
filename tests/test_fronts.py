"""Zones estimated from held places, and front lines between opposing sides."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from itertools import combinations

import shapely
import shapely.ops
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import Point

from geo import borders
from geo.fronts import REACH_MAX_KM, front_lines, reach_km, zones
from geo.geodesy import destination, distance_km
from geo.records import ControlState

GEOD = Geod(ellps="WGS84")
DESERT = (38.5, 35.0)  # open Syrian desert between Palmyre and Deir Ezzor
SNAPSHOT = dt.date(2017, 3, 1)


def state(side, where, name, *, stale=False, age=10, extent=3.0):
    lon, lat = where
    return ControlState(
        snapshot=SNAPSHOT,
        place_id=f"test:{name}",
        place=name,
        lon=lon,
        lat=lat,
        side=side,
        since=SNAPSHOT - dt.timedelta(days=age),
        article_id="a",
        evidence=f"{name} est aux mains de {side}.",
        relation="controls",
        confidence=0.8,
        age_days=age,
        stale=stale,
        uncertainty_km=extent,
    )


def at(east_km, north_km, origin=DESERT):
    """A point ``east_km`` east and ``north_km`` north of ``origin`` (geodesic steps)."""
    lon, lat = destination(origin, bearing_deg=90.0, distance_km=east_km)
    return destination((lon, lat), bearing_deg=0.0, distance_km=north_km)


def two_columns(west="government", east="isis", gap_km=10.0, **kw):
    """Three places per side, in two north-south columns ``2 * gap_km`` apart."""
    return [
        state(side, at(sign * gap_km, north), f"{side}{north}", **kw)
        for north in (-20.0, 0.0, 20.0)
        for side, sign in ((west, -1), (east, 1))
    ]


def geodesic_area_km2(geometry):
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def test_the_front_line_runs_along_the_midline_between_the_two_sides():
    states = two_columns()
    (line,) = front_lines(zones(states)).itertuples()
    assert (line.sides, line.stale) == ("government|isis", False)
    gov = [(s.lon, s.lat) for s in states if s.side == "government"]
    isis = [(s.lon, s.lat) for s in states if s.side == "isis"]
    for lon, lat in shapely.get_coordinates(line.geometry):
        to_gov = min(distance_km((lon, lat), p) for p in gov)
        to_isis = min(distance_km((lon, lat), p) for p in isis)
        assert abs(to_gov - to_isis) < 0.2, (lon, lat)
    # Both discs (24 km) reach the midline 10 km away over 2 * 21.8 km around each row:
    # the line runs from 41.8 km south to 41.8 km north of the middle row.
    coords = shapely.get_coordinates(line.geometry)
    length = sum(distance_km(tuple(a), tuple(b)) for a, b in zip(coords, coords[1:], strict=False))
    assert 80.0 < length < 86.0


def test_each_place_lies_in_its_sides_zone_and_zones_do_not_overlap():
    states = two_columns()
    frame = zones(states)
    assert list(frame.side) == ["government", "isis"]
    assert list(frame.columns) == ["side", "stale", "age_days", "places", "geometry"]
    by_side = dict(zip(frame.side, frame.geometry, strict=True))
    for s in states:
        assert by_side[s.side].contains(Point(s.lon, s.lat))
        other = "isis" if s.side == "government" else "government"
        assert not by_side[other].contains(Point(s.lon, s.lat))
    overlap = by_side["government"].intersection(by_side["isis"])
    assert geodesic_area_km2(overlap) < 0.01
    assert frame.places.iloc[0] == "government-20.0; government0.0; government20.0"


def test_a_lonely_place_never_paints_more_than_its_reach():
    frame = zones([state("isis", DESERT, "Soukhné", extent=2.0)])
    radius = reach_km(2.0)
    area = geodesic_area_km2(frame.geometry.iloc[0])
    assert 0.98 * math.pi * radius**2 < area < 1.001 * math.pi * radius**2
    huge = zones([state("isis", DESERT, "Big", extent=500.0)])
    assert geodesic_area_km2(huge.geometry.iloc[0]) < 1.001 * math.pi * REACH_MAX_KM**2


def test_an_inferred_place_has_no_size_and_a_vague_one_no_zone():
    located = state("isis", DESERT, "Al-Alianiyé", extent=8.0)
    located = dataclasses.replace(located, place_id="inferred:aliania")
    area = geodesic_area_km2(zones([located]).geometry.iloc[0])
    assert area < 1.001 * math.pi * reach_km(0.0) ** 2
    vague = dataclasses.replace(located, uncertainty_km=49.0)
    assert zones([vague]).empty
    gazetteer_town = state("isis", DESERT, "Raqa", extent=8.0)
    assert geodesic_area_km2(zones([gazetteer_town]).geometry.iloc[0]) > 2 * area


def test_a_site_held_by_the_other_side_leaves_its_towns_zone_alone():
    """ "L'aéroport de Kidal" is drawn at Kidal: its holder paints no zone and does not make the
    town contested."""
    town = state("mali", DESERT, "Kidal", extent=2.0)
    airport = dataclasses.replace(
        state("rebels", DESERT, "aéroport de Kidal", extent=27.0),
        place_id="site:aeroport:test:Kidal",
    )
    drawn = zones([town, airport])
    assert list(drawn["side"]) == ["mali"]
    assert zones([airport]).empty


def test_far_apart_holders_share_no_front_line():
    states = [state("government", at(-100, 0), "Palmyre"), state("isis", at(100, 0), "Deir")]
    frame = zones(states)
    assert sorted(frame.side) == ["government", "isis"]
    assert front_lines(frame).empty


def test_zones_stop_at_the_sea_and_at_international_borders():
    latakia = (35.78, 35.52)
    coast = zones([state("government", latakia, "Lattaquié")]).geometry.iloc[0]
    assert coast.contains(Point(latakia))
    assert not coast.contains(Point(destination(latakia, bearing_deg=270, distance_km=10)))
    manbij = (37.953, 36.528)  # 35 km south of the Turkish border
    in_turkey = Point(destination(manbij, bearing_deg=0, distance_km=40))
    syrian_only = zones([state("sdf", manbij, "Manbij", extent=40.0)]).geometry.iloc[0]
    assert syrian_only.contains(Point(manbij)) and not syrian_only.contains(in_turkey)
    any_land = zones([state("sdf", manbij, "Manbij", extent=40.0)], land=borders.land())
    assert any_land.geometry.iloc[0].contains(in_turkey)


def test_a_border_town_keeps_its_zone_in_the_theatres_country():
    kobane = (38.355, 36.8906)  # Natural Earth 1:10m puts it 500 m inside Turkey
    in_turkey = Point(destination(kobane, bearing_deg=0, distance_km=10))
    in_syria = Point(destination(kobane, bearing_deg=180, distance_km=10))
    zone = zones([state("sdf", kobane, "Kobané")], home_countries=("SY", "IQ")).geometry.iloc[0]
    assert zone.contains(in_syria) and not zone.contains(in_turkey)


def test_a_town_near_the_border_between_two_theatre_countries_stays_in_its_own():
    boukamal = (40.918, 34.453)  # Syria, 4 km from Iraq
    in_iraq = Point(destination(boukamal, bearing_deg=110, distance_km=15))
    assert list(borders.countries().loc[lambda f: f.contains(in_iraq), "iso_a2"]) == ["IQ"]
    zone = zones([state("isis", boukamal, "Boukamal")], home_countries=("SY", "IQ"))
    assert zone.geometry.iloc[0].contains(Point(boukamal))
    assert not zone.geometry.iloc[0].contains(in_iraq)


def test_stale_places_make_separate_stale_zones_and_dashed_fronts():
    fresh = two_columns()
    gov = [s for s in fresh if s.side == "government"]
    old_isis = [
        state("isis", (s.lon, s.lat), s.place, stale=True, age=200)
        for s in fresh
        if s.side == "isis"
    ]
    far_old_gov = state("government", at(-60, 0), "Qaryatayn", stale=True, age=150)
    frame = zones([*gov, *old_isis, far_old_gov])
    rows = {(r.side, r.stale): r.age_days for r in frame.itertuples()}
    assert rows == {("government", False): 10, ("government", True): 150, ("isis", True): 200}
    fronts = front_lines(frame)
    assert list(zip(fronts.sides, fronts.stale, strict=True)) == [("government|isis", True)]


def test_fresh_and_stale_parts_of_one_side_make_no_front():
    frame = zones(
        [
            state("government", at(-10, 0), "Homs"),
            state("government", at(10, 0), "Hama", stale=True, age=120),
        ]
    )
    assert len(frame) == 2
    assert front_lines(frame).empty


def test_a_contested_town_keeps_its_own_cell_and_the_front_goes_round_it():
    states = [*two_columns(), state("contested", at(0, 0), "Palmyre")]
    frame = zones(states)
    by_side = dict(zip(frame.side, frame.geometry, strict=True))
    town = Point(at(0, 0))
    assert by_side["contested"].contains(town)
    assert not by_side["government"].contains(town) and not by_side["isis"].contains(town)
    (line,) = front_lines(frame).itertuples()
    assert line.sides == "government|isis"
    nearest = shapely.ops.nearest_points(line.geometry, town)[0]
    assert distance_km((nearest.x, nearest.y), (town.x, town.y)) > 4.0


def test_two_holders_reported_at_one_point_make_it_contested():
    frame = zones([state("rebels", DESERT, "Idleb"), state("nusra", DESERT, "Idlib")])
    assert list(frame.side) == ["contested"]
    assert frame.places.iloc[0] == "Idleb; Idlib"


def test_no_state_gives_empty_frames_with_the_columns():
    frame = zones([])
    assert frame.empty and list(frame.columns) == [
        "side",
        "stale",
        "age_days",
        "places",
        "geometry",
    ]
    fronts = front_lines(frame)
    assert fronts.empty and list(fronts.columns) == ["sides", "stale", "geometry"]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-60, 60),
            st.floats(-60, 60),
            st.sampled_from(["government", "isis", "rebels"]),
        ),
        min_size=2,
        max_size=8,
        unique_by=lambda t: (round(t[0]), round(t[1])),
    )
)
def test_zones_of_different_sides_never_overlap_and_hold_their_places(layout):
    states = [state(side, at(e, n), f"p{i}") for i, (e, n, side) in enumerate(layout)]
    frame = zones(states)
    for a, b in combinations(frame.itertuples(), 2):
        assert geodesic_area_km2(a.geometry.intersection(b.geometry)) < 0.05
    by_side = dict(zip(frame.side, frame.geometry, strict=True))
    for s in states:
        assert by_side[s.side].distance(Point(s.lon, s.lat)) < 1e-6
    for line in front_lines(frame).itertuples():
        left, right = line.sides.split("|")
        assert line.geometry.distance(by_side[left]) < 1e-3
        assert line.geometry.distance(by_side[right]) < 1e-3
