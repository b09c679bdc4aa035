"""French words for dates: months, weekdays, relative days, durations, parts of a month.

Source: the French calendar vocabulary (Grevisse, *Le Bon Usage*, §§ 590-600 on dates) and
the forms AFP dispatches use ("jeudi", "le 7 mars", "fin février", "à la mi-janvier",
"il y a près d'un an", "ces dernières 24 heures", "depuis le mois de décembre", "neuf mois
après", "deux jours plus tard", "la veille", "l'an dernier"). Every key is
written folded (lower case, no accents, ``'`` as apostrophe, dashes as spaces), the form
:func:`geo.dates.find_dates` searches in.
"""

from __future__ import annotations

from geo.lang.fr.numbers import NUMBER_MULTIPLIERS
from geo.lang.fr.numbers import NUMBER_WORDS as _NUMERALS

#: Month names, folded, to their number.
MONTHS: dict[str, int] = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}

#: Weekday names to :meth:`datetime.date.weekday` numbers (Monday is 0).
WEEKDAYS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

#: Days relative to the article date ("hier" is the day before it).
RELATIVE_DAYS: dict[str, int] = {
    "avant hier": -2,
    "hier": -1,
    "aujourd'hui": 0,
    "ce matin": 0,
    "cet apres midi": 0,
    "ce soir": 0,
    "cette nuit": 0,
}

#: Parts of a month to the day taken as the estimate; the precision stays "month".
#: "début" is days 1-10, "mi" 11-20, "fin" 21-31: the estimate is the middle of each third.
MONTH_PARTS: dict[str, int] = {"debut": 5, "mi": 15, "fin": 25}

#: Units of a duration ("il y a trois jours", "depuis un mois") to (unit, precision of the
#: resulting date when the article date has day precision).
DURATION_UNITS: dict[str, tuple[str, str]] = {
    "heure": ("hours", "day"),
    "heures": ("hours", "day"),
    "jour": ("days", "day"),
    "jours": ("days", "day"),
    "semaine": ("weeks", "day"),
    "semaines": ("weeks", "day"),
    "mois": ("months", "month"),
    "an": ("years", "month"),
    "ans": ("years", "month"),
    "annee": ("years", "month"),
    "annees": ("years", "month"),
}

#: Numbers written in words, as durations use them ("il y a près d'un an", "depuis cinq ans",
#: "depuis cent jours"): the shared numerals, multipliers included.
NUMBER_WORDS: dict[str, int] = {**_NUMERALS, **NUMBER_MULTIPLIERS}

#: Words before a date that make it the start of a state ("depuis le 7 février").
SINCE: tuple[str, ...] = ("depuis", "des", "a partir du", "a partir de", "a compter du")

#: Words after a date that place it before (``past``) or after (``future``) the article date.
DIRECTION: dict[str, str] = {
    "dernier": "past",
    "derniere": "past",
    "passe": "past",
    "passee": "past",
    "prochain": "future",
    "prochaine": "future",
}

#: Hedges before a duration ("il y a près d'un an"); they keep the date, not its precision.
APPROXIMATE: tuple[str, ...] = ("pres d'", "pres de", "environ", "quelque", "plus d'", "moins d'")

#: Words introducing a span that ends at the article date ("ces dernières 24 heures",
#: "ces derniers jours"): the date is the article's own.
RECENT: tuple[str, ...] = ("ces dernieres", "ces derniers", "les dernieres", "les derniers")

#: Words after a weekday naming the time of day, part of the expression ("jeudi soir").
TIME_OF_DAY: tuple[str, ...] = ("matin", "soir", "apres midi", "midi")

#: Articles before a day of the month, part of the expression ("le 7 mars").
DAY_ARTICLES: tuple[str, ...] = ("le",)

#: Ordinal suffixes written after the number of a day ("le 1er janvier" is the first).
DAY_SUFFIXES: tuple[str, ...] = ("er",)

#: Prepositions before a part of a month, part of the expression ("à la mi-janvier", "au début
#: de", "en fin", "à mi-mars"); written folded, so "à" is "a".
MONTH_PART_LEADS: tuple[str, ...] = ("a la", "au", "en", "a")

#: Words before a month name that make it a date even with no day or year ("en mai", "au mois
#: d'avril", "depuis le mois de décembre", "du mois de mars"); a bare month name is too weak.
MONTH_LEADS: tuple[str, ...] = (
    "en",
    "au mois d'",
    "au mois de",
    "le mois de",
    "le mois d'",
    "du mois de",
    "du mois d'",
)

#: Words before a duration that make it a point in the past: "il y a trois jours".
AGO: tuple[str, ...] = ("il y a",)

#: Words before a four-digit year that make it a date ("en 2013", "l'année 2013"); a bare
#: number ("2015 morts") is none.
YEAR_LEADS: tuple[str, ...] = ("en", "annee")

#: Words after a duration that count it from another point of the story, to the way they count:
#: "deux jours plus tard" is two days ``after`` that point, "trois semaines auparavant" three
#: weeks ``before`` it. The point is a date the sentence gives (see :data:`OFFSET_OBJECT_LEADS`),
#: else the article date.
OFFSET_DIRECTIONS: dict[str, str] = {
    "apres": "after",
    "plus tard": "after",
    "avant": "before",
    "auparavant": "before",
    "plus tot": "before",
}

#: Counts that name no figure ("quelques jours après", "plusieurs semaines plus tard"), to the
#: figure taken; the result is one precision coarser than a counted offset's (see
#: :func:`geo.dates.find_dates`).
ROUGH_COUNTS: dict[str, int] = {"quelques": 3, "plusieurs": 3}

#: Days counted from another point of the story in one word ("la veille", "le lendemain"): the
#: number of days from that point.
OFFSET_DAYS: dict[str, int] = {
    "l'avant veille": -2,
    "la veille": -1,
    "le lendemain": 1,
    "le surlendemain": 2,
}

#: Words of :data:`OFFSET_DIRECTIONS` that may open a phrase naming the point counted from:
#: followed by a word, not a comma or the end of the sentence, they do ("neuf mois après la
#: prise de Palmyre en mars 2016", "quatre mois après avoir commis ceux de Paris"), and the
#: point is the date that phrase gives; alone ("neuf mois après, ...") the point is the date
#: before. "plus tard", "auparavant" and "plus tôt" never take a phrase.
OFFSET_PREPOSITIONS: tuple[str, ...] = ("apres", "avant")

#: Words after an offset of :data:`OFFSET_DAYS` that open the phrase naming the point it
#: counts from: "la veille du 7 mars", "le lendemain de la prise de Palmyre".
OFFSET_OBJECT_LEADS: tuple[str, ...] = ("de", "du", "des", "d'")

#: Calendar periods named against the article date with a word of :data:`DIRECTION` after them
#: ("la semaine dernière", "le mois dernier", "l'an dernier", "l'année prochaine"), to the
#: period: ``week``, ``month`` or ``year``.
CALENDAR_PERIODS: dict[str, str] = {
    "la semaine": "week",
    "le mois": "month",
    "l'an": "year",
    "l'annee": "year",
}
