"""French numerals written in words, shared by every table that reads a figure.

Distances ("neuf kilomètres", "quatre-vingts km") and durations ("il y a près d'un an",
"depuis cinq ans") use the same words; compound numerals add up or multiply.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
"""Numeral adjectives that add up ("vingt-cinq", "soixante-dix", "trente et un")."""

NUMBER_MULTIPLIERS: dict[str, int] = {"cent": 100, "cents": 100, "mille": 1000}
"""Numerals that multiply what precedes them ("quatre-vingts", "deux cents", "trois mille")."""

NUMBER_COMPOUNDS: dict[tuple[str, ...], int] = {("quatre", "vingt"): 80, ("quatre", "vingts"): 80}
"""Numerals of several words read as one value, before the words that add up: "quatre-vingts"
is 4 times 20, not 4 plus 20 ("quatre-vingt-dix" is 80 + 10)."""

ONE: frozenset[str] = frozenset({"un", "une"})
"""The forms of "one", which is also the indefinite article: it ends "trente et un" and opens
"une vingtaine de kilomètres"."""

NUMBER_AND: frozenset[str] = frozenset({"et"})
"""The conjunction between tens and :data:`ONE` ("vingt et un", "trente et une"), skipped inside
a number written in words."""

DECIMAL_SEPARATORS: frozenset[str] = frozenset({","})
"""What separates the decimals of a figure in digits: "9,5 km"."""

THOUSANDS_SEPARATORS: frozenset[str] = frozenset({".", "\u202f", "\u00a0"})
"""What groups the thousands of a figure in digits: "2.000", "2 000" (narrow or plain
no-break space, as French typography sets it)."""
