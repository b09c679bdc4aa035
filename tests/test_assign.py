"""Which war an article is about under ``--theatre auto``, in sentences of my own."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.pipeline import resolve_article
from geo.records import Article


@pytest.fixture(scope="module")
def auto(gazetteer):
    from geo.context import build_context

    return build_context(gazetteer=gazetteer, theatre="auto")


def _choose(nlp, ctx, text: str, date=dt.date(2020, 6, 1)):
    choice, mentions, _ = resolve_article(Article("t", date, "day", text), nlp(text), ctx)
    return choice, {m.surface: m for m in mentions}


@pytest.mark.parametrize(
    ("text", "theatre"),
    [
        ("Les combats se poursuivent à Bakhmout et à Kramatorsk, dans le Donbass.", "ukraine"),
        ("Des jihadistes ont attaqué un poste de l'armée près de Ménaka et de Gao.", "sahel"),
        ("Les forces de l'Est se sont retirées de Syrte vers Benghazi.", "libya"),
        ("Les Houthis ont tiré des missiles sur Marib et sur Aden.", "yemen"),
        ("Des obus sont tombés sur Stepanakert et sur Choucha cette nuit.", "karabakh"),
        ("Les FDS ont repris Raqa et progressent vers Deir Ezzor.", "syria_iraq"),
    ],
)
def test_an_article_gets_the_war_whose_countries_hold_its_places(nlp, auto, text, theatre):
    choice, _ = _choose(nlp, auto, text)
    assert choice.profile.id == theatre
    assert choice.reason.startswith("auto: ")


def test_the_same_name_resolves_in_the_war_of_the_article(nlp, auto):
    _, libyan = _choose(nlp, auto, "Les forces de Haftar marchent sur Tripoli depuis Gharyan.")
    _, lebanese = _choose(
        nlp, auto, "A Tripoli, deuxième ville du Liban, des heurts ont éclaté près de Beyrouth."
    )
    assert libyan["Tripoli"].place.country_code == "LY"
    assert lebanese["Tripoli"].place.country_code == "LB"


def test_an_article_no_war_covers_gets_the_generic_profile_and_says_why(nlp, auto):
    choice, _ = _choose(nlp, auto, "L'armée soudanaise a repris Omdourman, près de Khartoum.")
    assert choice.profile is auto.generic
    assert "SD" in choice.reason and "generic" in choice.reason


def test_governments_named_acting_decide_when_no_war_holds_the_places(nlp, auto):
    text = "La région est passée sous le contrôle de Bakou après l'offensive."
    choice, _ = _choose(nlp, auto, text)
    assert choice.profile.id == "karabakh"
    assert "governments named" in choice.reason


def test_nagorno_karabakh_is_a_place_of_its_war(nlp, auto):
    choice, found = _choose(nlp, auto, "Le Haut-Karabakh est passé sous le contrôle de Bakou.")
    assert choice.profile.id == "karabakh"
    assert found["Haut-Karabakh"].place.country_code == "AZ"  # not the Iranian village Qarābā


def test_governments_of_mediators_alone_make_no_war(nlp, auto):
    choice, _ = _choose(nlp, auto, "Les négociations de Genève ont échoué, selon Moscou et Paris.")
    assert choice.profile is auto.generic


def test_a_war_out_of_its_period_counts_for_less(nlp, auto):
    """Nagorno-Karabakh's profile ends in 2023: a dispatch of 2030 about Stepanakert and a
    Libyan town still goes by its places, but an even split now favours the war in period."""
    text = "Des délégués de Stepanakert et de Misrata se sont réunis."
    choice, _ = _choose(nlp, auto, text, date=dt.date(2030, 1, 1))
    assert choice.profile.id == "libya"
