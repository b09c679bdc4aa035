"""Name normalisation: the one key under which every spelling of a place name is indexed.

:func:`name_key` is THE normalisation function of the package: the index, the lookups, the
importer and ``find`` all go through it. :func:`fold` is its length-preserving little
sibling, used to search running text while keeping offsets into the original.
"""

from __future__ import annotations

import operator
import re
import unicodedata

from gazetteer.lang import (
    ARABIC_ARTICLES,
    FRENCH_ARTICLES,
    LOOSER_READINGS,
    SUN_LETTERS,
    TRANSLITERATIONS,
)

__all__ = ["fold", "name_key", "spellings", "variant_keys"]

#: Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL_LETTERS = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
}
#: Latin letters beyond ASCII: Latin-1, Extended-A/B, IPA, and Extended Additional, where
#: the dotted and underlined letters of Arabic romanisation live (Ḩamāh, Dayr az Zawr's ẕ).
_LATIN_CODES = (*range(0x80, 0x2B0), *range(0x1E00, 0x1F00))
_APOSTROPHES = "'’‘`´ʼʻʿʾ′ʹ"
_SEPARATORS = '-‐‑‒–—―_.,;:/()[]"«»“”„·'


def _key_table() -> dict[int, str]:
    """Translation table for :func:`name_key`: lower-case ASCII, apostrophes, separators."""
    table: dict[int, str] = {}
    for code in _LATIN_CODES:
        char = chr(code)
        if char in _SPECIAL_LETTERS:
            table[code] = _SPECIAL_LETTERS[char]
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base != char:
            table[code] = base.lower()
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    for char in _SEPARATORS:
        table[ord(char)] = " "
    for code in range(0x300, 0x370):  # combining marks left over by decomposed input
        table[code] = ""
    return table


def _fold_table() -> dict[int, str]:
    """Translation table for :func:`fold`: one character in, one character out."""
    table: dict[int, str] = {}
    for code in _LATIN_CODES:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        if len(base) == 1 and base != char:
            table[code] = base
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    for char in _SEPARATORS:
        table[ord(char)] = " "
    return table


_KEY_TABLE = _key_table()
_FOLD_TABLE = _fold_table()
_FOLD_KEEP_TABLE = {k: v for k, v in _FOLD_TABLE.items() if chr(k) not in _SEPARATORS}
_FRENCH_ARTICLE = re.compile(
    r"^(?:(?:l|d|qu|jusqu)'\s*|(?:" + "|".join(a for a in FRENCH_ARTICLES if len(a) > 1) + r")\s+)"
)
_ARABIC_ARTICLES = frozenset(ARABIC_ARTICLES)
_GLUED_ARTICLE = re.compile(rf"^[ae]([{SUN_LETTERS}])\1(?=[a-z]{{2}})")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_FINAL_E = re.compile(r"e\b")
_DOUBLES = re.compile(r"(.)\1+")
_first_group = operator.itemgetter(1)
_NOT_WORD = re.compile(r"[^\w ]+")


def name_key(name: str) -> str:
    """Return the normalised key of a place name.

    Two spellings of one name get the same key. The steps, in order: lower case; accents
    and ligatures to ASCII; apostrophes and dashes; a leading French article or elision
    (``la``, ``les``, ``l'``, ``d'``...); Arabic articles standing as a word (``al-``,
    ``el-``, ``ar-``, ``ad-``, ``as-``, ``ash-``, ``az-``...) or glued with assimilation
    (``Ezzor``); transliteration habits (``ou``/``u``, ``dj``/``j``, ``kh``/``h``,
    ``q``/``k``, ``sh``/``ch``, ``zh``/``j``, ``ay``/``ai``/``ei``, ``y``/``i``...); a
    final ``h`` after a vowel (``-iyeh``, ``-ah``); a final ``e`` read as ``a`` (``-é``,
    ``-iyé``); doubled letters; spaces. The tables live in :mod:`gazetteer.lang`.

    Parameters
    ----------
    name
        Any string; an empty or punctuation-only name gives ``""``.

    Returns
    -------
    str
        The key: lower-case letters and digits, no spaces.

    Examples
    --------
    >>> name_key("Deir ez-Zor") == name_key("Deir Ezzor")
    True
    >>> name_key("Raqqa") == name_key("Ar Raqqah") == name_key("Rakka")
    True
    >>> name_key("l'Irak")
    'irak'
    """
    text = name.lower().translate(_KEY_TABLE)
    stripped = text.lstrip()
    article = _FRENCH_ARTICLE.match(stripped)
    if article is not None:
        stripped = stripped[article.end() :]
    if stripped.strip(" '"):
        text = stripped
    text = text.replace("'", "")
    if not text.replace(" ", "").isalnum():  # isalnum() is the regex's \w less "_"
        text = _NOT_WORD.sub("", text)
    words = text.split()
    if not words:
        return ""
    if len(words) > 1:
        kept = [w for w in words[:-1] if w not in _ARABIC_ARTICLES]
        kept.append(words[-1])
        for i in range(1, len(kept)):
            kept[i] = _GLUED_ARTICLE.sub(r"\1", kept[i])
        text = " ".join(kept)
    else:
        text = words[0]
    for source, target in TRANSLITERATIONS:
        if source in text:
            text = text.replace(source, target)
    if "h" in text:
        text = _FINAL_H.sub("", text)
    if "e" in text:
        text = _FINAL_E.sub("a", text)
    text = text.replace(" ", "")
    return _DOUBLES.sub(_first_group, text) if _DOUBLES.search(text) else text


def fold(text: str, *, keep_separators: bool = False) -> str:
    """Fold text for searching, one character for one: ``len(fold(t)) == len(t)``.

    Lower case, accents removed where the base letter is a single character, every
    apostrophe as ``'`` and every dash or separator as a space (kept as they are with
    ``keep_separators``, for matching words where "anti-régime" must not read "régime").
    Offsets found in the folded text are offsets into the original.

    Examples
    --------
    >>> fold("Deir ez-Zor, d’Alep")
    "deir ez zor  d'alep"
    """
    table = _FOLD_KEEP_TABLE if keep_separators else _FOLD_TABLE
    folded = text.translate(table).lower()
    if len(folded) != len(text):  # lower() may expand a rare character ("İ")
        folded = "".join(c.translate(table).lower()[:1] or " " for c in text)
    return folded


_FOLDED_ARTICLE = re.compile(r"^(?:(?:l|d|qu|jusqu)'\s*|(?:le|la|les|du|des|de)\s+)")


def spellings(name: str) -> tuple[str, ...]:
    """The ways a name is spelled, for telling a literal match from a key match.

    The name folded (:func:`fold`) with single spaces, and the same without a leading
    French article or elision when it has one. Unlike :func:`name_key`, transliteration
    is kept: "Palmyre" and "Palmira" are two spellings of one key.

    Examples
    --------
    >>> spellings("la  Ghouta")
    ('la ghouta', 'ghouta')
    >>> spellings("Palmyre")
    ('palmyre',)
    """
    folded = " ".join(fold(name).split())
    bare = _FOLDED_ARTICLE.sub("", folded, count=1)
    return (folded, bare) if bare and bare != folded else (folded,)


_LOOSER = tuple((re.compile(pattern), target) for pattern, target in LOOSER_READINGS)


def variant_keys(name: str) -> tuple[str, ...]:
    """Looser keys of a name, tried by the lookup when its :func:`name_key` matches nothing.

    A looser key merges spellings that the key must keep apart, because in other names the
    same letters are other sounds (:data:`gazetteer.lang.LOOSER_READINGS`): the mute final
    ``e`` that French spelling adds after a final consonant ("Amrane", "Bayhane" for Amran,
    Bayhan) is a vowel in "Kobane" or "es-Sukhne", where the key reads it as ``a``; the
    French ``j`` of "Ourojaïne" is the ``zh`` of Urozhaine, which in Chinese pinyin is not a
    ``j``. Each reading is applied alone, then all together. Places found only this way are
    not key matches (see :data:`gazetteer.index.VARIANT_SCORE`).

    Examples
    --------
    >>> variant_keys("Amrane") == (name_key("Amran"),)
    True
    >>> name_key("Urozhaine") in variant_keys("Ourojaïne")
    True
    >>> variant_keys("Soukhné"), variant_keys("Raqqa")
    ((), ())
    """
    lowered = unicodedata.normalize("NFC", name.lower())
    readings = []
    together = lowered
    for pattern, target in _LOOSER:
        read = pattern.sub(target, lowered)
        if read != lowered:
            readings.append(read)
            together = pattern.sub(target, together)
    if len(readings) > 1:
        readings.append(together)
    own = name_key(name)
    keys = (name_key(read) for read in readings)
    return tuple(dict.fromkeys(k for k in keys if k and k != own))
