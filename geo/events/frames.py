"""Event frames: the language pack's ``FRAMES`` table, compiled, and the triggers of a sentence.

A frame is one phrasing of an event ("reprendre", "la chute de", "aux mains de", "briser le
siège"): the relation it states, where its place stands and where its actor stands. Single
words are looked up by lemma and folded form; phrases are compiled once per pack into a
spaCy :class:`~spacy.matcher.Matcher` over folded words and lemmas. A *trigger* is a frame
found in a sentence, with its token span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from geo import syntax
from geo.theatre import fold

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from geo.lang import LanguagePack

#: The relation of a phrase row that states no event and hides the words it covers from
#: the single-word frames ("perdre la vie" is not "perdre").
NO_EVENT = "none"
#: Words a ``...`` of a phrase may stand for (any but punctuation).
ANY_WORDS = 3
_FOLD = "geo_fold"
_LEMMA = "geo_lemma"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A frame found in a sentence: token indices ``start:end`` (end exclusive) into the doc.

    ``theme`` is where the place stands (``after``, ``before``, ``either``), ``slot`` where
    the actor stands (``subject``, ``after``, ``complement``, ``object``, ``speaker``),
    ``kind`` the frame's kind (``verb``, ``noun``, ``phrase``).
    """

    relation: str
    theme: str
    slot: str
    weight: float
    start: int
    end: int
    kind: str = "verb"


@dataclass(frozen=True, slots=True)
class _Frames:
    verbs: dict[str, tuple[str, str, str, float]]
    nouns: dict[str, tuple[str, str, str, float]]
    phrases: tuple[tuple[str, str, str, float], ...]


def find_triggers(lang: LanguagePack, sent: Span) -> list[Trigger]:
    """The triggers of sentence ``sent``, in text order: phrases first, then single words
    outside them.

    Examples
    --------
    >>> from geo.lang import load_language
    >>> from geo.nlp import parse
    >>> lang = load_language("fr")
    >>> doc = parse("Gao est tombée aux mains des jihadistes.", lang)
    >>> [(t.relation, t.kind, doc[t.start:t.end].text) for t in find_triggers(lang, doc[:])]
    [('captured', 'phrase', 'tombée aux mains des')]
    """
    frames = _compiled(lang.events)
    found: list[Trigger] = []
    covered: set[int] = set()
    matcher = _matcher(lang.events, sent.doc.vocab) if frames.phrases else None
    matches = matcher(sent, as_spans=True) if matcher is not None else []
    for span in sorted(matches, key=lambda s: (s.start, -len(s), int(s.label_))):
        if covered & set(range(span.start, span.end)):
            continue
        covered |= set(range(span.start, span.end))
        relation, theme, slot, weight = frames.phrases[int(span.label_)]
        if relation == NO_EVENT:
            continue  # an idiom whose words say nothing of ground: "perdre la vie"
        found.append(Trigger(relation, theme, slot, weight, span.start, span.end, "phrase"))
    for token in sent:
        if token.i in covered:
            continue
        entry = _lookup(lang.events, frames, token)
        if entry is not None and not _pronominal_other_sense(lang, token):
            (relation, theme, slot, weight), kind = entry
            found.append(Trigger(relation, theme, slot, weight, token.i, token.i + 1, kind))
    return sorted(found, key=lambda t: t.start)


def passive(lang: LanguagePack, doc: Doc, trigger: Trigger) -> bool:
    """Whether a one-verb trigger is in the passive ("a été reprise par l'armée")."""
    return trigger.end - trigger.start == 1 and syntax.passive(lang, doc[trigger.start])


@lru_cache(maxsize=8)
def _compiled(words: ModuleType) -> _Frames:
    verbs: dict[str, tuple[str, str, str, float]] = {}
    nouns: dict[str, tuple[str, str, str, float]] = {}
    phrases: list[tuple[str, str, str, float]] = []
    for pattern, kind, relation, theme, slot, weight in words.FRAMES:
        value = (relation, theme, slot, weight)
        if kind == "phrase":
            phrases.append(value)
        else:
            table = verbs if kind == "verb" else nouns
            table.setdefault(pattern, value)
    return _Frames(verbs, nouns, tuple(phrases))


@lru_cache(maxsize=8)
def _matcher(words: ModuleType, vocab: Vocab) -> Matcher:
    from spacy.matcher import Matcher
    from spacy.tokens import Token

    if not Token.has_extension(_FOLD):
        Token.set_extension(_FOLD, getter=lambda t: _folded(t.doc)[0][t.i])
        Token.set_extension(_LEMMA, getter=lambda t: _folded(t.doc)[1][t.i])
    matcher = Matcher(vocab)
    phrases = [row[0] for row in words.FRAMES if row[1] == "phrase"]
    for index, phrase in enumerate(phrases):
        matcher.add(str(index), [_token_patterns(phrase)])
    return matcher


def _folded(doc: Doc) -> tuple[list[str], list[str]]:
    """The folded words and lemmas of ``doc``, computed once: the Matcher reads them for
    every token of every phrase pattern."""
    cached = doc.user_data.get(_FOLD)
    if cached is None:
        cached = doc.user_data[_FOLD] = (
            [fold(t.text) for t in doc],
            [fold(t.lemma_) for t in doc],
        )
    return cached


def _token_patterns(phrase: str) -> list[dict]:
    """The Matcher pattern of a phrase of the mini-syntax documented with ``FRAMES``."""
    out: list[dict] = []
    # An elided word is two tokens to the tokenizer: "d'assaut" is "d'" then "assaut".
    items = [
        part
        for word in phrase.split()
        for part in (re.split(r"(?<=')(?=\w)", word) if "|" not in word else [word])
    ]
    for item in items:
        if item == "...":
            out.append({"IS_PUNCT": False, "OP": f"{{0,{ANY_WORDS}}}"})
            continue
        optional = item.endswith("?")
        alternatives = item.removesuffix("?").split("|")
        lemmas = [a[1:] for a in alternatives if a.startswith("~")]
        forms = [a for a in alternatives if not a.startswith("~")]
        if lemmas and forms:
            raise ValueError(f"phrase {phrase!r}: {item!r} mixes lemmas and words")
        attribute = _LEMMA if lemmas else _FOLD
        token: dict = {"_": {attribute: {"IN": lemmas or forms}}}
        if optional:
            token["OP"] = "?"
        out.append(token)
    return out


def _pronominal_other_sense(lang: LanguagePack, token: Token) -> bool:
    """A verb of ``NOT_PRONOMINAL`` used pronominally ("se tenir à Astana"): no event."""
    if fold(token.lemma_) not in lang.events.NOT_PRONOMINAL:
        return False
    previous = token.doc[token.i - 1].lower_ if token.i else ""
    return previous in lang.grammar.REFLEXIVES or any(
        c.dep_.startswith("expl") for c in token.children
    )


def _lookup(
    words: ModuleType, frames: _Frames, token: Token
) -> tuple[tuple[str, str, str, float], str] | None:
    keys = (fold(token.lemma_), fold(token.text).replace("-", " "))
    # The tagger's part of speech decides which table is tried first, not which is tried:
    # it tags "enclave" a verb and "bombardent" a noun.
    tables = {
        "VERB": ("verb", "noun"),
        "NOUN": ("noun", "verb"),
        "PROPN": ("noun", "verb"),
        "ADJ": ("verb", "noun"),
        "ADV": ("verb",),  # "et massent des renforts" tagged an adverb
    }.get(token.pos_, ())
    if token.i > 0 and token.doc[token.i - 1].pos_ == "PRON" and token.pos_ == "VERB":
        tables = ("verb",)  # "qui siège à Tripoli" (siéger), not "le siège de Tripoli"
    for kind in tables:
        table = frames.verbs if kind == "verb" else frames.nouns
        for key in keys:
            if key in table:
                return table[key], kind
    # The tagger may take a conjugated verb for a noun ("bombardent"); a word after a
    # determiner stays a noun ("le contrôle"), but for a finite ending ("la contrôlent").
    after_determiner = token.i > 0 and token.doc[token.i - 1].pos_ == "DET"
    if tables:
        for ending in words.FINITE_ENDINGS if after_determiner else words.VERB_ENDINGS:
            stem = keys[1].removesuffix(ending)
            infinitive = stem + words.INFINITIVE_ENDING
            if stem != keys[1] and infinitive in frames.verbs:
                return frames.verbs[infinitive], "verb"
    return None
