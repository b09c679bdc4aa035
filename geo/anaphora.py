"""Anaphors: "la ville", "cette localité", "la cité antique", and the place each refers to.

One resolver for every stage: :mod:`geo.relations` measures "à 20 km à l'ouest de la cité
antique" from the place it finds, :mod:`geo.events` puts "des frappes ont visé la ville" on
it. The words come from the ``anaphora`` table of the language pack.

Detection (:func:`find_anaphors`) reads ``determiner [adjective] noun [adjectives]`` over the
spaCy tokens of an article: "la ville", "cette même localité", "la cité antique", "du
village". A noun followed by a name ("la ville d'Idleb", "la localité de Koupiansk") is not an
anaphor: it names its place, which is a mention of its own.

Resolution (:func:`referent`) picks, among the placed ``location`` mentions before the
anaphor, across sentences and paragraphs, one whose kind the noun admits ("la ville" a
populated place, "la province" an administrative division, "la capitale" a capital; a country
only for "le pays"), and of those the most recent, with one exception: **the dispatch's
subject** (the caller's ``focus``) **is preferred to the places named after it in its own
sentence, and to places that appeared only as reference points** (the anchor of a distance,
direction or proximity phrase). "Les rebelles ont pris Idleb, deuxième capitale provinciale
à échapper au régime après Raqa. Le régime a bombardé la ville": Idleb, not Raqa.
"Koupiansk, à 40 km de Kharkiv ... la ville": Koupiansk, not Kharkiv. A place named in a
later sentence for itself ("Les combats ont gagné Stepanakert") has become what the text is
about, and the most recent place wins. The focus is the place of the last front-line event
(as :mod:`geo.events` tracks it), or :func:`dispatch_subject`, the place of the lead sentence
the article names most often.

Only places from a gazetteer are referents: an unresolved name has no kind to check, and a
place inferred from the claims themselves would make a second pass read the article
differently from the first.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.theatre import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gazetteer import Place
    from geo.lang import LanguagePack
    from geo.records import Claim, Mention

__all__ = ["Anaphor", "dispatch_subject", "find_anaphors", "reference_points", "referent"]

COUNTRY_CODE = "PCL"
"""GeoNames feature-code prefix of a country (``PCLI``, ``PCLD``...)."""


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A noun phrase that refers back to a place: "la cité antique".

    ``start``/``end`` are character offsets into the article, ``token_start``/``token_end``
    token indices of the parsed ``Doc`` (end exclusive), from the determiner (or the noun
    after a fused preposition: "du village" starts at "village") to the last adjective.
    ``head`` is the noun, lower-cased as written; ``classes`` the kinds of place it admits
    (GeoNames ``class`` or ``class.code-prefix``: ``("P",)``, ``("A.ADM",)``).
    """

    start: int
    end: int
    token_start: int
    token_end: int
    head: str
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Words:
    nouns: dict[str, tuple[str, ...]]
    determiners: frozenset[str]
    fused: frozenset[str]
    pre_adjectives: frozenset[str]
    adjectives: frozenset[str]
    adjectives_max: int
    name_links: frozenset[str]
    name_determiners: frozenset[str]


@lru_cache(maxsize=8)
def _words(lang: LanguagePack) -> _Words:
    """The pack's anaphora table, folded once."""
    table = lang.anaphora

    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in words)

    return _Words(
        nouns={fold(noun): tuple(kinds) for noun, kinds in table.NOUNS.items()},
        determiners=folded(table.DETERMINERS),
        fused=folded(table.FUSED_DETERMINERS),
        pre_adjectives=folded(table.PRE_ADJECTIVES),
        adjectives=folded(table.ADJECTIVES),
        adjectives_max=table.ADJECTIVES_MAX,
        name_links=folded(table.NAME_LINKS),
        name_determiners=folded(table.NAME_DETERMINERS),
    )


# --- detection ---------------------------------------------------------------------------


def find_anaphors(doc: Doc, lang: LanguagePack, mentions: Sequence[Mention] = ()) -> list[Anaphor]:
    """Every anaphor of an article, in text order.

    Parameters
    ----------
    doc
        The article parsed by :func:`geo.nlp.parse` (offsets into the article's text).
    lang
        The language pack whose ``anaphora`` table is read.
    mentions
        The article's mentions: a noun inside one is part of a name, and a noun followed by
        one ("la ville d'Idleb") names it.

    Examples
    --------
    >>> from geo.lang import load_language
    >>> from geo.nlp import parse
    >>> fr = load_language("fr")
    >>> text = "La ville d'Idleb est tombée. Les combats ont gagné la cité antique."
    >>> [(a.head, text[a.start : a.end]) for a in find_anaphors(parse(text, fr), fr)]
    [('cité', 'la cité antique')]
    """
    words = _words(lang)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = frozenset(m.start for m in mentions)
    found: list[Anaphor] = []
    for token in doc:
        classes = words.nouns.get(fold(token.text))
        if classes is None or _inside(spans, token.idx):
            continue
        first = _determined(doc, token.i, words)
        if first is None:
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= words.adjectives_max
            and fold(doc[end].text) in words.adjectives
        ):
            end += 1
        if _names(doc, end, words, starts):
            continue
        last = doc[end - 1]
        found.append(
            Anaphor(
                doc[first].idx,
                last.idx + len(last.text),
                first,
                end,
                token.text.lower(),
                classes,
            )
        )
    return found


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    k = bisect.bisect_right(spans, (char, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= char < spans[k][1]


def _determined(doc: Doc, noun: int, words: _Words) -> int | None:
    """The first token of the anaphor whose noun is token ``noun``, or ``None`` when the noun
    has no definite or demonstrative determiner ("une ville", "sa capitale", "ville")."""
    first = noun
    k = noun - 1
    if k >= 0 and fold(doc[k].text) in words.pre_adjectives:
        first, k = k, k - 1
    if k < 0:
        return None
    before = fold(doc[k].text)
    if before in words.determiners:
        return k
    if before in words.fused:
        return first
    return None


def _names(doc: Doc, i: int, words: _Words, starts: frozenset[int]) -> bool:
    """Whether a name follows token ``i`` through a link: "d'Idleb", "de la Ghouta"."""
    if i >= len(doc) or fold(doc[i].text) not in words.name_links:
        return False
    j = i + 1
    if j < len(doc) and fold(doc[j].text) in words.name_determiners:
        j += 1
    if j >= len(doc):
        return False
    name = doc[j]
    return name.idx in starts or (name.text[:1].isupper() and name.is_alpha)


# --- resolution --------------------------------------------------------------------------


def _usable(mention: Mention) -> bool:
    """A referent candidate: a ``location`` whose place comes from a gazetteer."""
    place = mention.place
    return place is not None and not place.inferred and mention.role == "location"


def _country(place: Place) -> bool:
    return place.feature_code.startswith(COUNTRY_CODE)


def _compatible(place: Place, kind: str) -> bool:
    """Whether ``place`` is of ``kind``: a GeoNames class ("P") or class.code prefix
    ("P.PPLC", "A.PCL")."""
    feature_class, _, code = kind.partition(".")
    return place.feature_class == feature_class and place.feature_code.startswith(code)


def _admits(classes: tuple[str, ...], place: Place) -> bool:
    """Whether a noun of ``classes`` may refer to ``place``: one of its kinds, and a country
    only for a noun that names countries (``A.PCL``); no classes (a continuation) admits any
    place but a country."""
    if _country(place) and not any(k.startswith(f"A.{COUNTRY_CODE}") for k in classes):
        return False
    return not classes or any(_compatible(place, kind) for kind in classes)


def _key(thing: Mention | Place) -> str | None:
    place = getattr(thing, "place", thing)
    return getattr(place, "place_id", None)


def referent(
    anaphor: Anaphor | int,
    mentions: Sequence[Mention],
    *,
    focus: Mention | Place | None = None,
    exclude: Mention | None = None,
    continuation: bool = False,
    background: Collection[tuple[int, int]] = (),
) -> Mention | None:
    """The mention ``anaphor`` refers to, or ``None``.

    Parameters
    ----------
    anaphor
        An :class:`Anaphor`, or, with ``continuation``, the character offset of a phrase that
        continues from the place named last ("plus au sud"): any kind of place but a
        country, and no preference for the subject (the place named last is meant).
    mentions
        The candidates: the article's mentions (a caller may pass only those it admits, e.g.
        the places inside its theatre). Only placed ``location`` mentions before the anaphor
        count, wherever their sentence or paragraph.
    focus
        The dispatch's subject (a place, or one of its mentions): its latest mention before
        the anaphor is preferred to every more recent candidate named in the same sentence as
        it or only as a reference point (``background``); a more recent place named for
        itself in a later sentence still wins.
    exclude
        A mention never returned (the place the phrase locates: nothing lies 20 km from
        itself).
    continuation
        See ``anaphor``.
    background
        ``(start, end)`` spans of mentions that serve only as reference points: anchors of
        distance, direction or proximity phrases (:func:`reference_points`).

    Examples
    --------
    >>> from gazetteer import Place
    >>> from geo.records import Mention, Sentence
    >>> text = "Les Russes ont frappé Koupiansk, à 40 km de Kharkiv. La ville est en ruines."
    >>> s = Sentence(0, 52, text[:52])
    >>> koupiansk = Place("k", "Koupiansk", 37.6, 49.7, "UA", "P", "PPL")
    >>> kharkiv = Place("h", "Kharkiv", 36.2, 50.0, "UA", "P", "PPLA")
    >>> k = Mention("a", 22, 31, "Koupiansk", s, place=koupiansk)
    >>> h = Mention("a", 44, 51, "Kharkiv", s, place=kharkiv)
    >>> ville = Anaphor(53, 61, 10, 12, "ville", ("P",))
    >>> referent(ville, [k, h]).surface
    'Kharkiv'
    >>> referent(ville, [k, h], focus=k, background={(44, 51)}).surface
    'Koupiansk'
    """
    before = anaphor if isinstance(anaphor, int) else anaphor.start
    classes = () if isinstance(anaphor, int) else anaphor.classes
    skip = (exclude.start, exclude.end) if exclude is not None else None
    candidates = [
        m
        for m in sorted(mentions, key=lambda m: (m.start, -m.end), reverse=True)
        if m.start < before
        and _usable(m)
        and (m.start, m.end) != skip
        and _admits(classes, m.place)
    ]
    if not candidates:
        return None
    latest = candidates[0]
    wanted = _key(focus) if focus is not None and not continuation else None
    focused = next((m for m in candidates if _key(m) == wanted), None) if wanted else None
    if focused is None or focused is latest:
        return latest
    newer = candidates[: candidates.index(focused)]
    if all(
        m.sentence.start == focused.sentence.start
        or _only_reference(m, mentions, before, background)
        for m in newer
    ):
        return focused
    return latest


def _only_reference(
    mention: Mention,
    mentions: Sequence[Mention],
    before: int,
    background: Collection[tuple[int, int]],
) -> bool:
    """Whether every mention of ``mention``'s place before ``before`` is a reference point."""
    key = _key(mention)
    return all(
        (m.start, m.end) in background
        for m in mentions
        if m.start < before and _usable(m) and _key(m) == key
    )


def reference_points(claims: Iterable[Claim], mentions: Sequence[Mention]) -> frozenset:
    """``(start, end)`` of the mentions that anchor a claim without being its target: "à 40 km
    de *Kharkiv*", "près de *Donetsk*". The ``background`` of :func:`referent`."""
    by_start = {m.start: m for m in mentions}
    spans = set()
    for claim in claims:
        mention = by_start.get(claim.anchor_start)
        target = claim.target
        if mention is None or (target is not None and target.start == mention.start):
            continue
        spans.add((mention.start, mention.end))
    return frozenset(spans)


def dispatch_subject(
    mentions: Sequence[Mention], *, background: Collection[tuple[int, int]] = ()
) -> Mention | None:
    """The dispatch's subject: of the places of its lead sentence, the one it names most often.

    The lead sentence is the first one naming a placed ``location`` that is not a country nor
    a mere reference point (``background``); ties go to the place named first. Returns that
    place's first mention, or ``None`` when no sentence names such a place.
    """
    named = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if _usable(m) and not _country(m.place) and (m.start, m.end) not in background
    ]
    if not named:
        return None
    lead = named[0].sentence.start
    counts = Counter(_key(m) for m in mentions if _usable(m))
    in_lead = [m for m in named if m.sentence.start == lead]
    return max(in_lead, key=lambda m: (counts[_key(m)], -m.start))
