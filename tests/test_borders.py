"""The offline country borders drawn on the maps and used to clip the zones."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Point, box

import geo.borders as borders
from geo.render._basemap import _clipped


def test_countries_cover_the_theatre_and_its_neighbours():
    frame = borders.countries()
    assert list(frame.columns) == ["iso_a2", "name", "geometry"]
    assert frame.crs.to_epsg() == 4326
    codes = set(frame.iso_a2.dropna())
    assert {"SY", "IQ", "TR", "LB", "JO", "IL", "IR", "SA"} <= codes
    syria = frame.loc[frame.iso_a2 == "SY"].iloc[0]
    assert syria["name"] == "Syrie"
    # French names come out as text, not as mojibake of a wrongly decoded dbf.
    assert "Égypte" in set(frame["name"])


@pytest.mark.parametrize(
    ("lon", "lat", "iso"),
    [
        (38.27, 34.55, "SY"),  # Palmyre
        (43.13, 36.34, "IQ"),  # Mossoul
        (37.16, 36.20, "SY"),  # Alep
        (36.01, 36.20, "TR"),  # Antakya
        (35.50, 33.89, "LB"),  # Beyrouth
    ],
)
def test_a_city_falls_in_its_own_country(lon, lat, iso):
    frame = borders.countries()
    hits = frame[frame.contains(Point(lon, lat))]
    assert list(hits.iso_a2) == [iso]


# The theatres beyond Syria-Iraq: a city of each war, the bbox of a map around it (lon/lat),
# and the countries that map must show.
THEATRE_CITIES = [
    ((36.23, 49.99), "UA", (34.0, 48.0, 38.5, 52.0), {"UA", "RU", "BY"}),  # Kharkiv
    ((-0.04, 16.27), "ML", (-4.0, 13.0, 4.0, 19.0), {"ML", "NE", "BF", "DZ"}),  # Gao
    ((15.09, 32.38), "LY", (10.0, 28.0, 20.0, 34.0), {"LY", "TN", "DZ"}),  # Misrata
    ((42.95, 14.80), "YE", (42.0, 12.0, 50.0, 18.0), {"YE", "SA", "ER", "DJ"}),  # Hodeidah
    ((46.75, 39.82), "AZ", (44.5, 38.5, 47.5, 41.5), {"AZ", "AM", "GE", "IR", "TR"}),  # Stepanakert
]


@pytest.mark.parametrize(("place", "iso", "bbox", "around"), THEATRE_CITIES)
def test_the_borders_cover_the_other_wars(place, iso, bbox, around):
    point = Point(place)
    frame = borders.countries()
    assert list(frame.loc[frame.contains(point), "iso_a2"]) == [iso]
    assert borders.land().contains(point)
    clipped = _clipped(bbox)
    assert list(clipped.columns) == ["iso_a2", "name", "geometry"]
    assert around <= set(clipped.iso_a2)
    assert list(clipped.loc[clipped.contains(point), "iso_a2"]) == [iso]
    window = box(*bbox).buffer(6.0, join_style="mitre")
    assert all(window.covers(g) for g in clipped.geometry)


@pytest.mark.parametrize(
    ("lon", "lat", "iso"),
    [
        (35.78, 35.52, "SY"),  # Lattaquié
        (30.73, 46.48, "UA"),  # Odessa
        (37.55, 47.10, "UA"),  # Marioupol
        (33.52, 44.60, "UA"),  # Sébastopol (Natural Earth, German view: Crimea is Ukraine's)
        (20.07, 32.12, "LY"),  # Benghazi
        (45.03, 12.80, "YE"),  # Aden
        (49.67, 40.41, "AZ"),  # Bakou
    ],
)
def test_a_coastal_city_stays_on_land(lon, lat, iso):
    frame = borders.countries()
    assert list(frame.loc[frame.contains(Point(lon, lat)), "iso_a2"]) == [iso]


def test_every_country_of_the_wars_is_there_once_and_valid():
    frame = borders.countries()
    wars = {
        *("UA", "RU", "BY"),
        *("ML", "BF", "NE", "DZ", "MR", "TD"),
        *("LY", "EG", "TN"),
        *("YE", "SA", "OM"),
        *("AZ", "AM", "GE", "TR", "IR"),
        *("SY", "IQ"),
    }
    assert wars <= set(frame.iso_a2)
    assert not frame.iso_a2.dropna().duplicated().any()
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
    # Neighbours share their borders exactly: a point lies in one country at most.
    assert shapely.coverage_is_valid(shapely.GeometryCollection(list(frame.geometry)))


def test_the_data_file_stays_small():
    assert borders.BORDERS_FILE.name == "countries_world.geojson"
    assert borders.BORDERS_FILE.stat().st_size < 2_000_000


def test_countries_in_a_window_come_from_the_index():
    window = box(35.5, 32.0, 42.5, 37.5)
    near = borders.countries_in(window)
    frame = borders.countries()
    assert list(near.iso_a2) == list(frame.loc[frame.intersects(window), "iso_a2"])
    near.loc[:, "name"] = "x"
    assert "x" not in set(borders.countries_in(window)["name"])


def test_land_excludes_the_sea_and_includes_the_desert():
    land = borders.land()
    assert land.contains(Point(40.14, 35.33))  # Deir Ezzor
    assert not land.contains(Point(34.0, 34.0))  # off Cyprus
    assert not land.contains(Point(50.0, 27.0))  # the Gulf


def test_countries_returns_a_copy_callers_may_modify():
    first = borders.countries()
    first.loc[:, "name"] = "x"
    assert borders.countries().loc[borders.countries().iso_a2 == "SY", "name"].item() == "Syrie"


def test_missing_data_file_names_the_file_and_the_fix(monkeypatch, tmp_path):
    missing = tmp_path / "nope.geojson"
    monkeypatch.setattr(borders, "BORDERS_FILE", missing)
    borders._read_countries.cache_clear()
    try:
        with pytest.raises(borders.BordersDataError, match="nope.geojson.*make_borders"):
            borders.countries()
    finally:
        monkeypatch.undo()
        borders._read_countries.cache_clear()
