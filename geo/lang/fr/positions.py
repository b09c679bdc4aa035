"""French words for positions: compass points, units, numbers, qualifiers, proximity.

Data only; :mod:`geo.relations` reads them as a grammar over words. A *word* is a spaCy token
in lower case with typographic apostrophes made straight (``d’`` -> ``d'``), and a hyphenated
token split at its hyphens (``sud-sud-ouest`` -> ``sud``, ``sud``, ``ouest``;
``vingt-cinq`` -> ``vingt``, ``cinq``), so every multi-word entry below is a tuple of words.

Sources: the compass rose of the French nautical tradition (16 points named by juxtaposing
the cardinal points, ``nord-nord-est``); French grammar of numbers (Grevisse, *Le Bon
Usage*, numeral adjectives and the approximate nouns in ``-aine``); the wording of AFP and
SANA dispatches on the Syrian war ("à une quarantaine de kilomètres au sud-est de",
"dans les environs de", "aux portes de", "moins de 20 km séparent").
"""

from __future__ import annotations

COMPASS: dict[tuple[str, ...], float] = {
    ("nord",): 0.0,
    ("nord", "nord", "est"): 22.5,
    ("nord", "est"): 45.0,
    ("est", "nord", "est"): 67.5,
    ("est",): 90.0,
    ("est", "sud", "est"): 112.5,
    ("sud", "est"): 135.0,
    ("sud", "sud", "est"): 157.5,
    ("sud",): 180.0,
    ("sud", "sud", "ouest"): 202.5,
    ("sud", "ouest"): 225.0,
    ("ouest", "sud", "ouest"): 247.5,
    ("ouest",): 270.0,
    ("ouest", "nord", "ouest"): 292.5,
    ("nord", "ouest"): 315.0,
    ("nord", "nord", "ouest"): 337.5,
}
"""The 16 compass points as azimuths (0 = north, clockwise). The number of words tells the
kind of point: 1 cardinal, 2 intercardinal, 3 a 16-point direction."""

DIRECTION_LEADS: tuple[tuple[str, ...], ...] = (
    ("au",),
    ("à", "l'"),
    ("du", "côté"),
    ("côté",),
    ("vers", "le"),
    ("vers", "l'"),
    ("plein",),
)
"""Words that introduce a compass point placing something *outside* the anchor, in that
direction from it: "au nord de", "à l'est de", "du côté ouest de", "côté sud", "plein nord"."""

INSIDE_LEADS: tuple[tuple[str, ...], ...] = (
    ("dans", "le"),
    ("dans", "l'"),
    ("dans", "la", "partie"),
)
"""Words that introduce a compass point placing something *inside* the anchor, in that part of
it: "dans le nord de la Syrie", "dans l'est de la ville", "dans la partie ouest de"."""

FURTHER: tuple[tuple[str, ...], ...] = (("plus",), ("encore", "plus"), ("un", "peu", "plus"))
"""Words before a direction that continue from the place just named: "à 60 km plus au sud"."""

SIDE_LEADS: tuple[tuple[str, ...], ...] = (("du", "côté"), ("côté",))
"""Leads that, without an anchor, speak of a side of the place being discussed: "elles
avancent sur plusieurs fronts côté ouest" (of the town just named)."""

LINKS: tuple[tuple[str, ...], ...] = (("de",), ("d'",), ("du",), ("des",))
"""The preposition (alone or fused with the article) between a relation and its anchor."""

COMPLEMENT_LINKS: frozenset[str] = frozenset({"de", "d'"})
"""The preposition between a noun and the name that completes it, without an article:
"l'aéroport militaire de Palmyre" (the name completes "aéroport")."""

DISTANCE_LEADS: tuple[tuple[str, ...], ...] = (("à",),)
"""The preposition that opens a distance phrase, before or after its qualifier: "à 20 km de",
"environ à 20 km", "à environ 20 km"."""

UNACCENTED_CAPITALS: dict[str, str] = {"A": "à"}
"""Capitals that AFP copy leaves unaccented, as the word they stand for: "A 20 km au sud de"
is "à 20 km au sud de" (only the whole token: "Alep" is not touched)."""

UNITS_KM: dict[tuple[str, ...], float] = {
    ("km",): 1.0,
    ("kms",): 1.0,
    ("kilomètre",): 1.0,
    ("kilomètres",): 1.0,
    ("m",): 0.001,
    ("mètre",): 0.001,
    ("mètres",): 0.001,
    ("mile",): 1.609344,
    ("miles",): 1.609344,
}
"""Length units and their value in kilometres."""

NOT_A_DISTANCE: frozenset[str] = frozenset({"²", "carré", "carrés", "carrées", "/", "par"})
"""Words after a unit that make it an area or a speed ("22 km²", "kilomètres carrés",
"40 km/h", "50 km par jour"), not a distance."""

UNIT_MODIFIERS: tuple[tuple[str, ...], ...] = (
    ("à", "vol", "d'", "oiseau"),
    ("en", "ligne", "droite"),
    ("par", "la", "route"),
)
"""How a distance was measured, said after the unit and skipped: "à 10 km à vol d'oiseau
de". A road distance is longer than the straight line, within the figure's tolerance."""

RANGE_JOINS: frozenset[str] = frozenset({"à", "ou"})
"""Words between two figures of a range: "20 à 25 km", "20 ou 30 km" (and "20-25 km", whose
hyphen the words drop)."""

APPROXIMATE_NOUNS: dict[str, float] = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
}
"""Approximate quantities in ``-aine``: "une vingtaine de kilomètres" is about 20 km."""

PLURAL_TENS: dict[str, float] = {"dizaines": 10, "centaines": 100, "milliers": 1000}
"""Plural quantities counted by :data:`FEW`: "quelques centaines de mètres"."""

FEW: dict[str, tuple[float, float]] = {"quelques": (2, 9), "plusieurs": (2, 9)}
"""Indefinite counts and the numbers they cover: "à quelques kilomètres" is 2 to 9 km."""

QUALIFIERS: dict[tuple[str, ...], str] = {
    ("environ",): "about",
    ("approximativement",): "about",
    ("quelque",): "about",
    ("près", "de"): "about",
    ("près", "d'"): "about",
    ("autour", "de"): "about",
    ("à", "peu", "près"): "about",
    ("presque",): "nearly",
    ("pratiquement",): "nearly",
    ("moins", "de"): "less_than",
    ("moins", "d'"): "less_than",
    ("un", "peu", "moins", "de"): "less_than",
    ("un", "peu", "moins", "d'"): "less_than",
    ("au", "plus"): "less_than",
    ("pas", "plus", "de"): "less_than",
    ("pas", "plus", "d'"): "less_than",
    ("plus", "de"): "more_than",
    ("plus", "d'"): "more_than",
    ("un", "peu", "plus", "de"): "more_than",
    ("un", "peu", "plus", "d'"): "more_than",
    ("au", "moins"): "more_than",
    ("à", "peine"): "barely",
    ("tout", "juste"): "barely",
    ("seulement",): "barely",
}
"""Words before a figure and how they bend its interval: ``about`` widens it, ``nearly`` and
``barely`` keep it at or under the figure, ``less_than`` / ``more_than`` cut it at the figure.
"Près de" before a figure is "about" ("près de 20 km"); before a place it is proximity."""

POST_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("environ",): "about",
    ("seulement",): "barely",
    ("à", "peine"): "barely",
    ("au", "plus"): "less_than",
    ("au", "moins"): "more_than",
}
"""The same qualifiers after the unit: "20 km environ"."""

RANGE_WORDS: tuple[tuple[str, ...], tuple[str, ...]] = (("entre",), ("et",))
"""An explicit interval: "entre 10 et 15 km"."""

SEPARATE_VERBS: frozenset[str] = frozenset(
    {"sépare", "séparent", "séparait", "séparaient", "séparera", "sépareront"}
)
"""Forms of "séparer" in "moins de 20 km séparent les troupes de Palmyre"."""

SEPARATE_JOINS: frozenset[str] = frozenset({"et"})
"""Words joining the two places of a separation, besides :data:`LINKS`: "20 km séparent
Palmyre et Homs"."""

PROXIMITY: dict[tuple[str, ...], str] = {
    ("près", "de"): "vicinity",
    ("près", "d'"): "vicinity",
    ("près", "du"): "vicinity",
    ("près", "des"): "vicinity",
    ("tout", "près", "de"): "outskirts",
    ("tout", "près", "d'"): "outskirts",
    ("tout", "près", "du"): "outskirts",
    ("à", "côté", "de"): "vicinity",
    ("à", "côté", "d'"): "vicinity",
    ("à", "côté", "du"): "vicinity",
    ("non", "loin", "de"): "vicinity",
    ("non", "loin", "d'"): "vicinity",
    ("non", "loin", "du"): "vicinity",
    ("à", "proximité", "de"): "vicinity",
    ("à", "proximité", "d'"): "vicinity",
    ("à", "proximité", "du"): "vicinity",
    ("dans", "les", "environs", "de"): "vicinity",
    ("dans", "les", "environs", "d'"): "vicinity",
    ("dans", "les", "environs", "du"): "vicinity",
    ("aux", "environs", "de"): "vicinity",
    ("aux", "environs", "d'"): "vicinity",
    ("aux", "environs", "du"): "vicinity",
    ("aux", "alentours", "de"): "vicinity",
    ("aux", "alentours", "d'"): "vicinity",
    ("aux", "alentours", "du"): "vicinity",
    ("autour", "de"): "vicinity",
    ("autour", "d'"): "vicinity",
    ("autour", "du"): "vicinity",
    ("aux", "abords", "de"): "outskirts",
    ("aux", "abords", "d'"): "outskirts",
    ("aux", "abords", "du"): "outskirts",
    ("aux", "portes", "de"): "outskirts",
    ("aux", "portes", "d'"): "outskirts",
    ("aux", "portes", "du"): "outskirts",
    ("dans", "les", "faubourgs", "de"): "outskirts",
    ("dans", "les", "faubourgs", "d'"): "outskirts",
    ("dans", "les", "faubourgs", "du"): "outskirts",
    ("dans", "la", "banlieue", "de"): "outskirts",
    ("dans", "la", "banlieue", "d'"): "outskirts",
    ("dans", "la", "banlieue", "du"): "outskirts",
    ("en", "périphérie", "de"): "outskirts",
    ("en", "périphérie", "d'"): "outskirts",
    ("en", "périphérie", "du"): "outskirts",
    ("à", "la", "périphérie", "de"): "outskirts",
    ("à", "la", "périphérie", "d'"): "outskirts",
    ("à", "la", "périphérie", "du"): "outskirts",
    ("à", "la", "lisière", "de"): "outskirts",
    ("à", "l'", "entrée", "de"): "outskirts",
    ("à", "l'", "entrée", "d'"): "outskirts",
    ("à", "l'", "entrée", "du"): "outskirts",
    ("dans", "la", "région", "de"): "region",
    ("dans", "la", "région", "d'"): "region",
    ("dans", "la", "région", "du"): "region",
    ("dans", "le", "secteur", "de"): "region",
    ("dans", "le", "secteur", "d'"): "region",
    ("dans", "le", "secteur", "du"): "region",
    ("dans", "la", "zone", "de"): "region",
    ("dans", "la", "zone", "d'"): "region",
    ("dans", "la", "zone", "du"): "region",
}
"""Proximity expressions and how far beyond the anchor's own extent they reach: ``outskirts``
(at the edge: "aux portes de", "dans les faubourgs de"), ``vicinity`` ("près de", "dans les
environs de"), ``region`` ("dans la région de", "dans le secteur de"). The kilometres of each
kind are tolerances in :mod:`geo.relations`."""

ANCHOR_PARTS: frozenset[str] = frozenset(
    {"entrée", "entrées", "sortie", "sorties", "lisière", "centre", "porte", "portes", "limite"}
)
"""Parts of a place measured from: "à 300 mètres d'une entrée de Palmyre"."""

CENTRE_HINTS: frozenset[str] = frozenset({"centre"})
"""Words of an AFP region hint in brackets that name the middle of the country rather than a
compass point: "Palmyre (centre)"."""

DETERMINERS: frozenset[str] = frozenset(
    {"le", "la", "l'", "les", "un", "une", "cette", "ce", "cet", "ces", "son", "sa", "leur"}
)
"""Determiners that may open an anchor's noun phrase."""

COORDINATION: frozenset[str] = frozenset({",", "et", "puis", "soit"})
"""Words joining two position phrases about the same subject: "au sud de Hassaké et à l'est
de Raqa", "à 20 km au sud de Raqa, près de Tabqa"."""

APPOSITION_GAP: frozenset[str] = frozenset(
    {
        ",",
        "(",
        "-",
        "–",
        "—",
        "situé",
        "située",
        "situés",
        "situées",
        "localisé",
        "localisée",
        "qui",
        "se",
        "trouve",
        "trouvent",
        "trouvant",
        "est",
        "sont",
        "était",
        "étaient",
        "soit",
        "un",
        "une",
        "localité",
        "village",
        "ville",
        "bourgade",
    }
)
"""Words that may stand between a named place and the position phrase that locates it:
"Al-Alianiyé, à 60 km plus au sud", "Qaryatayn, une localité située à 100 km de Homs",
"Tal Afar se trouve à 60 km à l'ouest de Mossoul"."""
