"""Static PNG snapshots: size, not blank, the places drawn in their side's colour."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pytest
from browser.samples import (
    ALEP,
    HOMS,
    MANBIJ,
    QARYATAYN,
    SOUKHNE,
    empty_fronts,
    empty_zones,
    snapshot_parts,
    state,
)
from matplotlib.colors import to_rgb
from PIL import Image

from geo.render import Snapshot
from geo.render._page import LAND_COLOUR
from geo.render.png import HEIGHT_PX, WIDTH_PX, render_png
from geo.theatre import load_profile

DAY = dt.date(2015, 10, 4)


@pytest.fixture(scope="module")
def profile():
    return load_profile("syria_iraq")


@pytest.fixture(scope="module")
def image(profile):
    return render_png(Snapshot(**snapshot_parts(DAY)), profile=profile)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _colours(pixels: np.ndarray) -> int:
    return len(np.unique(pixels[..., 0] * 65536 + pixels[..., 1] * 256 + pixels[..., 2]))


def _near(rgb: np.ndarray, colour: str, tolerance: int = 30) -> bool:
    expected = np.array([round(255 * c) for c in to_rgb(colour)])
    return bool(np.abs(rgb - expected).max() <= tolerance)


def test_image_size_and_content(image):
    pixels = _pixels(image.data)
    assert pixels.shape == (HEIGHT_PX, WIDTH_PX, 3)
    assert image.size == (WIDTH_PX, HEIGHT_PX)
    # Not blank: many distinct colours, and land, sea and side colours all present.
    assert _colours(pixels) > 50
    assert (
        np.abs(pixels - np.array([round(255 * c) for c in to_rgb(LAND_COLOUR)])).max(2) < 4
    ).sum() > 10_000


@pytest.mark.parametrize(
    ("place", "side"),
    [(MANBIJ, "sdf"), (HOMS, "government"), (QARYATAYN, "isis"), (SOUKHNE, "contested")],
)
def test_each_place_is_drawn_in_its_side_colour(image, profile, place, side):
    pixels = _pixels(image.data)
    column, row = image.pixels[place[0]]
    colour = profile.contested_colour if side == "contested" else profile.sides[side].colour
    assert 0 < column < WIDTH_PX and 0 < row < HEIGHT_PX
    assert _near(pixels[row, column], colour), (place[1], pixels[row, column], colour)


def test_stale_place_is_faded(image, profile):
    pixels = _pixels(image.data)
    column, row = image.pixels[ALEP[0]]
    rebels = profile.sides["rebels"].colour
    assert not _near(pixels[row, column], rebels, tolerance=20)
    # Faded towards the land colour, but still greener than it.
    red, green, blue = pixels[row, column]
    assert green > red and green > blue


def test_places_are_where_the_projection_puts_them(image):
    # Manbij is north-east of Alep, Homs south of both, Soukhné east of Homs.
    manbij, alep = image.pixels[MANBIJ[0]], image.pixels[ALEP[0]]
    homs, soukhne = image.pixels[HOMS[0]], image.pixels[SOUKHNE[0]]
    assert manbij[0] > alep[0] and manbij[1] < alep[1]
    assert homs[1] > alep[1]
    assert soukhne[0] > homs[0]


def test_deterministic_and_math_text_safe(profile):
    parts = snapshot_parts(DAY, place_name="Tal Afar $x^{2}$ \\frac")
    first = render_png(Snapshot(**parts), profile=profile)
    second = render_png(
        Snapshot(**snapshot_parts(DAY, place_name="Tal Afar $x^{2}$ \\frac")), profile=profile
    )
    assert first.data == second.data


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_labels_of_a_cluster_do_not_overlap(profile):
    # Four towns a few km apart around Fallouja: every label drawn, none over another or
    # over a marker.
    day = dt.date(2016, 6, 1)
    towns = [
        (("geonames:1", "Fallouja", 43.78, 33.35), "iraq"),
        (("geonames:2", "Karma", 43.81, 33.37), "isis"),
        (("geonames:3", "Saqlawiya", 43.76, 33.38), "isis"),
        (("geonames:4", "Amiriyat al-Fallouja", 43.80, 33.33), "iraq"),
    ]
    snapshot = Snapshot(
        day,
        [state(place, side, snapshot=day, since=day) for place, side in towns],
        [],
        [],
        empty_zones(),
        empty_fronts(),
    )
    image = render_png(snapshot, profile=profile)
    pixels = _pixels(image.data)
    assert set(image.labels) == {place[0] for place, _side in towns}
    boxes = list(image.labels.values())
    for i, box in enumerate(boxes):
        assert 0 <= box[0] < box[2] <= WIDTH_PX and 0 <= box[1] < box[3] <= HEIGHT_PX
        for other in boxes[i + 1 :]:
            assert not _overlap(box, other), (box, other)
        for column, row in image.pixels.values():
            assert not _overlap(box, (column - 4, row - 4, column + 4, row + 4))
    for place, side in towns:
        column, row = image.pixels[place[0]]
        assert _near(pixels[row, column], profile.sides[side].colour), place


def test_empty_snapshot_draws_the_theatre(profile):
    image = render_png(Snapshot(DAY, [], [], [], empty_zones(), empty_fronts()), profile=profile)
    pixels = _pixels(image.data)
    assert image.pixels == {}
    assert _colours(pixels) > 20


def test_scale_bar_matches_geodesic_distances(profile):
    # Two towns on one parallel, 100 km apart on the ellipsoid (pyproj Geod): their pixel
    # distance must match what the scale bar says 100 km is, within 3 %.
    from pyproj import Geod

    day = dt.date(2017, 1, 10)
    lon, lat = 38.0, 35.5
    east, _, _ = Geod(ellps="WGS84").fwd(lon, lat, 90.0, 100_000.0)
    west_town = ("geonames:10", "Tabqa", lon, lat)
    east_town = ("geonames:11", "Maadan", east, lat)
    snapshot = Snapshot(
        day,
        [
            state(west_town, "sdf", snapshot=day, since=day),
            state(east_town, "isis", snapshot=day, since=day),
        ],
        [],
        [],
        empty_zones(),
        empty_fronts(),
    )
    image = render_png(snapshot, profile=profile)
    km, pixels = image.scale_bar
    assert km in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) and pixels > 50
    a, b = image.pixels[west_town[0]], image.pixels[east_town[0]]
    assert abs(a[1] - b[1]) <= 1
    assert (b[0] - a[0]) == pytest.approx(100 * pixels / km, rel=0.03)
