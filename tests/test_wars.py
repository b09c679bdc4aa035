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
    war_index = (folder / "index.html").read_text(encoding="utf-8")
    war_links = re.findall(r'href="([^"#]+)"', war_index)
    assert "../index.html" in war_links and "../data/control.geojson" in war_links
    assert not [link for link in war_links if not (folder / link).exists()]
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


SUDAN = """date 2024-03-12

KHARTOUM, 12 mars (AFP) - L'armée soudanaise a repris Omdourman, tenue depuis un an par les
paramilitaires, selon des témoins. Des combats se poursuivent au sud de Khartoum.
"""

MYANMAR = """date 2024-08-04

RANGOUN, 4 août (AFP) - Les rebelles ont pris Lashio, la grande ville du nord de la Birmanie,
après des semaines de combats contre l'armée birmane, qui a bombardé Mandalay.
"""


@pytest.fixture(scope="module")
def uncovered(tmp_path_factory, gazetteer):
    """Two wars no bundled profile covers and one that a profile does, in one build, then
    the Ukrainian dispatch alone rebuilt into the same folder."""
    from geo.pipeline import build_maps

    inputs = tmp_path_factory.mktemp("uncovered")
    (inputs / "sudan.txt").write_text(SUDAN, encoding="utf-8")
    (inputs / "myanmar.txt").write_text(MYANMAR, encoding="utf-8")
    ukraine = WARS / "ukraine_2023_bakhmout.txt"
    out = tmp_path_factory.mktemp("maps") / "maps"
    first = build_maps([inputs, ukraine], out_dir=out, gazetteer=gazetteer, formats=("html",))
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    index = (out / "index.html").read_text(encoding="utf-8")
    titles = {
        name: (out / name / "index.html").read_text(encoding="utf-8")
        for name in folders
        if name.startswith("generic")
    }
    again = build_maps([ukraine], out_dir=out, gazetteer=gazetteer, formats=("html",))
    return first, folders, index, titles, again, out


def test_each_war_no_profile_covers_is_drawn_on_a_map_of_its_own(uncovered):
    first, folders, index, titles, _, _ = uncovered
    assert {"generic-sd", "generic-mm", "ukraine"} <= set(folders)
    assert 'id="war-generic-sd"' in index and 'id="war-generic-mm"' in index
    assert "Sudan" in titles["generic-sd"] and "Myanmar" in titles["generic-mm"]
    assert len(first.snapshots) >= 3  # one per war at least, though two share no date


def test_a_one_war_build_into_the_same_folder_leaves_no_other_war_behind(uncovered):
    *_, again, out = uncovered
    assert not [p.name for p in out.iterdir() if p.is_dir() and p.name.startswith("generic")]
    assert not (out / "ukraine").exists()
    assert sorted((out / "snapshots").glob("*.html"))
    links = re.findall(r'href="([^"#]+)"', (out / "index.html").read_text(encoding="utf-8"))
    assert links and not [link for link in links if not (out / link).exists()]


def test_a_bundled_id_beside_a_folder_of_that_name_is_still_the_profile(tmp_path, monkeypatch):
    from geo.theatre import load_profile

    monkeypatch.chdir(tmp_path)
    (tmp_path / "ukraine").mkdir()
    assert load_profile("ukraine").id == "ukraine"
