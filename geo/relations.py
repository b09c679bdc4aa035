"""Distance and direction claims: the grammar that turns words into footprints.

"Les troupes sont à environ 20 km à l'ouest de la cité antique" becomes a :class:`Claim`: an
anchor place (Palmyre, through the anaphor "la cité antique"), a distance interval, a
bearing and its tolerance, and the footprint :mod:`geo.geodesy` draws from them.

The grammar runs over *words* (spaCy tokens, lower-cased, hyphenated tokens split), reads
every word it knows from the language pack of the run context (its ``positions`` and
``numbers`` tables, :mod:`geo.lang`) and recognises, left to right (in French):

- a distance phrase: ``[à] [qualifier] figure unit [qualifier] [direction] [de ANCHOR]``,
  or ``figure unit séparent A de B``;
- a direction phrase: ``[plus] (au|à l'|du côté|dans le...) POINT [de ANCHOR]``;
- a proximity phrase: ``(près de|dans les environs de|aux portes de...) ANCHOR``.

An anchor is a resolved toponym, possibly behind a noun ("du village de X", "d'une entrée de
X"), or an anaphor ("la ville", "cette cité antique") resolved by :mod:`geo.anaphora`: the most
recent earlier place it can name, unless the dispatch's subject
(:func:`geo.anaphora.dispatch_subject`) fits and that more recent place was named in the
subject's own sentence or only as the reference point of an earlier phrase ("Sabratha, à 70 km
à l'ouest de Tripoli ... au sud de la cité antique" is measured from Sabratha). "Plus au sud"
without an anchor continues from the place named last.

A claim *locates* (``Claim.target``) the place named just before it ("Al-Alianiyé, à 60 km
plus au sud"; "al-Kallabiyeh dans la région d'al-Bayarat"), or nobody: then it states where
an actor is. A place the gazetteer does not know, named in a proximity phrase ("les troupes
... combattent dans les environs du village d'al-Bayarat"), is located from the claims of its
sentence, widened by the proximity's reach.

The tolerances below follow the point-radius georeferencing method (Wieczorek, Guo & Hijmans
2004, *Int. J. Geogr. Inf. Sci.* 18(8); Chapman & Wieczorek, *Georeferencing Quick Reference
Guide*, 2020), adapted where a dispatch is vaguer than a specimen label.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from gazetteer import name_key
from geo import geodesy
from geo._regex import alternation
from geo.anaphora import Anaphor, dispatch_subject, find_anaphors, referent
from geo.nlp import sentence_at
from geo.records import Article, Claim, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gazetteer import Place
    from geo.context import RunContext
    from geo.lang import LanguagePack

CARDINAL_TOLERANCE_DEG = 45.0
"""Half-width of a cardinal direction ("au nord"): everything closer to north than to the
intercardinal points on either side (Georeferencing Quick Reference Guide: 45°)."""

INTERCARDINAL_TOLERANCE_DEG = 22.5
"""Half-width of an intercardinal direction ("au nord-est"): half the 45° between points."""

SIXTEEN_POINT_TOLERANCE_DEG = 11.25
"""Half-width of a 16-point direction ("au sud-sud-ouest"): half the 22.5° between points."""

TOLERANCE_BY_WORDS: dict[int, float] = {
    1: CARDINAL_TOLERANCE_DEG,
    2: INTERCARDINAL_TOLERANCE_DEG,
    3: SIXTEEN_POINT_TOLERANCE_DEG,
}
"""Bearing tolerance by the number of words of the compass point (``nord-nord-est``: 3)."""

DIGIT_PRECISION_FLOOR = 0.05
"""A figure carries the precision of its last significant digit, half a unit of it ("20 km"
+-5, "60 km" +-5, "300 mètres" +-50 m, "9 km" +-0.5, "9,5 km" +-0.05), the Guide's rule; but
never less than 5 % of the figure, because a dispatch's "25 km" is a road or rounded distance,
not a surveyed one."""

DIGIT_PRECISION_CAP = 0.25
"""...and never more than a quarter of it: a round "100 km" is read 75 to 125 km, not the
Guide's 50 to 150, because a dispatch rounds a distance to a tenth or a quarter of it, not to
its leading digit ("20 km" +-5 and "300 mètres" +-50 m are unaffected; "10 km" is +-2.5)."""

ABOUT_FRACTION = 0.10
""""Environ", "quelque", "près de" widen the figure's interval by a further 10 % of it on each
side: "environ 20 km" is 13 to 27 km."""

MORE_THAN_FRACTION = 0.5
""""Plus de N" is read as N to 1.5 N: a writer who meant twice as far would give a larger
figure. The best estimate is the middle."""

APPROXIMATE_NOUN_FRACTION = 0.25
"""A noun in ``-aine`` covers +-25 % of its value ("une vingtaine" 15 to 25; "une centaine"
75 to 125): the numbers that would round to it and no others."""

UNSTATED_DISTANCE_MAX_KM = 150.0
"""A direction without a distance ("à l'est de Homs") reaches this far beyond the anchor's
extent: dispatches name the nearest well-known place, and a Syrian governorate's hinterland
(Homs, Deir Ezzor) reaches 100-150 km into the desert from its city."""

UNSTATED_DISTANCE_NOMINAL_KM = 20.0
"""Best-estimate distance for a direction without a distance: "positionnées à l'ouest de la
ville" in a front-line dispatch is usually a matter of tens of kilometres; the footprint, not
this point, carries the honest uncertainty."""

INSIDE_MIN_KM = 1.0
"""Smallest radius of the part of a place named from inside ("dans l'est de la ville") when
the gazetteer gives the place a smaller extent."""

CENTRE_FRACTION = 0.5
"""The centre of a place ("Palmyre (centre)" of Syria, "le centre de la ville") is the disc of
half its extent around its representative point."""

PROXIMITY_KM: dict[str, float] = {"outskirts": 3.0, "vicinity": 10.0, "region": 30.0}
"""Reach beyond the anchor's extent of the proximity kinds of a pack's ``positions.PROXIMITY``:
the outskirts of a town (its gates, its faubourgs) a few km; its vicinity ("près de", "dans
les environs de") a short drive, 10 km; its region ("dans la région de", "dans le secteur de")
the villages that depend on it, 30 km."""

MAX_CLAIM_DISTANCE_KM = 1500.0
"""Farther than this, a figure is not a position (no dispatch places a village 2000 km from
its anchor; it is a road length, a range of missiles...): no claim is made."""

APPOSITION_GAP_MAX = 6
"""Most words between a named place and the phrase that locates it ("X, une localité située
à ...")."""

COORDINATION_GAP_MAX = 2
"""Most words (a comma, "et") between two phrases that describe the same subject."""


@lru_cache(maxsize=8)
def _digit_patterns(lang: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A figure in digits written with the pack's separators ("2.000", "9,5"), and the pack's
    thousands and decimal separators alone: ``(figure, thousands, decimal)``."""
    thousands = alternation(lang.numbers.THOUSANDS_SEPARATORS)
    decimal = alternation(lang.numbers.DECIMAL_SEPARATORS)
    figure = re.compile(rf"^\d+(?:(?:{thousands})\d{{3}})*(?:(?:{decimal})\d+)?$")
    return figure, re.compile(thousands), re.compile(decimal)


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of the grammar: lower-cased text, character span, part of speech."""

    text: str
    start: int
    end: int
    pos: str


@dataclass(frozen=True, slots=True)
class _Distance:
    """A distance interval in km, its best-estimate distance and the qualifier's words."""

    minimum: float
    maximum: float
    nominal: float
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class _Direction:
    bearing: float
    tolerance: float
    inside: bool
    continues: bool
    words: str


@dataclass(frozen=True, slots=True)
class _Anchor:
    """What a phrase is measured from: a mention, an anaphor, or the place named last."""

    kind: Literal["mention", "anaphor", "continuation"]
    start: int
    end: int
    mention: Mention | None = None
    anaphor: Anaphor | None = None


@dataclass(frozen=True, slots=True)
class _Phrase:
    first: int
    last: int
    anchor: _Anchor
    distance: _Distance | None = None
    direction: _Direction | None = None
    proximity: str | None = None
    proximity_words: str | None = None
    target: Mention | None = None
    explicit_target: bool = False


# --- words -------------------------------------------------------------------------------


def _words(doc: Doc, lang: LanguagePack) -> list[_Word]:
    """The grammar's words: tokens lower-cased, apostrophes straightened, hyphens split, and
    the unaccented capitals of the pack read as the word they stand for (AFP copy: "A 20 km au
    sud de...")."""
    capitals = lang.positions.UNACCENTED_CAPITALS
    words: list[_Word] = []
    for token in doc:
        if token.is_space:
            continue
        text = capitals.get(token.text) or token.text.lower().replace("\u2019", "'")
        if "-" in text and text.strip("-"):
            offset = token.idx
            for piece in text.split("-"):
                if piece:
                    words.append(_Word(piece, offset, offset + len(piece), token.pos_))
                offset += len(piece) + 1
        elif text.strip("-–—"):
            words.append(_Word(text, token.idx, token.idx + len(token.text), token.pos_))
    return words


def _match(words: Sequence[_Word], i: int, seq: tuple[str, ...]) -> int | None:
    if i + len(seq) > len(words):
        return None
    for k, expected in enumerate(seq):
        if words[i + k].text != expected:
            return None
    return i + len(seq)


_INDEXES: dict[int, dict[str, list[tuple[tuple[str, ...], object]]]] = {}
"""Per language table (by identity: they are module constants), its entries by first word,
longest first, so that a word is compared with the few entries it can start."""


def _index(table: dict | tuple) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    index = _INDEXES.get(id(table))
    if index is None:
        entries = table.items() if isinstance(table, dict) else ((k, True) for k in table)
        index = {}
        for key, value in sorted(entries, key=lambda e: -len(e[0])):
            index.setdefault(key[0], []).append((key, value))
        _INDEXES[id(table)] = index
    return index


def _longest(words: Sequence[_Word], i: int, table: dict | tuple) -> tuple:
    """The longest key of ``table`` that starts at word ``i``: ``(key, value, next)``."""
    if i >= len(words):
        return (None, None, None)
    for key, value in _index(table).get(words[i].text, ()):
        j = _match(words, i, key)
        if j is not None:
            return (key, value, j)
    return (None, None, None)


def _any(words: Sequence[_Word], i: int, seqs: tuple[tuple[str, ...], ...]) -> int | None:
    return _longest(words, i, seqs)[2]


# --- figures -----------------------------------------------------------------------------


def _digits(text: str, lang: LanguagePack) -> tuple[float, float] | None:
    """Value and half-unit precision of a figure in digits ("20", "2.000", "9,5")."""
    figure, thousands, decimal = _digit_patterns(lang)
    if not figure.match(text):
        return None
    whole, *decimals = decimal.split(thousands.sub("", text), maxsplit=1)
    if decimals:
        return float(f"{whole}.{decimals[0]}"), 0.5 * 10.0 ** -len(decimals[0])
    trailing = len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
    return float(whole), 0.5 * 10.0**trailing


def _number_words(
    words: Sequence[_Word], i: int, lang: LanguagePack
) -> tuple[float, float, int] | None:
    """Value, precision and next index of a number in words ("vingt-cinq", "deux cents")."""
    numerals = lang.numbers
    total, current, j = 0, 0, i
    while j < len(words):
        text = words[j].text
        key, compound, after = _longest(words, j, numerals.NUMBER_COMPOUNDS)
        if key is not None:
            current += compound
            j = after
            continue
        if text in numerals.NUMBER_WORDS:
            current += numerals.NUMBER_WORDS[text]
        elif text in numerals.NUMBER_MULTIPLIERS:
            factor = numerals.NUMBER_MULTIPLIERS[text]
            if factor >= 1000:
                total, current = (total + max(current, 1)) * factor, 0
            else:
                current = max(current, 1) * factor
        elif (
            text in numerals.NUMBER_AND
            and j > i
            and j + 1 < len(words)
            and words[j + 1].text in numerals.ONE
        ):
            pass
        else:
            break
        j += 1
    if j == i:
        return None
    value = total + current
    digits = str(value)
    trailing = len(digits) - len(digits.rstrip("0")) if value else 0
    return float(value), 0.5 * 10.0**trailing, j


def _interval(value: float, precision: float, kind: str | None) -> tuple[float, float, float]:
    """``(minimum, maximum, nominal)`` of a figure under a qualifier kind."""
    p = min(max(precision, DIGIT_PRECISION_FLOOR * value), DIGIT_PRECISION_CAP * value)
    if kind == "about":
        p += ABOUT_FRACTION * value
    if kind in {"nearly", "barely"}:
        return max(0.0, value - p - ABOUT_FRACTION * value), value + p, value
    if kind == "less_than":
        return 0.0, value, value / 2
    if kind == "more_than":
        return value, value * (1 + MORE_THAN_FRACTION), value * (1 + MORE_THAN_FRACTION / 2)
    return max(0.0, value - p), value + p, value


def _unit(words: Sequence[_Word], i: int, lang: LanguagePack) -> tuple[float, int] | None:
    pos = lang.positions
    key, km, j = _longest(words, i, pos.UNITS_KM)
    if key is None:
        return None
    measured = _any(words, j, pos.UNIT_MODIFIERS)
    if measured is None and j < len(words) and words[j].text in pos.NOT_A_DISTANCE:
        return None
    return km, measured or j


def _figure(
    words: Sequence[_Word], i: int, lang: LanguagePack
) -> tuple[float, float, float | None, int] | None:
    """A figure in its own unit: ``(minimum, maximum, nominal, next)`` for an interval
    ("entre A et B", "une vingtaine de", "quelques (centaines de)"), ``(value, precision, None,
    next)`` for a single figure in digits or words, whose interval the qualifier decides."""
    pos = lang.positions
    text = words[i].text if i < len(words) else ""
    if text in pos.FEW:
        lo, hi = pos.FEW[text]
        j = i + 1
        scale = pos.PLURAL_TENS.get(words[j].text) if j < len(words) else None
        if scale is not None:
            if (linked := _any(words, j + 1, pos.LINKS)) is None:
                return None
            lo, hi, j = lo * scale, hi * scale, linked
            return lo - scale / 2, hi + scale / 2, (lo + hi) / 2, j
        return lo - 0.5, hi + 0.5, (lo + hi) / 2, j
    j = i + 1 if text in lang.numbers.ONE else i
    if j < len(words) and words[j].text in pos.APPROXIMATE_NOUNS:
        value = pos.APPROXIMATE_NOUNS[words[j].text]
        linked = _any(words, j + 1, pos.LINKS)
        if linked is None:
            return None
        spread = APPROXIMATE_NOUN_FRACTION * value
        return value - spread, value + spread, value, linked
    if pos.RANGE_WORDS and (j := _match(words, i, pos.RANGE_WORDS[0])) is not None:
        low = _single(words, j, lang)
        if low is None or (k := _match(words, low[2], pos.RANGE_WORDS[1])) is None:
            return None
        high = _single(words, k, lang)
        if high is None or high[0] < low[0]:
            return None
        return low[0], high[0], (low[0] + high[0]) / 2, high[2]  # the text's own bounds
    single = _single(words, i, lang)
    if single is None:
        return None
    k = (
        single[2] + 1
        if single[2] < len(words) and words[single[2]].text in pos.RANGE_JOINS
        else None
    )
    second = _single(words, k if k is not None else single[2], lang)
    if second is not None and second[0] > single[0]:
        return single[0], second[0], (single[0] + second[0]) / 2, second[2]  # "20 à 25 km"
    return single[0], single[1], None, single[2]


def _single(words: Sequence[_Word], i: int, lang: LanguagePack) -> tuple[float, float, int] | None:
    if i >= len(words):
        return None
    digits = _digits(words[i].text, lang)
    if digits is not None:
        return digits[0], digits[1], i + 1
    return _number_words(words, i, lang)


def _distance(
    words: Sequence[_Word], i: int, lang: LanguagePack
) -> tuple[_Distance, int, bool] | None:
    """A distance phrase at ``i``: the interval in km, the next index, whether a lead ("à")
    opened it."""
    pos = lang.positions
    j, led = i, False
    qualifier_key, kind, after = _longest(words, j, pos.QUALIFIERS)
    if qualifier_key is None and (lead := _any(words, j, pos.DISTANCE_LEADS)) is not None:
        j, led = lead, True
        qualifier_key, kind, after = _longest(words, j, pos.QUALIFIERS)
    if qualifier_key is not None:
        j = _any(words, after, pos.DISTANCE_LEADS) or after
    if j >= len(words):
        return None
    figure = _figure(words, j, lang)
    if figure is None:
        return None
    low, high, nominal, j = figure
    unit = _unit(words, j, lang)
    if unit is None:
        return None
    km, j = unit
    post_key, post_kind, post_next = _longest(words, j, pos.POST_QUALIFIERS)
    if post_key is not None and qualifier_key is None:
        qualifier_key, kind, j = post_key, post_kind, post_next
    if nominal is None:
        minimum, maximum, nominal = _interval(low, high, kind)
    else:
        minimum, maximum = max(0.0, low), high
    words_of_qualifier = " ".join(qualifier_key) if qualifier_key else None
    decimals = 6  # of a kilometre: a millimetre, far below any figure's precision
    distance = _Distance(
        round(minimum * km, decimals),
        round(maximum * km, decimals),
        round(nominal * km, decimals),
        words_of_qualifier,
    )
    if not 0.0 < distance.maximum <= MAX_CLAIM_DISTANCE_KM:
        return None
    return distance, j, led


# --- directions and anchors --------------------------------------------------------------


def _direction(words: Sequence[_Word], i: int, lang: LanguagePack) -> tuple[_Direction, int] | None:
    pos = lang.positions
    j = _any(words, i, pos.FURTHER)
    continues = j is not None or _any(words, i, pos.SIDE_LEADS) is not None
    j = i if j is None else j
    inside = _any(words, j, pos.INSIDE_LEADS)
    lead = inside if inside is not None else _any(words, j, pos.DIRECTION_LEADS)
    if lead is None:
        return None
    key, bearing, after = _longest(words, lead, pos.COMPASS)
    if key is None:
        return None
    text = " ".join(w.text for w in words[i:after])
    tolerance = TOLERANCE_BY_WORDS[len(key)]
    return _Direction(bearing, tolerance, inside is not None, continues, text), after


def _placed(mention: Mention) -> bool:
    """Whether a mention can anchor a claim: it has a place that a gazetteer gives.

    A place inferred from text never anchors another claim: its position came from claims
    itself, so a chain would compound their uncertainty, and whether it had been inferred yet
    would make the same article read differently on a second pass.
    """
    return mention.place is not None and not mention.place.inferred


class _Context:
    """One article's words and mentions, indexed for the grammar, and the language pack whose
    words the grammar reads."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], lang: LanguagePack) -> None:
        self.lang = lang
        self.words = _words(doc, lang)
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.by_first: dict[int, Mention] = {}
        self.by_last: dict[int, Mention] = {}
        starts = [w.start for w in self.words]
        for mention in self.mentions:
            first = bisect.bisect_left(starts, mention.start)
            if first == len(starts) or starts[first] >= mention.end:
                continue
            last = first
            while last + 1 < len(self.words) and self.words[last + 1].end <= mention.end:
                last += 1
            self.by_first.setdefault(first, mention)
            self.by_last.setdefault(last, mention)
        self.mention_end = {id(m): k for k, m in self.by_last.items()}
        self.mention_first = {id(m): k for k, m in self.by_first.items()}
        self.starts = starts
        self.anaphors = {a.start: a for a in find_anaphors(doc, lang, self.mentions)}
        self.background: set[tuple[int, int]] = set()  # anchors of the phrases read so far

    def after_mention(self, mention: Mention) -> int:
        return self.mention_end[id(mention)] + 1

    def anchor(self, i: int) -> tuple[_Anchor, int] | None:
        """An anchor at word ``i`` (the link word already read)."""
        words, pos = self.words, self.lang.positions
        if i >= len(words):
            return None
        if i in self.by_first:
            mention = self.by_first[i]
            return _Anchor("mention", mention.start, mention.end, mention), self.after_mention(
                mention
            )
        j = i + 1 if words[i].text in pos.DETERMINERS else i
        if j < len(words) and words[j].text in pos.ANCHOR_PARTS:
            linked = _any(words, j + 1, pos.LINKS)
            if linked is not None:
                return self.anchor(linked)
        k = j
        while k < len(words) and k - j < 3 and words[k].pos in {"NOUN", "ADJ"}:
            k += 1
            linked = _any(words, k, pos.LINKS)
            if linked is not None and linked in self.by_first:
                return self.anchor(linked)
        anaphor = self.anaphors.get(words[i].start)
        if anaphor is None:
            return None
        end = bisect.bisect_left(self.starts, anaphor.end)
        return _Anchor("anaphor", anaphor.start, anaphor.end, anaphor=anaphor), end

    def apposed(self, first: int) -> Mention | None:
        """The named place that the phrase starting at word ``first`` is apposed to."""
        k = first - 1
        while k >= 0 and first - k <= APPOSITION_GAP_MAX and k not in self.by_last:
            if self.words[k].text not in self.lang.positions.APPOSITION_GAP:
                return None
            k -= 1
        return self.by_last.get(k)

    def complement(self, mention: Mention) -> bool:
        """Whether ``mention`` completes another noun ("l'aéroport militaire de Palmyre"): the
        phrase then locates that other thing, and "la ville" may still be the place itself."""
        k = self.mention_first.get(id(mention))
        if k is None or k < 2:
            return False
        link, head = self.words[k - 1], self.words[k - 2]
        return (
            link.text in self.lang.positions.COMPLEMENT_LINKS
            and head.pos in {"NOUN", "ADJ"}
            and head.text not in self.lang.anaphora.NOUNS
        )

    def referent(
        self, anchor: _Anchor, exclude: Mention | None, *, continuation: bool = False
    ) -> Mention | None:
        """The place an anaphor or a continuation refers to (:func:`geo.anaphora.referent`).

        ``exclude`` (the place the phrase locates) is skipped, unless it completes another
        noun and an anaphor may still name it ("l'aéroport de Palmyre, à 5 km de la ville").
        A ``continuation`` ("X, à 30 km plus au nord") always skips it: no place lies north
        of itself, whatever noun it completes ("en direction de Jarablous, à 30 km plus au
        nord" is measured from the place named before Jarablous). An anaphor prefers the
        dispatch's subject to a place named after it in its sentence or that only anchored an
        earlier phrase.
        """
        if continuation or anchor.anaphor is None:
            return referent(anchor.start, self.mentions, exclude=exclude, continuation=True)
        if exclude is not None and self.complement(exclude):
            exclude = None
        background = frozenset(self.background)
        return referent(
            anchor.anaphor,
            self.mentions,
            focus=dispatch_subject(self.mentions, background=background),
            exclude=exclude,
            background=background,
        )


# --- phrases -----------------------------------------------------------------------------


def _phrase(ctx: _Context, i: int) -> _Phrase | None:
    """The longest position phrase starting at word ``i``, if any."""
    words, lang, pos = ctx.words, ctx.lang, ctx.lang.positions
    distance = _distance(words, i, lang)
    if distance is not None:
        found, j, led = distance
        if j < len(words) and words[j].text in pos.SEPARATE_VERBS:
            return _separation(ctx, i, found, j + 1)
        direction = _direction(words, j, lang)
        k = direction[1] if direction else j
        linked = _any(words, k, pos.LINKS)
        anchored = ctx.anchor(linked) if linked is not None else None
        if direction is not None and not direction[0].inside:
            if anchored is not None:
                return _Phrase(i, anchored[1] - 1, anchored[0], found, direction[0])
            return _Phrase(i, k - 1, _continuation(words, i), found, direction[0])
        if direction is None and anchored is not None and (led or found.qualifier):
            return _Phrase(i, anchored[1] - 1, anchored[0], found)
        return None
    direction = _direction(words, i, lang)
    if direction is not None:
        found_dir, j = direction
        linked = _any(words, j, pos.LINKS)
        anchored = ctx.anchor(linked) if linked is not None else None
        if anchored is not None:
            return _Phrase(i, anchored[1] - 1, anchored[0], direction=found_dir)
        if found_dir.continues:
            return _Phrase(i, j - 1, _continuation(words, i), direction=found_dir)
        return None
    key, kind, j = _longest(words, i, pos.PROXIMITY)
    if key is not None:
        anchored = ctx.anchor(j)
        if anchored is None:
            return None
        return _Phrase(
            i, anchored[1] - 1, anchored[0], proximity=kind, proximity_words=" ".join(key)
        )
    return None


def _coordinated(words: Sequence[_Word], last: int, first: int, lang: LanguagePack) -> bool:
    """Whether a phrase starting at ``first`` continues the one ending at ``last``."""
    between = words[last + 1 : first]
    return 0 <= first - last - 1 <= COORDINATION_GAP_MAX and all(
        w.text in lang.positions.COORDINATION for w in between
    )


def _continuation(words: Sequence[_Word], i: int) -> _Anchor:
    return _Anchor("continuation", words[i].start, words[i].start)


def _separation(ctx: _Context, i: int, distance: _Distance, j: int) -> _Phrase | None:
    """ "N km séparent A de B": B is the anchor, A (if named) the target."""
    words, pos = ctx.words, ctx.lang.positions
    for k in range(j, min(j + 10, len(words))):
        if words[k].text in {".", ";", ":"}:
            return None
        linked = _any(words, k, pos.LINKS) or (
            k + 1 if words[k].text in pos.SEPARATE_JOINS else None
        )
        if linked is None or k == j:
            continue
        anchored = ctx.anchor(linked)
        if anchored is None:
            continue
        target = next((ctx.by_first[n] for n in range(j, k) if n in ctx.by_first), None)
        return _Phrase(
            i,
            anchored[1] - 1,
            anchored[0],
            distance,
            target=target,
            explicit_target=target is not None,
        )
    return None


def _region_hint(ctx: _Context, mention: Mention) -> tuple[_Direction | None, int] | None:
    """An AFP region hint right after a name: "Raqa (nord)", "Palmyre (centre)"."""
    words, pos = ctx.words, ctx.lang.positions
    i = ctx.after_mention(mention)
    if _match(words, i, ("(",)) is None:
        return None
    if i + 2 < len(words) and words[i + 1].text in pos.CENTRE_HINTS and words[i + 2].text == ")":
        return None, i + 2
    key, bearing, j = _longest(words, i + 1, pos.COMPASS)
    if key is None or _match(words, j, (")",)) is None:
        return None
    words_of_hint = " ".join(key)
    return _Direction(bearing, TOLERANCE_BY_WORDS[len(key)], True, False, words_of_hint), j


# --- claims ------------------------------------------------------------------------------


def _build(
    article: Article,
    sentence: Sentence,
    span: tuple[int, int],
    anchor: Place,
    anchor_span: tuple[int, int],
    *,
    distance: _Distance | None,
    direction: _Direction | None,
    proximity: str | None,
    qualifier: str | None,
    target: Mention | None,
) -> Claim | None:
    """A claim from the parts of a phrase, or ``None`` when the geometry is degenerate."""
    extent = anchor.uncertainty_km
    bearing = direction.bearing if direction else None
    tolerance = direction.tolerance if direction else None
    if direction is not None and direction.inside:
        radius = max(extent, INSIDE_MIN_KM)
        minimum, maximum, nominal, extent = 0.0, radius, radius / 2, 0.0
    elif distance is not None:
        minimum, maximum, nominal = distance.minimum, distance.maximum, distance.nominal
    elif proximity == "centre":
        minimum, maximum, nominal = 0.0, CENTRE_FRACTION * max(extent, INSIDE_MIN_KM), 0.0
        extent = 0.0
    elif proximity is not None:
        minimum, maximum, nominal = 0.0, PROXIMITY_KM[proximity], 0.0
    else:
        minimum, maximum = 0.0, UNSTATED_DISTANCE_MAX_KM
        nominal = UNSTATED_DISTANCE_NOMINAL_KM
    shape = "sector" if bearing is not None else "disc" if minimum <= extent else "ring"
    try:
        footprint = geodesy.sector(
            (anchor.lon, anchor.lat),
            distance_min_km=minimum,
            distance_max_km=maximum,
            bearing_deg=bearing,
            bearing_tolerance_deg=tolerance,
            anchor_extent_km=extent,
            nominal_km=nominal,
        )
    except geodesy.FootprintError:
        return None
    return Claim(
        article_id=article.id,
        sentence=sentence,
        start=span[0],
        end=span[1],
        anchor=anchor,
        anchor_start=anchor_span[0],
        anchor_end=anchor_span[1],
        distance_min_km=minimum,
        distance_max_km=maximum,
        bearing_deg=bearing,
        bearing_tolerance_deg=tolerance,
        shape=shape,
        footprint=footprint.polygon,
        lon=footprint.lon,
        lat=footprint.lat,
        uncertainty_km=footprint.uncertainty_km,
        target=target,
        qualifier=qualifier,
        area=(direction is not None and direction.inside) or proximity == "region",
    )


def _anchor_mention(ctx: _Context, phrase: _Phrase, target: Mention | None) -> Mention | None:
    anchor = phrase.anchor
    if anchor.kind == "mention":
        return anchor.mention
    return ctx.referent(anchor, target, continuation=anchor.kind == "continuation")


def _widen_claim(claim: Claim, *, km: float, target: Mention | None, qualifier: str) -> Claim:
    """A copy of ``claim`` locating ``target`` within ``km`` of the claimed position.

    "Les troupes sont à 20 km à l'ouest de Palmyre et combattent dans les environs du village
    de X": X lies within the environs' reach of the troops' footprint.
    """
    footprint = geodesy.widen(
        geodesy.Footprint(claim.footprint, claim.lon, claim.lat, claim.uncertainty_km), km=km
    )
    return dataclasses.replace(
        claim,
        distance_min_km=max(0.0, claim.distance_min_km - km),
        distance_max_km=claim.distance_max_km + km,
        footprint=footprint.polygon,
        uncertainty_km=footprint.uncertainty_km,
        target=target,
        qualifier=qualifier,
    )


def parse_claims(
    article: Article, doc: Doc, mentions: Sequence[Mention], ctx: RunContext
) -> list[Claim]:
    """Every distance, direction and proximity claim of an article, with its footprint.

    Parameters
    ----------
    article
        The article; ``doc`` is its parsed text, so token offsets are offsets into
        ``article.text``.
    doc
        ``geo.nlp.parse(article.text, ctx.lang)``.
    mentions
        The article's resolved mentions (``place`` set, or ``resolution="unresolved"``).
    ctx
        The run context: the grammar reads its words from ``ctx.lang``.

    Returns
    -------
    list of Claim
        In text order. A claim whose anchor cannot be resolved to a placed mention is not
        made; an unresolved place named in a proximity phrase gets the claims of its sentence
        that locate the actor (or the place it is said to be near), widened by the
        proximity's reach.

    Examples
    --------
    >>> from gazetteer import Place
    >>> from geo.context import build_context
    >>> from geo.nlp import parse
    >>> text = "Les troupes sont à environ 20 km à l'ouest de Palmyre."
    >>> palmyre = Place("geonames:170961", "Palmyre", 38.2684, 34.5561, uncertainty_km=2.0)
    >>> m = Mention("a", 46, 53, "Palmyre", Sentence(0, 54, text), place=palmyre,
    ...             resolution="gazetteer")
    >>> ctx = build_context(theatre="syria_iraq")
    >>> [claim] = parse_claims(Article("a", None, None, text), parse(text, ctx.lang), [m], ctx)
    >>> claim.distance_min_km, claim.distance_max_km, claim.bearing_deg, claim.shape
    (13.0, 27.0, 270.0, 'sector')
    """
    grammar = _Context(doc, mentions, ctx.lang)
    words = grammar.words
    claims: list[Claim] = []
    links: list[tuple[Mention | None, Mention, str, str]] = []
    previous: tuple[int, Mention | None] = (-COORDINATION_GAP_MAX - 1, None)
    i = 0
    while i < len(words):
        phrase = _phrase(grammar, i)
        if phrase is None:
            i += 1
            continue
        i = phrase.last + 1
        if phrase.explicit_target:
            target = phrase.target
        elif _coordinated(words, previous[0], phrase.first, ctx.lang):
            target = previous[1]  # "X, au sud de A et à l'est de B": both say where X is
        else:
            target = grammar.apposed(phrase.first)
        previous = (phrase.last, target)
        anchor_mention = _anchor_mention(grammar, phrase, target)
        if anchor_mention is None:
            continue
        if phrase.anchor.kind == "mention":
            grammar.background.add((anchor_mention.start, anchor_mention.end))
        if target is not None and (target.start, target.end) == (
            anchor_mention.start,
            anchor_mention.end,
        ):
            target = None
        span = (words[phrase.first].start, words[phrase.last].end)
        if not _placed(anchor_mention):
            if phrase.proximity is not None:
                links.append((target, anchor_mention, phrase.proximity, phrase.proximity_words))
            continue
        qualifier = phrase.proximity_words or (
            phrase.distance.qualifier if phrase.distance else None
        )
        anchor_span = (
            (anchor_mention.start, anchor_mention.end)
            if phrase.anchor.kind == "continuation"
            else (phrase.anchor.start, phrase.anchor.end)
        )
        claim = _build(
            article,
            sentence_at(doc, span[0]),
            span,
            anchor_mention.place,
            anchor_span,
            distance=phrase.distance,
            direction=phrase.direction,
            proximity=phrase.proximity,
            qualifier=qualifier,
            target=target,
        )
        if claim is not None:
            claims.append(claim)
    claims.extend(_hint_claims(grammar, article, doc))
    claims.extend(_linked_claims(claims, links))
    return sorted(claims, key=lambda c: (c.start, c.end, c.target.start if c.target else -1))


def _hint_claims(ctx: _Context, article: Article, doc: Doc) -> list[Claim]:
    """An unresolved name with a region hint ("X (nord)") lies in that part of the country
    the article names (the most recent country mention before it)."""
    claims = []
    for mention in ctx.mentions:
        if _placed(mention) or id(mention) not in ctx.mention_end:
            continue
        hint = _region_hint(ctx, mention)
        if hint is None:
            continue
        country = next(
            (
                m
                for m in reversed(ctx.mentions)
                if m.start < mention.start and _placed(m) and m.place.feature_code.startswith("PCL")
            ),
            None,
        )
        if country is None or country.place is None:
            continue
        direction, last = hint
        end = ctx.words[last].end
        claim = _build(
            article,
            sentence_at(doc, mention.start),
            (mention.end, end),
            country.place,
            (country.start, country.end),
            distance=None,
            direction=direction,
            proximity=None if direction else "centre",
            qualifier=ctx.words[last - 1].text if direction is None else direction.words,
            target=mention,
        )
        if claim is not None:
            claims.append(claim)
    return claims


def _same_name(a: Mention, b: Mention) -> bool:
    return name_key(a.surface) == name_key(b.surface) != ""


def _linked_claims(
    claims: Sequence[Claim], links: Sequence[tuple[Mention | None, Mention, str, str]]
) -> list[Claim]:
    """Claims for unresolved places named in proximity phrases, from the article's claims.

    ``(None, X, kind)``: "[actor] combat dans les environs de X" puts X within reach of where
    the actor is said to be in that sentence. ``(T, X, kind)``: "T dans la région de X" puts T
    within reach of wherever the article says X is (and X within reach of where it says T is).
    """
    derived: list[Claim] = []
    for target, near, kind, words_of_kind in links:
        if target is not None:
            continue
        for claim in claims:
            if claim.target is None and claim.sentence.start <= near.start < claim.sentence.end:
                derived.append(
                    _widen_claim(claim, km=PROXIMITY_KM[kind], target=near, qualifier=words_of_kind)
                )
    located = [*claims, *derived]
    for target, near, kind, words_of_kind in links:
        if target is None:
            continue
        for claim in located:
            if claim.target is None:
                continue
            other = near if _same_name(claim.target, target) else None
            other = target if _same_name(claim.target, near) else other
            if other is not None:
                derived.append(
                    _widen_claim(
                        claim, km=PROXIMITY_KM[kind], target=other, qualifier=words_of_kind
                    )
                )
    return derived
