"""Dates in French dispatches, resolved against the article date (geo/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.dates import find_dates, resolve_date
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
