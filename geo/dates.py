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

Offsets count from another point of the story ("neuf mois après", "deux jours plus tard",
"trois semaines auparavant", "un an plus tôt", "la veille", "le lendemain"). That point is
a date of the same text: the one that follows when the offset opens a phrase naming it
("neuf mois après la prise de Palmyre en mars 2016", "la veille du 7 mars"), else the nearest
one before it ("Le 3 mars, ... Deux jours plus tard, ..."), else the ``reference`` passed in
(the date the story stood at before the text began), else the article date. From the
article date an offset goes the way its words say: back for "auparavant", forward for
"plus tard" only in a future or present clause, since an event a dispatch reports as past
cannot lie after the dispatch (a past "deux jours plus tard" with no date to count from is no
date at all, and neither is a past offset that would land after the article's period from the
date it counts from). Precision: hours, days and weeks give ``day``, months and years ``month``
(as "il y a trois jours" / "il y a un an" do); never finer than the point counted from; a
count that names no figure ("quelques jours après", "plusieurs semaines plus tard") is taken
as 3 and is one precision coarser (days and weeks ``month``, months and years ``year``;
hours stay ``day``).

Calendar periods are named against the article date: "la semaine dernière" is the week before
the article's, given as its Thursday with ``month`` precision (a week is no precision of its
own: like "mi-janvier" it is a span inside a month, or across two); "le mois dernier" is the
month before, ``month``; "l'an dernier" / "l'année dernière" the year before, ``year``.

A dateline the text contradicts (:func:`dateline_conflict`): the article date is far from the
dates its own text states when at least :data:`CONFLICT_MIN_DATES` dates of the text name
their year with day or month precision ("le 7 mars 2015", "en mai 2016") and every one of
them lies more than :data:`CONFLICT_DAYS` days before the article's period, or every one
more than that after it. Years alone ("depuis 2011", "en 2013") are left out: a dispatch
recalls the start of a war as a matter of course. The dateline is kept: the conflict is
reported, with the dates found, for a reader to judge.

Numbers written in words ("vingt-cinq jours", "quatre-vingts jours") are read with
``text2num`` in the pack's language, and with the pack's ``NUMBER_WORDS`` when ``text2num``
does not know the language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from dateparser.date import DateDataParser
from text_to_num import text2num

from geo._regex import alternation
from geo.records import DatePrecision
from geo.theatre import fold

if TYPE_CHECKING:
    from geo.lang import LanguagePack

Tense = Literal["past", "present", "future"]

#: A date and its precision: the point an offset counts from when the text gives none.
Reference = tuple[dt.date, DatePrecision]

#: A dateline is contradicted when at least this many dates of the text name their year...
CONFLICT_MIN_DATES = 2
#: ... and all of them lie more than this many days outside the article's period.
CONFLICT_DAYS = 365

#: How far after an offset opening a phrase ("neuf mois après la prise de ...") the date of
#: that phrase may start, in characters; a date further on belongs to another clause.
OBJECT_DATE_REACH = 80

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
    "offset",
    "rough",
    "shift",
    "calendar",
)

_COARSER: dict[str, DatePrecision] = {"day": "month", "month": "year", "year": "year"}
_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: ``text[start:end] == surface``.

    ``since`` marks the start of a state ("depuis le 7 février", "depuis un mois"). For a
    month or year precision the date is the first day of the period, except for "début",
    "mi-" and "fin" of a month, whose day is the middle of that third of the month, and "la
    semaine dernière", whose day is that week's Thursday.

    ``absolute`` marks a date that names its year ("le 7 mars 2015", "en mai 2015", "en
    2013"): it is read as written, not from the article date. ``reference`` is, for an offset
    ("neuf mois après", "la veille"), the date it was counted from when that date is not the
    article date: a date of the text or the ``reference`` passed to :func:`find_dates`.
    """

    start: int
    end: int
    surface: str
    date: dt.date
    precision: DatePrecision
    since: bool = False
    absolute: bool = False
    reference: dt.date | None = None


def find_dates(
    text: str,
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense = "past",
    reference: Reference | None = None,
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
        The tense of the clause, which picks the year of a date written without one and
        whether an offset forward may count from the article date.
    reference
        The date the story stands at before ``text`` begins (the last date of the sentence
        before, say): what an offset counts from when ``text`` gives no date before it.

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
    >>> [(m.surface, m.date.isoformat(), m.precision) for m in find_dates(
    ...     "Chassé de Palmyre le 27 mars 2016, l'EI l'a reprise neuf mois plus tard",
    ...     lang=load_language("fr"), anchor=dt.date(2017, 2, 1), precision="month")]
    [('le 27 mars 2016', '2016-03-27', 'day'), ('neuf mois plus tard', '2016-12-01', 'month')]
    """
    folded = fold(text).replace("-", " ")
    matches = [m for pattern in _patterns(lang) for m in pattern.finditer(folded)]
    matches.sort(key=lambda m: (m.start(), m.start() - m.end()))
    # First the dates that stand alone; an offset (None for now) waits for its neighbours.
    found: list[tuple[re.Match[str], DateMention | None]] = []
    end_of_last = -1
    for match in matches:
        if match.start() < end_of_last:
            continue
        if _is_offset(match):
            found.append((match, None))
            end_of_last = match.end()
            continue
        resolved = _resolve(match, lang=lang, anchor=anchor, precision=precision, tense=tense)
        if resolved is None:
            continue
        found.append((match, _mention(text, match, resolved)))
        end_of_last = match.end()
    for index, (match, mention) in enumerate(found):
        if mention is None:
            base = _offset_base(folded, found, index, lang, reference)
            resolved = _offset(
                match, base, lang=lang, anchor=anchor, precision=precision, tense=tense
            )
            if resolved is not None:
                found[index] = (match, _mention(text, match, resolved, base))
    return [mention for _, mention in found if mention is not None]


@dataclass(frozen=True, slots=True)
class DatelineConflict:
    """An article date the text contradicts: every date of ``found`` lies ``side`` it, far."""

    dateline: dt.date
    precision: DatePrecision
    found: tuple[DateMention, ...]
    side: Literal["before", "after"]

    @property
    def message(self) -> str:
        """One line for the terminal and the report, in English."""
        dateline = iso_date(self.dateline, self.precision)
        dates = ", ".join(iso_date(m.date, m.precision) for m in self.found)
        return (
            f"dateline {dateline} is contradicted by the text: its {len(self.found)} dates "
            f"with a year ({dates}) all lie more than a year {self.side} it; the dateline is "
            "kept, check it"
        )


def iso_date(date: dt.date, precision: DatePrecision) -> str:
    """``date`` written to its precision: ``2015-03-07``, ``2015-03`` or ``2015``."""
    return {"day": date.isoformat(), "month": date.isoformat()[:7]}.get(precision, str(date.year))


def dateline_conflict(
    text: str, *, lang: LanguagePack, anchor: dt.date, precision: DatePrecision
) -> DatelineConflict | None:
    """The conflict between an article's date and the dates its text states, if any.

    See the module docstring for when a dateline is contradicted. Only dates that name their
    year count, so the article date being wrong cannot move them.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.lang import load_language
    >>> conflict = dateline_conflict(
    ...     "Le 7 mars 2015, l'EI a pris Tikrit, reprise par l'armée en mai 2016.",
    ...     lang=load_language("fr"), anchor=dt.date(2022, 2, 1), precision="month")
    >>> conflict.side, [m.surface for m in conflict.found]
    ('before', ['Le 7 mars 2015', 'en mai 2016'])
    """
    found = tuple(
        m
        for m in find_dates(text, lang=lang, anchor=anchor, precision=precision)
        if m.absolute and m.precision in ("day", "month")
    )
    if len(found) < CONFLICT_MIN_DATES:
        return None
    reach = dt.timedelta(days=CONFLICT_DAYS)
    start, end = _period_start(anchor, precision), _period_end(anchor, precision)
    if all(_period_end(m.date, m.precision) < start - reach for m in found):
        return DatelineConflict(anchor, precision, found, "before")
    if all(_period_start(m.date, m.precision) > end + reach for m in found):
        return DatelineConflict(anchor, precision, found, "after")
    return None


def _mention(
    text: str,
    match: re.Match[str],
    resolved: tuple[dt.date, DatePrecision],
    base: Reference | None = None,
) -> DateMention:
    start, end = match.span()
    groups = match.groupdict()
    return DateMention(
        start,
        end,
        text[start:end],
        resolved[0],
        resolved[1],
        since=groups.get("since") is not None,
        absolute=groups.get("year") is not None,
        reference=base[0] if base is not None else None,
    )


def resolve_date(
    expression: str,
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense = "past",
    reference: Reference | None = None,
) -> DateMention | None:
    """Resolve one date expression ("hier", "le 7 mars", "en mai 2015", "neuf mois après"...).

    Parameters
    ----------
    expression
        The expression alone; ``None`` is returned unless it is entirely a date.
    lang, anchor, precision, tense
        As for :func:`find_dates`.
    reference
        For an offset, the date it counts from (the date of the event it follows or
        precedes); without it an offset counts from the article date.

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
    >>> resolve_date("deux jours plus tard", lang=fr, anchor=dt.date(2022, 2, 1),
    ...              precision="month", reference=(dt.date(2021, 3, 7), "day")).date
    datetime.date(2021, 3, 9)
    """
    stripped = expression.strip()
    found = find_dates(
        stripped, lang=lang, anchor=anchor, precision=precision, tense=tense, reference=reference
    )
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
    numeral = _alternation(words.NUMBER_WORDS)
    joined = rf"(?:\s+(?:(?:{_alternation(lang.numbers.NUMBER_AND)})\s+)?{numeral})*"
    number = rf"(?P<number>\d+|{numeral}{joined})"
    counted = rf"(?:(?P<rough>{_alternation(words.ROUGH_COUNTS)})|{number})"
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
        # neuf mois après, deux jours plus tard, quelques jours après, un an plus tôt
        rf"{approx}{counted}\s+{unit}\s+(?P<offset>{_spaced(words.OFFSET_DIRECTIONS)})",
        # la veille, le lendemain
        rf"(?P<shift>{_spaced(words.OFFSET_DAYS)})",
        # la semaine dernière, le mois dernier, l'an dernier, l'année prochaine
        rf"(?P<calendar>{_spaced(words.CALENDAR_PERIODS)})\s+"
        rf"(?P<direction>{_alternation(words.DIRECTION)})",
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
    if groups["calendar"]:
        step = -1 if tense == "past" else 1
        return _calendar(words.CALENDAR_PERIODS[groups["calendar"]], step, anchor, precision)
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
    count = _count(groups["number"] or "1", lang)
    if count is None:
        return None
    date = _shifted(_period_start(anchor, precision), -count, unit)
    result_precision = _coarsest(unit_precision, precision)
    return _period_start(date, result_precision), result_precision


def _coarsest(*precisions: str) -> DatePrecision:
    return max(precisions, key=_RANK.__getitem__)  # type: ignore[return-value]


def _count(number: str, lang: LanguagePack) -> int | None:
    """The value of a count in digits or words ("neuf", "vingt cinq", "quatre vingts")."""
    if number.isdigit():
        return int(number)
    try:
        return text2num(number, lang.code)
    except ValueError:  # a language text2num does not read, or words that make no number
        return lang.dates.NUMBER_WORDS.get(number)


def _shifted(date: dt.date, count: int, unit: str) -> dt.date:
    """``date`` moved by ``count`` units (negative: back); months keep the day, clamped."""
    if unit in ("hours", "days", "weeks"):
        days = count * {"hours": 1 / 24, "days": 1, "weeks": 7}[unit]
        return date + dt.timedelta(days=int(days))
    months = count * (12 if unit == "years" else 1)
    total = date.year * 12 + date.month - 1 + months
    year, month = total // 12, total % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def _calendar(
    period: str, step: int, anchor: dt.date, precision: DatePrecision
) -> tuple[dt.date, DatePrecision]:
    """The week, month or year ``step`` periods from the article's ("la semaine dernière")."""
    if period == "year":
        return dt.date(anchor.year + step, 1, 1), "year"
    if precision == "year":
        return _period_start(anchor, precision), precision
    if period == "month":
        return _shifted(anchor.replace(day=1), step, "months"), "month"
    if precision != "day":  # a week next to an article dated to the month: that month, as
        return _period_start(anchor, precision), precision  # a weekday there is
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
    return monday + dt.timedelta(days=3), "month"


def _is_offset(match: re.Match[str]) -> bool:
    """Whether the expression counts from another point of the story ("deux jours plus tard")."""
    groups = match.groupdict()
    return groups.get("offset") is not None or groups.get("shift") is not None


def _offset_base(
    folded: str,
    found: list[tuple[re.Match[str], DateMention | None]],
    index: int,
    lang: LanguagePack,
    reference: Reference | None,
) -> Reference | None:
    """The date an offset counts from: the date of the phrase it opens, else the nearest date
    before it, else ``reference``; ``None`` for the article date (see the module docstring)."""
    match = found[index][0]
    if _opens_phrase(match, folded, lang):
        for later, mention in found[index + 1 :]:
            if later.start() - match.end() > OBJECT_DATE_REACH:
                break
            if mention is not None:
                return mention.date, mention.precision
        return None
    before = [m for _, m in found[:index] if m is not None]
    if before:
        return before[-1].date, before[-1].precision
    return reference


def _offset(
    match: re.Match[str],
    base: Reference | None,
    *,
    lang: LanguagePack,
    anchor: dt.date,
    precision: DatePrecision,
    tense: Tense,
) -> tuple[dt.date, DatePrecision] | None:
    """An offset counted from ``base`` (``None``: from the article date)."""
    words = lang.dates
    groups = dict.fromkeys(_GROUPS) | match.groupdict()
    if groups["shift"]:
        count, unit, unit_precision = words.OFFSET_DAYS[groups["shift"]], "days", "day"
    else:
        unit, unit_precision = words.DURATION_UNITS[groups["unit"]]
        if groups["rough"]:
            count = words.ROUGH_COUNTS[groups["rough"]]
            if unit != "hours":  # "quelques heures après" stays on its day or the next
                unit_precision = _COARSER[unit_precision]
        else:
            found = _count(groups["number"], lang)
            if found is None:
                return None
            count = found
        if words.OFFSET_DIRECTIONS[groups["offset"]] == "before":
            count = -count
    if base is None:
        if count > 0 and tense == "past":
            return None  # a past event counted forward from its own dispatch: no date
        base = (anchor, precision)
    start, base_precision = base
    result_precision = _coarsest(unit_precision, base_precision)
    date = _period_start(
        _shifted(_period_start(start, base_precision), count, unit), result_precision
    )
    if tense == "past" and date > _period_end(anchor, precision):
        return None  # counted from a date of the text, it would still fall after the dispatch
    return date, result_precision


def _opens_phrase(match: re.Match[str], folded: str, lang: LanguagePack) -> bool:
    """Whether the offset opens a phrase naming the point it counts from ("neuf mois après la
    prise de Palmyre", "la veille du 7 mars") rather than standing alone ("neuf mois après,")."""
    groups = match.groupdict()
    if groups.get("shift") is not None:
        return _object_lead(lang).match(folded, match.end()) is not None
    if groups.get("offset") not in lang.dates.OFFSET_PREPOSITIONS:
        return False
    return re.match(r"\s+\w", folded[match.end() :]) is not None


@lru_cache(maxsize=8)
def _object_lead(lang: LanguagePack) -> re.Pattern[str]:
    """The start of the phrase a one-word offset opens ("la veille du 7 mars")."""
    leads = lang.dates.OFFSET_OBJECT_LEADS
    return re.compile(rf"\s+{_alternation(leads)}(?:(?<=')|(?!\w))")
