"""Maps of any war: a folder mixing dispatches of six wars, each mapped under its own profile.

The dispatches of ``tests/data/wars/`` were written for these tests (one per bundled war but
Syria, whose dispatches are the seeds); `geo build-maps` runs once over them and the seeds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.theatre import bundled_profiles, load_profile

WARS = Path(__file__).resolve().parent / "data" / "wars"

#: The war each dispatch is about, and a place the dispatch puts in that war's country.
EXPECTED = {
    "ukraine_2023_bakhmout": ("ukraine", "Bakhmout", "UA"),
    "sahel_2013_gao": ("sahel", "Gao", "ML"),
    "libya_2019_tripoli": ("libya", "Tripoli", "LY"),
    "yemen_2018_hodeida": ("yemen", "Hodeida", "YE"),
    "karabakh_2020_choucha": ("karabakh", "Stepanakert", "AZ"),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, seeds_dir, gazetteer):
    from geo.pipeline import build_maps

    out = tmp_path_factory.mktemp("mixed") / "maps"
    return build_maps([WARS, seeds_dir], out_dir=out, gazetteer=gazetteer)


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_each_article_gets_the_profile_of_its_war_and_the_report_says_why(mixed):
    report = json.loads((mixed.out_dir / "data" / "report.json").read_text(encoding="utf-8"))
    got = {a["id"]: (a["theatre"], a["theatre_reason"]) for a in report["articles"]}
    for article, (theatre, _, country) in EXPECTED.items():
        assert got[article][0] == theatre
        assert country in got[article][1]  # "auto: 4 of 4 located places in LY"
    seeds = [a for a in got if a[:3].isdigit()]
    assert seeds and all(got[a][0] == "syria_iraq" for a in seeds)


def test_places_are_put_in_the_country_of_their_war(mixed):
    mentions = _features(mixed.out_dir / "data" / "mentions.geojson")
    places = _features(mixed.out_dir / "data" / "places.geojson")
    country_of = {p["properties"]["place_id"]: p["properties"]["country_code"] for p in places}
    for article, (_, surface, country) in EXPECTED.items():
        found = [
            m["properties"]["place_id"]
            for m in mentions
            if m["properties"]["article"] == article and m["properties"]["surface"] == surface
        ]
        assert found, (article, surface)
        assert {country_of.get(place_id) for place_id in found} == {country}, (article, surface)
    tripoli = [p["properties"] for p in places if "Tripoli" in p["properties"]["aliases"]]
    assert [p["country_code"] for p in tripoli] == ["LY"]  # not Lebanon, not Greece


@pytest.mark.parametrize("theatre", ["ukraine", "sahel", "libya", "yemen", "karabakh"])
def test_each_war_is_drawn_in_its_own_folder_with_its_sides(mixed, theatre):
    profile = load_profile(theatre)
    folder = mixed.out_dir / theatre
    pages = sorted((folder / "snapshots").glob("*.html"))
    assert pages, f"no snapshot for {theatre}"
    assert sorted((folder / "snapshots").glob("*.png"))
    html = pages[-1].read_text(encoding="utf-8")
    assert profile.name in html  # its title
    states = [
        f["properties"]
        for f in _features(mixed.out_dir / "data" / "control.geojson")
        if f["properties"]["theatre"] == theatre
    ]
    assert states, f"no control state for {theatre}"
    assert {s["side"] for s in states} <= set(profile.sides) | {"contested"}
    assert not [s["place"] for s in states if s["place"].isupper()]  # "Tripoli", not "TRIPOLI"
    colours = {profile.sides[s["side"]].colour for s in states if s["side"] != "contested"}
    assert all(colour.lower() in html.lower() for colour in colours)  # its colours


def test_the_index_lists_every_war_and_links_only_to_files_that_exist(mixed):
    index = (mixed.out_dir / "index.html").read_text(encoding="utf-8")
    for profile in bundled_profiles():
        assert f'id="war-{profile.id}"' in index
    links = re.findall(r'href="([^"#]+)"', index)
    assert links
    missing = [link for link in links if not (mixed.out_dir / link).exists()]
    assert not missing


def test_land_is_drawn_for_every_bundled_war(lang):
    from geo.render._basemap import theatre_countries

    for profile in bundled_profiles():
        drawn = set(theatre_countries(profile)["iso_a2"].dropna())
        assert set(profile.countries) <= drawn, profile.id
