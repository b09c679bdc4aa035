"""The default gazetteer: spellings, ranking, matching in text, run-time places, cache."""

from __future__ import annotations

import functools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Gazetteer, Place, UnknownPlaceError, name_key
from gazetteer.index import FUZZY_MAX_SCORE, KEY_SCORE, SPELLING_SCORE, VARIANT_SCORE
from gazetteer.sources import SourceRow, extent_km


@pytest.fixture(scope="session")
def gaz_dir(tmp_path_factory: pytest.TempPathFactory):
    """A fresh cache directory, so that no test depends on a previous run's cache."""
    return tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="session")
def gaz(gaz_dir) -> Gazetteer:
    """The full default index, built once per session."""
    return Gazetteer.load(cache_dir_path=gaz_dir)


# Each group: spellings a French dispatch, an English source or GeoNames use for one place.
SAME_PLACE = [
    ("SY", ["Raqa", "Raqqa", "Rakka", "Ar Raqqah", "Raqqah"]),
    ("IQ", ["Mossoul", "Mosul", "Al Mawsil", "Moussoul"]),
    ("SY", ["Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir el-Zor", "Deir Ezor"]),
    ("SY", ["Kobané", "Kobani", "Ayn al Arab", "Aïn al-Arab"]),
    ("SY", ["Alep", "Aleppo", "Halab"]),
    ("SY", ["Palmyre", "Palmyra", "Tadmur", "Tadmor"]),
    ("SY", ["Qaryatayn", "al-Qaryatain", "Al Qaryatayn", "Qaryatein"]),
    ("SY", ["Soukhné", "Sukhnah", "As-Sukhna", "Soukhneh"]),
    ("SY", ["Aïn Issa", "Ayn Isa", "Ain Issa", "Aïn Aïssa"]),
    ("SY", ["Jarablous", "Jarabulus", "Djarablous"]),
    ("SY", ["Damas", "Damascus"]),
    ("IQ", ["Bagdad", "Baghdad"]),
    ("SY", ["Manbij", "Menbij", "Membij"]),
    ("IQ", ["Tal Afar", "Tall Afar", "Tel Afar"]),
    ("IQ", ["Fallouja", "Falloujah", "Fallujah", "Al-Falluja"]),
    ("SY", ["Idleb", "Idlib"]),
]


@pytest.mark.parametrize(("country", "spellings"), SAME_PLACE, ids=lambda v: str(v))
def test_spellings_resolve_to_one_place(gaz: Gazetteer, country: str, spellings: list[str]):
    ids = set()
    for spelling in spellings:
        best = gaz.lookup(spelling, country=country, limit=1)
        assert best, f"{spelling!r} found nothing"
        assert best[0].place.country_code == country, (spelling, best[0])
        ids.add(best[0].place.place_id)
    assert len(ids) == 1, {s: gaz.lookup(s, limit=1)[0].place.place_id for s in spellings}


def test_best_candidate_without_hints_is_the_famous_place(gaz: Gazetteer):
    # No country, no position: the Syrian city must still beat Palmira (Colombia, 300k).
    assert gaz.lookup("Palmyre")[0].place.place_id == "geonames:163808"
    assert gaz.lookup("Alep")[0].place.name == "Aleppo"
    assert gaz.lookup("Bagdad")[0].place.country_code == "IQ"


def test_candidate_fields(gaz: Gazetteer):
    best = gaz.lookup("Palmyre")[0]
    assert best.exact and best.score == 1.0
    assert best.matched_name == "Palmyre"
    assert best.place.source == "geonames:163808"
    assert best.population > 10_000 and best.feature_class == "P"
    assert 1.0 < best.place.uncertainty_km < 5.0
    assert (round(best.place.lon), round(best.place.lat)) == (38, 35)


def test_countries_have_french_names_and_elision(gaz: Gazetteer):
    for name, code in [
        ("l'Irak", "IQ"),
        ("la Syrie", "SY"),
        ("Jordanie", "JO"),
        ("Etats-Unis", "US"),
        ("États-Unis", "US"),
        ("Russie", "RU"),
        ("Turquie", "TR"),
        ("Liban", "LB"),
    ]:
        best = gaz.lookup(name, kind="A")[0]
        assert best.place.place_id == f"country:{code}", name
        assert best.place.uncertainty_km > 50  # Lebanon, the smallest, is ~113 km across


def test_preferred_country_brings_a_close_spelling_in_that_country():
    sohna = Place("geonames:1255870", "Sohna", 77.07, 28.25, "IN", population=36552)
    sukhnah = Place("geonames:172425", "As Sukhnah", 38.87, 34.89, "SY", aliases=("Sukhnah",))
    gaz = Gazetteer.from_places([sohna, sukhnah])
    assert [c.place.country_code for c in gaz.lookup("Sohna")] == ["IN"]
    found = gaz.lookup("Sohna", prefer_country="SY")
    assert [(c.place.country_code, c.exact) for c in found] == [("IN", True), ("SY", False)]


def test_country_restricts_the_candidates_to_that_country():
    sohna = Place("geonames:1255870", "Sohna", 77.07, 28.25, "IN", population=36552)
    sukhnah = Place("geonames:172425", "As Sukhnah", 38.87, 34.89, "SY", aliases=("Sukhnah",))
    gaz = Gazetteer.from_places([sohna, sukhnah])
    found = gaz.lookup("Sohna", country="sy")
    assert [(c.place.country_code, c.exact) for c in found] == [("SY", False)]
    assert gaz.lookup("Sohna", country="IN")[0].place.country_code == "IN"
    assert gaz.lookup("Sohna", country="FR") == []


@pytest.mark.parametrize(
    ("name", "country"),
    [("Palmyre", "CO"), ("Raqqa", "GB"), ("Tripoli", "LB"), ("Tripoli", "LY"), ("Alep", "SY")],
)
def test_country_restriction_on_the_default_index(gaz: Gazetteer, name: str, country: str):
    found = gaz.lookup(name, country=country)
    assert found and {c.place.country_code for c in found} == {country}
    assert not gaz.lookup("Palmyre", country="AQ")  # Antarctica: no Palmyre, not even fuzzy


def test_fuzzy_search_is_restricted_to_the_country_too(gaz: Gazetteer):
    found = gaz.lookup("Jarablousse", country="TR")  # Jarabulus (SY) is the only close key
    assert all(c.place.country_code == "TR" and not c.exact for c in found)


def test_cli_country_option_restricts(gaz: Gazetteer, capsys: pytest.CaptureFixture[str]):
    import json

    from geo.cli import main

    assert main(["gazetteer", "lookup", "Raqqa", "--country", "GB", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and {r["country_code"] for r in records} == {"GB"}
    assert all(r["score"] < SPELLING_SCORE for r in records)  # Rake is not spelled Raqqa


# ------------------------------------------------------------------ scores


def test_spelling_key_variant_and_fuzzy_scores_are_ordered():
    assert SPELLING_SCORE > KEY_SCORE > VARIANT_SCORE >= FUZZY_MAX_SCORE


def test_a_key_mate_spelled_otherwise_scores_below_the_very_spelling():
    raqqa = Place("geonames:163915", "Ar Raqqah", 39.01, 35.95, "SY", population=177636,
                  aliases=("Raqqa",))  # fmt: skip
    rake = Place("geonames:2639781", "Rake", -0.79, 51.03, "GB", population=700)
    gaz = Gazetteer.from_places([rake, raqqa])
    assert name_key("Raqqa") == name_key("Rake")  # the collision: doubles and final e fold
    found = gaz.lookup("Raqqa")
    assert [(c.place.name, c.score, c.exact) for c in found] == [
        ("Ar Raqqah", SPELLING_SCORE, True),
        ("Rake", KEY_SCORE, True),
    ]
    found = gaz.lookup("Rake")
    assert [(c.place.name, c.score) for c in found] == [("Rake", 1.0), ("Ar Raqqah", KEY_SCORE)]
    # Neither bears "Raqa": both are key matches, the famous one first.
    assert [(c.place.name, c.score) for c in gaz.lookup("Raqa")] == [
        ("Ar Raqqah", KEY_SCORE),
        ("Rake", KEY_SCORE),
    ]


def test_raqqa_is_not_scored_like_rake_in_the_default_index(gaz: Gazetteer):
    found = gaz.lookup("Raqqa")
    assert found[0].place.name == "Ar Raqqah" and found[0].score == SPELLING_SCORE
    rake = [c for c in found if c.place.name == "Rake"]
    assert rake and rake[0].score == KEY_SCORE
    scores = [c.score for c in found if c.exact]
    assert scores == sorted(scores, reverse=True)


def test_scores_never_rise_down_the_list(gaz: Gazetteer):
    for name in ["Raqa", "Palmyre", "Homs", "Tripoli", "Amrane", "Jarablousse", "Sohna"]:
        found = gaz.lookup(name)
        keyed = [(not c.exact, -c.score) for c in found]
        assert keyed == sorted(keyed), (name, [(c.place.name, c.score) for c in found])


def test_cli_prints_the_lower_score_of_a_key_mate(capsys: pytest.CaptureFixture[str]):
    from geo.cli import main

    assert main(["gazetteer", "lookup", "Raqqa", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert " 1.00 " in lines[1] and "Ar Raqqah" in lines[1]
    assert all(" 1.00 " not in line for line in lines[2:])


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Maaret al-Noomane", "geonames:167611"),
        ("Khan Cheikhoun", "geonames:168325"),
        ("Makhmour", "geonames:93818"),
        ("la Ghouta", "curated:ghouta-orientale"),
        ("Qalamoun", "curated:qalamoun"),
        ("Kurdistan irakien", "curated:kurdistan-irakien"),
    ],
)
def test_curated_names_and_places(gaz: Gazetteer, name: str, place_id: str):
    best = gaz.lookup(name)[0]
    assert best.place.place_id == place_id and best.exact


def test_curated_places_name_their_source(gaz: Gazetteer):
    ghouta = gaz.get("curated:ghouta-orientale")
    douma = gaz.get("geonames:170592")
    assert ghouta.source.startswith("geonames:170592")
    assert (ghouta.lon, ghouta.lat) == (douma.lon, douma.lat)
    assert ghouta.uncertainty_km > douma.uncertainty_km


def test_capital_flag(gaz: Gazetteer):
    assert gaz.lookup("Damas")[0].place.feature_code == "PPLC"
    assert gaz.lookup("Alep")[0].place.feature_code == "PPL"


@pytest.mark.parametrize("name", ["", "   ", "!!!", "'", "l'", "zzzzqqqxxxwwww", "x" * 5000, "42"])
def test_empty_or_absurd_names_give_nothing(gaz: Gazetteer, name: str):
    assert gaz.lookup(name) == []


def test_fuzzy_match_is_marked_and_scored_below_exact(gaz: Gazetteer):
    found = gaz.lookup("Jarablousse", country="SY")  # a typo no key absorbs
    assert found and not found[0].exact
    assert 0.0 < found[0].score < 1.0
    assert found[0].place.name == "Jarābulus"


def test_kind_filters_and_country_prefers(gaz: Gazetteer):
    assert all(c.place.feature_class == "A" for c in gaz.lookup("Syrie", kind="A"))
    assert gaz.lookup("Homs", kind="S") == []
    # Hama (Syria) is the most populous "Hama"; asking for Japan puts a Japanese one first.
    assert gaz.lookup("Hama")[0].place.country_code == "SY"
    assert gaz.lookup("Hama", country="JP")[0].place.country_code == "JP"
    assert gaz.lookup("Hama", country="jp") == gaz.lookup("Hama", country="JP")
    assert gaz.lookup("Syrie", kind="a") == gaz.lookup("Syrie", kind="A")


def test_near_prefers_the_close_homonym(gaz: Gazetteer):
    # "Tripoli": Libya's capital (1M) unless the text is about northern Lebanon.
    assert gaz.lookup("Tripoli")[0].place.country_code == "LY"
    assert gaz.lookup("Tripoli", near=(35.85, 34.44))[0].place.country_code == "LB"


def test_limit(gaz: Gazetteer):
    assert len(gaz.lookup("Washington", limit=3)) == 3
    assert gaz.lookup("Washington", limit=0) == []


def test_get_and_unknown_place(gaz: Gazetteer):
    assert gaz.get("geonames:170063").name == "Aleppo"
    assert gaz.get("country:SY").name == "Syrie"
    with pytest.raises(UnknownPlaceError, match="geonames:0"):
        gaz.get("geonames:0")
    assert "country:IQ" in gaz and "nowhere:1" not in gaz


# --------------------------------------------------------------------------- find

TEXT = (
    "Après la reprise de Palmyre, l'armée avance vers Deir ez-Zor. Sur la route de Raqa, "
    "les jihadistes ont fui d'Alep vers al-Bab et Aïn Issa, selon l'Irak et les Etats-Unis. "
    "Les tours de la ville et les forces de Tours sont loin."
)


def _found(gaz: Gazetteer, text: str) -> dict[str, tuple[int, int, tuple[str, ...]]]:
    matches = gaz.find(text)
    for m in matches:
        assert text[m.start : m.end] == m.surface
    return {m.surface: (m.start, m.end, m.place_ids) for m in matches}


def test_find_offsets_elision_and_variants(gaz: Gazetteer):
    found = _found(gaz, TEXT)
    assert found["Palmyre"][2][0] == "geonames:163808"
    assert found["Alep"][0] == TEXT.index("d'Alep") + 2
    assert found["Irak"][2][0] == "country:IQ"
    assert found["Etats-Unis"][2] == ("country:US",)
    assert "geonames:172955" in found["Raqa"][2]  # spelled as no source spells it
    assert "geonames:172134" in found["Aïn Issa"][2]
    assert "al-Bab" in found


def test_find_longest_match_wins(gaz: Gazetteer):
    found = _found(gaz, TEXT)
    assert "Deir ez-Zor" in found
    assert not {"Deir", "Zor"} & set(found)
    assert "Aïn" not in found and "Issa" not in found


def test_find_policy_on_french_prose(gaz: Gazetteer):
    found = _found(gaz, TEXT)
    for word in ("Sur", "Les", "tours", "Après", "la", "selon"):
        assert word not in found
    assert "Tours" in found  # a capitalised name that is not a stop word is reported


def test_find_keeps_original_offsets_with_accents_and_apostrophes(gaz: Gazetteer):
    text = "Des combats à Ḩamāh et près d’Idleb, puis à Kobané."
    found = _found(gaz, text)
    assert set(found) >= {"Idleb", "Kobané"}
    assert found["Kobané"][0] == text.index("Kobané")


def test_find_does_not_glue_names_across_a_conjunction(gaz: Gazetteer):
    found = _found(gaz, "Ils ont fui vers Ras al-Aïn et Sokhné, entre Alep et Raqa.")
    assert found["Ras al-Aïn"][2][0] == "geonames:165509"
    assert found["Sokhné"][2][0] == "geonames:172425"
    assert {"Alep", "Raqa"} <= set(found)


def test_find_skips_capitalised_common_words_unless_a_place_bears_them(gaz: Gazetteer):
    text = (
        "Selon la Constitution, L'Humanité et Fox News, A Raqa les habitants ont fui. "
        "Les combattants ont quitté Hit pour Damas puis Douma."
    )
    found = _found(gaz, text)
    assert not {"Constitution", "La Constitution", "L'Humanité", "Humanité", "News"} & set(found)
    assert not {"A Raqa", "Les habitants", "Selon", "Les"} & set(found)
    assert "geonames:172955" in found["Raqa"][2]
    assert found["Hit"][2][0] == "geonames:95788"  # Hīt, Iraq: its own name
    assert found["Damas"][2][0] == "geonames:170654"  # a French word, and Damascus
    assert "Douma" in found


def test_find_names_that_start_with_a_stop_listed_noun(gaz: Gazetteer):
    found = _found(gaz, "Un attentat à Saint-Pétersbourg, puis à Sainte-Maxime.")
    assert found["Saint-Pétersbourg"][2][0] == "geonames:498817"
    assert "Sainte-Maxime" in found and "Saint" not in found


def test_find_empty_text(gaz: Gazetteer):
    assert gaz.find("") == []
    assert gaz.find("rien ici, tout en minuscules.") == []


# --------------------------------------------------------------------------- run-time places


def test_added_place_is_found_by_name_and_alias(gaz, gaz_dir):
    gaz = Gazetteer.load(cache_dir_path=gaz_dir)  # its own instance, from the disk cache
    place = Place(
        "inferred:kallabiyeh",
        "Kallabiyeh",
        38.1,
        34.6,
        "SY",
        source="inferred",
        uncertainty_km=6.0,
        aliases=("Al-Kallabiyé",),
        evidence=("à 20 km de Palmyre",),
    )
    gaz.add(place)
    assert gaz.get("inferred:kallabiyeh") is place and place.inferred
    assert gaz.lookup("Kallabiyeh")[0].place == place
    assert gaz.lookup("Kallabiye")[0].place == place  # same key as the alias
    found = _found(gaz, "Les forces sont entrées à Kallabiyeh puis à Al-Kallabiyé.")
    assert found["Kallabiyeh"][2] == ("inferred:kallabiyeh",)
    moved = Place("inferred:kallabiyeh", "Kallabiyeh", 38.2, 34.6, "SY", source="inferred")
    gaz.add(moved)
    assert gaz.get("inferred:kallabiyeh").lon == 38.2
    # One place, the refined one, under every spelling (the old version is gone).
    assert [c.place.lon for c in gaz.lookup("Al-Kallabiyé")] == [38.2]


def test_cannot_replace_an_embedded_place(gaz: Gazetteer):
    from gazetteer import GazetteerError

    with pytest.raises(GazetteerError, match="geonames:170063"):
        gaz.add(Place("geonames:170063", "Fake Aleppo", 0.0, 0.0))


def test_from_places_small_index():
    gaz = Gazetteer.from_places([Place("curated:x", "Bir Hamid", 38.0, 35.0, "SY")])
    assert [c.place.place_id for c in gaz.lookup("Bir Hameed")] == ["curated:x"]
    assert [m.surface for m in gaz.find("Le village de Bir Hamid est tombé.")] == ["Bir Hamid"]


def test_key_read_from_the_index_is_name_key():
    # A surface with a tab keys as one word ("altabqa"), unlike "al Tabqa" typed with a
    # space: the index must not hand the tab's key to the spaced name.
    gaz = Gazetteer.from_places(
        [
            Place("curated:t", "Tabqa", 38.5, 35.8, "SY", aliases=("al\tTabqa", "Ath-Thawrah")),
            Place("curated:m", "Manbij", 37.95, 36.5, "SY", aliases=("Manbidj",)),
        ]
    )
    store = gaz._store
    for name in ("al Tabqa", "AL TABQA", "al-Tabqa", "Ath Thawrah", "MANBIJ", "Manbidj", "Idleb"):
        assert store.key_of(name) == name_key(name)
    assert store.key_of("al\tTabqa") == name_key("al\tTabqa") != name_key("al Tabqa")
    assert [c.place.place_id for c in gaz.lookup("al Tabqa")] == ["curated:t"]


@given(st.text(alphabet="aAlL TtbBqQ-'’eéÉ\t", max_size=12))
def test_key_read_from_the_index_is_name_key_for_any_spelling(name: str):
    store = _small_store()
    assert store.key_of(name) == name_key(name)


@functools.cache
def _small_store():
    places = [
        Place("curated:t", "Tabqa", 38.5, 35.8, "SY", aliases=("al\tTabqa", "Et Tabqa", "Tell")),
        Place("curated:a", "Alla", 38.0, 35.0, "SY", aliases=("Ab Tall", "El-Bab", "Qalaat")),
    ]
    return Gazetteer.from_places(places)._store


# --------------------------------------------------------------------------- cache, extent


def test_cache_is_reused_and_not_rebuilt(gaz: Gazetteer, gaz_dir):
    directory = gaz_dir
    files = list(directory.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    again = Gazetteer.load(cache_dir_path=directory)
    assert files[0].stat().st_mtime_ns == stamp
    assert len(again) == len(gaz) > 230_000


def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from gazetteer import index

    row = SourceRow("curated:x", ("Bir Hamid",), 38.0, 35.0, "SY", "P", "PPL", 0, "test", 1.0)
    builds = []

    def rows():
        builds.append(1)
        return iter([row])

    monkeypatch.setattr(index, "_embedded_rows", rows)
    index._cached_store(tmp_path)
    assert len(index._cached_store(tmp_path)) == 1 and len(builds) == 1  # second: from disk
    path = next(tmp_path.glob("gazetteer-*.pickle"))
    path.write_bytes(b"not a pickle")
    assert len(index._cached_store(tmp_path)) == 1 and len(builds) == 2
    assert path.read_bytes() != b"not a pickle"


def test_extent_grows_with_population():
    assert extent_km(0) == 1.0  # unknown: a village or small town
    assert extent_km(500) == 0.5
    assert math.isclose(2 * extent_km(2_000_000), 15.0, rel_tol=0.01)
    assert extent_km(50_000) < extent_km(500_000) < extent_km(5_000_000)


def test_name_key_is_exported():
    assert name_key("Deir ez-Zor") == name_key("Deir Ezzor")


def test_default_uses_the_imported_index_and_is_built_once(gaz_dir, monkeypatch):
    from gazetteer.importer import import_dumps

    row = (
        "9900001",
        "Al ‘Ulayyānīyah",
        "Al `Ulayyaniyah",
        "Alianiye,Al-Alianiyé",
        "34.05",
        "38.30",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "0",
        "",
        "420",
        "Asia/Damascus",
        "2023-02-01",
    )
    dump = gaz_dir / "SY.txt"
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    monkeypatch.setenv("GEO_CACHE_DIR", str(gaz_dir))
    import_dumps([dump])
    default = Gazetteer.default()
    assert Gazetteer.default() is default
    assert default.lookup("Al-Alianiyé")[0].place.place_id == "local:9900001"
    assert default.lookup("Alep")[0].place.place_id == "geonames:170063"
    found = {m.surface: m.place_ids for m in default.find("Repli vers Al-Alianiyé et Alep.")}
    assert found == {"Al-Alianiyé": ("local:9900001",), "Alep": ("geonames:170063",)}


@functools.cache
def _small() -> Gazetteer:
    return Gazetteer.from_places(
        [
            Place("geonames:170063", "Aleppo", 37.16, 36.2, "SY", aliases=("Alep", "Halab")),
            Place("geonames:170794", "Deir ez-Zor", 40.14, 35.34, "SY", aliases=("Deir Ezzor",)),
            Place("country:IQ", "Irak", 42.5, 33.2, "IQ", feature_class="A"),
        ]
    )


_NAMES = st.sampled_from(["Alep", "d'Alep", "Deir ez-Zor", "DEIR EZZOR", "l'Irak", "Halab"])
_FILLER = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


@given(st.lists(st.one_of(_NAMES, _FILLER), max_size=12))
def test_find_offsets_always_point_at_the_surface(parts: list[str]):
    text = " ".join(parts)
    matches = _small().find(text)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    for m, following in zip(matches, matches[1:], strict=False):
        assert m.end <= following.start  # no overlaps
    for m in matches:
        assert text[m.start : m.end] == m.surface and m.place_ids


def test_a_fork_keeps_its_run_time_places_to_itself(gaz: Gazetteer):
    village = Place(
        "inferred:qasr-test",
        "Qasr al-Test",
        38.1,
        34.5,
        "SY",
        source="inferred",
        uncertainty_km=12.0,
    )
    fork = gaz.fork()
    fork.add(village)
    assert fork.lookup("Qasr al-Test")[0].place == village
    assert village not in [c.place for c in gaz.lookup("Qasr al-Test")]
    assert village not in [c.place for c in gaz.fork().lookup("Qasr al-Test")]
    # The fork still knows every embedded place.
    assert fork.lookup("Raqqa")[0].place == gaz.lookup("Raqqa")[0].place
