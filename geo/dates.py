"""Dates in running text, resolved against the article date.

The words of dates (months, weekdays, "hier", "il y a", "depuis"...) come from the ``dates``
tables of the language pack passed in (:mod:`geo.lang`); absolute dates go to ``dateparser``
in the pack's ``dateparser_language``. The examples below are French.

The article date anchors every relative expression. It has day or month precision; a
resolved date never claims more precision than its anchor allows ("jeudi" in an article
dated only ``2017-02`` is February 2017, precision ``month``).

Choosing the year of a date written without one ("le 7 mars") follows the tense of the
clause that carries it:

- ``past`` (the default: dispatches report what happened): the latest such date that does
  not fall after the article's period. "le 7 mars" in a past-tense sentence of an article
  dated 2022-02 is 2021-03-07; "le 7 février" in the same article is 2022-02-07.
- ``future``: the earliest one that does not fall before the article's period ("les
  pourparlers devraient débuter le 23 février").
- ``present``: the one nearest to the article date ("les élections que le régime organise
  le 13 avril").

"dernier" / "prochain" after the date force past / future and exclude the article's own
period ("depuis avril dernier"). Absolute dates with a year go to ``dateparser``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from dateparser.date import DateDataParser

from geo._regex import alternation
from geo.records import DatePrecision
from geo.theatre import fold

if TYPE_CHECKING:
    from geo.lang import LanguagePack

Tense = Literal["past", "present", "future"]

_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_GROUPS = (
    "since",
    "direction",
    "year",
    "month",
    "day",
    "part",
    "prefix",
    "year_prefix",
    "unit",
    "number",
    "ago",
    "recent",
    "weekday",
    "relative",
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: ``text[start:end] == surface``.

    ``since`` marks the start of a state ("depuis le 7 février", "depuis un mois"). For a
    month or year precision the date is the first day of the period, except for "début",
    "mi-" and "fin" of a month, whose day is the middle of that third of the month.
    """

    start: int
    end: int
    surface: str
    date: dt.date
    precision: DatePrecision
    since: bool = False


def find_dates(
    text: str,
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense = "past",
) -> list[DateMention]:
    """Every date expression in ``text``, resolved against the article date, in text order.

    Parameters
    ----------
    text
        A sentence or an article body.
    lang
        The language pack whose ``dates`` tables name the dates.
    anchor
        The article date.
    precision
        The precision of the article date (``day`` or ``month``; ``year`` is accepted).
    tense
        The tense of the clause, which picks the year of a date written without one.

    Returns
    -------
    list of DateMention
        Non-overlapping, the longest expression at each place.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.lang import load_language
    >>> [(m.surface, m.date.isoformat(), m.precision, m.since) for m in find_dates(
    ...     "entre les mains de Daech depuis le mois de décembre", lang=load_language("fr"),
    ...     anchor=dt.date(2017, 2, 1), precision="month")]
    [('depuis le mois de décembre', '2016-12-01', 'month', True)]
    """
    folded = fold(text).replace("-", " ")
    matches = [m for pattern in _patterns(lang) for m in pattern.finditer(folded)]
    matches.sort(key=lambda m: (m.start(), m.start() - m.end()))
    found: list[DateMention] = []
    end_of_last = -1
    for match in matches:
        if match.start() < end_of_last:
            continue
        resolved = _resolve(match, lang=lang, anchor=anchor, precision=precision, tense=tense)
        if resolved is None:
            continue
        date, date_precision = resolved
        start, end = match.span()
        found.append(
            DateMention(
                start, end, text[start:end], date, date_precision, match.group("since") is not None
            )
        )
        end_of_last = end
    return found


def resolve_date(
    expression: str,
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense = "past",
) -> DateMention | None:
    """Resolve one date expression ("hier", "le 7 mars", "en mai 2015"...).

    Parameters
    ----------
    expression
        The expression alone; ``None`` is returned unless it is entirely a date.
    lang, anchor, precision, tense
        As for :func:`find_dates`.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.lang import load_language
    >>> fr = load_language("fr")
    >>> resolve_date("le 7 mars", lang=fr, anchor=dt.date(2022, 2, 1), precision="month").date
    datetime.date(2021, 3, 7)
    >>> resolve_date("le 7 mars", lang=fr, anchor=dt.date(2022, 2, 1), precision="month",
    ...              tense="future").date
    datetime.date(2022, 3, 7)
    """
    stripped = expression.strip()
    found = find_dates(stripped, lang=lang, anchor=anchor, precision=precision, tense=tense)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None


def _alternation(keys) -> str:
    return alternation(keys)


def _spaced(keys) -> str:
    """An alternation of phrases whose words may be apart by any run of white space."""
    return alternation(keys, form=lambda k: r"\s+".join(re.escape(w) for w in k.split()))


@lru_cache(maxsize=8)
def _patterns(lang: LanguagePack) -> tuple[re.Pattern[str], ...]:
    words = lang.dates
    month = rf"(?P<month>{_alternation(words.MONTHS)})"
    weekday = rf"(?P<weekday>{_alternation(words.WEEKDAYS)})"
    number = rf"(?P<number>\d+|{_alternation(words.NUMBER_WORDS)})"
    unit = rf"(?P<unit>{_alternation(words.DURATION_UNITS)})"
    direction = rf"(?:\s+(?P<direction>{_alternation(words.DIRECTION)}))?"
    approx = rf"(?:(?:{_alternation(words.APPROXIMATE)})\s*)?"
    since = rf"(?:(?P<since>{_alternation(words.SINCE)})\s+)?"
    article = rf"(?:(?:{_spaced(words.DAY_ARTICLES)})\s+)?"
    suffix = rf"(?:{_alternation(words.DAY_SUFFIXES)})?"
    part_lead = rf"(?:(?:{_spaced(words.MONTH_PART_LEADS)})\s+)?"
    forms = [
        # le 7 mars, jeudi 7 mars 2015, le 1er janvier
        rf"{article}(?:{weekday}\s+)?(?P<day>\d{{1,2}}){suffix}\s+{month}(?:\s+{_YEAR})?",
        # fin février, à la mi-janvier, début septembre 2015
        rf"{part_lead}(?P<part>{_alternation(words.MONTH_PARTS)})\s+{month}(?:\s+{_YEAR})?",
        # en mai 2015, depuis le mois de décembre, avril dernier
        rf"(?:(?P<prefix>{_spaced(words.MONTH_LEADS)})\s*)?{month}(?:\s+{_YEAR})?{direction}",
        # il y a près d'un an ; depuis un mois
        rf"(?P<ago>(?:{_spaced(words.AGO)})\s+){approx}{number}\s+{unit}",
        rf"{approx}{number}\s+{unit}",
        # ces dernières 24 heures, ces derniers jours
        rf"(?P<recent>{_alternation(words.RECENT)})(?:\s+\d+)?\s+{unit}",
        # en 2013, depuis 2013
        rf"(?:(?P<year_prefix>{_spaced(words.YEAR_LEADS)})\s+)?{_YEAR}",
        # jeudi, jeudi soir, mardi dernier
        rf"{weekday}(?:\s+(?:{_alternation(words.TIME_OF_DAY)}))?{direction}",
        rf"(?P<relative>{_alternation(words.RELATIVE_DAYS)})",
    ]
    return tuple(re.compile(rf"(?<!\w){since}(?:{form})(?!\w)") for form in forms)


def _resolve(
    match: re.Match[str],
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense,
) -> tuple[dt.date, DatePrecision] | None:
    words = lang.dates
    groups = dict.fromkeys(_GROUPS) | match.groupdict()
    since = groups["since"] is not None
    if groups["direction"]:
        tense = words.DIRECTION[groups["direction"]]  # type: ignore[assignment]
    if groups["year"]:
        if not (groups["month"] or groups["year_prefix"] or since):
            return None  # a bare number ("2015 morts") is no date
        return _absolute(match.group(0), groups, lang)
    if groups["month"]:
        cues = (groups["day"], groups["part"], groups["prefix"], groups["direction"], since)
        if not any(cues):
            return None  # a bare month name ("mars") is too weak alone
        month = words.MONTHS[groups["month"]]
        day = int(groups["day"]) if groups["day"] else None
        exclusive = groups["direction"] is not None
        year = _year_for(month, day, anchor, precision, tense, exclusive=exclusive)
        if day is not None:
            return _valid_day(year, month, day)
        part_day = words.MONTH_PARTS[groups["part"]] if groups["part"] else 1
        return dt.date(year, month, min(part_day, calendar.monthrange(year, month)[1])), "month"
    if groups["unit"]:
        return _duration(groups, anchor, precision, lang, since=since)
    if groups["weekday"]:
        exclusive = groups["direction"] is not None
        return _weekday(words.WEEKDAYS[groups["weekday"]], anchor, precision, tense, exclusive)
    offset = words.RELATIVE_DAYS[groups["relative"]]
    if precision != "day":
        return _period_start(anchor, precision), precision
    return anchor + dt.timedelta(days=offset), "day"


def _absolute(
    surface: str, groups: dict[str, str | None], lang: LanguagePack
) -> tuple[dt.date, DatePrecision]:
    words = lang.dates
    year = int(groups["year"] or 0)
    month = words.MONTHS[groups["month"]] if groups["month"] else 1
    if groups["part"]:
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, min(words.MONTH_PARTS[groups["part"]], last)), "month"
    if groups["day"] is None:
        return dt.date(year, month, 1), "month" if groups["month"] else "year"
    parsed = _parser(lang.dateparser_language).get_date_data(
        f"{groups['day']} {groups['month']} {year}"
    )
    if parsed.date_obj is None:
        raise ValueError(f"dateparser cannot read {surface!r}")
    return parsed.date_obj.date(), "day"


@lru_cache(maxsize=8)
def _parser(language: str) -> DateDataParser:
    """The ``dateparser`` reader of one language (building one is slow: one per language)."""
    return DateDataParser(languages=[language], settings={"PREFER_DAY_OF_MONTH": "first"})


def _period_start(anchor: dt.date, precision: DatePrecision) -> dt.date:
    if precision == "year":
        return dt.date(anchor.year, 1, 1)
    if precision == "month":
        return anchor.replace(day=1)
    return anchor


def _period_end(anchor: dt.date, precision: DatePrecision) -> dt.date:
    if precision == "year":
        return dt.date(anchor.year, 12, 31)
    if precision == "month":
        return anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
    return anchor


def _year_for(
    month: int,
    day: int | None,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense,
    *,
    exclusive: bool,
) -> int:
    """The year of a day or month named without one, by tense (see the module docstring)."""
    start, end = _period_start(anchor, precision), _period_end(anchor, precision)

    def first(year: int) -> dt.date:
        return dt.date(year, month, 1 if day is None else min(day, 28))

    def last(year: int) -> dt.date:
        if day is not None:
            return first(year)
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == "past":
        before = [y for y in years if (last(y) < start if exclusive else first(y) <= end)]
        return max(before)
    if tense == "future":
        after = [y for y in years if (first(y) > end if exclusive else last(y) >= start)]
        return min(after)
    return min(years, key=lambda y: abs((first(y) - anchor).days))


def _valid_day(year: int, month: int, day: int) -> tuple[dt.date, DatePrecision] | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day), "day"


def _weekday(
    weekday: int, anchor: dt.date, precision: DatePrecision, tense: Tense, exclusive: bool
) -> tuple[dt.date, DatePrecision]:
    if precision != "day":
        return _period_start(anchor, precision), precision
    if tense == "future":
        ahead = (weekday - anchor.weekday()) % 7 or (7 if exclusive else 0)
        return anchor + dt.timedelta(days=ahead), "day"
    back = (anchor.weekday() - weekday) % 7 or (7 if exclusive else 0)
    return anchor - dt.timedelta(days=back), "day"


def _duration(
    groups: dict[str, str | None],
    anchor: dt.date,
    precision: DatePrecision,
    lang: LanguagePack,
    *,
    since: bool,
) -> tuple[dt.date, DatePrecision] | None:
    words = lang.dates
    unit, unit_precision = words.DURATION_UNITS[groups["unit"] or ""]
    if groups["recent"]:
        return _period_start(anchor, precision), precision
    if not (groups["ago"] or since):
        return None  # "20 jours de combats" is a length, not a date
    number = groups["number"] or "1"
    count = int(number) if number.isdigit() else words.NUMBER_WORDS[number]
    if unit in ("hours", "days", "weeks"):
        days = count * {"hours": 1 / 24, "days": 1, "weeks": 7}[unit]
        date = anchor - dt.timedelta(days=int(days))
    else:
        months = count * (12 if unit == "years" else 1)
        total = anchor.year * 12 + anchor.month - 1 - months
        date = dt.date(total // 12, total % 12 + 1, 1)
    coarsest = {"day": 0, "month": 1, "year": 2}
    result_precision = max(unit_precision, precision, key=coarsest.__getitem__)
    return _period_start(date, result_precision), result_precision  # type: ignore[arg-type]
