"""Who says so: every claim's source as written, and the side it speaks for.

The sentences are written for these tests, in the styles of French wire copy on each war.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from shapely.geometry import Point

from geo._errors import TheatreProfileError
from geo.attribution import UNATTRIBUTED, attribute
from geo.context import build_context
from geo.export import control_collection, observations_collection
from geo.nlp import parse, sentence_spans
from geo.records import Observation, Sentence
from geo.render._layers import observation_elements, place_elements
from geo.theatre import load_profile
from geo.timeline import control_at, snapshot_dates


@pytest.fixture(scope="module")
def contexts(gazetteer):
    cache = {}

    def get(theatre):
        if theatre not in cache:
            cache[theatre] = build_context(gazetteer=gazetteer, theatre=theatre)
        return cache[theatre]

    return get


def attributions(ctx, text, **kw):
    """The attribution of every sentence of ``text``, in order."""
    doc = parse(text, ctx.lang)
    found = [attribute(doc, sent, ctx, **kw) for sent in sentence_spans(doc)]
    for a in found:  # the offsets point at the source as written
        assert a.source is None or doc.text[a.start : a.end] == a.source
    return found


CASES = [
    # theatre, dispatch (the last sentence is the one asked about), source, claimed_by
    (
        "syria_iraq",
        "Les forces du régime ont repris mardi le contrôle de Palmyre, selon l'Observatoire "
        "syrien des droits de l'Homme (OSDH).",
        "l'Observatoire syrien des droits de l'Homme (OSDH)",
        None,
    ),
    (
        "syria_iraq",
        "D'après l'agence officielle Sana, l'armée a pris le village de Tal Bira.",
        "l'agence officielle Sana",
        "government",
    ),
    (
        "syria_iraq",
        "L'armée syrienne est entrée dans Alep-Est, a annoncé une source militaire syrienne.",
        "une source militaire syrienne",
        "government",
    ),
    (
        "syria_iraq",
        "Selon des militants, l'EI a été chassé de Manbij.",
        "des militants",
        None,
    ),
    (
        "syria_iraq",
        "Les rebelles contrôlent toujours la ville, de source militaire.",
        "source militaire",
        None,
    ),
    ("syria_iraq", "Les FDS ont annoncé la prise de Tabqa.", "Les FDS", "sdf"),
    (
        "ukraine",
        "Le ministère russe de la Défense a affirmé que ses troupes avaient pris Avdiïvka.",
        "Le ministère russe de la Défense",
        "russia",
    ),
    (
        "ukraine",
        "L'état-major ukrainien a indiqué dimanche que ses troupes avaient avancé près de "
        "Klichtchiivka.",
        "L'état-major ukrainien",
        "ukraine",
    ),
    (
        "ukraine",
        "Selon l'Institut pour l'étude de la guerre (ISW), les Russes ont progressé vers Pokrovsk.",
        "l'Institut pour l'étude de la guerre (ISW)",
        None,
    ),
    ("ukraine", "Le Kremlin a revendiqué la prise de Soledar.", "Le Kremlin", "russia"),
    ("ukraine", "Moscou affirme avoir repris Robotyne.", "Moscou", "russia"),
    ("karabakh", "Bakou a revendiqué la prise de Choucha.", "Bakou", "azerbaijan"),
    (
        "karabakh",
        "Selon Erevan, les forces arméniennes tiennent toujours Latchine.",
        "Erevan",
        "armenia",
    ),
    (
        "karabakh",
        "D'après le ministère azerbaïdjanais de la Défense, l'armée a repris Fizouli.",
        "le ministère azerbaïdjanais de la Défense",
        "azerbaijan",
    ),
    ("sahel", "L'armée malienne a annoncé avoir repris Kidal.", "L'armée malienne", "mali"),
    (
        "sahel",
        "Les jihadistes se sont emparés de Konna, ont rapporté des habitants.",
        "des habitants",
        None,
    ),
    ("sahel", "Les FAMa ont repris Anéfis, selon la Minusma.", "la Minusma", None),
    (
        "libya",
        "Les forces du GNA ont repris Gharyan, a annoncé leur porte-parole.",
        "leur porte-parole",
        "gna",
    ),
    (
        "yemen",
        "Les Houthis ont pris Marib, selon la chaîne Al-Masirah.",
        "la chaîne Al-Masirah",
        "houthis",
    ),
    (
        "yemen",
        "Selon la coalition menée par Ryad, les rebelles ont été repoussés de Hodeida.",
        "la coalition menée par Ryad",
        "coalition",
    ),
    (
        "yemen",
        "Les forces gouvernementales ont repris Aden, d'après des sources de sécurité.",
        "des sources de sécurité",
        None,
    ),
]


@pytest.mark.parametrize(
    ("theatre", "text", "source", "claimed_by"), CASES, ids=[c[2] for c in CASES]
)
def test_the_source_is_quoted_as_written_with_the_side_it_speaks_for(
    contexts, theatre, text, source, claimed_by
):
    found = attributions(contexts(theatre), text)[-1]
    assert (found.source, found.claimed_by) == (source, claimed_by)


def test_a_sentence_naming_nobody_has_no_source(contexts):
    ctx = contexts("syria_iraq")
    assert attributions(ctx, "Les jihadistes ont attaqué Deir Ezzor mardi.") == [UNATTRIBUTED]
    # a verb of speech in a relative clause says nothing of the sentence's own claim
    (found,) = attributions(
        ctx, "L'armée a repris la ville dont le groupe avait revendiqué la conquête."
    )
    assert found.source is None


def test_a_pronoun_speaker_is_the_one_named_before_it_in_the_paragraph(contexts):
    ctx = contexts("ukraine")
    text = (
        "Les forces ukrainiennes se sont retirées de Bakhmout, a déclaré le général Syrsky. "
        "Elles ont pris position plus à l'ouest, a-t-il précisé."
    )
    first, second = attributions(ctx, text)
    assert first.source == second.source == "le général Syrsky"
    assert second.start == first.start  # the offsets point at the earlier sentence


def test_a_quoted_or_conditional_report_carries_its_source_on(contexts):
    ctx = contexts("syria_iraq")
    text = (
        "Le porte-parole des FDS, Talal Sello, a affirmé que ses forces avaient atteint Raqa. "
        "« Nous contrôlons la moitié de la ville », a-t-il ajouté. "
        "Les jihadistes auraient fui vers le sud. "
        "L'EI avait pris la ville en 2014."
    )
    said, quoted, conditional, asserted = attributions(ctx, text)
    # a title keeps the name in apposition to it
    assert (
        said.source
        == quoted.source
        == conditional.source
        == ("Le porte-parole des FDS, Talal Sello")
    )
    assert said.claimed_by == quoted.claimed_by == conditional.claimed_by == "sdf"
    assert asserted == UNATTRIBUTED  # the journalist's own background, not the FDS'


SPEECH_CASES = [
    # theatre, dispatch (the last sentence is the one asked about), source
    # inverted after a quote, the place it was said not part of the source
    (
        "sahel",
        "« Tombouctou est libre », a affirmé l’armée française dans un communiqué.",
        "l’armée française",
    ),
    # periphrases of speech
    (
        "karabakh",
        "Par ailleurs, les autorités de Stepanakert ont fait savoir que des obus "
        "étaient tombés sur Martouni.",
        "les autorités de Stepanakert",
    ),
    (
        "ukraine",
        "Jeudi, plus tard dans la soirée, l'état-major a fait état de la reprise de "
        "Kreminna, au nord de Lyssytchansk.",
        "l'état-major",
    ),
    (
        "sahel",
        "Les militaires ont abandonné Ménaka, a fait savoir mardi une source locale.",
        "une source locale",
    ),
    # verbs of speech the pack did not know
    (
        "syria_iraq",
        "Fatima Ahmed, qui parle au nom des FDS, a évoqué des combats acharnés près de Hajine.",
        "Fatima Ahmed",
    ),
    (
        "ukraine",
        "Kramatorsk est menacée par les troupes russes, a dénoncé lundi Pavlo "
        "Kyrylenko, le gouverneur régional.",
        "Pavlo Kyrylenko",
    ),
    # the pluperfect, an adverb inside the verb group, a parser that misplaces the clause
    (
        "syria_iraq",
        "La veille, des factions rebelles soutenues par Ankara avaient assuré "
        "avoir pris Tal Abyad aux FDS.",
        "des factions rebelles soutenues par Ankara",
    ),
    (
        "yemen",
        "L’armée yéménite avait d’abord affirmé avoir chassé les Houthis de Mokha.",
        "L’armée yéménite",
    ),
    # inverted after a quote or a clause, with a date, a time of day or a phrase between
    (
        "ukraine",
        "« Nos troupes ont libéré Pisky », a déclaré dans la soirée le ministère "
        "russe de la Défense.",
        "le ministère russe de la Défense",
    ),
    (
        "yemen",
        "Les Houthis ont pris deux collines près de Sirwah, a affirmé jeudi une source "
        "au sein des forces loyalistes.",
        "une source au sein des forces loyalistes",
    ),
    (
        "sahel",
        "Cinq soldats ont été tués à Ménaka, ont dit à l'AFP en fin de journée des "
        "responsables de l'armée malienne.",
        "des responsables de l'armée malienne",
    ),
    (
        "ukraine",
        "« Kharkiv tient bon », a écrit sur Telegram le ministère ukrainien de la "
        "Défense, qui a appelé les habitants au calme.",
        "le ministère ukrainien de la Défense",
    ),
    # a subject, its apposition and an incise before the verb
    (
        "sahel",
        "Devant la presse, le général Pierre Schill, chef d'état-major de l'armée de "
        "Terre, a décrit ainsi l'avancée vers Kidal.",
        "le général Pierre Schill",
    ),
    (
        "libya",
        "Dans un discours, Abdelhamid Dbeibah, chef du GNU — le gouvernement qui siège à "
        "Tripoli —, a mis en garde contre une attaque sur Syrte.",
        "Abdelhamid Dbeibah",
    ),
    # "pour X, ...": an opinion holder named or titled, not "pour la première fois"
    (
        "ukraine",
        "Pour Mykola Bielieskov, analyste ukrainien, perdre Vouhledar couperait une "
        "route essentielle.",
        "Mykola Bielieskov",
    ),
    # a name and its title in apposition, on either side: the whole, which holds the name
    (
        "libya",
        "« Syrte est à nous », selon le porte-parole de l'ANL, Ahmed al-Mesmari, joint "
        "par téléphone.",
        "le porte-parole de l'ANL, Ahmed al-Mesmari",
    ),
    # an incise of speech between the subject and its verb
    (
        "ukraine",
        "Les forces russes, a affirmé mardi l'état-major ukrainien, se sont retirées de Lyman.",
        "l'état-major ukrainien",
    ),
    (
        "yemen",
        "Les Houthis, a indiqué une source militaire, ont pris le mont Hailan.",
        "une source militaire",
    ),
    # the sources of a speaker described in a relative clause are not the speaker
    (
        "syria_iraq",
        "L'OSDH, qui s'appuie sur un réseau de sources militaires et médicales, a indiqué "
        "que l'armée avait repris Qousseir.",
        "L'OSDH",
    ),
    # the outlet relaying a speaker is not the source when the speaker is named
    (
        "sahel",
        "« Le camp de Boni est repris », a indiqué le commandant Souleymane Traoré, "
        "cité par l'AFP.",
        "le commandant Souleymane Traoré",
    ),
]


@pytest.mark.parametrize(
    ("theatre", "text", "source"), SPEECH_CASES, ids=[c[2] for c in SPEECH_CASES]
)
def test_the_speaker_of_a_verb_or_periphrasis_of_speech(contexts, theatre, text, source):
    assert attributions(contexts(theatre), text)[-1].source == source


def test_a_name_before_its_title_is_kept_with_it(contexts):
    # whether the parser takes the name or its title for the subject, the name is in the source
    ctx = contexts("yemen")
    for text in (
        "Dans la soirée, Saba, l'agence aux mains des rebelles, avait fait état de raids "
        "sur Sanaa.",
        "En outre, Al-Masirah, la chaîne de télévision des Houthis, a fait état de frappes sur "
        "Marib.",
    ):
        source = attributions(ctx, text)[-1].source
        assert source is not None and ("Saba" in source or "Al-Masirah" in source)


def test_a_subject_of_punctuation_only_names_no_one_and_does_not_crash(contexts):
    # the parser may make a quote mark the subject of a verb of speech: its phrase is empty
    from spacy.tokens import Doc

    ctx = contexts("sahel")
    nlp_vocab = parse("x", ctx.lang).vocab
    words = ["«", "Gao", "est", "libre", "»", ",", "a", "affirmé", "hier", "."]
    doc = Doc(
        nlp_vocab,
        words=words,
        spaces=[True, True, True, False, False, True, True, True, False, False],
        pos=["NOUN", "PROPN", "AUX", "ADJ", "PUNCT", "PUNCT", "AUX", "VERB", "ADV", "PUNCT"],
        deps=["nsubj", "nsubj", "cop", "ccomp", "punct", "punct", "aux:tense", "ROOT"]
        + ["advmod", "punct"],
        heads=[7, 3, 3, 7, 3, 7, 7, 7, 7, 7],
        lemmas=["«", "Gao", "être", "libre", "»", ",", "avoir", "affirmer", "hier", "."],
    )
    assert attribute(doc, sentence_spans(doc)[0], ctx) == UNATTRIBUTED


def test_an_opinion_lead_needs_a_name_or_a_speaker(contexts):
    ctx = contexts("ukraine")
    (found,) = attributions(ctx, "Pour la première fois, les Russes ont frappé Lviv.")
    assert found.source is None
    (found,) = attributions(ctx, "Les forces ont poursuivi leur offensive vers Koupiansk.")
    assert found.source is None  # "poursuivre" reports speech only inverted


def test_a_quotation_spanning_sentences_takes_the_speaker_where_it_closes(contexts):
    ctx = contexts("sahel")
    text = (
        "« Les combats les plus durs ont eu lieu à Boulkessi. "
        "Les terroristes ont fui », a déclaré le capitaine Ibrahim Touré."
    )
    first, second = attributions(ctx, text)
    assert first.source == second.source == "le capitaine Ibrahim Touré"


def test_an_anaphoric_speaker_resolves_across_a_paragraph(contexts):
    ctx = contexts("yemen")
    text = (
        "Les Houthis ont repris Harib, a affirmé mardi un officier loyaliste.\n"
        "« Nous avons reculé vers Marib », explique la source à l'AFP.\n"
        "Des dizaines de combattants ont péri, a poursuivi la source.\n"
        "Abdo Majali, porte-parole militaire, a déclaré que Marib tenait.\n"
        "« La bataille continue », a-t-il affirmé."
    )
    sources = [a.source for a in attributions(ctx, text)]
    assert sources == ["un officier loyaliste"] * 3 + ["Abdo Majali"] * 2
    # across a paragraph that names nobody, still the last named; too far back, nobody
    near = "Les Houthis ont repris Harib, a affirmé un officier.\nLa ville est détruite.\n"
    tail = "Des civils ont fui, a poursuivi la source."
    assert attributions(ctx, near + tail)[-1].source == "un officier"
    far = near + "Les écoles sont fermées.\nLes routes sont coupées.\n"
    assert attributions(ctx, far + tail)[-1].source is None


def test_selon_lui_is_the_person_named_before(contexts):
    ctx = contexts("libya")
    text = (
        "Vendredi, dans un discours, Khalifa Haftar a mis en garde contre une guerre longue.\n"
        "Selon lui, ses troupes sont aux portes de Misrata."
    )
    assert [a.source for a in attributions(ctx, text)] == ["Khalifa Haftar"] * 2


def test_a_sentence_referring_back_carries_the_report_on(contexts):
    ctx = contexts("ukraine")
    text = (
        "Selon l'état-major ukrainien, les troupes ont repris Kupiansk. "
        "Cette avancée suit d'autres gains près d'Izioum. "
        "Les Russes y ont perdu des blindés."
    )
    assert [a.source for a in attributions(ctx, text)] == ["l'état-major ukrainien"] * 3


def test_a_report_does_not_carry_across_paragraphs_or_an_asserted_sentence(contexts):
    ctx = contexts("syria_iraq")
    across = attributions(
        ctx, "Selon l'OSDH, l'armée a repris Palmyre.\nLes jihadistes auraient fui."
    )
    assert [a.source for a in across] == ["l'OSDH", None]
    broken = attributions(
        ctx,
        "Selon l'OSDH, l'armée a repris Palmyre. Les combats ont fait vingt morts. "
        "Les jihadistes auraient fui.",
    )
    assert [a.source for a in broken] == ["l'OSDH", None, None]


def test_a_given_paragraph_bounds_the_carry_over(contexts):
    ctx = contexts("syria_iraq")
    text = "Selon l'OSDH, l'armée a repris Palmyre. Les jihadistes auraient fui."
    doc = parse(text, ctx.lang)
    second = sentence_spans(doc)[1]
    assert attribute(doc, second, ctx).source == "l'OSDH"
    assert (
        attribute(doc, second, ctx, paragraph=(second.start_char, second.end_char)).source is None
    )


def test_the_army_as_a_source_is_the_army_of_the_events_country(contexts, gazetteer):
    ctx = contexts("syria_iraq")
    text = "L'armée a annoncé avoir repris Palmyre."
    palmyre = gazetteer.lookup("Palmyre", country="SY")[0].place
    assert attributions(ctx, text)[0].claimed_by is None  # no place: no guess
    assert attributions(ctx, text, where=palmyre)[0].claimed_by == "government"


def test_a_capital_speaking_about_a_strike_on_itself_is_still_its_government(contexts, gazetteer):
    ctx = contexts("ukraine")
    kyiv = gazetteer.lookup("Kiev", country="UA")[0].place
    (found,) = attributions(
        ctx, "Selon Kiev, les missiles russes ont frappé la capitale.", where=kyiv
    )
    assert (found.source, found.claimed_by) == ("Kiev", "ukraine")


def test_a_side_named_for_a_period_only_speaks_for_it_then(contexts):
    ctx = contexts("libya")
    text = "Selon l'ANL, ses forces ont pris Syrte."
    (later,) = attributions(ctx, text, date=dt.date(2020, 1, 6))
    assert (later.source, later.claimed_by) == ("l'ANL", "lna")


def test_the_speakers_of_a_profile_are_data(tmp_path):
    base = load_profile("syria_iraq")
    assert base.find_speaker("l'OSDH").side is None
    assert base.find_speaker("la télévision officielle syrienne").side == "government"
    text = (
        base.path.read_text(encoding="utf-8") + '\n[[speakers]]\nnames = ["X"]\nside = "nobody"\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TheatreProfileError, match=r"speakers\[8\]\.side.*'nobody'"):
        load_profile(bad)


def test_the_finding_is_cached_per_sentence(contexts):
    ctx = contexts("syria_iraq")
    doc = parse("Selon l'OSDH, l'armée a repris Palmyre et Qaryatayn.", ctx.lang)
    sent = sentence_spans(doc)[0]
    first = attribute(doc, sent, ctx)
    assert attribute(doc, sent, ctx) == first
    record = Sentence(sent.start_char, sent.end_char, sent.text)  # as an Observation's stage has it
    assert attribute(doc, record, ctx) == first
    assert len(doc.user_data["geo.attribution"]) == 1


# --- records, export, timeline and maps ------------------------------------------------

KHERSON = ("geonames:706448", 32.617, 46.655)


def obs(relation, side, day, *, source=None, claimed_by=None, article=None):
    place_id, lon, lat = KHERSON
    return Observation(
        article_id=article or f"a-{day}",
        evidence=f"{side} {relation} Kherson, selon {source}",
        relation=relation,
        actor=side,
        side=side,
        place_id=place_id,
        place="Kherson",
        lon=lon,
        lat=lat,
        uncertainty_km=5.0,
        geometry=Point(lon, lat),
        date=day,
        date_precision="day",
        confidence=0.8,
        source=source,
        claimed_by=claimed_by,
    )


MOD = "le ministère russe de la Défense"
D = dt.date


def test_observations_geojson_carries_source_and_claimed_by():
    collection = observations_collection(
        [
            obs("captured", "russia", D(2022, 3, 2), source=MOD, claimed_by="russia"),
            obs("controls", "russia", D(2022, 3, 3)),
        ]
    )
    props = [f["properties"] for f in json.loads(json.dumps(collection))["features"]]
    assert [(p["source"], p["claimed_by"]) for p in props] == [(MOD, "russia"), (None, None)]


def test_a_holder_resting_on_its_own_claim_only_is_claimed_only():
    own = obs("captured", "russia", D(2022, 3, 2), source=MOD, claimed_by="russia")
    (state,) = control_at([own], D(2022, 3, 10))
    assert (state.side, state.claimed_only, state.source) == ("russia", True, MOD)
    feature = control_collection([state])["features"][0]["properties"]
    assert feature["claimed_only"] is True and feature["source"] == MOD


def test_an_independent_or_unattributed_report_makes_it_assessed():
    own = obs("captured", "russia", D(2022, 3, 2), source=MOD, claimed_by="russia")
    isw = obs("controls", "russia", D(2022, 3, 2), source="l'ISW", article="isw")
    (state,) = control_at([own, isw], D(2022, 3, 10))
    assert (state.side, state.claimed_only) == ("russia", False)
    plain = obs("captured", "russia", D(2022, 3, 2))
    assert control_at([plain], D(2022, 3, 10))[0].claimed_only is False


def test_a_sides_claim_that_the_enemy_withdrew_is_still_its_own_claim():
    left = obs("withdrew", "ukraine", D(2022, 3, 2), source=MOD, claimed_by="russia")
    there = obs("positioned", "russia", D(2022, 3, 2), source=MOD, claimed_by="russia")
    (state,) = control_at([left, there], D(2022, 3, 10))
    assert (state.side, state.claimed_only) == ("russia", True)
    admitted = obs("withdrew", "ukraine", D(2022, 3, 2), source="Kiev", claimed_by="ukraine")
    (state,) = control_at([admitted, there], D(2022, 3, 10))
    assert (state.side, state.claimed_only) == ("russia", False)  # the loser admits it


def test_an_independent_confirmation_gets_a_snapshot_of_its_own():
    own = obs("captured", "russia", D(2022, 3, 2), source=MOD, claimed_by="russia")
    isw = obs("controls", "russia", D(2022, 3, 2), source="l'ISW", article="isw")
    later = obs("controls", "russia", D(2022, 3, 9), source="l'ISW", article="isw2")
    assert snapshot_dates([own, later]) == [D(2022, 3, 2), D(2022, 3, 9)]
    assert [s.claimed_only for s in control_at([own, isw], D(2022, 3, 2))] == [False]


def _popup(elements):
    return "".join(
        child.html_js
        for e in elements
        for child in e._children.values()
        if hasattr(child, "html_js")
    )


def test_popups_show_who_says_so_escaped():
    profile = load_profile("ukraine")
    hostile = "<script>alert(1)</script> l'agence Tass"
    claim = obs("captured", "russia", D(2022, 3, 2), source=hostile, claimed_by="russia")
    popup = _popup(observation_elements(claim, profile=profile))
    assert "Source" in popup and "Claimed by" in popup and profile.sides["russia"].label in popup
    assert "<script>" not in popup and "\\u003cscript" not in popup  # escaped before HTML
    assert "&amp;lt;script&amp;gt;" in popup or "\\u0026lt;script\\u0026gt;" in popup
    (state,) = control_at([claim], D(2022, 3, 10))
    place = _popup(place_elements(state, profile=profile))
    assert "Claimed only" in place and "own claims" in place
    marker = place_elements(state, profile=profile)[0]
    assert "geo-claimed" in marker.options["className"]


@pytest.mark.parametrize(
    ("theatre", "text", "source", "claimed_by"),
    [
        (
            "ukraine",
            "Nous avons frappé Koupiansk, a affirmé Igor Konachenkov, qui s'exprimait pour le "
            "ministère russe de la Défense.",
            "Igor Konachenkov",
            "russia",
        ),
        (
            "libya",
            "Nos forces ont repris Gharyan, a déclaré Ahmed al-Mismari, porte-parole de l'ANL.",
            "Ahmed al-Mismari",
            "lna",
        ),
        (
            "sahel",
            "Les jihadistes ont fui Konna, a indiqué Jean Dupont, un habitant de la ville.",
            "Jean Dupont",
            None,
        ),
    ],
)
def test_a_person_named_alone_speaks_for_what_describes_them(
    contexts, theatre, text, source, claimed_by
):
    """A spokesman named by name only: his side is the one of the apposition or relative
    clause that says whom he speaks for; a resident speaks for nobody."""
    found = attributions(contexts(theatre), text, date=dt.date(2020, 6, 1))[-1]
    assert (found.source, found.claimed_by) == (source, claimed_by)


@pytest.mark.parametrize(
    ("theatre", "text", "source"),
    [
        (
            "sahel",
            "« Konna est de nouveau sous notre contrôle », a affirmé l’armée malienne dans un "
            "communiqué.",
            "l’armée malienne",
        ),
        (
            "libya",
            "L’ANL a perdu la base d’Al-Watiya, a annoncé lundi l’agence officielle du GNA.",
            "l’agence officielle du GNA",
        ),
    ],
)
def test_a_source_written_with_the_typographic_apostrophe_is_read_whole(
    contexts, theatre, text, source
):
    """ "l’armée" (U+2019): the parser reads it as "l'armée" and the source is quoted as
    written, apostrophe and all."""
    assert attributions(contexts(theatre), text)[-1].source == source


@pytest.mark.parametrize(
    ("theatre", "text", "wrong"),
    [
        (
            "sahel",
            "« Le détachement de Boni a subi une attaque », a indiqué mardi 12 mars le ministère.",
            "12",
        ),
        (
            "ukraine",
            "L'armée ukrainienne a repris Koupiansk et enverra des renforts selon les besoins.",
            "les besoins",
        ),
        (
            "ukraine",
            "Sur Telegram, l'état-major ukrainien a fait état de combats près de Lyman.",
            "Sur Telegram",
        ),
    ],
)
def test_what_is_not_the_speaker_around_a_verb_of_speech(contexts, theatre, text, wrong):
    """A date between the verb and its inverted subject ("a indiqué mardi 12 mars le
    ministère"), a "selon" of what something depends on ("selon les besoins") and a phrase
    opening the clause ("Sur Telegram,") are none of them who says so."""
    source = attributions(contexts(theatre), text)[-1].source
    assert source is None or wrong not in source
