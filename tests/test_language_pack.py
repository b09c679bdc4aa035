"""A second language is a new pack, not new code: a toy English pack runs the pipeline.

The toy pack has every table of the French one, empty, but for a handful of English words
(a place noun, two compass points, a unit, the links of a distance phrase); its spaCy model is
a blank English pipeline. Numbers and letter classes are kept: they are thresholds and the
script, not words.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from geo.lang import LanguagePack, UnknownLanguageError, load_language

SENTENCE = "Rebels shelled the village of Tall Bira, at 20 km to the west of Aleppo."


def _empty_like(module: types.ModuleType, **words) -> types.ModuleType:
    """A copy of a French table module with every collection emptied, then ``words`` set."""
    toy = types.ModuleType(f"toy_{module.__name__.rsplit('.', 1)[-1]}")
    for name, value in vars(module).items():
        if name.isupper():
            empty = type(value)() if isinstance(value, dict | frozenset | tuple | list) else value
            setattr(toy, name, empty)
    for name, value in words.items():
        assert hasattr(toy, name), f"the French pack has no table {name}"
        setattr(toy, name, value)
    return toy


@pytest.fixture(scope="module")
def toy() -> LanguagePack:
    fr = load_language("fr")
    return LanguagePack(
        code="toy",
        spacy_model="blank:en",
        dateparser_language="en",
        places=_empty_like(fr.places, TRIGGERS={"village": ("village", "village")}),
        positions=_empty_like(
            fr.positions,
            COMPASS={("west",): 270.0, ("north",): 0.0},
            DIRECTION_LEADS=(("to", "the"),),
            LINKS=(("of",),),
            DISTANCE_LEADS=(("at",),),
            UNITS_KM={("km",): 1.0},
        ),
        anaphora=_empty_like(fr.anaphora),
        events=_empty_like(fr.events),
        grammar=_empty_like(fr.grammar),
        dates=_empty_like(fr.dates),
        numbers=_empty_like(fr.numbers),
        attribution=_empty_like(fr.attribution),
    )


def _run(tmp_path: Path, language, gazetteer):
    from geo.pipeline import run

    (tmp_path / "a.txt").write_text(f"date 2016-08-12\n\n{SENTENCE}\n", encoding="utf-8")
    return run([tmp_path], language=language, theatre="syria_iraq", gazetteer=gazetteer)


def test_a_toy_english_pack_finds_places_and_a_distance_claim(tmp_path, toy, gazetteer):
    result = _run(tmp_path, toy, gazetteer)
    by_surface = {m.surface: m for m in result.mentions}
    assert by_surface["Tall Bira"].trigger == "village"  # the pack's place noun
    assert by_surface["Aleppo"].place.country_code == "SY"
    (claim,) = result.claims
    assert claim.anchor.name == "Aleppo"
    assert (claim.distance_min_km, claim.distance_max_km, claim.bearing_deg) == (15, 25, 270)
    assert [o.relation for o in result.observations] == ["positioned"]


def test_the_same_sentence_read_with_the_french_pack_finds_no_english_claim(tmp_path, gazetteer):
    result = _run(tmp_path, "fr", gazetteer)
    assert result.claims == ()
    triggers = {m.surface: m.trigger for m in result.mentions}
    assert triggers.get("Tall Bira") is None  # "the village of" introduces nothing in French


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(UnknownLanguageError, match="no language pack 'xx'"):
        load_language("xx")
    with pytest.raises(UnknownLanguageError, match="a code is a name"):
        load_language("../fr")
