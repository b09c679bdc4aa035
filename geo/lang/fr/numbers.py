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
