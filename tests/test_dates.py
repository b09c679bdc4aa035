"""Dates in French dispatches, resolved against the article date (geo/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.dates import dateline_conflict, find_dates, resolve_date
from geo.lang.fr.dates import MONTHS, WEEKDAYS

FRIDAY = dt.date(2016, 3, 25)  # day-precision article date: a Friday
FEB_2017 = dt.date(2017, 2, 1)  # month-precision article date (seed 002)
FEB_2022 = dt.date(2022, 2, 1)  # month-precision article date (seed 004)


def _one(lang, expression, anchor=FRIDAY, precision="day", tense="past"):
    found = resolve_date(expression, lang=lang, anchor=anchor, precision=precision, tense=tense)
    assert found is not None, expression
    return found.date.isoformat(), found.precision, found.since


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("hier", ("2016-03-24", "day", False)),
        ("avant-hier", ("2016-03-23", "day", False)),
        ("aujourd'hui", ("2016-03-25", "day", False)),
        ("jeudi", ("2016-03-24", "day", False)),
        ("jeudi soir", ("2016-03-24", "day", False)),
        ("dimanche", ("2016-03-20", "day", False)),
        ("vendredi", ("2016-03-25", "day", False)),  # the article's own day
        ("vendredi dernier", ("2016-03-18", "day", False)),
        ("depuis mardi", ("2016-03-22", "day", True)),
        ("il y a trois jours", ("2016-03-22", "day", False)),
        ("il y a deux semaines", ("2016-03-11", "day", False)),
        ("il y a près d'un an", ("2015-03-01", "month", False)),
        ("ces dernières 24 heures", ("2016-03-25", "day", False)),
        ("le 7 mars", ("2016-03-07", "day", False)),
        ("le 1er janvier", ("2016-01-01", "day", False)),
        ("depuis le 27 février", ("2016-02-27", "day", True)),
        ("le 7 avril", ("2015-04-07", "day", False)),  # past tense: not a date to come
        ("fin février", ("2016-02-25", "month", False)),
        ("à la mi-janvier", ("2016-01-15", "month", False)),
        ("début décembre", ("2015-12-05", "month", False)),
        ("en mai 2015", ("2015-05-01", "month", False)),
        ("fin septembre 2015", ("2015-09-25", "month", False)),
        ("le 7 mars 2015", ("2015-03-07", "day", False)),
        ("depuis le 14 juillet 2012", ("2012-07-14", "day", True)),
        ("en 2013", ("2013-01-01", "year", False)),
        ("depuis 2014", ("2014-01-01", "year", True)),
        ("depuis avril dernier", ("2015-04-01", "month", True)),
        ("depuis le mois de décembre", ("2015-12-01", "month", True)),
        ("depuis un mois", ("2016-02-01", "month", True)),
    ],
)
def test_expressions_against_a_day_precision_article(lang, expression, expected):
    assert _one(lang, expression) == expected


def test_weekday_in_a_month_precision_article_keeps_month_precision(lang):
    assert _one(lang, "dimanche", FEB_2022, "month") == ("2022-02-01", "month", False)
    assert _one(lang, "hier", FEB_2022, "month") == ("2022-02-01", "month", False)


def test_year_of_a_day_without_year_follows_the_tense(lang):
    # A past "le 7 mars" in a February article is last year's; a future one is next month.
    assert _one(lang, "le 7 mars", FEB_2022, "month", "past")[0] == "2021-03-07"
    assert _one(lang, "le 7 mars", FEB_2022, "month", "future")[0] == "2022-03-07"
    # Within the article's own month the year is the article's, whatever the tense.
    assert _one(lang, "le 7 février", FEB_2017, "month", "past")[0] == "2017-02-07"
    assert _one(lang, "le 23 février", FEB_2017, "month", "future")[0] == "2017-02-23"
    # Present tense takes the nearest: April is nearer ahead than behind a January article.
    assert _one(lang, "le 13 avril", dt.date(2022, 1, 1), "month", "present")[0] == "2022-04-13"
    # "prochain" overrides the tense of the clause.
    assert _one(lang, "en mars prochain", FEB_2017, "month", "past")[0] == "2017-03-01"


def test_dates_of_a_seed_sentence_are_found_with_their_offsets(lang):
    text = (
        "Selon des sources concordantes, moins de 20 km séparent désormais les troupes "
        "syriennes de Palmyre, joyau du désert syrien entre les mains de Daech depuis le mois "
        "de décembre. Depuis le 7 février, l'armée a repris 22 km²."
    )
    found = find_dates(text, lang=lang, anchor=FEB_2017, precision="month")
    assert [(m.surface, m.date.isoformat(), m.since) for m in found] == [
        ("depuis le mois de décembre", "2016-12-01", True),
        ("Depuis le 7 février", "2017-02-07", True),
    ]
    assert all(text[m.start : m.end] == m.surface for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "En 20 jours de combats, 400 jihadistes sont morts",  # a length, not a date
        "la planète Mars",  # a bare month name
        "le 31 février",  # no such day
        "plus de 270.000 morts en cinq ans",
        "2015 morts et 300 blessés",
    ],
)
def test_things_that_are_not_dates(lang, text):
    assert find_dates(text, lang=lang, anchor=FRIDAY, precision="day") == []


def test_resolve_date_wants_the_whole_expression(lang):
    assert resolve_date("hier soir à Alep", lang=lang, anchor=FRIDAY, precision="day") is None
    assert resolve_date("  hier ", lang=lang, anchor=FRIDAY, precision="day") is not None


_anchors = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@given(anchor=_anchors, month=st.sampled_from(sorted(MONTHS)), day=st.integers(1, 28))
def test_past_days_never_fall_after_the_article_nor_a_year_before_it(lang, anchor, month, day):
    found = resolve_date(f"le {day} {month}", lang=lang, anchor=anchor, precision="day")
    assert found is not None
    assert anchor - dt.timedelta(days=366) < found.date <= anchor


@given(anchor=_anchors, month=st.sampled_from(sorted(MONTHS)), day=st.integers(1, 28))
def test_future_days_never_fall_before_the_article_month(lang, anchor, month, day):
    found = resolve_date(
        f"le {day} {month}", lang=lang, anchor=anchor, precision="month", tense="future"
    )
    assert found is not None
    assert anchor.replace(day=1) <= found.date < anchor.replace(day=1) + dt.timedelta(days=366)


@given(anchor=_anchors, weekday=st.sampled_from(sorted(WEEKDAYS)))
def test_a_weekday_is_the_most_recent_such_day(lang, anchor, weekday):
    found = resolve_date(weekday, lang=lang, anchor=anchor, precision="day")
    assert found is not None
    assert found.date.weekday() == WEEKDAYS[weekday]
    assert 0 <= (anchor - found.date).days < 7


# -- offsets: "neuf mois après", "deux jours plus tard", "la veille" ----------------------

MAR_2016 = dt.date(2016, 3, 1)  # month-precision article date


def _dated(lang, text, anchor=FRIDAY, precision="day", **kwargs):
    found = find_dates(text, lang=lang, anchor=anchor, precision=precision, **kwargs)
    return [(m.surface, m.date.isoformat(), m.precision) for m in found]


@pytest.mark.parametrize(
    ("text", "offset", "expected", "article_date"),
    [
        # Syria: Palmyre taken back by the EI in December 2016, nine months after its loss.
        (
            "Chassé de Palmyre le 27 mars 2016, l'EI y est revenu neuf mois après, en décembre.",
            "neuf mois après",
            ("2016-12-01", "month"),
            dt.date(2017, 1, 5),
        ),
        # Ukraine: Kherson retaken on 11 November 2022, the Dnipro bridges blown two days before.
        (
            "L'armée ukrainienne est entrée dans Kherson le 11 novembre 2022 ; deux jours "
            "auparavant, les ponts sur le Dniepr avaient sauté.",
            "deux jours auparavant",
            ("2022-11-09", "day"),
            dt.date(2022, 11, 14),
        ),
        # Sahel: Gao retaken on 26 January 2013, Tombouctou entered the day after.
        (
            "Les soldats français et maliens ont repris Gao le 26 janvier 2013 et sont entrés "
            "dans Tombouctou le lendemain.",
            "le lendemain",
            ("2013-01-27", "day"),
            dt.date(2013, 1, 28),
        ),
        # Libya: Syrte taken by the GNA in December 2016, a year after the EI had settled there.
        (
            "Les forces du GNA ont repris Syrte en décembre 2016 ; un an plus tôt, l'EI en avait "
            "fait son fief.",
            "un an plus tôt",
            ("2015-12-01", "month"),
            dt.date(2016, 12, 20),
        ),
        # Nagorno-Karabakh: Chouchi fell on 8 November 2020, the ceasefire came two days later.
        (
            "Chouchi est tombée le 8 novembre 2020 et le cessez-le-feu a été signé deux jours "
            "plus tard.",
            "deux jours plus tard",
            ("2020-11-10", "day"),
            dt.date(2020, 11, 12),
        ),
        # Yemen: numbers written in words of two parts, read with text2num.
        (
            "Les Houthis sont entrés à Sanaa le 21 septembre 2014 ; vingt-cinq jours plus tard, "
            "ils tenaient Hodeida.",
            "vingt-cinq jours plus tard",
            ("2014-10-16", "day"),
            dt.date(2014, 10, 20),
        ),
        (
            "Le siège a commencé le 1er mars 2016 et a été levé quatre-vingts jours après.",
            "quatre-vingts jours après",
            ("2016-05-20", "day"),
            dt.date(2016, 6, 1),
        ),
        (
            "Assiégée depuis le 3 février 2016, la ville a été reprise 10 jours plus tard.",
            "10 jours plus tard",
            ("2016-02-13", "day"),
            dt.date(2016, 2, 20),
        ),
    ],
)
def test_an_offset_counts_from_the_date_the_sentence_gives_before_it(
    lang, text, offset, expected, article_date
):
    found = _dated(lang, text, article_date)
    dated = {surface: (date, precision) for surface, date, precision in found}
    assert dated[offset] == expected


def test_an_offset_opening_a_phrase_counts_from_the_date_of_that_phrase(lang):
    # The date of "la prise de Palmyre", not the article's, is what nine months follow.
    text = "Neuf mois après la prise de Palmyre en mars 2016, l'EI est revenu dans la ville."
    assert _dated(lang, text, FEB_2017, "month")[0] == ("Neuf mois après", "2016-12-01", "month")
    text = "La veille du 7 mars 2015, les jihadistes avaient fui Tikrit."
    assert _dated(lang, text)[0] == ("La veille", "2015-03-06", "day")
    # Here the point counted from ("avoir commis ceux de Paris") has no date: no date at all,
    # and certainly not four months after the article.
    text = (
        "l'EI a revendiqué les attentats de Bruxelles, quatre mois après avoir commis ceux de Paris"
    )
    assert [s for s, _, _ in _dated(lang, text, FEB_2022, "month")] == []


def test_an_offset_mention_says_which_date_it_counted_from(lang):
    text = "L'armée est entrée dans Kherson le 11 novembre 2022 ; la veille, les Russes ont fui."
    veille = find_dates(text, lang=lang, anchor=dt.date(2022, 11, 12), precision="day")[1]
    assert veille.surface == "la veille" and veille.reference == dt.date(2022, 11, 11)
    assert veille.date == dt.date(2022, 11, 10)
    # From the article date, no reference is named.
    alone = resolve_date("la veille", lang=lang, anchor=dt.date(2022, 11, 12), precision="day")
    assert alone is not None and alone.reference is None and alone.date.isoformat() == "2022-11-11"


def test_offsets_chain_from_one_to_the_next(lang):
    text = (
        "Le 3 mars 2016, l'EI a attaqué Palmyre ; deux jours plus tard, l'armée a contre-attaqué "
        "et le lendemain elle entrait dans la citadelle."
    )
    assert _dated(lang, text)[1:] == [
        ("deux jours plus tard", "2016-03-05", "day"),
        ("le lendemain", "2016-03-06", "day"),
    ]


def test_an_offset_takes_the_date_the_previous_sentence_left_when_its_own_has_none(lang):
    # A caller reading sentence by sentence passes the date the story stands at.
    found = resolve_date(
        "Deux jours plus tard", lang=lang, anchor=FRIDAY, precision="day",
        reference=(dt.date(2016, 3, 3), "day"),
    )  # fmt: skip
    assert found is not None
    assert (found.date.isoformat(), found.precision, found.reference) == (
        "2016-03-05",
        "day",
        dt.date(2016, 3, 3),
    )


def test_an_offset_is_never_finer_than_the_date_it_counts_from(lang):
    # "en mars 2016" is a month: two days after it is somewhere in March, not 3 March.
    text = "Le régime a repris Palmyre en mars 2016 et deux jours plus tard Al-Qaryatayn."
    assert _dated(lang, text)[1] == ("deux jours plus tard", "2016-03-01", "month")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("trois semaines auparavant", ("2016-03-04", "day")),
        ("dix jours avant", ("2016-03-15", "day")),
        ("un an plus tôt", ("2015-03-01", "month")),
        ("la veille", ("2016-03-24", "day")),
    ],
)
def test_an_offset_back_with_nothing_to_count_from_counts_from_the_article(
    lang, expression, expected
):
    assert _one(lang, expression)[:2] == expected


@pytest.mark.parametrize(
    "expression",
    ["deux jours plus tard", "neuf mois après", "le lendemain", "quelques jours après"],
)
def test_a_past_offset_forward_from_the_article_date_is_no_date(lang, expression):
    # A dispatch cannot report as past what happened after it was written.
    assert resolve_date(expression, lang=lang, anchor=FRIDAY, precision="day") is None


def test_a_future_offset_forward_from_the_article_date_is_after_it(lang):
    assert _one(lang, "deux jours plus tard", tense="future")[:2] == ("2016-03-27", "day")
    assert _one(lang, "neuf mois après", tense="future")[:2] == ("2016-12-01", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raqa est tombée le 17 octobre 2017 et quelques jours après, Deir Ezzor.", "2017-10-01"),
        ("Le 24 février 2022, l'offensive a commencé ; plusieurs semaines plus tard, Marioupol "
         "était encerclée.", "2022-03-01"),
    ],
)  # fmt: skip
def test_a_count_that_names_no_figure_keeps_a_coarser_precision(lang, text, expected):
    assert _dated(lang, text, dt.date(2022, 12, 1))[-1][1:] == (expected, "month")


def test_an_offset_that_would_fall_after_the_dispatch_is_no_date(lang):
    # Counted from 24 March, "deux jours plus tard" is after this 25 March dispatch.
    text = "Le 24 mars, l'armée a attaqué et deux jours plus tard elle est entrée dans Palmyre."
    assert _dated(lang, text) == [("Le 24 mars", "2016-03-24", "day")]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("la semaine dernière", ("2016-03-17", "month")),  # the Thursday of the week before
        ("la semaine passée", ("2016-03-17", "month")),
        ("le mois dernier", ("2016-02-01", "month")),
        ("l'an dernier", ("2015-01-01", "year")),
        ("l'année dernière", ("2015-01-01", "year")),
        ("l’année passée", ("2015-01-01", "year")),  # a typographic apostrophe
        ("l'an prochain", ("2017-01-01", "year")),
        ("le mois prochain", ("2016-04-01", "month")),
    ],
)
def test_calendar_periods_are_named_against_the_article_date(lang, expression, expected):
    assert _one(lang, expression)[:2] == expected


def test_a_week_next_to_an_article_dated_to_the_month_is_that_month(lang):
    assert _one(lang, "la semaine dernière", MAR_2016, "month")[:2] == ("2016-03-01", "month")
    assert _one(lang, "le mois dernier", MAR_2016, "month")[:2] == ("2016-02-01", "month")


@given(
    start=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2029, 12, 31)),
    days=st.integers(1, 300),
)
def test_days_after_and_before_a_dated_event_are_exact(lang, start, days):
    anchor = dt.date(2030, 12, 31)
    reference = (start, "day")
    later = resolve_date(
        f"{days} jours plus tard", lang=lang, anchor=anchor, precision="day", reference=reference
    )
    earlier = resolve_date(
        f"{days} jours auparavant", lang=lang, anchor=anchor, precision="day", reference=reference
    )
    assert later is not None and later.date == start + dt.timedelta(days=days)
    assert earlier is not None and earlier.date == start - dt.timedelta(days=days)


def test_durations_ago_read_numbers_of_several_words(lang):
    assert _one(lang, "il y a vingt-cinq jours")[:2] == ("2016-02-29", "day")
    assert _one(lang, "depuis trente et un jours")[:2] == ("2016-02-23", "day")


# -- a dateline the text contradicts ------------------------------------------------------


def test_a_dateline_years_after_every_date_of_its_text_is_a_conflict(lang):
    # Seed 004's case: a 2022 header over the battle of Palmyre of 2015-2016.
    text = (
        "Il s'agit de la victoire la plus importante du régime depuis l'intervention russe, "
        "fin septembre 2015. L'EI s'était emparé de Palmyre en mai 2015. Le 27 mars 2016, "
        "l'armée a repris la cité antique, dimanche."
    )
    conflict = dateline_conflict(text, lang=lang, anchor=FEB_2022, precision="month")
    assert conflict is not None and conflict.side == "before"
    assert [m.date.isoformat() for m in conflict.found] == [
        "2015-09-25",
        "2015-05-01",
        "2016-03-27",
    ]
    assert "2022-02" in conflict.message and "2015-05" in conflict.message


def test_a_dateline_before_every_date_of_its_text_is_a_conflict(lang):
    text = "Les Russes ont pris Avdiïvka le 17 février 2024, puis Pokrovsk fin janvier 2025."
    conflict = dateline_conflict(text, lang=lang, anchor=dt.date(2014, 3, 1), precision="month")
    assert conflict is not None and conflict.side == "after"


@pytest.mark.parametrize(
    "text",
    [
        # One old date only: a dispatch may recall one past event.
        "Mossoul, tombée aux mains de l'EI le 10 juin 2014, est encerclée.",
        # An old date and a recent one: the recent one agrees with the dateline.
        "Le 10 juin 2014, l'EI a pris Mossoul. Le 3 janvier 2022, l'armée tenait la ville.",
        # Years alone are the history of the war, not the dispatch's news.
        "En guerre depuis 2011, la Syrie a vu l'EI naître en 2013 et s'étendre en 2014.",
        # Dates within a year of the dateline.
        "Le 7 mars 2021 et en mai 2021, des combats ont eu lieu près de Marib.",
    ],
)
def test_dates_that_do_not_contradict_the_dateline(lang, text):
    assert dateline_conflict(text, lang=lang, anchor=FEB_2022, precision="month") is None


def test_a_few_hours_after_stays_on_the_day(lang):
    text = (
        "Kiev a annoncé la reprise d'Izioum le 10 septembre 2022 ; quelques heures après, "
        "Moscou a riposté."
    )
    assert _dated(lang, text, dt.date(2022, 9, 12))[-1] == (
        "quelques heures après",
        "2022-09-10",
        "day",
    )
