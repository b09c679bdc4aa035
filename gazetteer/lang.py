"""Language tables of the gazetteer: articles, transliteration habits, a French stop-list.

Data only. :func:`gazetteer.normalize.name_key` and :meth:`gazetteer.Gazetteer.find` read
these tables; a second language is a new table here, not a new code path.

Sources and reasoning
---------------------
- French articles and elisions: the definite articles and the elided prepositions that
  precede a place name in French prose ("la Syrie", "l'Irak", "d'Alep", "du Liban").
- Arabic article variants: the romanisations of *al-* found in GeoNames alternate names and
  in French wire copy (*al-*, *el-*, *ul-*) and its assimilated forms before the "sun
  letters" (*ad-*, *ar-*, *as-*, *ash-*, *at-*, *az-*, *an-*, *ed-*, *er-*, *es-*, *ez-*...),
  as listed in the ALA-LC romanisation table for Arabic (article rules 18-19).
- Transliteration rewrites: the spelling habits that differ between French (*ou*, *dj*,
  *ch*, *-iyé*), English (*u*, *j*, *sh*, *-iyah*) and scholarly (*q*, *kh*, *gh*)
  romanisations of the same Arabic name, e.g. Mossoul / Mosul, Djarablous / Jarabulus,
  Soukhné / Sukhnah, Qaryatayn / Kariatein.
- Looser readings (:data:`LOOSER_READINGS`), tried by the lookup only when a name's key
  matches nothing, because the letters they merge are other sounds in other names:
  the mute final *e* that French spelling adds after a final consonant of a transliterated
  name (Amrane / Amran, Bayhane / Bayhan, Latchine / Lachin), where a final *e* of a source
  may also be a vowel (Kobane, es-Sukhne: *a*); the French *j* and *dj* for the *zh* and
  *dzh* of the English romanisation of Ukrainian and Russian (BGN/PCGN, Ukrainian national
  system: Ourojaïne / Urozhaine, Jeleznogorsk / Zheleznogorsk, Djankoï / Dzhankoy), where
  in the key *zh* stays apart from *j*: Chinese pinyin *zh* is another sound (Zhangzhou is
  not Yangju, nor Chenzhou Jeonju).
- French stop-list: the function words of spaCy 3.8's French stop-word list
  (``spacy/lang/fr/stop_words.py``, MIT) that are also GeoNames alternate names somewhere
  ("Sur", "Dans", "Pour", "Les"...), plus capitalised words that open AFP sentences or name
  organisations and peoples rather than places. A stop-listed surface is never reported by
  ``find`` (it can still be looked up by name).
"""

from __future__ import annotations

#: French articles removed from the start of a name ("La Haye" -> "Haye").
FRENCH_ARTICLES: tuple[str, ...] = ("le", "la", "les", "l", "du", "des", "de", "d")

#: Romanised forms of the Arabic article, removed where they stand as a separate word
#: ("Deir ez-Zor", "Ar Raqqah", "al-Qaryatain").
ARABIC_ARTICLES: tuple[str, ...] = (
    "al",
    "el",
    "ul",
    "il",
    "ad",
    "ed",
    "ar",
    "er",
    "as",
    "es",
    "ash",
    "ach",
    "esh",
    "ech",
    "at",
    "et",
    "az",
    "ez",
    "an",
    "en",
    "ath",
    "adh",
    "dh",
)

#: Sun letters before which the article assimilates and may be glued to the name
#: ("Ezzor" for "ez-Zor", "Assukhnah"): vowel + doubled sun letter at a word start.
SUN_LETTERS: str = "tdrzsn"

#: Letter-group rewrites applied in this order to the lower-case ASCII form of a name.
#: Each pair maps spellings of one sound onto one canonical spelling.
TRANSLITERATIONS: tuple[tuple[str, str], ...] = (
    ("dj", "j"),
    ("tch", "ch"),
    ("sh", "ch"),
    ("kh", "h"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "k"),
    ("q", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("w", "u"),
    ("ey", "ai"),
    ("ay", "ai"),
    ("ei", "ai"),
    ("y", "i"),
)

#: Looser readings of a name, as (regular expression, replacement) over its lower-case
#: form (accents kept: "é" is no mute e), each tried alone and all together when the
#: name's key matches nothing; see :func:`gazetteer.normalize.variant_keys`.
LOOSER_READINGS: tuple[tuple[str, str], ...] = (
    (r"(?<=[bcdfgjklmnprstvz])e(?![^\W\d_])", ""),  # French mute final e: Amrane
    (r"(?<!d)j", "zh"),  # French j for Slavic zh: Ourojaïne
    (r"dj", "dzh"),  # French dj for Slavic dzh: Djankoï
)

#: French function words (articles, prepositions, pronouns, conjunctions): ``find`` never
#: reports one alone nor starts a name on one ("Selon Damas", "A Raqa"), except a capitalised
#: article before a capitalised word ("Le Caire"). Compared after folding.
FIND_FUNCTION_WORDS: frozenset[str] = frozenset(
    (
        "a",
        "ai",
        "aie",
        "aient",
        "ainsi",
        "alors",
        "apres",
        "as",
        "au",
        "aucun",
        "aucune",
        "aupres",
        "aussi",
        "autre",
        "autres",
        "aux",
        "avant",
        "avec",
        "avoir",
        "bien",
        "car",
        "ce",
        "ceci",
        "cela",
        "celle",
        "celles",
        "celui",
        "ces",
        "cet",
        "cette",
        "ceux",
        "chaque",
        "chez",
        "ci",
        "comme",
        "comment",
        "contre",
        "dans",
        "de",
        "depuis",
        "des",
        "deux",
        "dire",
        "dit",
        "doit",
        "donc",
        "dont",
        "du",
        "durant",
        "elle",
        "elles",
        "en",
        "encore",
        "entre",
        "et",
        "etaient",
        "etait",
        "ete",
        "etre",
        "eu",
        "eux",
        "faire",
        "fait",
        "fois",
        "font",
        "hors",
        "il",
        "ils",
        "je",
        "jusqu",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "moins",
        "mon",
        "ne",
        "ni",
        "non",
        "nos",
        "notre",
        "nous",
        "on",
        "ont",
        "or",
        "ou",
        "par",
        "parmi",
        "pas",
        "pendant",
        "peu",
        "peut",
        "plus",
        "plusieurs",
        "pour",
        "pourquoi",
        "pres",
        "puis",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "sa",
        "sans",
        "se",
        "selon",
        "ses",
        "si",
        "sinon",
        "soit",
        "son",
        "sont",
        "sous",
        "sur",
        "ta",
        "tandis",
        "te",
        "tel",
        "telle",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "toute",
        "toutes",
        "tres",
        "trois",
        "tu",
        "un",
        "une",
        "vers",
        "via",
        "vos",
        "votre",
        "vous",
    )
)

#: Words ``find`` never reports alone, even when some GeoNames place bears that name: the
#: function words above and capitalised words of AFP copy that name organisations, peoples,
#: titles, dates or generic features rather than places. Compared after folding.
FIND_STOPWORDS: frozenset[str] = FIND_FUNCTION_WORDS | frozenset(
    (
        "afp",
        "americains",
        "aout",
        "armee",
        "armees",
        "avril",
        "bataille",
        "bon",
        "centre",
        "coalition",
        "conseil",
        "cote",
        "daech",
        "decembre",
        "dimanche",
        "droits",
        "est",
        "etat",
        "etats",
        "fevrier",
        "fin",
        "forces",
        "francais",
        "front",
        "gouvernement",
        "groupe",
        "guerre",
        "homme",
        "irakiens",
        "islam",
        "islamique",
        "janvier",
        "jeudi",
        "jihadistes",
        "juillet",
        "juin",
        "kurdes",
        "ligne",
        "lundi",
        "mai",
        "mardi",
        "mars",
        "mercredi",
        "ministre",
        "monde",
        "mont",
        "nations",
        "nord",
        "novembre",
        "observatoire",
        "octobre",
        "offensive",
        "onu",
        "operation",
        "ouest",
        "paix",
        "president",
        "province",
        "rebelles",
        "regime",
        "region",
        "route",
        "russes",
        "saint",
        "sainte",
        "samedi",
        "securite",
        "septembre",
        "sud",
        "syriens",
        "turcs",
        "unis",
        "vendredi",
        "victoire",
        "ville",
        "villes",
    )
)

#: Capitalised words allowed before an upper-case letter in a found name ("al-Bab",
#: "el-Arich"): the Arabic article may be written in lower case in French prose.
FIND_LOWERCASE_PREFIXES: tuple[str, ...] = ("al", "el", "ad", "ar", "as", "ash", "az", "an", "at")

#: Lower-case words that may stand inside a place name between capitalised words
#: ("Deir ez-Zor", "Ras al-Aïn", "Maaret al-Noomane", "Châlons-sur-Marne"). The Arabic
#: article forms "et" and "en" are left out: in French prose they are the conjunction and
#: the preposition ("Alep et Raqa", "en Syrie"), and would glue two names into one.
NAME_CONNECTORS: tuple[str, ...] = (
    *(a for a in ARABIC_ARTICLES if a not in ("et", "en")),
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "sur",
    "d",
    "l",
)
