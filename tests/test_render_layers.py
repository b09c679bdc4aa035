"""Geometry of the drawn features: advance arrows measured with pyproj's Geod."""

from __future__ import annotations

import pytest
from pyproj import Geod

from geo.render._layers import ARROW_GAP_KM, ARROW_HEAD_ANGLE, ARROW_HEAD_KM, _arrow, css_token

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("origin", "target"),
    [
        ((36.72, 34.73), (38.27, 34.55)),  # Homs towards Palmyre, eastwards
        ((43.13, 36.34), (42.45, 36.37)),  # Mossoul towards Tal Afar, westwards
        ((38.01, 36.53), (38.00, 36.60)),  # Manbij, a short push north (8 km)
    ],
)
def test_arrow_stops_short_of_its_target_and_points_at_it(origin, target):
    shaft, head = _arrow(origin, target)
    (start_lat, start_lon), (tip_lat, tip_lon) = shaft
    assert (start_lon, start_lat) == origin
    assert head[0] == (tip_lat, tip_lon)
    _, _, total = GEOD.inv(*origin, *target)
    _, _, gap = GEOD.inv(tip_lon, tip_lat, *target)
    assert gap == pytest.approx(min(ARROW_GAP_KM * 1000, total / 4), rel=1e-6)
    # The tip lies on the geodesic: origin -> tip -> target adds up.
    _, _, run = GEOD.inv(*origin, tip_lon, tip_lat)
    assert run + gap == pytest.approx(total, rel=1e-6)
    # Both barbs are the same length, either side of the shaft.
    forward, _, _ = GEOD.inv(tip_lon, tip_lat, *target)
    for lat, lon in head[1:]:
        azimuth, _, length = GEOD.inv(tip_lon, tip_lat, lon, lat)
        assert length == pytest.approx(min(ARROW_HEAD_KM * 1000, (total - gap) / 3), rel=1e-6)
        turn = (azimuth - forward) % 360
        assert (
            min(abs(turn - (180 - ARROW_HEAD_ANGLE)), abs(turn - (180 + ARROW_HEAD_ANGLE))) < 0.01
        )


def test_css_token_keeps_class_names_safe():
    assert css_token("government") == "government"
    assert css_token('x" onclick="f()') == "x-onclick-f"
    assert css_token("") == "none"
