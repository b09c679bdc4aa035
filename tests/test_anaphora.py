"""One anaphora resolver (geo/anaphora.py): "la ville", "cette localité", "la cité antique".

Sentences written for these tests, in the style of French wire copy, from several wars
(Ukraine, Mali, Yemen, Libya, Syria, Karabakh); mentions are built by hand (GeoNames
coordinates, rounded), so the tests exercise detection and resolution alone, then the two
stages that use them: distance claims (geo/relations.py) and events (geo/events).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gazetteer import Place
from geo.anaphora import dispatch_subject, find_anaphors, reference_points, referent
from geo.records import Article, Mention, Sentence
from geo.relations import parse_claims


def _town(name: str, lon: float, lat: float, cc: str, code: str = "PPL") -> Place:
    return Place(f"test:{name}", name, lon, lat, cc, "P", code, 0, "geonames", 3.0)


PLACES = {
    # Ukraine
    "Koupiansk": _town("Koupiansk", 37.6156, 49.7106, "UA"),
    "Kharkiv": _town("Kharkiv", 36.2304, 49.9935, "UA", "PPLA"),
    "Avdiivka": _town("Avdiivka", 37.7474, 48.1394, "UA"),
    "Donetsk": _town("Donetsk", 37.8028, 48.0159, "UA", "PPLA"),
    # Mali
    "Gao": _town("Gao", -0.0443, 16.2717, "ML", "PPLA"),
    "Tombouctou": _town("Tombouctou", -3.0074, 16.7735, "ML", "PPLA"),
    "Mali": Place("country:ML", "Mali", -2.0, 17.0, "ML", "A", "PCLI", 0, "pycountry", 600.0),
    # Yemen
    "Hodeida": _town("Hodeida", 42.9545, 14.7978, "YE", "PPLA"),
    "Sanaa": _town("Sanaa", 44.2075, 15.3547, "YE", "PPLC"),
    "Marib": Place("test:Marib-ADM1", "Marib", 45.5, 15.5, "YE", "A", "ADM1", 0, "geonames", 60),
    # Libya
    "Sabratha": _town("Sabratha", 12.4885, 32.7933, "LY"),
    "Tripoli": _town("Tripoli", 13.1875, 32.8874, "LY", "PPLC"),
    # Syria
    "Palmyre": _town("Palmyre", 38.2840, 34.5624, "SY"),
    "Qaryatayn": _town("Qaryatayn", 37.2407, 34.2296, "SY"),
    "Idleb": _town("Idleb", 36.6339, 35.9306, "SY", "PPLA"),
    # Karabakh
    "Choucha": _town("Choucha", 46.7528, 39.7580, "AZ"),
    "Stepanakert": _town("Stepanakert", 46.7518, 39.8153, "AZ", "PPLA"),
}


def _mentions(doc, names=None, places=PLACES) -> list[Mention]:
    """A resolved mention of every place of ``places`` (or of ``names``) the text names."""
    sents = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    found = []
    for name in names or places:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            start, end = match.span()
            sentence = next(s for s in sents if s.start <= start < s.end)
            place = places.get(name)
            found.append(
                Mention(
                    "t",
                    start,
                    end,
                    name,
                    sentence,
                    place=place,
                    resolution="gazetteer" if place else "unresolved",
                    confidence=0.9,
                )
            )
    return sorted(found, key=lambda m: m.start)


def _anaphors(nlp, lang, text, names=None):
    doc = nlp(text)
    mentions = _mentions(doc, names)
    return doc, mentions, find_anaphors(doc, lang, mentions)


def _phrases(text, anaphors):
    return [text[a.start : a.end] for a in anaphors]


# --- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "head", "classes"),
    [
        (
            "L'EI a dynamité des temples à Palmyre. L'armée est entrée dans la cité antique.",
            "la cité antique",
            "cité",
            ("P",),
        ),
        (
            "Les troupes russes pilonnent Avdiivka. Cette localité est encerclée.",
            "Cette localité",
            "localité",
            ("P",),
        ),
        (
            "Les Houthis tiennent Hodeida. Des navires croisent au large de cette agglomération.",
            "cette agglomération",
            "agglomération",
            ("P",),
        ),
        (
            "Les jihadistes ont quitté Gao. Cette même ville a été bombardée.",
            "Cette même ville",
            "ville",
            ("P",),
        ),
        (
            "Les Houthis contrôlent la province de Marib. Les combats font rage dans la province.",
            "la province",
            "province",
            ("A.ADM",),
        ),
    ],
)
def test_an_anaphor_is_found_with_its_determiner_adjectives_and_classes(
    nlp, lang, text, phrase, head, classes
):
    _, _, found = _anaphors(nlp, lang, text)
    [anaphor] = found
    assert text[anaphor.start : anaphor.end] == phrase
    assert (anaphor.head, anaphor.classes) == (head, classes)


def test_token_offsets_cover_the_phrase(nlp, lang):
    text = "L'armée syrienne a repris Palmyre. Les temples de la cité antique ont souffert."
    doc, _, [anaphor] = _anaphors(nlp, lang, text)
    assert doc[anaphor.token_start : anaphor.token_end].text == "la cité antique"


@pytest.mark.parametrize(
    "text",
    [
        "Les rebelles se sont emparés de la ville d'Idleb.",
        "Les forces ukrainiennes tiennent la localité de Koupiansk.",
        "L'artillerie a pilonné la localité de Robotyne, que le gazetteer ignore.",
        "Les Houthis contrôlent la province de Marib.",
        "Les soldats maliens sont entrés dans une ville du nord.",
        "Sa capitale est loin.",
    ],
)
def test_a_noun_that_names_its_place_or_lacks_a_determiner_is_no_anaphor(nlp, lang, text):
    assert _anaphors(nlp, lang, text)[2] == []


def test_a_noun_after_a_fused_article_is_an_anaphor_from_the_noun(nlp, lang):
    text = "Les séparatistes ont perdu Choucha. Les combats continuent près du village."
    _, _, [anaphor] = _anaphors(nlp, lang, text)
    assert text[anaphor.start : anaphor.end] == "village"


# --- resolution --------------------------------------------------------------------------


def _resolve(nlp, lang, text, **kwargs):
    doc, mentions, found = _anaphors(nlp, lang, text)
    return [referent(a, mentions, **kwargs) for a in found]


def test_the_referent_is_found_across_a_paragraph_break(nlp, lang):
    text = (
        "Les soldats français et maliens sont entrés samedi dans Tombouctou.\n\n"
        "Selon un habitant, les jihadistes avaient quitté la ville la veille."
    )
    [found] = _resolve(nlp, lang, text)
    assert found.surface == "Tombouctou"


def test_a_country_is_no_town_but_the_country_of_le_pays(nlp, lang):
    text = "Des obus sont tombés sur Gao, au Mali. La ville est privée d'eau. Le pays est en deuil."
    ville, pays = _resolve(nlp, lang, text)
    assert (ville.surface, pays.surface) == ("Gao", "Mali")


def test_the_province_skips_a_more_recent_town(nlp, lang):
    text = (
        "Les Houthis tiennent la province de Marib et Sanaa. "
        "Les combats font rage dans la province."
    )
    [found] = _resolve(nlp, lang, text)
    assert found.surface == "Marib"


def test_the_capital_needs_a_capital(nlp, lang):
    text = "Les milices ont attaqué Tripoli puis Sabratha. Des renforts ont quitté la capitale."
    [found] = _resolve(nlp, lang, text)
    assert found.surface == "Tripoli"


def test_unresolved_and_excluded_mentions_are_skipped(nlp, lang):
    text = "L'armée a repris Qaryatayn puis Mahine. Cette localité est dévastée."
    doc, mentions, [anaphor] = _anaphors(nlp, lang, text, ["Qaryatayn", "Mahine"])
    assert referent(anaphor, mentions).surface == "Qaryatayn"  # Mahine is unresolved
    qaryatayn = mentions[0]
    assert referent(anaphor, mentions, exclude=qaryatayn) is None


def _kharkiv_claim(text: str, mentions) -> list:
    """The claim "Koupiansk, à 40 km de Kharkiv": Kharkiv only anchors it."""
    kharkiv = next(m for m in mentions if m.surface == "Kharkiv")
    koupiansk = next(m for m in mentions if m.surface == "Koupiansk")
    claim = type("C", (), {"anchor_start": kharkiv.start, "target": koupiansk})()
    return [claim]


def test_the_subject_is_preferred_to_a_place_named_only_as_a_reference_point(nlp, lang):
    text = (
        "Les forces russes ont frappé Koupiansk, à 40 km de Kharkiv. "
        "La ville est privée d'électricité."
    )
    doc, mentions, [anaphor] = _anaphors(nlp, lang, text)
    background = reference_points(_kharkiv_claim(text, mentions), mentions)
    assert {text[s:e] for s, e in background} == {"Kharkiv"}
    subject = dispatch_subject(mentions, background=background)
    assert subject.surface == "Koupiansk"
    assert referent(anaphor, mentions).surface == "Kharkiv"  # no focus: the most recent
    focused = referent(anaphor, mentions, focus=subject, background=background)
    assert focused.surface == "Koupiansk"
    place_focus = referent(anaphor, mentions, focus=subject.place, background=background)
    assert place_focus.surface == "Koupiansk"


def test_a_reference_point_named_again_for_itself_is_the_referent(nlp, lang):
    text = (
        "Les forces russes ont frappé Koupiansk, à 40 km de Kharkiv. Des missiles ont ensuite "
        "visé Kharkiv. La ville est privée d'électricité."
    )
    doc, mentions, [anaphor] = _anaphors(nlp, lang, text)
    background = reference_points(_kharkiv_claim(text, mentions), mentions)
    subject = dispatch_subject(mentions, background=background)
    found = referent(anaphor, mentions, focus=subject, background=background)
    assert found.surface == "Kharkiv"


def test_a_continuation_ignores_the_focus(nlp, lang):
    text = "Les forces russes ont frappé Koupiansk, à 40 km de Kharkiv. Plus au nord, rien."
    doc, mentions, _ = _anaphors(nlp, lang, text)
    background = reference_points(_kharkiv_claim(text, mentions), mentions)
    koupiansk = mentions[0]
    found = referent(
        text.index("Plus"), mentions, focus=koupiansk, background=background, continuation=True
    )
    assert found.surface == "Kharkiv"


def test_the_dispatch_subject_is_the_lead_place_named_most_often(nlp, lang):
    text = (
        "Les Azerbaïdjanais ont pris Stepanakert et Choucha. Choucha est en ruines. "
        "À Choucha, les Arméniens ont fui."
    )
    doc = nlp(text)
    assert dispatch_subject(_mentions(doc)).surface == "Choucha"
    assert dispatch_subject([]) is None


# --- the two stages ----------------------------------------------------------------------


def _claims(nlp, ctx, text):
    doc = nlp(text)
    mentions = _mentions(doc)
    return doc, mentions, parse_claims(Article("t", None, None, text), doc, mentions, ctx)


def test_relations_measure_from_the_subject_not_the_reference_point(nlp, ctx):
    text = (
        "Les milices de Zintan ont attaqué Sabratha, à 70 km à l'ouest de Tripoli. "
        "Des tirs ont été entendus à 5 km au sud de la cité antique."
    )
    _, _, claims = _claims(nlp, ctx, text)
    south = next(c for c in claims if c.bearing_deg == 180.0)
    assert south.anchor.name == "Sabratha"
    assert text[south.anchor_start : south.anchor_end] == "la cité antique"


def test_relations_measure_from_a_town_named_in_an_earlier_paragraph(nlp, ctx):
    text = (
        "Les Houthis ont tiré des missiles sur Hodeida.\n\n"
        "Les forces gouvernementales se trouvent à 8 km au sud de cette agglomération."
    )
    _, _, [claim] = _claims(nlp, ctx, text)
    assert claim.anchor.name == "Hodeida"


def test_relations_keep_the_most_recent_place_named_for_itself(nlp, ctx):
    text = (
        "L'armée azerbaïdjanaise a repris Choucha, à 10 km au sud de Stepanakert. Les combats "
        "ont gagné Stepanakert. Les séparatistes sont à 5 km à l'est de la ville."
    )
    _, _, claims = _claims(nlp, ctx, text)
    east = next(c for c in claims if c.bearing_deg == 90.0)
    assert east.anchor.name == "Stepanakert"


@pytest.fixture(scope="module")
def ukraine(gazetteer):
    from geo.context import build_context

    return build_context(gazetteer=gazetteer, theatre="ukraine")


def test_events_put_la_ville_on_the_subject_not_the_reference_point(nlp, ukraine):
    from geo.events import extract_observations

    text = (
        "Les forces russes ont bombardé Avdiivka, à 15 km au nord de Donetsk, "
        "avant de prendre la ville."
    )
    doc, mentions, claims = _claims(nlp, ukraine, text)
    article = Article("t", dt.date(2024, 2, 17), "day", text)
    observations = extract_observations(article, doc, mentions, claims, ukraine)
    captured = {o.place for o in observations if o.relation == "captured"}
    assert captured == {"Avdiivka"}


def test_events_resolve_an_anaphor_across_a_paragraph(nlp, ukraine):
    from geo.events import extract_observations

    text = (
        "Les forces russes ont pris Avdiivka samedi.\n\n"
        "Dimanche, l'armée russe a bombardé la localité."
    )
    doc, mentions, claims = _claims(nlp, ukraine, text)
    article = Article("t", dt.date(2024, 2, 18), "day", text)
    observations = extract_observations(article, doc, mentions, claims, ukraine)
    assert {(o.relation, o.place) for o in observations} >= {
        ("captured", "Avdiivka"),
        ("strike", "Avdiivka"),
    }


def test_events_never_place_an_event_on_a_country_anaphor(nlp, ukraine):
    from geo.events import extract_observations

    text = "Les forces russes ont pris Avdiivka, en Ukraine. L'armée russe a bombardé le pays."
    doc = nlp(text)
    country = Place("country:UA", "Ukraine", 31.0, 49.0, "UA", "A", "PCLI", 0, "pycountry", 500)
    mentions = _mentions(doc, ["Avdiivka", "Ukraine"], places={**PLACES, "Ukraine": country})
    article = Article("t", dt.date(2024, 2, 18), "day", text)
    observations = extract_observations(article, doc, mentions, [], ukraine)
    assert ("captured", "Avdiivka") in {(o.relation, o.place) for o in observations}
    assert all(o.place != "Ukraine" for o in observations)
