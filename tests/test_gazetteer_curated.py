"""The curated rows of the wars beyond Syria-Iraq: regions, towns and sites GeoNames'
cities500 lacks, and French spellings merged into GeoNames places, as the default gazetteer
gives them to a user (lookup by any French spelling, matching in a dispatch, a point inside
its country, an extent that says how wide the place is)."""

from __future__ import annotations

import math

import pytest
from pyproj import Geod
from shapely.geometry import Point

from gazetteer import Gazetteer
from gazetteer.sources import curated_rows

_GEOD = Geod(ellps="WGS84")


def _best(gazetteer: Gazetteer, name: str):
    found = gazetteer.lookup(name)
    assert found, f"{name!r} gives nothing"
    return found[0]


@pytest.mark.parametrize(
    ("spellings", "country", "min_km", "max_km"),
    [
        (["Donbass", "Donbas"], "UA", 100, 250),  # two oblasts, about 370 km end to end
        (["Crimée", "Crimea", "la Crimée"], "UA", 100, 200),  # 320 km from west to east
        (["Cyrénaïque", "Cyrenaica"], "LY", 500, 900),  # eastern Libya down to Kufra
        (["Fezzan", "Fazzan"], "LY", 300, 600),
        (["Hadramout", "Hadramaout", "Hadhramaut"], "YE", 150, 350),
        (["Azawad", "Azaouad"], "ML", 400, 800),  # the north of Mali claimed in 2012
    ],
)
def test_a_region_is_one_place_in_its_country_as_wide_as_it_is(
    gazetteer: Gazetteer, spellings, country, min_km, max_km
):
    places = {_best(gazetteer, s).place.place_id for s in spellings}
    assert len(places) == 1, places
    place = gazetteer.get(places.pop())
    assert place.country_code == country
    assert min_km <= place.uncertainty_km <= max_km


@pytest.mark.parametrize(
    ("spellings", "country", "lon", "lat"),
    [
        (["Martakert", "Mardakert"], "AZ", 46.81, 40.22),
        (["Talich", "Talish"], "AZ", 46.74, 40.38),
        (["Klichtchiïvka", "Klishchiivka"], "UA", 37.96, 48.53),
        (["Es-Sider", "Es Sider", "Al-Sidra"], "LY", 18.35, 30.63),
        (["Al-Watiya", "Watiya"], "LY", 11.90, 32.47),
        (["Tinzaouatène", "Tinzaouaten", "Tin-Zaouaten", "Tinzawaten"], "ML", 2.88, 19.96),
        (["Chinégodar", "Chinagodrar", "Siné Godar"], "NE", 3.00, 15.23),
        (["Seyoun", "Seiyun"], "YE", 48.78, 15.97),
        (["Baghouz", "Al-Baghuz Fawqani"], "SY", 40.95, 34.46),
    ],
)
def test_every_french_spelling_of_a_new_place_gives_its_row(
    gazetteer: Gazetteer, spellings, country, lon, lat
):
    """The place put first in its own country is the one curated row, whatever the spelling
    of the dispatch, and lies within a few km of the point its source gives."""
    places = {_best(gazetteer, s).place.place_id for s in spellings}
    assert len(places) == 1, places
    place = gazetteer.get(places.pop())
    assert place.place_id.startswith("curated:") and place.country_code == country
    assert place.source, place
    metres = _GEOD.inv(place.lon, place.lat, lon, lat)[2]
    assert metres <= 3_000 and place.uncertainty_km <= 5


@pytest.mark.parametrize(
    ("spelling", "geonames_id"),
    [
        ("Koufra", 88962),  # GeoNames calls the oasis town Al Jawf
        ("Goubadly", 147305),
        ("Zanguilan", 146901),
        ("Gheriane", 2217362),
        ("Ben Jawad", 2218562),
        ("Qasr Ben Ghachir", 2213618),
        ("Mareb", 72968),
    ],
)
def test_a_french_spelling_of_a_geonames_place_merges_into_it(
    gazetteer: Gazetteer, spelling: str, geonames_id: int
):
    best = _best(gazetteer, spelling)
    assert best.place.place_id == f"geonames:{geonames_id}" and best.exact
    assert best.matched_name == spelling  # the very spelling asked, not a key-mate's


def test_a_dispatch_names_the_new_places_where_they_are_written(gazetteer: Gazetteer):
    text = (
        "Les frappes russes ont visé le Donbass et la Crimée. Au Mali, l'armée a perdu "
        "Tinzaouatène ; au Yémen, les Houthis tiennent Seyoun et menacent le Hadramout."
    )
    found = {m.surface: m.place_ids for m in gazetteer.find(text)}
    for surface in ("Donbass", "Crimée", "Tinzaouatène", "Seyoun", "Hadramout"):
        assert surface in found, found
        assert any(i.startswith("curated:") for i in found[surface]), found[surface]


def test_a_strait_is_water_and_an_air_base_a_site(gazetteer: Gazetteer):
    strait = _best(gazetteer, "Bab el-Mandeb").place
    assert (strait.feature_class, strait.country_code) == ("H", "YE")
    base = gazetteer.lookup("Al-Watiya", country="LY")[0].place
    assert (base.feature_class, base.feature_code) == ("S", "AIRB")


def test_curated_points_fall_in_their_country(gazetteer: Gazetteer):
    """Each curated point on land lies in its country's borders, or within its own extent of
    them (a town on the border line): a longitude west of Greenwich written east, a comma
    slipped into the wrong column, would put a Malian town in Niger or the Sahara of Algeria.
    Water (a strait) and small islands, which the country borders leave out, are not checked."""
    import geo.borders as borders

    frame = borders.countries()
    shapes = {
        code: frame.loc[frame.iso_a2 == code].geometry.union_all()
        for code in set(frame.iso_a2.dropna())
    }
    checked = 0
    for row in curated_rows():
        if math.isnan(row.lon) or row.feature_class == "H" or row.feature_code == "ISL":
            continue
        shape = shapes[row.country_code]
        point = Point(row.lon, row.lat)
        # degrees times the km of a degree of latitude: an upper bound of the true distance
        km = shape.distance(point) * 111.0
        assert shape.contains(point) or km <= row.uncertainty_km, (row.place_id, round(km, 1))
        checked += 1
    assert checked >= 40


def test_nagorno_karabakh_under_its_french_names_is_one_place_in_azerbaijan(
    gazetteer: Gazetteer,
):
    import geo.borders as borders

    spellings = ["Haut-Karabakh", "Haut-Karabagh", "Nagorny Karabakh", "Nagorno-Karabakh"]
    places = {_best(gazetteer, s).place.place_id for s in spellings + ["Artsakh", "Karabakh"]}
    assert places == {"curated:haut-karabakh"}
    place = gazetteer.get("curated:haut-karabakh")
    frame = borders.countries()
    assert list(frame.loc[frame.contains(Point(place.lon, place.lat)), "iso_a2"]) == ["AZ"]
    assert 30 <= place.uncertainty_km <= 90  # the former oblast: about 110 km by 85


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Ras Lanouf", "LY"),
        ("Ras Lanuf", "LY"),
        ("Hadrout", "AZ"),
        ("Hadrut", "AZ"),
        ("Konna", "ML"),
    ],
)
def test_the_towns_once_missing_resolve_in_their_country(gazetteer: Gazetteer, name, country):
    best = _best(gazetteer, name)
    assert best.exact and best.place.place_id.startswith("curated:")
    assert best.place.country_code == country
