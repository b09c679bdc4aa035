"""The offline country borders drawn on the maps and used to clip the zones."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

import geo.borders as borders


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
