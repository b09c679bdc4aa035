"""Actors, relations and dates as dated observations (geo/events.py).

Mentions and claims are built by hand here (places with GeoNames coordinates), so these tests
exercise the events stage alone; the end-to-end test at the bottom runs the whole pipeline
over the seeds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from gazetteer import Place
from geo.events import extract_observations
from geo.geodesy import sector
from geo.nlp import sentences
from geo.records import RELATIONS, Article, Claim, Mention
from geo.theatre import load_profile

UKRAINE = Path(__file__).resolve().parent / "data" / "theatres" / "ukraine.toml"


def _place(geonameid: int, name: str, lon: float, lat: float, cc: str, km: float = 3.0) -> Place:
    return Place(
        f"geonames:{geonameid}",
        name,
        lon,
        lat,
        cc,
        source=f"geonames:{geonameid}",
        uncertainty_km=km,
    )


# GeoNames ids and lon/lat as the default gazetteer holds them (cities500).
PLACES = {
    "Palmyre": _place(163808, "Palmyre", 38.28402, 34.5624, "SY"),
    "Raqa": _place(172955, "Raqqa", 39.00788, 35.95283, "SY", 6),
    "Mossoul": _place(99072, "Mossoul", 43.11889, 36.335, "IQ", 10),
    "Deir Ezzor": _place(170794, "Deir ez-Zor", 40.14084, 35.33588, "SY", 5),
    "Alep": _place(170063, "Alep", 37.16117, 36.20124, "SY", 10),
    "Manbij": _place(167357, "Manbij", 37.95495, 36.52815, "SY"),
    "Homs": _place(169577, "Homs", 36.72559, 34.72405, "SY", 6),
    "Idleb": _place(169389, "Idleb", 36.63393, 35.93062, "SY"),
    "Fallouja": _place(99454, "Fallouja", 43.78599, 33.34913, "IQ"),
    "Kobané": _place(172256, "Kobané", 38.35347, 36.89095, "SY"),
    "Jarablous": _place(169179, "Jarablous", 38.01111, 36.8175, "SY"),
    "Tal Afar": _place(90393, "Tal Afar", 42.44806, 36.37913, "IQ"),
    "Soukhné": _place(172425, "Soukhné", 38.8711, 34.88533, "SY"),
    "Qaryatayn": _place(173361, "Qaryatayn", 37.24066, 34.22956, "SY"),
    "Hama": _place(170017, "Hama", 36.75783, 35.13179, "SY", 5),
    "Genève": _place(2660646, "Genève", 6.14569, 46.20222, "CH", 5),
    "Moscou": _place(524901, "Moscou", 37.61781, 55.75204, "RU", 15),
    "Bruxelles": _place(2800866, "Bruxelles", 4.34878, 50.85045, "BE", 8),
    "Paris": _place(2988507, "Paris", 2.3488, 48.85341, "FR", 8),
    "Bakhmout": _place(713174, "Bakhmout", 37.99886, 48.59419, "UA"),
    "Kherson": _place(706448, "Kherson", 32.61458, 46.65581, "UA", 6),
    "Kidal": _place(2455290, "Kidal", 1.40921, 18.44345, "ML", 2),
    "Ménaka": _place(2453514, "Ménaka", 2.39609, 15.91985, "ML", 1.5),
    "Marib": _place(72968, "Ma'rib", 45.32581, 15.46253, "YE", 1.6),
    "Sirte": _place(2210554, "Sirte", 16.58866, 31.20892, "LY", 3),
    "Lyman": _place(704204, "Lyman", 37.80843, 48.99012, "UA", 1.7),
    "Russie": Place("country:RU", "Russie", 37.6, 55.7, "RU", source="pycountry"),
    "Donbass": Place(
        "curated:donbass", "Donbass", 38.3, 48.4, "UA", source="curated", uncertainty_km=180
    ),
}
FRIDAY = dt.date(2016, 3, 25)


def _mentions(doc, metonyms=()) -> list[Mention]:
    sents = sentences(doc)
    found: list[Mention] = []
    for name in sorted(PLACES, key=len, reverse=True):
        for match in re.finditer(re.escape(name), doc.text):
            start, end = match.span()
            if any(start < m.end and m.start < end for m in found):
                continue
            sentence = next(s for s in sents if s.start <= start < s.end)
            found.append(
                Mention(
                    "t",
                    start,
                    end,
                    name,
                    sentence,
                    place=PLACES[name],
                    role="metonym" if name in metonyms else "location",
                    resolution="gazetteer",
                    confidence=0.9,
                )
            )
    return sorted(found, key=lambda m: m.start)


def _ctx(profile=None):
    """A French run context for ``profile`` (default: Syria–Iraq), one per profile."""
    from gazetteer import Gazetteer
    from geo.context import build_context

    key = profile or "syria_iraq"
    if key not in _CONTEXTS:
        _CONTEXTS[key] = build_context(gazetteer=Gazetteer.default(), theatre=key)
    return _CONTEXTS[key]


_CONTEXTS: dict = {}


def _run(nlp, text, *, date=FRIDAY, precision="day", claims=(), metonyms=(), profile=None):
    doc = nlp(text)
    article = Article("t", date, precision, text)
    mentions = _mentions(doc, metonyms)
    return extract_observations(article, doc, mentions, list(claims), _ctx(profile))


def _run_with_claims(nlp, text, profile="ukraine"):
    """The observations of ``text`` with the claims the relations stage finds in it."""
    from geo.relations import parse_claims

    doc = nlp(text)
    article = Article("t", dt.date(2022, 10, 3), "day", text)
    mentions = _mentions(doc)
    claims = parse_claims(article, doc, mentions, _ctx(profile))
    assert claims, "the position phrase is a claim"
    return extract_observations(article, doc, mentions, claims, _ctx(profile))


def _triples(observations, *, context=False):
    return {(o.relation, o.actor, o.place) for o in observations if o.context == context}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les forces irakiennes ont repris Fallouja à l'EI.",
            {("captured", "iraqi_army", "Fallouja"), ("controls", "isis", "Fallouja")},
        ),
        (
            "Les FDS ont chassé l'EI de Manbij après deux mois de combats.",
            {("captured", "sdf", "Manbij"), ("lost", "isis", "Manbij")},
        ),
        ("Les rebelles ont pris le contrôle d'Idleb samedi.", {("captured", "rebels", "Idleb")}),
        (
            "L'armée syrienne a reconquis Qaryatayn, a annoncé la télévision d'Etat.",
            {("captured", "syrian_army", "Qaryatayn")},
        ),
        ("Daech s'est emparé de Soukhné, à l'est de Palmyre.", {("captured", "isis", "Soukhné")}),
        ("Hama, tombée aux mains des rebelles, reste assiégée.", {("captured", "rebels", "Hama")}),
        (
            "Tal Afar, sous le contrôle de l'EI depuis 2014, est encerclée.",
            {("controls", "isis", "Tal Afar")},
        ),
        (
            "Raqa, contrôlée par les jihadistes, est bombardée chaque jour.",
            {("controls", "isis", "Raqqa")},
        ),
        (
            "Les jihadistes se sont retirés de Jarablous face à l'avancée turque.",
            {("withdrew", "isis", "Jarablous")},
        ),
        (
            "Les chars turcs et les rebelles soutenus par Ankara sont entrés dans Jarablous.",
            {("captured", "turkey", "Jarablous")},
        ),
        ("L'aviation russe a bombardé Alep.", {("strike", "russia", "Alep")}),
        (
            "Les forces turques bombardent les positions kurdes près de Jarablous.",
            {("strike", "turkey", "Jarablous")},
        ),
        ("Manbij, libérée en août par les FDS, est calme.", {("captured", "sdf", "Manbij")}),
        ("Les FDS se rapprochent de Raqa.", {("advancing", "sdf", "Raqqa")}),
        (
            "Les bombardements se poursuivent sur Idleb, enclave rebelle.",
            {("controls", "rebels", "Idleb")},
        ),
        (
            "Les rebelles ne contrôlent plus qu'une petite poche dans l'est d'Alep.",
            {("controls", "rebels", "Alep")},
        ),
        (
            "Hama est sous le contrôle des forces gouvernementales depuis 2012.",
            {("controls", "syrian_army", "Hama")},
        ),
        (
            "Les avions de la coalition ont mené des frappes sur Raqa.",
            {("strike", "coalition", "Raqqa")},
        ),
        (
            "De violents affrontements opposent l'armée aux rebelles à Homs.",
            {("fighting", "syrian_army", "Homs")},
        ),
        (
            "Les forces gouvernementales encerclent Deir Ezzor.",
            {("besieged", "syrian_army", "Deir ez-Zor")},
        ),
        ("La perte de Kobané est une lourde défaite pour l'EI.", {("lost", "isis", "Kobané")}),
    ],
)
def test_relations_and_actors_over_many_phrasings(nlp, text, expected):
    assert _triples(_run(nlp, text)) >= expected


def test_coordinated_actors_each_get_the_observation(nlp):
    text = "Les rebelles et le Front Al-Nosra se sont emparés samedi de la ville d'Idleb."
    assert _triples(_run(nlp, text)) == {
        ("captured", "rebels", "Idleb"),
        ("captured", "nusra", "Idleb"),
    }


def test_ousted_in_the_passive_the_agent_takes_and_the_subject_loses(nlp):
    text = "L'EI a repris Palmyre, neuf mois après en avoir été chassé par l'armée syrienne."
    assert _triples(_run(nlp, text)) >= {
        ("captured", "isis", "Palmyre"),
        ("captured", "syrian_army", "Palmyre"),
        ("lost", "isis", "Palmyre"),
    }


def test_a_bare_participle_is_passive_with_its_agent(nlp):
    text = "Les rebelles ont quitté la vieille ville de Homs, assiégée depuis deux ans par l'armée."
    found = _triples(_run(nlp, text))
    assert ("besieged", "syrian_army", "Homs") in found
    assert ("withdrew", "rebels", "Homs") in found


def test_ousted_in_the_passive_without_agent_nobody_takes(nlp):
    found = _triples(_run(nlp, "Les jihadistes ont été chassés de Manbij."))
    assert ("lost", "isis", "Manbij") in found
    assert not any(relation == "captured" for relation, _, _ in found)


def test_a_withdrawal_towards_a_place_leaves_the_place_under_discussion(nlp):
    text = "Les FDS ont repris Manbij. Les jihadistes se sont retirés vers Jarablous."
    found = _triples(_run(nlp, text))
    assert ("withdrew", "isis", "Jarablous") not in found
    assert ("withdrew", "isis", "Manbij") in found
    assert _triples(_run(nlp, "Les jihadistes se sont retirés vers Jarablous.")) == set()
    text = (
        "Les forces irakiennes ont repris Tal Afar. Les jihadistes se sont retirés sans combattre."
    )
    assert ("withdrew", "isis", "Tal Afar") in _triples(_run(nlp, text))


def test_each_former_holder_named_after_a_capture_held_the_place(nlp):
    text = "Les rebelles ont repris Alep à l'armée et aux milices chiites."
    assert _triples(_run(nlp, text)) == {
        ("captured", "rebels", "Alep"),
        ("controls", "syrian_army", "Alep"),
        ("controls", "progov_militias", "Alep"),
    }


_ALIASES = [
    (actor.id, alias) for actor in load_profile("syria_iraq").actors for alias in actor.aliases
]
_SYRIAN_TOWNS = ["Manbij", "Hama", "Idleb", "Soukhné", "Qaryatayn", "Jarablous"]


@settings(max_examples=40, deadline=None)
@given(
    pair=st.sampled_from(_ALIASES),
    town=st.sampled_from(_SYRIAN_TOWNS),
    passive=st.booleans(),
)
def test_every_alias_of_the_profile_takes_or_holds_a_town(nlp, pair, town, passive):
    actor, alias = pair
    if passive:
        text, relation = f"{town} a été reprise mardi par {alias}.", "captured"
    else:
        text, relation = f"{town} est désormais aux mains de {alias}.", "controls"
    assert (relation, actor, town) in _triples(_run(nlp, text))


def test_a_place_opening_the_sentence_is_the_setting_of_what_it_tells(nlp):
    text = (
        "A Tal Afar, selon un responsable local, les jihadistes reculent partout depuis "
        "plusieurs jours face à l'avancée des forces irakiennes."
    )
    assert ("advancing", "iraqi_army", "Tal Afar") in _triples(_run(nlp, text))


def test_a_fight_takes_no_actor_from_mere_position(nlp):
    text = (
        "Les combattants kurdes ont chassé les jihadistes de Kobané après quatre mois de combats."
    )
    found = _triples(_run(nlp, text))
    assert ("captured", "sdf", "Kobané") in found and ("lost", "isis", "Kobané") in found
    assert not any(r == "fighting" and actor == "isis" for r, actor, _ in found)


def test_a_generic_army_is_the_army_of_the_country_of_the_place(nlp):
    found = _triples(_run(nlp, "L'armée a repris Fallouja. L'armée a repris Palmyre."))
    assert ("captured", "iraqi_army", "Fallouja") in found
    assert ("captured", "syrian_army", "Palmyre") in found


def test_seeking_to_retake_is_an_advance_not_a_capture(nlp):
    text = (
        "En Irak, l'EI est la cible d'une large offensive de l'armée qui cherche à reprendre "
        "son fief de Mossoul (nord)."
    )
    found = _triples(_run(nlp, text))
    assert ("advancing", "iraqi_army", "Mossoul") in found
    assert ("controls", "isis", "Mossoul") in found  # "son fief": the opponent's stronghold
    assert not any(r == "captured" for r, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "L'armée lance une offensive pour reprendre Manbij.",
        "Les FDS tentent de reprendre Manbij.",
        "Les FDS veulent reprendre Manbij d'ici l'été.",
    ],
)
def test_intent_to_take_a_place_is_never_a_capture(nlp, text):
    relations = {o.relation for o in _run(nlp, text) if o.place == "Manbij"}
    assert "advancing" in relations
    assert "captured" not in relations


def test_having_only_to_oust_says_who_holds_the_place_now(nlp):
    text = (
        "Après avoir reconquis Palmyre, les forces prorégime n'auront qu'à déloger l'EI de "
        "la localité de Soukhné pour avancer vers la frontière."
    )
    found = _triples(_run(nlp, text))
    assert ("captured", "syrian_army", "Palmyre") in found
    assert ("controls", "isis", "Soukhné") in found
    assert ("captured", "syrian_army", "Soukhné") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Les rebelles n'ont pas repris Idleb.",
        "L'armée russe n'a pas évoqué de frappes à Alep.",
        "Une trêve des combats est en vigueur à Homs.",
        "Le régime devra cesser de bombarder Alep.",
    ],
)
def test_negated_or_stopped_events_are_not_observed(nlp, text):
    assert _run(nlp, text) == []


def test_who_held_a_place_before_its_recapture_and_since_when(nlp):
    text = (
        "L'armée avait lancé le 7 mars l'offensive pour reprendre Palmyre à l'EI, qui s'en "
        "était emparée en mai 2015."
    )
    observations = _run(nlp, text, date=dt.date(2016, 3, 1), precision="month")
    by_relation = {(o.relation, o.actor): o for o in observations}
    advance = by_relation[("advancing", "syrian_army")]
    assert (advance.date, advance.date_precision) == (dt.date(2016, 3, 7), "day")
    taken = by_relation[("captured", "isis")]
    assert (taken.date, taken.date_precision) == (dt.date(2015, 5, 1), "month")
    assert ("controls", "isis") in by_relation
    assert ("captured", "syrian_army") not in by_relation


def test_a_state_that_began_carries_its_start_date(nlp):
    text = "Palmyre, joyau du désert syrien entre les mains de Daech depuis le mois de décembre."
    (obs,) = _run(nlp, text, date=dt.date(2017, 2, 1), precision="month")
    assert (obs.relation, obs.actor, obs.side) == ("controls", "isis", "isis")
    assert (obs.date, obs.date_precision) == (dt.date(2016, 12, 1), "month")


def test_weekday_and_agent_with_a_day_precision_article(nlp):
    text = "Palmyre, prise par les jihadistes il y a près d'un an, a été bombardée jeudi."
    observations = _run(nlp, text)
    held = next(o for o in observations if o.relation == "controls")
    assert held.actor == "isis" and held.date == dt.date(2015, 3, 1)
    struck = next(o for o in observations if o.relation == "strike")
    assert struck.date == dt.date(2016, 3, 24)  # the Thursday before Friday 25 March 2016


def test_without_a_date_expression_the_article_date_is_used(nlp):
    observations = _run(
        nlp, "Les FDS ont repris Manbij.", date=dt.date(2016, 8, 1), precision="month"
    )
    assert [(o.date, o.date_precision) for o in observations] == [(dt.date(2016, 8, 1), "month")]


def test_diplomacy_and_attacks_abroad_are_context_only(nlp):
    text = (
        "L'EI a revendiqué les attentats de Bruxelles et ceux de Paris. A Genève, les "
        "pourparlers reprendront lundi. Moscou a bombardé Alep."
    )
    observations = _run(nlp, text, metonyms=("Moscou",))
    front = [o for o in observations if not o.context]
    assert {o.place for o in front} <= {"Alep"}
    assert all(o.place not in ("Genève", "Moscou", "Bruxelles", "Paris") for o in front)
    assert ("strike", "russia", "Alep") in _triples(observations)
    assert {o.place for o in observations if o.context} <= {"Bruxelles", "Paris", "Genève"}


def test_a_metonym_is_never_the_place_of_an_event(nlp):
    observations = _run(nlp, "Moscou a intensifié ses frappes.", metonyms=("Moscou",))
    assert observations == []


def _claim(
    doc,
    phrase: str,
    anchor: str,
    *,
    km: tuple[float, float],
    bearing: float | None,
    target: Mention | None = None,
) -> Claim:
    start = doc.text.index(phrase)
    place = PLACES[anchor]
    anchor_start = doc.text.index(anchor, start)
    footprint = sector(
        (place.lon, place.lat),
        distance_min_km=km[0],
        distance_max_km=km[1],
        bearing_deg=bearing,
        bearing_tolerance_deg=45 if bearing is not None else None,
    )
    sentence = next(s for s in sentences(doc) if s.start <= start < s.end)
    return Claim(
        "t",
        sentence,
        start,
        start + len(phrase),
        place,
        anchor_start,
        anchor_start + len(anchor),
        km[0],
        km[1],
        bearing,
        45 if bearing is not None else None,
        "sector" if bearing is not None else "disc",
        footprint.polygon,
        footprint.lon,
        footprint.lat,
        footprint.uncertainty_km,
        target=target,
    )


def test_an_actor_position_claim_becomes_a_positioned_observation(nlp):
    text = "Les troupes syriennes sont à environ 20 km à l'ouest de Palmyre."
    doc = nlp(text)
    claim = _claim(doc, "à environ 20 km à l'ouest de Palmyre", "Palmyre", km=(15, 25), bearing=270)
    article = Article("t", FRIDAY, "day", text)
    (obs,) = extract_observations(article, doc, _mentions(doc), [claim], _ctx())
    assert (obs.relation, obs.actor, obs.side) == ("positioned", "syrian_army", "government")
    assert obs.anchor_id == "geonames:163808"
    assert (obs.distance_min_km, obs.distance_max_km, obs.bearing_deg) == (15, 25, 270)
    assert obs.geometry.equals(claim.footprint)
    assert obs.lon < PLACES["Palmyre"].lon  # west of Palmyre
    assert obs.place_id is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "La chute de Raqa permettrait aux FDS d'avancer à 40 km plus au sud de Raqa.",
            "à 40 km plus au sud de Raqa",
        ),
        ("Les troupes irakiennes seront bientôt à 10 km de Mossoul.", "à 10 km de Mossoul"),
        (
            "Selon un général, les soldats pourraient se trouver à 15 km au nord de Palmyre.",
            "à 15 km au nord de Palmyre",
        ),
    ],
)
def test_a_position_in_a_future_or_a_possibility_is_no_observation(nlp, text, phrase):
    doc = nlp(text)
    anchor = next(name for name in PLACES if phrase.endswith(name))
    claim = _claim(doc, phrase, anchor, km=(5, 15), bearing=None)
    article = Article("t", FRIDAY, "day", text)
    observations = extract_observations(article, doc, _mentions(doc), [claim], _ctx())
    assert [o for o in observations if o.relation == "positioned"] == []


def test_the_same_position_stated_as_a_fact_is_kept(nlp):
    text = "Les troupes irakiennes sont désormais à 10 km de Mossoul."
    doc = nlp(text)
    claim = _claim(doc, "à 10 km de Mossoul", "Mossoul", km=(9.5, 10.5), bearing=None)
    article = Article("t", FRIDAY, "day", text)
    (obs,) = extract_observations(article, doc, _mentions(doc), [claim], _ctx())
    assert (obs.relation, obs.side) == ("positioned", "iraq")


def test_a_claim_about_a_held_place_gives_that_place_its_footprint(nlp):
    text = (
        "Les forces prorégime n'auront qu'à déloger l'EI de la localité de Soukhné, "
        "à 60 km au sud de Palmyre."
    )
    doc = nlp(text)
    target = next(m for m in _mentions(doc) if m.surface == "Soukhné")
    claim = _claim(
        doc, "à 60 km au sud de Palmyre", "Palmyre", km=(55, 65), bearing=180, target=target
    )
    article = Article("t", FRIDAY, "day", text)
    observations = extract_observations(article, doc, _mentions(doc), [claim], _ctx())
    # The claim is folded into the stronger relations about Soukhné, not repeated.
    assert {(o.relation, o.actor, o.place) for o in observations} == {
        ("controls", "isis", "Soukhné"),
        ("advancing", "syrian_army", "Soukhné"),
    }
    for obs in observations:
        assert obs.geometry.equals(claim.footprint) and obs.anchor_id == "geonames:163808"
        assert (obs.distance_min_km, obs.distance_max_km, obs.bearing_deg) == (55, 65, 180)


def test_strikes_near_a_place_take_the_claim_footprint(nlp):
    text = "L'armée russe a effectué 50 raids aériens contre l'EI près de Palmyre."
    doc = nlp(text)
    claim = _claim(doc, "près de Palmyre", "Palmyre", km=(0, 10), bearing=None)
    article = Article("t", FRIDAY, "day", text)
    observations = extract_observations(article, doc, _mentions(doc), [claim], _ctx())
    (obs,) = observations
    assert (obs.relation, obs.actor) == ("strike", "russia")
    assert obs.anchor_id == "geonames:163808" and obs.place_id is None
    assert obs.geometry.equals(claim.footprint)


def test_every_claim_reaches_the_observations(nlp):
    text = (
        "Un village est à 30 km au nord d'Alep. Les combats font rage près de Homs. "
        "Les FDS sont à 10 km de Manbij."
    )
    doc = nlp(text)
    claims = [
        _claim(doc, "à 30 km au nord d'Alep", "Alep", km=(25, 35), bearing=0),
        _claim(doc, "près de Homs", "Homs", km=(0, 8), bearing=None),
        _claim(doc, "à 10 km de Manbij", "Manbij", km=(5, 15), bearing=None),
    ]
    article = Article("t", FRIDAY, "day", text)
    observations = extract_observations(article, doc, _mentions(doc), claims, _ctx())
    anchors = [o.anchor_id for o in observations if o.anchor_id]
    assert sorted(anchors) == sorted(c.anchor.place_id for c in claims)
    by_anchor = {o.anchor_id: o for o in observations if o.anchor_id}
    assert by_anchor["geonames:169577"].relation == "fighting"
    assert (by_anchor["geonames:167357"].relation, by_anchor["geonames:167357"].actor) == (
        "positioned",
        "sdf",
    )


def test_two_positions_of_one_actor_around_one_town_stay_two(nlp):
    text = "Les troupes syriennes sont à 20 km à l'ouest de Palmyre et à 15 km au nord de Palmyre."
    doc = nlp(text)
    claims = [
        _claim(doc, "à 20 km à l'ouest de Palmyre", "Palmyre", km=(15, 25), bearing=270),
        _claim(doc, "à 15 km au nord de Palmyre", "Palmyre", km=(10, 20), bearing=0),
    ]
    article = Article("t", FRIDAY, "day", text)
    observations = extract_observations(article, doc, _mentions(doc), claims, _ctx())
    assert sorted(o.bearing_deg for o in observations) == [0, 270]
    assert {o.actor for o in observations} == {"syrian_army"}


def test_observations_keep_evidence_offsets_geometry_and_confidence(nlp):
    text = "Le ciel était clair. Les FDS ont repris Manbij à l'EI."
    observations = _run(nlp, text)
    assert observations
    for obs in observations:
        assert obs.relation in RELATIONS
        assert obs.evidence == "Les FDS ont repris Manbij à l'EI."
        assert text[obs.evidence_start :].startswith(obs.evidence)
        assert 0 < obs.confidence <= 1
        assert obs.geometry.equals(Point(PLACES["Manbij"].lon, PLACES["Manbij"].lat))
    captured = next(o for o in observations if o.relation == "captured")
    held = next(o for o in observations if o.relation == "controls")
    assert held.confidence < captured.confidence  # "à l'EI" is indirect evidence


def test_an_actor_carried_from_the_previous_sentence_is_less_sure(nlp):
    text = "Les FDS ont repris Manbij. Jarablous a également été libérée."
    observations = _run(nlp, text)
    first, second = (o for o in observations if o.relation == "captured")
    assert (second.actor, second.place) == ("sdf", "Jarablous")
    assert second.confidence < first.confidence


def test_an_undated_article_gives_undated_observations(nlp):
    observations = _run(nlp, "Les FDS ont repris Manbij hier.", date=None, precision=None)
    assert [(o.relation, o.date, o.date_precision) for o in observations] == [
        ("captured", None, None)
    ]


def test_a_second_theatre_needs_only_its_profile(nlp):
    profile = load_profile(UKRAINE)
    text = "Les mercenaires de Wagner ont pris Bakhmout. L'armée a repris Kherson. Alep est loin."
    observations = _run(nlp, text, profile=profile)
    found = _triples(observations)
    assert ("captured", "wagner", "Bakhmout") in found
    assert ("captured", "ukrainian_army", "Kherson") in found
    assert {o.side for o in observations if not o.context} <= {"russia", "ukraine"}


# -- the seeds, through the whole pipeline ---------------------------------------------------


@pytest.fixture(scope="module")
def seed_observations(seeds_dir):
    from geo.pipeline import run

    result = run([seeds_dir])
    return [o for o in result.observations if not o.context]


def _seed(observations, prefix: str):
    return [o for o in observations if o.article_id.startswith(prefix)]


def test_seeds_palmyra_held_by_the_ei_in_2017_and_retaken_in_2022(seed_observations):
    held = [
        o
        for o in _seed(seed_observations, "002")
        if o.relation == "controls" and o.place_id == "geonames:163808"
    ]
    assert held and all(o.side == "isis" for o in held)
    retaken = [
        o
        for o in _seed(seed_observations, "004")
        if o.relation == "captured" and o.place_id == "geonames:163808" and o.side == "government"
    ]
    assert retaken and all(o.date.year == 2022 for o in retaken)


def test_seeds_strongholds_and_the_mosul_offensive(seed_observations):
    holds = {o.place_id for o in seed_observations if o.relation == "controls" and o.side == "isis"}
    assert {"geonames:172955", "geonames:170794", "geonames:99072"} <= holds  # Raqa, Deir, Mosul
    mosul = [o for o in seed_observations if o.place_id == "geonames:99072" and o.side == "iraq"]
    assert mosul and {o.relation for o in mosul} == {"advancing"}


def test_seeds_strikes_near_palmyra_and_raids_on_aleppo(seed_observations):
    russian = [
        o for o in _seed(seed_observations, "003") if o.relation == "strike" and o.side == "russia"
    ]
    assert any(o.anchor_id == "geonames:163808" for o in russian)
    assert any(
        o.relation == "strike" and o.place_id == "geonames:170063"
        for o in _seed(seed_observations, "003")
    )


def test_seeds_no_front_line_event_abroad(seed_observations):
    names = {"Washington", "Moscou", "Moscow", "Genève", "Geneva", "Bruxelles", "Brussels", "Paris"}
    assert not [o for o in seed_observations if o.place in names]
    profile = load_profile("syria_iraq")
    located = [o for o in seed_observations if o.geometry is not None]
    assert all(profile.in_theatre(o.lon, o.lat) for o in located)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les jihadistes tiennent toujours Tal Afar.", ("controls", "isis", "Tal Afar")),
        ("Plus au sud, les rebelles tiennent encore Hama.", ("controls", "rebels", "Hama")),
        (
            "Soukhné, une localité tenue depuis mai par l'EI, est bombardée.",
            ("controls", "isis", "Soukhné"),
        ),
    ],
)
def test_holding_a_town_is_control(nlp, text, expected):
    assert expected in _triples(_run(nlp, text))


def test_talks_held_in_a_town_are_no_control(nlp):
    text = (
        "La prochaine session doit se tenir à Homs. L'armée syrienne se tient prête à Alep, "
        "et les rebelles se tiennent à l'écart de Hama."
    )
    assert not [o for o in _run(nlp, text) if o.relation == "controls"]


@pytest.mark.parametrize(
    "text",
    [
        "Les FDS, appuyées par la coalition, sont entrées mardi dans Raqa.",
        "Les rebelles, soutenus par Ankara, sont entrés à Idleb.",
    ],
)
def test_a_verb_of_motion_with_etre_is_active_and_its_subject_acts(nlp, text):
    """'sont entrées' is a compound past, not a passive: the 'par' agent nearby is an ally.
    Troops entering a town take it."""
    advancing = {(o.actor, o.place) for o in _run(nlp, text) if o.relation == "captured"}
    place = "Raqqa" if "Raqa" in text else "Idleb"
    actor = "sdf" if "FDS" in text else "rebels"
    assert advancing == {(actor, place)}


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "taken"),
    [
        (
            "La ville de Manbij et ses environs, à une trentaine de kilomètres au sud de "
            "Jarablous, ont été repris à l'EI par les FDS.",
            "à une trentaine de kilomètres au sud de Jarablous",
            "Jarablous",
            "Manbij",
        ),
        (
            "Soukhné et sa palmeraie, à 60 km au nord-est de Palmyre, sont tombées aux mains "
            "des jihadistes.",
            "à 60 km au nord-est de Palmyre",
            "Palmyre",
            "Soukhné",
        ),
    ],
)
def test_the_reference_point_of_a_position_is_not_the_place_taken(nlp, text, phrase, anchor, taken):
    doc = nlp(text)
    claim = _claim(doc, phrase, anchor, km=(20, 40), bearing=180)
    observations = extract_observations(
        Article("t", FRIDAY, "day", text), doc, _mentions(doc), [claim], _ctx()
    )
    captured = {o.place for o in observations if o.relation == "captured"}
    assert captured == {taken}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'armée syrienne a brisé mardi le siège imposé par l'EI à Deir Ezzor.",
            ("advancing", "syrian_army", "Deir ez-Zor"),
        ),
        (
            "Les FDS ont levé l'encerclement de Kobané après quatre mois de combats.",
            ("advancing", "sdf", "Kobané"),
        ),
    ],
)
def test_breaking_a_siege_is_the_relief_forces_advance(nlp, text, expected):
    triples = _triples(_run(nlp, text))
    assert expected in triples
    assert not any(r == "besieged" and a == expected[1] for r, a, _ in triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une coalition de rebelles a pris le contrôle d'Idleb samedi.", {"rebels"}),
        ("Une coalition rebelle s'est emparée de Hama mardi.", {"rebels"}),
        ("Idleb, bastion rebelle et jihadiste, est bombardée par l'aviation russe.", {"rebels"}),
        ("Les groupes jihadistes et rebelles contrôlent Idleb.", set()),
    ],
)
def test_a_rebel_alliance_is_neither_the_us_led_coalition_nor_the_ei(nlp, text, expected):
    observations = _run(nlp, text, date=dt.date(2019, 8, 20))
    holders = {o.actor for o in observations if o.place == "Idleb" or o.place == "Hama"}
    holders -= {"russia"}
    assert holders == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les FDS, une alliance arabo-kurde appuyée par la coalition internationale, sont "
            "entrées mardi dans Manbij, tenue par l'EI depuis 2014.",
            ("captured", "sdf", "Manbij"),
        ),
        (
            "Selon l'OSDH, les forces irakiennes, épaulées par des frappes de la coalition "
            "menée par Washington, sont entrées dans Fallouja, fief de Daech.",
            ("captured", "iraqi_army", "Fallouja"),
        ),
        (
            "Les combattants kurdes, soutenus par l'aviation américaine, sont entrés jeudi "
            "dans Kobané, a annoncé un porte-parole.",
            ("captured", "sdf", "Kobané"),
        ),
    ],
)
def test_the_actor_opening_the_clause_is_the_subject_past_an_apposition(nlp, text, expected):
    relation, actor, place = expected
    found = {(o.relation, o.actor) for o in _run(nlp, text) if o.place == place}
    assert (relation, actor) in found
    assert {a for r, a in found if r == relation} == {actor}


@pytest.mark.parametrize(
    ("text", "village", "relation", "actor"),
    [
        (
            "Les forces ukrainiennes ont repris Zarivka-Nova, a annoncé Kiev.",
            "Zarivka-Nova",
            "captured",
            "ukrainian_army",
        ),
        (
            "Les combattants d'Ansar Dine se sont emparés mardi de Tin-Akoffa.",
            "Tin-Akoffa",
            "captured",
            "ansar_dine",
        ),
        (
            "Un détachement de l'armée malienne est stationné à Tin-Essako.",
            "Tin-Essako",
            "positioned",
            "mali_army",
        ),
    ],
)
def test_a_village_nothing_locates_keeps_its_fact_without_coordinates(
    nlp, text, village, relation, actor
):
    """A place named but in no gazetteer, with no claim to locate it: the fact is kept, with
    the name as written, and no coordinates (no map draws it)."""
    doc = nlp(text)
    start = text.index(village)
    sentence = sentences(doc)[0]
    unresolved = Mention("t", start, start + len(village), village, sentence)
    profile = "ukraine" if "Kiev" in text else "sahel"
    found = extract_observations(
        Article("t", FRIDAY, "day", text), doc, [unresolved], [], _ctx(profile)
    )
    fact = next(o for o in found if o.place == village)
    assert (fact.relation, fact.actor) == (relation, actor)
    assert fact.place_id is None and fact.geometry is None and fact.lon is None


def test_a_river_nothing_locates_is_no_place_of_control(nlp):
    text = "Les jihadistes se sont retirés sur la rive ouest du fleuve Khabour."
    doc = nlp(text)
    start = text.index("Khabour")
    river = Mention("t", start, start + 7, "Khabour", sentences(doc)[0], trigger="fleuve")
    found = extract_observations(Article("t", FRIDAY, "day", text), doc, [river], [], _ctx())
    assert not [o for o in found if o.place == "Khabour"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscou a revendiqué la prise de Bakhmout.", ("captured", "russian_army", "Bakhmout")),
        (
            "Moscou affirme que ses troupes ont pris Bakhmout.",
            ("captured", "russian_army", "Bakhmout"),
        ),
    ],
)
def test_a_government_acting_is_its_countrys_forces(nlp, text, expected):
    """A capital standing for its government ("Moscou a revendiqué") is the actor named by
    the profile's [forces] table for that country."""
    observations = _run(nlp, text, metonyms=("Moscou",), profile="ukraine")
    assert expected in _triples(observations)


def test_a_pronoun_subject_is_the_actor_named_before(nlp):
    text = "Les forces russes progressent depuis l'été. Mercredi, elles ont pris Bakhmout."
    assert ("captured", "russian_army", "Bakhmout") in _triples(_run(nlp, text, profile="ukraine"))


def test_an_advance_the_same_sentence_calls_a_capture_is_that_capture(nlp):
    text = "Après une contre-offensive éclair, les forces ukrainiennes ont repris Kherson."
    found = _triples(_run(nlp, text, profile="ukraine"))
    assert ("captured", "ukrainian_army", "Kherson") in found
    assert ("advancing", "ukrainian_army", "Kherson") not in found


def test_a_capture_nobody_is_named_in_still_says_who_held_the_place(nlp):
    """ "la reprise aux jihadistes de Palmyre": the taker unnamed, the holder named."""
    text = "Le ministre a confirmé la reprise aux jihadistes de Palmyre."
    found = _triples(_run(nlp, text))
    assert ("controls", "isis", "Palmyre") in found
    assert not [t for t in found if t[0] == "captured"]


@pytest.mark.parametrize(
    "text",
    [
        "Prochaine étape pour l'armée : reprendre Raqa.",
        "L'objectif de l'armée, reprendre Raqa, paraît lointain.",
    ],
)
def test_an_infinitive_no_verb_governs_is_a_goal(nlp, text):
    found = _triples(_run(nlp, text))
    assert ("captured", "syrian_army", "Raqqa") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Les troupes russes ont pris trois villages près de Bakhmout.",
        # the parse hangs "près de Bakhmout" on the verb, not on the villages
        "L'armée russe a revendiqué mercredi avoir pris trois villages près de Bakhmout, une "
        "ville de l'est désormais détruite.",
    ],
)
def test_villages_taken_near_a_town_are_not_the_town_taken(nlp, text):
    doc = nlp(text)
    claim = _claim(doc, "près de Bakhmout", "Bakhmout", km=(0, 10), bearing=None)
    observations = extract_observations(
        Article("t", FRIDAY, "day", text), doc, _mentions(doc), [claim], _ctx("ukraine")
    )
    assert not [o for o in observations if o.relation == "captured" and o.place == "Bakhmout"]


def test_a_first_person_subject_is_not_the_actor_named_before(nlp):
    """ "Nous" in a quotation is its speaker: it does not take the last actor named."""
    text = "L'armée syrienne avance. «Nous voyons que les jihadistes commencent à quitter Raqa»."
    found = _triples(_run(nlp, text))
    assert ("controls", "syrian_army", "Raqqa") not in found


def test_the_pro_russians_of_the_donbas_are_the_separatist_forces(nlp):
    text = "Bakhmout est assiégée par les pro-russes."
    assert ("besieged", "dnr_forces", "Bakhmout") in _triples(
        _run(nlp, text, date=dt.date(2015, 2, 14), profile="ukraine")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les rebelles ont capturé Idleb mardi.", ("captured", "rebels", "Idleb")),
        ("Les jihadistes ont pris d'assaut Palmyre.", ("captured", "isis", "Palmyre")),
        ("Raqa, occupée depuis 2014 par l'EI, est encerclée.", ("controls", "isis", "Raqqa")),
    ],
)
def test_more_ways_of_taking_and_holding(nlp, text, expected):
    assert expected in _triples(_run(nlp, text))


def test_the_side_fought_with_is_not_the_actor(nlp):
    text = "De violents affrontements avec l'armée syrienne ont eu lieu près d'Idleb."
    assert ("fighting", "syrian_army", "Idleb") not in _triples(_run(nlp, text))


def test_a_withdrawal_in_a_relative_clause_leaves_its_antecedent(nlp):
    text = "L'armée est entrée dans Kherson, d'où les soldats russes ont dû se retirer."
    found = _triples(_run(nlp, text, profile="ukraine"))
    assert ("withdrew", "russian_army", "Kherson") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les rebelles ont dû évacuer Idleb dimanche.", ("withdrew", "rebels", "Idleb")),
        ("Les rebelles devraient évacuer Idleb dimanche.", ("controls", "rebels", "Idleb")),
    ],
)
def test_an_obligation_in_the_past_was_met(nlp, text, expected):
    """ "ont dû évacuer": they left; "devraient évacuer": they still hold it."""
    assert expected in _triples(_run(nlp, text))


def test_our_control_is_the_side_the_speaker_speaks_for(nlp):
    text = "« Palmyre est sous notre contrôle total », a affirmé l'agence officielle Sana."
    assert ("controls", "syrian_army", "Palmyre") in _triples(_run(nlp, text))


def test_we_in_a_quotation_are_the_side_of_who_says_so(nlp):
    text = "« Nous avons bombardé Bakhmout », a déclaré le ministère russe de la Défense."
    assert ("strike", "russian_army", "Bakhmout") in _triples(_run(nlp, text, profile="ukraine"))


def test_the_actor_after_its_head_noun_is_the_events(nlp):
    text = "L'offensive des troupes du régime syrien sur Palmyre a repris."
    assert ("advancing", "syrian_army", "Palmyre") in _triples(_run(nlp, text))


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Ménaka, principale localité de l'est du pays, a été prise par les rebelles touareg.",
            "sahel",
            ("captured", "mnla", "Ménaka"),
        ),
        (
            "Lyman, noeud ferroviaire stratégique de la région de Donetsk, a été reprise "
            "par l'armée ukrainienne.",
            "ukraine",
            ("captured", "ukrainian_army", "Lyman"),
        ),
        (
            "Sirte, ville natale de l'ancien dirigeant, est prise par les forces du GNA.",
            "libya",
            ("captured", "gna_forces", "Sirte"),
        ),
    ],
)
def test_a_place_described_in_apposition_is_still_the_place_taken(nlp, text, profile, expected):
    """The words of an apposition ("Kidal, ville du nord, a été prise") describe the place;
    they do not set it apart from its verb. With its auxiliary, "prise par" is a capture,
    not a state."""
    date = dt.date(2012, 3, 30) if profile == "sahel" else dt.date(2022, 10, 2)
    found = _triples(_run(nlp, text, date=date, profile=profile))
    assert expected in found
    assert not any(r == "controls" and a == expected[1] for r, a, _ in found)


def test_an_actor_coordinated_through_a_group_noun_takes_the_place_too(nlp):
    text = "Kidal a été prise par les rebelles touareg et par des groupes jihadistes."
    found = _triples(_run(nlp, text, date=dt.date(2012, 3, 30), profile="sahel"))
    assert {("captured", "mnla", "Kidal"), ("captured", "jihadists", "Kidal")} <= found


@pytest.mark.parametrize(
    ("text", "profile", "village", "actor"),
    [
        (
            "À l'ouest de Marib, les rebelles ont capturé le mont Jabal Hailan.",
            "yemen",
            "Jabal Hailan",
            "houthis",
        ),
        (
            "Près de Kidal, les rebelles ont pris le village d'Intahaka.",
            "sahel",
            "Intahaka",
            "mnla",
        ),
    ],
)
def test_a_word_that_depends_on_the_country_names_the_actor_of_the_dispatch_country(
    nlp, text, profile, village, actor
):
    """ "les rebelles" are the Houthis in Yemen and the MNLA in Mali in 2012: at a place
    nothing locates, the country is the one the dispatch's places are in."""
    doc = nlp(text)
    start = text.index(village)
    unresolved = Mention("t", start, start + len(village), village, sentences(doc)[0])
    mentions = sorted([*_mentions(doc), unresolved], key=lambda m: m.start)
    article = Article("t", dt.date(2012, 3, 30), "day", text)
    found = extract_observations(article, doc, mentions, [], _ctx(profile))
    assert ("captured", actor, village) in _triples(found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Des soldats maliens sont entrés dans Ménaka et la contrôlent désormais.",
            "sahel",
            {("captured", "mali_army", "Ménaka"), ("controls", "mali_army", "Ménaka")},
        ),
        (
            "Les forces du GNA ont encerclé Sirte et la bombardaient chaque nuit.",
            "libya",
            {("besieged", "gna_forces", "Sirte"), ("strike", "gna_forces", "Sirte")},
        ),
        (
            "Des unités russes sont stationnées à Lyman et la contrôlent depuis mai.",
            "ukraine",
            {("controls", "russian_army", "Lyman")},
        ),
    ],
)
def test_a_verb_joined_to_another_with_a_pronoun_object_is_about_the_same_place(
    nlp, text, profile, expected
):
    """ "... et la contrôlent": the pronoun is the place of the verb it is coordinated with,
    and a position in a place the sentence says the side holds is that hold."""
    date = {"sahel": dt.date(2013, 1, 28), "libya": dt.date(2016, 6, 2)}.get(profile, FRIDAY)
    found = _triples(_run(nlp, text, date=date, profile=profile))
    assert expected <= found
    assert not any(r == "positioned" for r, _, _ in found)


def test_an_actor_inside_a_relative_clause_did_not_take_the_place_before_it(nlp):
    """ "la prise de Lyman, ville où des unités ukrainiennes sont stationnées": the units
    are where they are; who took the town the sentence does not say."""
    text = (
        "Le ministère a confirmé la reprise de Lyman, ville où des unités ukrainiennes "
        "sont stationnées."
    )
    found = _triples(_run(nlp, text, profile="ukraine"))
    assert not any(r == "captured" for r, _, _ in found)


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        (
            "Les forces du GNA progressent vers Sirte. "
            "Des habitants de Sirte se sont emparés d'un dépôt d'armes.",
            "libya",
        ),
        (
            "L'armée russe avance vers Lyman. "
            "Des habitants de Lyman se sont emparés d'un entrepôt.",
            "ukraine",
        ),
    ],
)
def test_a_place_in_the_subject_is_not_the_place_taken(nlp, text, profile):
    """ "des habitants d'Aden se sont emparés d'un dépôt": Aden only says whose people (and
    the actor of the sentence before took nothing there)."""
    found = _run(nlp, text, date=dt.date(2015, 3, 25), profile=profile)
    assert not any(o.relation == "captured" for o in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        ("Les rebelles sont tout près de prendre Kidal.", "sahel", ("advancing", "mnla", "Kidal")),
        (
            "L'armée russe est sur le point de reprendre Lyman.",
            "ukraine",
            ("advancing", "russian_army", "Lyman"),
        ),
        (
            "Les Houthis étaient en passe de conquérir Marib.",
            "yemen",
            ("advancing", "houthis", "Ma'rib"),
        ),
    ],
)
def test_about_to_take_a_place_is_an_advance(nlp, text, profile, expected):
    found = _triples(_run(nlp, text, date=dt.date(2012, 3, 30), profile=profile))
    assert expected in found
    assert not any(r == "captured" for r, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "En prévision d'une offensive, les soldats ont renforcé leurs positions à Lyman.",
        "Par crainte d'une attaque sur Lyman, les habitants fuient la ville.",
    ],
)
def test_an_event_only_feared_is_no_event(nlp, text):
    """ "en prévision d'un assaut": nothing happened, and nobody is said to intend it."""
    found = _run(nlp, text, profile="ukraine")
    assert not any(o.relation in ("advancing", "fighting") for o in found)


@pytest.mark.parametrize(
    "text",
    [
        "Les jihadistes se sont retirés de Ménaka et de Kidal.",
        "Les jihadistes se sont retirés de Ménaka, ainsi que de Kidal.",
    ],
)
def test_places_listed_with_a_preposition_each_get_the_event(nlp, text):
    """ "de Ménaka et de Kidal": the preposition repeated before the next place of a list."""
    found = _triples(_run(nlp, text, date=dt.date(2013, 1, 28), profile="sahel"))
    assert {("withdrew", "jihadists", "Ménaka"), ("withdrew", "jihadists", "Kidal")} <= found


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les soldats maliens ont repoussé une attaque des jihadistes à Kidal.",
            "sahel",
            {("fighting", "jihadists", "Kidal")},
        ),
        (
            "Les forces gouvernementales ont repoussé des offensives rebelles, à Marib.",
            "yemen",
            {("fighting", "houthis", "Ma'rib")},
        ),
        (
            "L'armée ukrainienne a repoussé un assaut sur Lyman.",
            "ukraine",
            {("fighting", None, "Lyman")},
        ),
    ],
)
def test_who_repels_an_attack_is_not_the_attacker(nlp, text, profile, expected):
    """Repelling an attack is fighting there, by the attacker when the text names it, and
    takes no place from anyone."""
    found = _triples(_run(nlp, text, date=dt.date(2013, 1, 28), profile=profile))
    assert expected <= found
    assert not any(r in ("captured", "lost", "advancing") for r, _, _ in found)


def test_the_two_ends_of_a_route_are_not_a_list_of_places(nlp):
    """ "la route reliant Hama à Alep": a bare "à" joins the ends of a road, it does not add
    Alep to what the regime holds."""
    text = "Le régime contrôle désormais toute la route reliant Hama à Alep."
    assert not any(o.place == "Alep" for o in _run(nlp, text))


@pytest.mark.parametrize(
    ("text", "profile", "wrong"),
    [
        ("Sirte est désormais libérée des milices pro-Haftar.", "libya", "lna"),
        ("Lyman a été reprise dimanche, face aux troupes russes.", "ukraine", "russian_army"),
    ],
)
def test_an_actor_near_a_passive_verb_without_par_is_not_its_author(nlp, text, profile, wrong):
    """Only the agent after "par" does a passive: a town "libérée des milices" was freed
    from them."""
    found = _run(nlp, text, date=dt.date(2020, 5, 18), profile=profile)
    assert not any(o.relation == "captured" and o.actor == wrong for o in found)


@pytest.mark.parametrize(
    "text",
    [
        "L'armée ukrainienne a repris, ailleurs dans la région de Kherson, la ville de Lyman.",
        "L'armée ukrainienne a conquis, loin de Kherson, la ville de Lyman.",
    ],
)
def test_a_place_in_an_insertion_after_the_verb_is_not_its_object(nlp, text):
    """ "a conquis, ailleurs dans la région de X, la localité de Y": Y is taken; X only says
    where, in an insertion between commas."""
    found = _triples(_run(nlp, text, profile="ukraine"))
    assert ("captured", "ukrainian_army", "Lyman") in found
    assert not any(p == "Kherson" and r == "captured" for r, _, p in found)


def test_a_goal_on_its_own_line_stays_a_goal_whatever_the_parse_joins_it_to(nlp):
    """The parser may hang "reprendre" on the verb of the line before ("ont été tuées ...
    Prochaine étape : reprendre X"): across a sentence end it governs nothing."""
    text = (
        "L'armée russe a pris Bakhmout. Plus de 400 personnes ont été tuées dans les combats "
        "depuis.\nProchaine étape : reprendre Lyman et Kherson, deux villes non loin du front."
    )
    found = _triples(_run(nlp, text, profile="ukraine"))
    assert ("advancing", "russian_army", "Lyman") in found
    assert ("captured", "russian_army", "Lyman") not in found


@pytest.mark.parametrize(
    ("text", "profile", "holder", "town"),
    [
        (
            "Les forces du GNA ont lancé une offensive visant à reprendre aux pro-Haftar les "
            "localités de la côte, parmi lesquelles Sirte.",
            "libya",
            "lna",
            "Sirte",
        ),
        (
            "L'armée ukrainienne a repris aux forces russes la ville de Lyman.",
            "ukraine",
            "russian_army",
            "Lyman",
        ),
    ],
)
def test_the_former_holder_named_right_after_the_verb_held_the_place(
    nlp, text, profile, holder, town
):
    """ "reprendre aux rebelles les secteurs de X": "à" right after the verb names who held
    the places its object lists."""
    date = dt.date(2020, 6, 1) if profile == "libya" else dt.date(2022, 10, 2)
    found = _triples(_run(nlp, text, date=date, profile=profile))
    assert ("controls", holder, town) in found


def test_places_after_a_locating_participle_only_locate_the_place_before(nlp):
    """ "X, une ville située entre A et B": A and B say where X is; an attack on X far in
    the sentence is not at them, but the apposition right after them still describes them."""
    text = (
        "Samedi, l'armée a signalé une «tentative d'assaut des rebelles, appuyée par des chars» "
        "visant ses lignes aux abords sud-est de Lyman, un nœud ferroviaire stratégique situé "
        "à mi-chemin entre Kherson et Bakhmout, les fiefs des forces russes."
    )
    found = _triples(_run(nlp, text, date=dt.date(2015, 2, 14), profile="ukraine"))
    assert not any(r == "fighting" and p in ("Kherson", "Bakhmout") for r, _, p in found)
    assert any(r == "controls" and p == "Kherson" for r, _, p in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "À Kidal, ville du nord, les rebelles paraissent découragés.",
            "sahel",
            {("positioned", "mnla", "Kidal")},
        ),
        (
            "À Lyman, les troupes russes attendent des renforts.",
            "ukraine",
            {("positioned", "russian_army", "Lyman")},
        ),
        ("À Lyman, les habitants attendent des renforts.", "ukraine", set()),
    ],
)
def test_a_force_in_a_sentence_set_at_a_place_is_there(nlp, text, profile, expected):
    """ "À Ajdabiah, ville voisine, les rebelles ...": a sentence that tells no event but
    opens on a place with a force for its subject places the force there."""
    found = _triples(_run(nlp, text, date=dt.date(2012, 3, 30), profile=profile))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        ("Le gouvernement, qui siège à Sirte, a dénoncé l'offensive.", "libya"),
        ("Le conseil militaire, qui siège à Kidal, a démenti.", "sahel"),
    ],
)
def test_sitting_somewhere_is_no_siege(nlp, text, profile):
    """ "qui siège à Tripoli": after a pronoun "siège" is the verb siéger, not a siege."""
    found = _run(nlp, text, date=dt.date(2019, 4, 7), profile=profile)
    assert not any(o.relation == "besieged" for o in found)


def test_forces_massing_reinforcements_in_a_town_are_positioned_there(nlp):
    """ "qui ont juré de riposter et massent des renforts dans Sirte": the tagger reads
    "massent" as an adverb."""
    text = "Les forces du GNA, qui ont juré de riposter et massent des renforts dans Sirte."
    found = _triples(_run(nlp, text, date=dt.date(2019, 4, 7), profile="libya"))
    assert ("positioned", "gna_forces", "Sirte") in found


def test_a_position_of_nobody_places_no_force(nlp):
    text = "Des renforts sont déployés à Lyman."
    assert not any(o.relation == "positioned" for o in _run(nlp, text, profile="ukraine"))


@pytest.mark.parametrize(
    ("text", "profile", "speaker"),
    [
        ("Des frappes ont visé Lyman, a indiqué l'armée ukrainienne.", "ukraine", "ukrainian_army"),
        ("Des combats ont éclaté à Kidal, a affirmé l'armée malienne.", "sahel", "mali_army"),
    ],
)
def test_who_says_so_after_the_fact_is_not_its_actor(nlp, text, profile, speaker):
    """The actor found by position is never on the other side of a verb of speech."""
    found = _run(nlp, text, date=dt.date(2013, 1, 28), profile=profile)
    assert found and not any(o.actor == speaker for o in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les frappes visent Sirte, désormais dernier point d'appui arrière du camp Haftar.",
            "libya",
            ("controls", "lna", "Sirte"),
        ),
        (
            "Les rebelles ont pris d'assaut Kidal.",
            "sahel",
            ("captured", "mnla", "Kidal"),
        ),
    ],
)
def test_a_phrase_with_an_elided_word_is_matched_whole(nlp, text, profile, expected):
    """ "point d'appui de", "prendre d'assaut": the tokenizer splits "d'appui" in two, and so
    does the phrase; the name after "le camp" is the actor, not a second place."""
    date = dt.date(2020, 5, 18) if profile == "libya" else dt.date(2012, 3, 30)
    found = _triples(_run(nlp, text, date=date, profile=profile))
    assert expected in found
    assert not any(r == "fighting" for r, _, _ in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les combats font rage autour de Lyman, une ville de l'est désormais détruite, que "
            "l'armée russe cherche à conquérir depuis l'été.",
            "ukraine",
            ("advancing", "russian_army", "Lyman"),
        ),
        (
            "Les habitants ont fui Kidal, que les rebelles touareg ont conquise mardi.",
            "sahel",
            ("captured", "mnla", "Kidal"),
        ),
    ],
)
def test_que_after_a_comma_opens_a_relative_clause_on_the_place(nlp, text, profile, expected):
    """ "X, une ville ..., que l'armée cherche à conquérir": the tagger reads "que" as a
    conjunction; after a comma it is the relative pronoun whose antecedent is X."""
    found = _triples(_run(nlp, text, date=dt.date(2012, 3, 30), profile=profile))
    assert expected in found


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Le ministère a précisé que de multiples assauts russes avaient été repoussés près "
            "de Lyman.",
            "ukraine",
            ("fighting", "russian_army", "Lyman"),
        ),
        (
            "Une attaque des jihadistes a été repoussée à Kidal.",
            "sahel",
            ("fighting", "jihadists", "Kidal"),
        ),
    ],
)
def test_an_attack_repelled_in_the_passive_is_fighting_by_the_attacker(
    nlp, text, profile, expected
):
    """ "de multiples assauts azerbaïdjanais avaient été repoussés": nobody lost the place;
    the attacker is named inside the phrase."""
    found = _triples(_run(nlp, text, date=dt.date(2013, 1, 20), profile=profile))
    assert expected in found
    assert not any(r in ("lost", "captured") for r, _, _ in found)


def test_an_anaphor_subject_far_from_its_verb_is_linked_by_its_noun(nlp):
    """ "La localité, où se dresse ..., a été bombardée": the parse links the
    verb to "ville", not to its article, and that link is what brings the place within reach."""
    text = (
        "L'armée russe avance vers Lyman. La localité, où se dresse une cathédrale "
        "orthodoxe qui fait figure de symbole dans la région, a elle aussi été bombardée."
    )
    found = {(o.relation, o.place) for o in _run(nlp, text, profile="ukraine")}
    assert ("strike", "Lyman") in found


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        ("Huit soldats ukrainiens ont perdu la vie à Lyman.", "ukraine"),
        ("Onze militaires maliens ont perdu la vie à Kidal.", "sahel"),
    ],
)
def test_losing_ones_life_somewhere_is_not_losing_the_place(nlp, text, profile):
    """ "ont perdu la vie à X": an idiom row (relation ``none``) hides "perdre" there."""
    found = _run(nlp, text, date=dt.date(2013, 1, 20), profile=profile)
    assert not any(o.relation == "lost" for o in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les militaires ont signalé une tentative d'assaut des jihadistes visant leurs "
            "positions aux abords nord de Kidal.",
            "sahel",
            ("fighting", "jihadists", "Kidal"),
        ),
        (
            "Le gouvernement a fait état d'une offensive des rebelles et de leurs alliés tribaux "
            "contre les positions loyalistes et les casernes de Marib.",
            "yemen",
            ("advancing", "houthis", "Ma'rib"),
        ),
    ],
)
def test_a_place_deep_inside_an_event_nouns_phrase_is_its_place(nlp, text, profile, expected):
    """ "une tentative d'assaut des jihadistes visant leurs positions aux abords de X": the
    phrase names its actor and its target first; its place, eleven words on, is still its."""
    assert expected in _triples(_run(nlp, text, date=dt.date(2021, 3, 10), profile=profile))


@pytest.mark.parametrize(
    ("text", "profile", "expected", "wrong"),
    [
        (
            "L'armée ukrainienne a dénoncé des tirs de l'artillerie russe sur Kherson.",
            "ukraine",
            ("strike", "russian_army", "Kherson"),
            "ukrainian_army",
        ),
        (
            "L'armée yéménite dénonce des tirs de missiles des Houthis contre Marib.",
            "yemen",
            ("strike", "houthis", "Ma'rib"),
            "yemeni_army",
        ),
    ],
)
def test_the_arms_a_side_fires_with_lead_to_the_side(nlp, text, profile, expected, wrong):
    """ "des tirs de l'artillerie azerbaïdjanaise": the arm is the head of the actor's phrase,
    and the capital that denounces the strike is not its author."""
    found = _triples(_run(nlp, text, date=dt.date(2020, 10, 8), profile=profile))
    assert expected in found
    assert not any(actor == wrong for _, actor, _ in found)


@pytest.mark.parametrize(
    ("text", "profile", "holder"),
    [
        (
            "Al-Massirah, la chaîne aux mains des rebelles, a fait état de frappes aériennes "
            "sur Marib.",
            "yemen",
            "houthis",
        ),
        (
            "La radio locale, une station aux mains des jihadistes, rapporte des bombardements "
            "sur Ménaka.",
            "sahel",
            "jihadists",
        ),
    ],
)
def test_the_holder_of_a_medium_is_not_the_actor_of_what_it_reports(nlp, text, profile, holder):
    """ "la chaîne aux mains des rebelles": the rebels are the holder of that phrase's noun,
    not the author of the strike or fight the sentence reports."""
    found = _run(nlp, text, date=dt.date(2018, 6, 13), profile=profile)
    events = [o for o in found if o.relation in ("strike", "fighting")]
    assert events and not any(o.actor == holder for o in events)


@pytest.mark.parametrize(
    ("text", "profile", "event"),
    [
        (
            "L'armée russe a conquis, ailleurs dans la région de Bakhmout, la localité de Lyman.",
            "ukraine",
            ("captured", "russian_army", "Lyman"),
        ),
        (
            "Dans le nord de la province de Marib, les rebelles houthis se sont emparés de deux "
            "collines et ont bombardé Marib.",
            "yemen",
            ("strike", "houthis", "Ma'rib"),
        ),
    ],
)
def test_an_area_beside_an_event_is_where_it_happened_not_a_force(nlp, text, profile, event):
    """ "dans la région de X", "dans le nord de X": the setting of the sentence's event, not a
    position of its actor; alone in its sentence it still places the force named there."""
    found = _run_with_claims(nlp, text, profile)
    assert event in _triples(found)
    assert not any(o.relation == "positioned" for o in found)
    alone = _run_with_claims(nlp, "Des unités russes se trouvent dans la région de Bakhmout.")
    assert ("positioned", "russian_army") in {(o.relation, o.actor) for o in alone}


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les jihadistes contrôlent désormais depuis le printemps plusieurs localités "
            "stratégiques du nord et de l'est du pays, parmi lesquelles Kidal et Ménaka.",
            "sahel",
            {("controls", "jihadists", "Kidal"), ("controls", "jihadists", "Ménaka")},
        ),
        (
            'Kiev affirme avoir repris en une semaine "une dizaine de villages" dans l\'est du '
            "pays, dont la ville de Lyman.",
            "ukraine",
            {("captured", "ukrainian_army", "Lyman")},
        ),
    ],
)
def test_places_listed_after_a_verbs_object_are_what_it_acted_on(nlp, text, profile, expected):
    """ "avoir repris vingt localités ..., parmi lesquelles X": however long the object, the
    places its list names are the verb's."""
    assert expected <= _triples(_run(nlp, text, date=dt.date(2022, 9, 12), profile=profile))


def test_a_reference_point_before_a_list_is_not_one_of_its_places(nlp):
    """ "trois villages au nord de Bakhmout, parmi lesquels Lyman": Bakhmout only measures."""
    text = "L'armée russe a pris trois villages au nord de Bakhmout, parmi lesquels Lyman."
    found = _triples(_run_with_claims(nlp, text))
    assert ("captured", "russian_army", "Lyman") in found
    assert not any(place == "Bakhmout" for relation, _, place in found if relation == "captured")


@pytest.mark.parametrize(
    ("text", "profile", "held"),
    [
        (
            "L'armée ukrainienne a repris Lyman, ville stratégique située au nord de Bakhmout, "
            "aux forces russes.",
            "ukraine",
            ("controls", "russian_army", "Lyman"),
        ),
        (
            "Les forces du GNA ont repris Sirte, ville côtière située à 450 km de la "
            "capitale, aux troupes du maréchal Khalifa Haftar.",
            "libya",
            ("controls", "lna", "Sirte"),
        ),
    ],
)
def test_who_held_a_place_is_named_past_its_description(nlp, text, profile, held):
    """ "reprendre X, ville située à ..., aux troupes du maréchal Y": the description of X
    does not part the verb from its former holder, nor does a title and a given name part the
    holder's troops from their leader; no holder is made up for the troops alone."""
    found = _triples(_run(nlp, text, date=dt.date(2019, 6, 26), profile=profile))
    assert held in found
    assert not any(r == "controls" and actor is None for r, actor, _ in found)


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les combats se sont déplacés vers Kidal et Ménaka, dont la reprise aux jihadistes "
            "avait coûté cher à l'armée malienne.",
            "sahel",
            {("controls", "jihadists", "Kidal"), ("controls", "jihadists", "Ménaka")},
        ),
        (
            "Les soldats se sont repliés sur Bakhmout et Lyman, d'où les Russes se sont retirés "
            "en septembre.",
            "ukraine",
            {("withdrew", "russian_army", "Bakhmout"), ("withdrew", "russian_army", "Lyman")},
        ),
    ],
)
def test_a_relative_clause_on_a_list_of_places_is_about_each(nlp, text, profile, expected):
    """ "Severodonetsk et Lyssytchansk, dont la prise aux Ukrainiens": the relative pronoun's
    antecedent is the whole list before it."""
    assert expected <= _triples(_run(nlp, text, date=dt.date(2022, 10, 3), profile=profile))


def test_a_list_goes_on_past_an_aside_that_locates_its_first_place(nlp):
    """ "à Kidal, ville située dans le nord du pays, ainsi qu'à Ménaka": the aside locates
    Kidal; the list still joins Ménaka to it."""
    text = (
        "Les jihadistes ont attaqué mardi les camps de l'armée à Kidal, ville située dans le "
        "nord du pays, ainsi qu'à Ménaka."
    )
    found = _triples(_run(nlp, text, date=dt.date(2013, 1, 20), profile="sahel"))
    assert {("fighting", "jihadists", "Kidal"), ("fighting", "jihadists", "Ménaka")} <= found


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "La ville de Kidal, dans le nord-est du pays, bastion historique des touareg, se "
            "trouve « presque entièrement » sous le contrôle des jihadistes.",
            "sahel",
            ("controls", "jihadists", "Kidal"),
        ),
        (
            "C'est à Lyman, à une quarantaine de kilomètres de Bakhmout, qu'ont eu lieu les "
            "affrontements les plus durs.",
            "ukraine",
            ("fighting", None, "Lyman"),
        ),
    ],
)
def test_asides_after_a_place_one_after_another_do_not_part_it_from_its_verb(
    nlp, text, profile, expected
):
    """ "X, dans le nord du pays, fief de Y, se trouve sous le contrôle de Z": each aside
    between commas, a noun or a prepositional phrase, describes X and is stepped over."""
    assert expected in _triples(_run(nlp, text, date=dt.date(2013, 1, 20), profile=profile))


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Sous la pression des Ukrainiens, l'armée russe a dû céder presque toute la région "
            "de Kherson.",
            "ukraine",
            ("lost", "russian_army", "Kherson"),
        ),
        (
            "Les jihadistes ont cédé Ménaka sans combattre.",
            "sahel",
            ("lost", "jihadists", "Ménaka"),
        ),
    ],
)
def test_ceding_a_place_is_losing_it(nlp, text, profile, expected):
    assert expected in _triples(_run(nlp, text, date=dt.date(2022, 11, 11), profile=profile))


@pytest.mark.parametrize(
    ("text", "profile", "expected", "wrong"),
    [
        (
            "Les jihadistes ont attaqué Kidal, siège du MNLA, dans la nuit.",
            "sahel",
            ("controls", "mnla", "Kidal"),
            "besieged",
        ),
        (
            "Les combats se rapprochent de Sirte, siège du gouvernement rival.",
            "libya",
            None,
            "besieged",
        ),
    ],
)
def test_a_place_apposed_to_the_seat_of_an_actor_is_held_by_it(nlp, text, profile, expected, wrong):
    """ "Tripoli, siège du GNA": the seat of the GNA, not a siege of Tripoli by it; "le siège
    de Marioupol" stays a siege."""
    found = _triples(_run(nlp, text, date=dt.date(2019, 6, 26), profile=profile))
    assert expected is None or expected in found
    assert not any(relation == wrong for relation, _, _ in found)
    siege = _triples(_run(nlp, "Les Russes poursuivent le siège de Lyman.", profile="ukraine"))
    assert ("besieged", "russian_army", "Lyman") in siege


@pytest.mark.parametrize(
    ("text", "profile", "expected", "wrong"),
    [
        (
            "Les Russes, qui ont bombardé Kherson, la capitale régionale, avancent vers Lyman.",
            "ukraine",
            ("advancing", "russian_army", "Lyman"),
            ("controls", "russian_army", "Kherson"),
        ),
        (
            "Les jihadistes, chassés de Kidal, leur dernier fief, ont fui vers Ménaka.",
            "sahel",
            ("controls", "jihadists", "Kidal"),
            None,
        ),
    ],
)
def test_a_stronghold_word_needs_a_possessor_to_name_the_holder(
    nlp, text, profile, expected, wrong
):
    """ "Sanaa, la capitale": a description, held by nobody it names; "leur dernier fief":
    the stronghold of the actor the possessive refers back to."""
    found = _triples(_run(nlp, text, date=dt.date(2022, 10, 3), profile=profile))
    assert expected in found
    assert wrong is None or wrong not in found


def test_a_fight_opened_in_a_gerund_is_by_its_subject(nlp):
    """ "Les jihadistes, en passant à l'attaque sur Kidal, ...": the attacker is stated."""
    text = "Les jihadistes, en passant à l'attaque sur Kidal, ont provoqué l'intervention."
    found = _triples(_run(nlp, text, date=dt.date(2013, 1, 20), profile="sahel"))
    assert ("fighting", "jihadists", "Kidal") in found


@pytest.mark.parametrize(
    ("text", "profile", "date", "expected", "wrong"),
    [
        (
            "Les rebelles pilonnent Marib, dernier bastion gouvernemental du nord.",
            "yemen",
            dt.date(2021, 2, 20),
            {("controls", "yemeni_army", "Ma'rib")},
            ("controls", "houthis", "Ma'rib"),
        ),
        (
            "Les insurgés avancent vers Sirte, fief loyaliste.",
            "libya",
            dt.date(2011, 3, 20),
            {("controls", "kadhafi_forces", "Sirte")},
            ("controls", "rebels_2011", "Sirte"),
        ),
        (
            "Des combats ont éclaté autour de Kidal et Ménaka, les fiefs séparatistes.",
            "sahel",
            dt.date(2012, 4, 1),
            {("controls", "mnla", "Kidal"), ("controls", "mnla", "Ménaka")},
            ("fighting", "mnla", "Kidal"),
        ),
    ],
)
def test_an_adjective_after_a_stronghold_names_its_holder(
    nlp, text, profile, date, expected, wrong
):
    """ "dernier bastion gouvernemental", "les capitales séparatistes": the adjective says
    whose stronghold it is, not the subject of the sentence; a stronghold after a list of
    places describes each of them."""
    found = _triples(_run(nlp, text, date=date, profile=profile))
    assert expected <= found
    assert wrong is None or wrong not in found


def test_a_stronghold_apposed_to_a_place_describes_that_place_only(nlp):
    """ "Raqqa, la capitale de l'EI, et Idleb, bastion rebelle": each description holds for
    the place before it, not for the other place of the list."""
    text = "L'aviation a frappé Raqa, la capitale de l'EI, et Idleb, bastion rebelle."
    found = _triples(_run(nlp, text, date=dt.date(2016, 5, 2), profile="syria_iraq"))
    assert {("controls", "isis", "Raqqa"), ("controls", "rebels", "Idleb")} <= found
    assert ("controls", "rebels", "Raqqa") not in found
    assert ("controls", "isis", "Idleb") not in found
    assert ("strike", "isis", "Raqqa") not in found  # the holder named in the aside


def test_an_event_noun_after_an_opening_place_is_no_apposition(nlp):
    """ "Dans le Donbass, cette perte de Lyman": the noun opens a new phrase about Lyman; it
    does not describe the region before the comma, as "Marib, dernier bastion" does."""
    text = "Dans le Donbass, cette perte de Lyman est un revers pour l'armée russe."
    found = _triples(_run(nlp, text, date=dt.date(2022, 10, 2), profile="ukraine"))
    assert ("lost", "russian_army", "Lyman") in found
    assert ("lost", "russian_army", "Donbass") not in found


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "Selon les autorités de Kherson, des frappes ont touché Bakhmout.",
            ("strike", None, "Bakhmout"),
            ("strike", None, "Kherson"),
        ),
        (
            "Le gouverneur de Kherson a indiqué que des tirs avaient visé Bakhmout.",
            ("strike", None, "Bakhmout"),
            ("strike", None, "Kherson"),
        ),
    ],
)
def test_a_place_in_the_name_of_who_says_so_is_not_the_events(nlp, text, expected, wrong):
    """ "Selon les autorités de Kherson": Kherson names the speaker; the strikes are on
    Bakhmout."""
    found = _triples(_run(nlp, text, date=dt.date(2022, 10, 4), profile="ukraine"))
    assert expected in found
    assert wrong not in found


def test_a_place_a_force_comes_from_is_not_where_it_fights(nlp):
    """ "les combattants rebelles de Kidal": where they come from; the fight is at Ménaka."""
    text = (
        "De violents combats opposent l'armée malienne aux combattants rebelles de Kidal "
        "autour de Ménaka."
    )
    found = _triples(_run(nlp, text, date=dt.date(2013, 2, 4), profile="sahel"))
    assert ("fighting", "mali_army", "Ménaka") in found
    assert not any(place == "Kidal" for _r, _a, place in found)


@pytest.mark.parametrize(
    "text",
    [
        "Les frappes de la Russie contre Kherson se poursuivent.",
        "Les bombardements de la Russie sur Bakhmout ont repris, selon le maire de Kherson.",
    ],
)
def test_a_country_after_a_strike_noun_is_its_author(nlp, text):
    """ "les frappes de la Russie": the country whose strikes they are, as "les frappes
    russes" would say; its forces are the actor."""
    found = _run(nlp, text, date=dt.date(2022, 10, 4), profile="ukraine")
    strikes = [o for o in found if o.relation == "strike" and not o.context]
    assert strikes and all(o.actor == "russian_army" for o in strikes)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Autre avantage de la prise de Bakhmout selon M. Prigojine : l'artillerie "
            "ukrainienne est tenue éloignée.",
            ("captured", "ukrainian_army", "Bakhmout"),
        ),
        (
            "Des soldats ont été capturés par les forces russes pendant le retrait de Lyman.",
            ("withdrew", "russian_army", "Lyman"),
        ),
    ],
)
def test_an_actor_of_another_clause_is_not_the_author_by_position(nlp, text, wrong):
    """An actor after a colon or a "selon" phrase, or the agent ("par X") of another verb,
    is not who took or left the place of an event noun near it."""
    found = _triples(_run(nlp, text, date=dt.date(2024, 2, 18), profile="ukraine"))
    assert wrong not in found


def test_where_a_government_sits_is_its_seat_not_a_siege(nlp):
    """ "Sirte, où siège le GNA": the verb "siéger", spelt like the noun "siège"."""
    text = "Des combats ont éclaté près de Sirte, où siège le GNA."
    found = _triples(_run(nlp, text, date=dt.date(2019, 4, 5), profile="libya"))
    assert ("controls", "gna_forces", "Sirte") in found
    assert not any(r == "besieged" for r, _a, _p in found)


def test_an_offensive_meant_to_take_a_place_is_an_advance(nlp):
    """ "une offensive destinée à s'emparer de Sirte": an intention, not a capture."""
    text = "Le maréchal Haftar a lancé une offensive destinée à s'emparer de Sirte."
    found = _triples(_run(nlp, text, date=dt.date(2019, 4, 5), profile="libya"))
    assert ("advancing", "lna", "Sirte") in found
    assert ("captured", "lna", "Sirte") not in found


def test_the_agent_of_a_siege_is_found_past_its_head_noun(nlp):
    """ "encerclée par les forces kadhafistes": "par" stands before the head noun of the
    actor's name, not right before the name the profile knows."""
    text = "Sirte est encerclée par les forces kadhafistes depuis plusieurs semaines."
    found = _triples(_run(nlp, text, date=dt.date(2011, 3, 27), profile="libya"))
    assert ("besieged", "kadhafi_forces", "Sirte") in found


@pytest.mark.parametrize(
    ("text", "profile", "date", "expected", "wrong"),
    [
        (
            "Appuyés par les raids aériens de la coalition, les insurgés ont repris Sirte.",
            "libya",
            dt.date(2011, 3, 27),
            ("captured", "rebels_2011", "Sirte"),
            "nato",
        ),
        (
            "Soutenus par l'aviation russe, les soldats syriens ont repris Palmyre.",
            "syria_iraq",
            dt.date(2016, 3, 27),
            ("captured", "syrian_army", "Palmyre"),
            "russia",
        ),
    ],
)
def test_who_backs_the_taker_is_not_a_taker(nlp, text, profile, date, expected, wrong):
    """ "Appuyés par les raids de la coalition, les insurgés ont repris X": the raids are
    support, neither a strike on X nor a share in its capture."""
    observations = _run(nlp, text, date=date, profile=profile)
    assert expected in _triples(observations)
    assert not any(o.side == wrong for o in observations if not o.context)


def test_an_offensive_with_no_place_names_who_leads_the_next_sentence(nlp):
    """ "L'armée ukrainienne a lancé une contre-offensive dans ce secteur. L'offensive a
    d'abord visé Lyman": the second offensive is the first one's, though no place came with
    the first."""
    text = (
        "L'armée ukrainienne a lancé une contre-offensive dans ce secteur stratégique. "
        "L'offensive a d'abord visé Lyman, puis l'infanterie a avancé vers Bakhmout."
    )
    found = _triples(_run(nlp, text, date=dt.date(2022, 9, 9), profile="ukraine"))
    assert {
        ("advancing", "ukrainian_army", "Lyman"),
        ("advancing", "ukrainian_army", "Bakhmout"),
    } <= found


def test_a_pronoun_does_not_refer_back_to_the_side_fought_against(nlp):
    """ "Les Houthis sont en guerre contre les forces gouvernementales. Ils se sont emparés
    de Marib": "ils" are the Houthis, not the opponent named last."""
    text = (
        "Les Houthis sont en guerre contre les forces gouvernementales depuis 2014. "
        "Ils se sont emparés de Marib en février."
    )
    found = _triples(_run(nlp, text, date=dt.date(2021, 4, 12), profile="yemen"))
    assert ("captured", "houthis", "Ma'rib") in found
    assert ("captured", "yemeni_army", "Ma'rib") not in found


@pytest.mark.parametrize(("trigger", "expected"), [("province", "advancing"), (None, "captured")])
def test_entering_a_province_is_an_advance_not_a_capture(nlp, trigger, expected):
    """ "Les troupes sont entrées dans la province de Raqa" advance into it; entering the
    town ("entrées dans Raqa") takes it."""
    text = "Les troupes gouvernementales sont entrées mardi dans la province de Raqa."
    doc = nlp(text)
    mentions = [replace(m, trigger=trigger) for m in _mentions(doc)]
    article = Article("t", dt.date(2017, 3, 8), "day", text)
    found = _triples(extract_observations(article, doc, mentions, [], _ctx("syria_iraq")))
    assert {r for r, actor, place in found if place == "Raqqa"} == {expected}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Les insurgés sont entrés à Sirte, mais ils ne contrôlent pas encore la ville.",
            ("controls", "rebels_2011", "Sirte"),
        ),
        ("L'aviation de Kadhafi ne bombarde plus Sirte.", ("strike", "kadhafi_forces", "Sirte")),
    ],
)
def test_a_simple_tense_negation_after_the_verb_states_nothing(nlp, text, wrong):
    """ "ils ne contrôlent pas encore la ville": in a simple tense "pas" follows the verb."""
    found = _triples(_run(nlp, text, date=dt.date(2011, 8, 20), profile="libya"))
    assert wrong not in found


def test_a_restriction_after_the_verb_is_still_a_fact(nlp):
    """ "ne contrôlent plus qu'une poche": "ne ... que" restricts, the hold is stated."""
    text = "Les jihadistes ne contrôlent plus qu'une poche à Sirte."
    found = _triples(_run(nlp, text, date=dt.date(2016, 8, 20), profile="libya"))
    assert ("controls", "isis", "Sirte") in found


def test_who_a_selon_phrase_names_does_not_act(nlp):
    """ "Selon des rebelles, les forces de Kadhafi ont replié leur bataillon à Sirte": the
    rebels say so; only Kadhafi's forces withdrew."""
    text = "Selon des rebelles, les forces de Kadhafi ont replié leur principal bataillon à Sirte."
    found = _triples(_run(nlp, text, date=dt.date(2011, 8, 20), profile="libya"))
    assert ("withdrew", "kadhafi_forces", "Sirte") in found
    assert ("withdrew", "rebels_2011", "Sirte") not in found


def test_a_fight_between_two_sides_names_no_attacker(nlp):
    """ "les combats entre l'armée libyenne et les rebelles pour Sirte": both fight, neither
    is said to attack; a fight of two allies keeps them."""
    text = "Les combats se poursuivaient entre l'armée libyenne et les rebelles pour Sirte."
    found = _triples(_run(nlp, text, date=dt.date(2011, 8, 20), profile="libya"))
    assert ("fighting", None, "Sirte") in found
    assert not any(r == "fighting" and a is not None for r, a, _p in found)


def test_fleeing_a_place_is_leaving_it(nlp):
    """ "Les jihadistes se sont enfuis de Kidal": the pronominal "s'enfuir" withdraws."""
    found = _triples(
        _run(
            nlp,
            "Les jihadistes se sont enfuis de Kidal.",
            date=dt.date(2013, 1, 28),
            profile="sahel",
        )
    )
    assert ("withdrew", "jihadists", "Kidal") in found


@pytest.mark.parametrize(
    ("text", "profile", "date", "expected"),
    [
        (
            "Les troupes du GNA ont repris Sirte aux jihadistes.",
            "libya",
            dt.date(2016, 6, 10),
            ("captured", "gna_forces", "Sirte"),
        ),
        (
            "Les soldats de Haftar sont entrés dans Sirte.",
            "libya",
            dt.date(2019, 6, 10),
            ("captured", "lna", "Sirte"),
        ),
    ],
)
def test_a_head_noun_that_names_nobody_acts_for_its_owner(nlp, text, profile, date, expected):
    """ "Les troupes du GNA": "troupes" names no actor in that war after 2011; the actor is
    the one it belongs to, as for a former holder ("aux troupes du maréchal Haftar")."""
    assert expected in _triples(_run(nlp, text, date=date, profile=profile))


#: Classes of phrasing met in unseen dispatches, each in our own words and other wars:
#: ``(text, profile, expected fact)``.
PHRASING_CASES = [
    # a state force named without nationality is its country's (police, border guards)
    (
        "La police fédérale a repris Mossoul.",
        "syria_iraq",
        ("captured", "iraqi_army", "Mossoul"),
    ),
    (
        "Les forces du contre-terrorisme ont attaqué Mossoul.",
        "syria_iraq",
        ("fighting", "iraqi_army", "Mossoul"),
    ),
    (
        "Les forces spéciales sont entrées dans Kidal.",
        "sahel",
        ("captured", "mali_army", "Kidal"),
    ),
    (
        "Les gardes-frontières ont repris Lyman.",
        "ukraine",
        ("captured", "ukrainian_army", "Lyman"),
    ),
    # a fall into hands with a date in between is a capture
    (
        "Lyman est tombée samedi aux mains des forces russes.",
        "ukraine",
        ("captured", "russian_army", "Lyman"),
    ),
    (
        "Palmyre est tombée mercredi soir entre les mains du groupe Etat islamique.",
        "syria_iraq",
        ("captured", "isis", "Palmyre"),
    ),
    # "puis" (lemmatised "pouvoir") is no modal; an effort ("tâcher de") is an intent
    (
        "Les Russes ont pris Lyman, puis se sont retirés de Bakhmout.",
        "ukraine",
        ("withdrew", "russian_army", "Bakhmout"),
    ),
    (
        "Les rebelles ont encerclé Idleb puis ont pris Alep.",
        "syria_iraq",
        ("captured", "rebels", "Alep"),
    ),
    (
        "Les forces loyalistes ont repris Houta, puis s'efforçaient de reprendre Marib.",
        "yemen",
        ("advancing", "yemeni_army", "Ma'rib"),
    ),
    (
        "Les forces russes tâchent de reprendre Lyman.",
        "ukraine",
        ("advancing", "russian_army", "Lyman"),
    ),
    # an incise of speech ("X, a affirmé Y, a pris Z") does not take the subject
    (
        "L'armée, a affirmé l'OSDH, a repris Palmyre.",
        "syria_iraq",
        ("captured", "syrian_army", "Palmyre"),
    ),
    (
        "Les forces russes, a indiqué l'état-major ukrainien, se sont retirées de Kherson.",
        "ukraine",
        ("withdrew", "russian_army", "Kherson"),
    ),
    # a present participle ("en abandonnant", ", bombardant") acts for its clause's subject
    (
        "L'armée ukrainienne a subi un revers en abandonnant aux séparatistes la ville de Lyman.",
        "ukraine",
        ("withdrew", "ukrainian_army", "Lyman"),
    ),
    (
        "Les avions russes ont mené des raids près de Palmyre, bombardant Homs.",
        "syria_iraq",
        ("strike", "russia", "Homs"),
    ),
    # ousting a force "de X": X is the place, not where the force comes from
    (
        "Les soldats français ont expulsé les combattants islamistes de Kidal.",
        "sahel",
        ("lost", "jihadists", "Kidal"),
    ),
    (
        "Les Houthis ont chassé l'armée gouvernementale de Marib.",
        "yemen",
        ("captured", "houthis", "Ma'rib"),
    ),
    # fleeing and redeploying out of a place is leaving it; gaining ground is advancing
    (
        "Les combattants de l'EI ont pris la fuite de Manbij.",
        "syria_iraq",
        ("withdrew", "isis", "Manbij"),
    ),
    (
        "Les troupes russes ont été redéployées hors de Kherson.",
        "ukraine",
        ("withdrew", "russian_army", "Kherson"),
    ),
    (
        "Les forces ukrainiennes ont gagné du terrain à Bakhmout.",
        "ukraine",
        ("advancing", "ukrainian_army", "Bakhmout"),
    ),
    # "sous contrôle" with a side adjective, and a country's authorities as its side
    (
        "Marib demeure sous contrôle gouvernemental.",
        "yemen",
        ("controls", "yemeni_army", "Ma'rib"),
    ),
    (
        "Les autorités irakiennes mènent une offensive pour reprendre Mossoul.",
        "syria_iraq",
        ("advancing", "iraqi_army", "Mossoul"),
    ),
    (
        "Les autorités maliennes ont repris Ménaka.",
        "sahel",
        ("captured", "mali_army", "Ménaka"),
    ),
    # a force repelled attacked there; pushed out of a place, it leaves it
    (
        "Près de Kobané, les soldats turcs ont été repoussés par les forces kurdes.",
        "syria_iraq",
        ("fighting", "turkey", "Kobané"),
    ),
    (
        "Les forces ukrainiennes ont repoussé les troupes russes à Bakhmout.",
        "ukraine",
        ("fighting", "russian_army", "Bakhmout"),
    ),
    (
        "L'armée a repoussé les jihadistes hors de Palmyre.",
        "syria_iraq",
        ("withdrew", "isis", "Palmyre"),
    ),
    (
        "Les soldats russes étaient parvenus jusqu'au centre de Bakhmout.",
        "ukraine",
        ("advancing", "russian_army", "Bakhmout"),
    ),
    # "la cible de frappes X": X strikes, it is not the target
    (
        "Kidal a été la cible de frappes françaises dans la nuit.",
        "sahel",
        ("strike", "french_forces", "Kidal"),
    ),
    # a present tagged as a conditional ("assiègent") is still a fact
    (
        "Marib, que les Houthis assiègent depuis des mois, manque de vivres.",
        "yemen",
        ("besieged", "houthis", "Ma'rib"),
    ),
    # a relative clause right after the event noun names its actor ("que X a lancée")
    (
        "Cette défaite clôt l'offensive que les forces russes avaient lancée sur Kherson.",
        "ukraine",
        ("advancing", "russian_army", "Kherson"),
    ),
    (
        "Les raids que l'aviation russe a menés contre Idleb ont fait dix morts.",
        "syria_iraq",
        ("strike", "russia", "Idleb"),
    ),
    # "l'ennemi" in a side's communiqué is that side's foe ([enemies] of the profile)
    (
        "« L'ennemi a bombardé Kherson », a déclaré l'état-major ukrainien.",
        "ukraine",
        ("strike", "russian_army", "Kherson"),
    ),
    (
        "Les forces ennemies ont attaqué Bakhmout, selon le ministère russe de la Défense.",
        "ukraine",
        ("fighting", "ukrainian_army", "Bakhmout"),
    ),
    (
        "L'ennemi a pilonné Marib dans la nuit, a affirmé la coalition.",
        "yemen",
        ("strike", "houthis", "Ma'rib"),
    ),
]


@pytest.mark.parametrize(("text", "profile", "expected"), PHRASING_CASES)
def test_a_phrasing_class_reads_as_its_fact(nlp, text, profile, expected):
    assert expected in _triples(_run(nlp, text, profile=profile))


def test_the_enemy_of_a_side_with_several_foes_is_nobody(nlp):
    found = _triples(_run(nlp, "L'ennemi a attaqué Palmyre, selon l'agence Sana."))
    assert ("fighting", None, "Palmyre") in found


def test_repeatedly_is_no_retaking(nlp):
    """ "à plusieurs reprises": again and again, not "la reprise" of the place."""
    text = "Des avions russes ont frappé à plusieurs reprises Palmyre."
    found = _triples(_run(nlp, text))
    assert ("strike", "russia", "Palmyre") in found
    assert not {t for t in found if t[0] == "captured"}


def test_war_booty_is_no_capture(nlp):
    """ "les prises de guerre" are seized weapons, not a town taken."""
    text = "Les rebelles ont exhibé à Idleb leurs prises de guerre : des chars et des canons."
    assert not {t for t in _triples(_run(nlp, text)) if t[0] == "captured"}


def test_repelling_a_force_takes_no_ground(nlp):
    """ "ont repoussé les troupes russes à Bakhmout": an attack held off, not a capture."""
    found = _triples(
        _run(
            nlp,
            "Les forces ukrainiennes ont repoussé les troupes russes à Bakhmout.",
            profile="ukraine",
        )
    )
    assert not {t for t in found if t[0] in ("captured", "lost")}


@pytest.mark.parametrize(
    ("text", "profile", "held", "other"),
    [
        (
            "Le convoi roulait entre Kherson, que les forces russes tiennent depuis mars, et "
            "Lyman, ville que l'armée ukrainienne contrôle.",
            "ukraine",
            {("controls", "russian_army", "Kherson"), ("controls", "ukrainian_army", "Lyman")},
            ("controls", "russian_army", "Lyman"),
        ),
        (
            "La route passe par Hama, que l'armée syrienne contrôle toujours, puis par Idleb, "
            "ville que les rebelles tiennent.",
            "syria_iraq",
            {("controls", "syrian_army", "Hama"), ("controls", "rebels", "Idleb")},
            ("controls", "syrian_army", "Idleb"),
        ),
    ],
)
def test_an_object_relative_is_about_its_antecedent_not_the_place_after_it(
    nlp, text, profile, held, other
):
    """ "X, que Y tient ..., et Z": the "que" is the verb's object, so X is held, not Z; a
    "que" right after a description ("Z, ville que ...") hangs on Z."""
    found = _triples(_run(nlp, text, profile=profile))
    assert held <= found
    assert other not in found


@pytest.mark.parametrize(
    "text",
    [
        "Si Kiev venait à confirmer la prise de Bakhmout, Moscou pourrait avancer.",
        "Kiev a reconnu la prise de Lyman.",
        "L'armée a démenti la reprise de Palmyre.",
    ],
)
def test_who_concedes_or_denies_a_capture_is_not_its_taker(nlp, text):
    profile = "ukraine" if "Kiev" in text else "syria_iraq"
    found = _triples(_run(nlp, text, profile=profile))
    assert not {
        t for t in found if t[0] == "captured" and t[1] in ("ukrainian_army", "syrian_army")
    }


@pytest.mark.parametrize(
    ("text", "profile", "not_expected", "expected"),
    [
        (
            "Les forces russes contrôlent une partie du Donbass, et cherchent à avancer vers "
            "Bakhmout.",
            "ukraine",
            ("controls", "russian_army", "Bakhmout"),
            ("advancing", "russian_army", "Bakhmout"),
        ),
        (
            "Les rebelles ont pris le contrôle d'une colline puis ont progressé vers Alep.",
            "syria_iraq",
            ("captured", "rebels", "Alep"),
            ("advancing", "rebels", "Alep"),
        ),
    ],
)
def test_a_verb_does_not_take_the_place_of_the_clause_coordinated_after_it(
    nlp, text, profile, not_expected, expected
):
    found = _triples(_run(nlp, text, profile=profile))
    assert not_expected not in found
    assert expected in found


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les forces russes ont pris Lyman et des localités voisines, au premier rang "
            "desquelles Bakhmout et Kherson, ajoute le communiqué.",
            "ukraine",
            {("captured", "russian_army", p) for p in ("Lyman", "Bakhmout", "Kherson")},
        ),
        (
            "L'armée a repris Palmyre et plusieurs villages, dont Homs et Alep.",
            "syria_iraq",
            {("captured", "syrian_army", p) for p in ("Palmyre", "Homs", "Alep")},
        ),
    ],
)
def test_the_members_listed_after_a_place_are_the_events_places_too(nlp, text, profile, expected):
    assert expected <= _triples(_run(nlp, text, profile=profile))


def test_the_seat_of_a_body_is_a_building_not_a_siege(nlp):
    found = _triples(_run(nlp, "Le quartier abrite le siège du conseil provincial de Mossoul."))
    assert not {t for t in found if t[0] == "besieged"}
    siege = "Le siège de Kherson par les forces russes se poursuit."
    assert ("besieged", "russian_army", "Kherson") in _triples(_run(nlp, siege, profile="ukraine"))


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (
            "Les jihadistes de l'EI se sont rendus maîtres de Sirte.",
            "libya",
            {("captured", "isis", "Sirte")},
        ),
        ("Les rebelles se rendent maîtres de Kidal.", "sahel", {("captured", "cma", "Kidal")}),
        (
            "Kobané subit un siège des jihadistes depuis près d'un mois.",
            "syria_iraq",
            {("besieged", "isis", "Kobané")},
        ),
        (
            "Sirte, soumise à un siège depuis deux mois par les rebelles, résiste.",
            "libya",
            {("besieged", "rebels_2011", "Sirte")},
        ),
        (
            "Les combats ont cessé à Lyman et Bakhmout, que les forces russes contrôlent "
            "toutes deux.",
            "ukraine",
            {("controls", "russian_army", "Lyman"), ("controls", "russian_army", "Bakhmout")},
        ),
    ],
)
def test_mastering_a_place_undergoing_a_siege_and_a_list_a_relative_clause_holds(
    nlp, text, profile, expected
):
    date = dt.date(2011, 5, 12) if "soumise" in text else FRIDAY
    assert expected <= _triples(_run(nlp, text, date=date, profile=profile))
