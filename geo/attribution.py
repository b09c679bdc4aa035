"""Who says so: the source of a sentence's claims, and the side that source speaks for.

War reports are claims: "l'armée a repris Palmyre, selon l'OSDH" is the OSDH's report,
"Moscou revendique la prise d'Avdiïvka" Russia's own claim. :func:`attribute` finds, for one
sentence of a parsed article, the source as written (with its article: "l'OSDH", "le
ministère russe de la Défense", "une source militaire syrienne") and, when that source speaks
for a belligerent, the side id of the article's theatre profile (``claimed_by``).

Where the source is found, first match wins:

1. in the sentence, after a source preposition of the language pack ("selon", "d'après"): the
   noun phrase the parser attaches the preposition to, cut at the clause's end;
2. an anonymous source ("de source militaire"): the noun after the lead;
3. a verb of speech of the main clause ("l'état-major a indiqué que..."): its nominal
   subject; inverted after a comma or a quote ("..., a annoncé une source militaire"), the
   noun phrase after it; a subject pronoun ("a-t-il déclaré", "selon lui") or a phrase such as
   "la même source" stands for the source named last before it in the paragraph;
4. failing that, in the paragraph: the source of the nearest sentence before it, when this
   sentence is reported speech (a quotation, the conditional of reported news: "les
   jihadistes auraient fui", or an opener such as "toujours selon"), through any reported
   sentences between them.

The side (``claimed_by``) comes from the profile, then the pack, never from the logic: the
profile's ``[[speakers]]`` (the war's monitors, agencies and outlets, independent or not),
then the pack's independent sources (witnesses, reporters, NGOs, the UN: ``None``), then an
actor the source names ("les FDS", "Bakou", "l'armée" settled by the event's country), a seat
of government ("le Kremlin"), a country or capital the mentions mark as a metonym, and last a
state institution with a demonym ("le ministère russe de la Défense", "l'agence officielle
syrienne"), whose country's forces the profile names. A source whose side cannot be told has
``claimed_by`` ``None``, as an independent one has.

Cost: the sentence's own finding is cached on the document (``doc.user_data``), so calling
:func:`attribute` for every observation of a sentence parses nothing twice; the side is
cached per source span, place and date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo._regex import alternation
from geo.nlp import sentence_spans
from geo.records import Sentence
from geo.theatre import fold

if TYPE_CHECKING:
    from types import ModuleType

    from spacy.tokens import Doc, Span, Token

    from gazetteer import Place
    from geo.context import RunContext
    from geo.lang import LanguagePack
    from geo.records import Mention
    from geo.theatre import Actor, TheatreProfile

__all__ = ["UNATTRIBUTED", "Attribution", "attribute"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is attributed to.

    ``source`` is the speaker as the text writes it, with its article ("l'OSDH"), or
    ``None`` when the sentence and its paragraph name nobody; ``claimed_by`` the side id of
    the article's profile that the source speaks for, or ``None`` (independent, or a side
    that cannot be told); ``start`` and ``end`` are the source's character offsets into the
    document (``doc.text[start:end] == source``), in an earlier sentence when the source was
    carried over from it.
    """

    source: str | None = None
    claimed_by: str | None = None
    start: int | None = None
    end: int | None = None


UNATTRIBUTED = Attribution()
"""The attribution of a sentence that names no source."""

_CACHE_KEY = "geo.attribution"
_SIDE_CACHE_KEY = "geo.attribution.sides"
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MAIN_CLAUSE = frozenset({"ROOT", "conj", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_BRACKETS = frozenset({"(", ")", "-", "'", "’"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A source span in the document (characters); ``anaphor``: it stands for an earlier one."""

    start: int
    end: int
    anaphor: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class _Patterns:
    prepositions: re.Pattern[str]
    anonymous: re.Pattern[str]
    same_source: re.Pattern[str]
    continuation: re.Pattern[str]
    bodies: re.Pattern[str]
    seats: tuple[tuple[re.Pattern[str], str], ...]


def _words(table: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){alternation(fold(w) for w in table)}(?![\w-])")


@lru_cache(maxsize=8)
def _patterns(lang: LanguagePack) -> _Patterns:
    words = lang.attribution
    seats = tuple(
        (_words([seat]), city) for seat, city in sorted(lang.places.GOVERNMENT_SEATS.items())
    )
    return _Patterns(
        prepositions=_words(words.SOURCE_PREPOSITIONS),
        anonymous=_words(words.ANONYMOUS_LEADS),
        same_source=re.compile(rf"{alternation(fold(w) for w in words.SAME_SOURCE_PHRASES)}$"),
        continuation=re.compile(rf"\W*{alternation(fold(w) for w in words.CONTINUATION_OPENERS)}"),
        bodies=_words(words.INDEPENDENT_BODIES),
        seats=seats,
    )


def attribute(
    doc: Doc,
    sentence: Span | Sentence,
    ctx: RunContext,
    *,
    paragraph: Span | tuple[int, int] | None = None,
    where: Place | None = None,
    date: dt.date | None = None,
    mentions: Sequence[Mention] = (),
) -> Attribution:
    """The source of ``sentence``'s claims and the side it speaks for.

    Parameters
    ----------
    doc
        The parsed article (:func:`geo.nlp.parse` of its text).
    sentence
        One of :func:`geo.nlp.sentence_spans` of ``doc``, or its :class:`~geo.records.Sentence`
        record (the sentence holding its first character is used).
    ctx
        The article's run context: its language pack (the words of attribution) and profile
        (``ctx.profile``: the sides; ``ctx.generic``: demonyms to countries).
    paragraph
        The paragraph the sentence belongs to, as a span or ``(start, end)`` characters;
        default: the line of ``doc.text`` that holds the sentence.
    where, date
        The place and date of the event, which settle a source such as "l'armée" the way
        :meth:`~geo.theatre.TheatreProfile.actor_for` settles an actor.
    mentions
        The article's resolved mentions: a country or capital they mark as a metonym inside
        the source ("selon Washington") speaks for that country's side.

    Returns
    -------
    Attribution
        :data:`UNATTRIBUTED` when the sentence and its paragraph name no source.

    Examples
    --------
    >>> from geo.context import build_context
    >>> from geo.nlp import parse, sentence_spans
    >>> ctx = build_context(theatre="syria_iraq")
    >>> doc = parse("L'armée a repris Palmyre, selon l'OSDH.", ctx.lang)
    >>> attribute(doc, sentence_spans(doc)[0], ctx)
    Attribution(source="l'OSDH", claimed_by=None, start=32, end=38)
    """
    sents = sentence_spans(doc)
    if not sents:
        return UNATTRIBUTED
    start = sentence.start if isinstance(sentence, Sentence) else sentence.start_char
    index = next((i for i, s in enumerate(sents) if start < s.end_char), len(sents) - 1)
    lo, hi = _paragraph_bounds(doc, sents[index], paragraph)
    first = index
    while first > 0 and sents[first - 1].start_char >= lo and sents[first - 1].end_char <= hi:
        first -= 1
    found = _resolved(doc, sents[first : index + 1], ctx.lang)
    if found is None:
        return UNATTRIBUTED
    side = _cached_side(doc, found, ctx, where=where, date=date, mentions=mentions)
    return Attribution(doc.text[found.start : found.end], side, found.start, found.end)


def _paragraph_bounds(
    doc: Doc, sent: Span, paragraph: Span | tuple[int, int] | None
) -> tuple[int, int]:
    if paragraph is None:
        text = doc.text
        end = text.find("\n", sent.end_char)
        return text.rfind("\n", 0, sent.start_char) + 1, len(text) if end < 0 else end
    if isinstance(paragraph, tuple):
        return paragraph
    return paragraph.start_char, paragraph.end_char


def _resolved(doc: Doc, sents: list[Span], lang: LanguagePack) -> _Found | None:
    """The source of the last of ``sents`` (a paragraph's sentences up to it)."""
    current = sents[-1]
    own = _in_sentence(doc, current, lang)
    if own is not None and not own.anaphor:
        return own
    if own is None and not _reported(current, lang):
        return None
    for earlier in reversed(sents[:-1]):
        found = _in_sentence(doc, earlier, lang)
        if found is not None and not found.anaphor:
            return found
        if found is None and own is None and not _reported(earlier, lang):
            return None  # the report ended before this sentence
    return None


def _in_sentence(doc: Doc, sent: Span, lang: LanguagePack) -> _Found | None:
    """The source the sentence names itself (cached on ``doc``)."""
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    if sent.start_char not in cache:
        cache[sent.start_char] = _find(doc, sent, lang)
    return cache[sent.start_char]


def _find(doc: Doc, sent: Span, lang: LanguagePack) -> _Found | None:
    patterns = _patterns(lang)
    folded = fold(sent.text)
    for match in patterns.prepositions.finditer(folded):
        found = _after_lead(
            doc, sent, sent.start_char + match.start(), sent.start_char + match.end()
        )
        if found is not None:
            return _marked(doc, found, lang)
    for match in patterns.anonymous.finditer(folded):
        lead = doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
        )
        if lead is not None and lead[-1].pos_ in _NOMINAL:
            return _marked(doc, _phrase(lead[-1], lead[-1].i, sent), lang)
    for token in sent:
        if _speech_verb(token, lang):
            found = _speaker_of(token, sent, lang)
            if found is not None:
                return _marked(doc, found, lang)
    return None


def _after_lead(doc: Doc, sent: Span, start: int, end: int) -> _Found | None:
    """The noun phrase after a source preposition ("selon l'OSDH", "d'après lui")."""
    lead = doc.char_span(start, end, alignment_mode="expand")
    if lead is None or lead.end >= sent.end:
        return None
    head = lead[0].head
    if head.i >= lead.end and (head.pos_ in _NOMINAL or head.pos_ == "PRON"):
        return _phrase(head, lead.end, sent)
    stop = lead.end
    while stop < sent.end and not _breaks(doc[stop]) and doc[stop].pos_ not in ("VERB", "AUX"):
        stop += 1
    return _span(doc, lead.end, stop)


def _speech_verb(token: Token, lang: LanguagePack) -> bool:
    return (
        token.pos_ == "VERB"
        and token.dep_ in _MAIN_CLAUSE
        and fold(token.lemma_) in lang.attribution.SPEECH_VERBS
    )


def _speaker_of(verb: Token, sent: Span, lang: LanguagePack) -> _Found | None:
    """The speaker of a verb of speech: its subject, or the noun phrase after it inverted."""
    words = lang.attribution
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    named = [c for c in subjects if c.pos_ in _NOMINAL]
    if named:
        spans = [_phrase(c, sent.start, sent) for c in named]
        return _Found(min(s.start for s in spans), max(s.end for s in spans))
    for pronoun in subjects:
        if fold(pronoun.text).strip("-") in words.SPEAKER_PRONOUNS:
            return _Found(pronoun.idx, pronoun.idx + len(pronoun.text), anaphor=True)
    if _inverted(verb):
        for child in verb.rights:
            if child.pos_ in _NOMINAL and not any(g.dep_ == "case" for g in child.children):
                return _phrase(child, verb.i + 1, sent)
        return None
    if verb.dep_ == "conj" and verb.head is not verb and verb.head.i >= sent.start:
        return _speaker_of(verb.head, sent, lang) if _speech_verb(verb.head, lang) else None
    return None


def _inverted(verb: Token) -> bool:
    """Whether the verb group follows a comma or a quote: "..., a annoncé X", "» a-t-il dit"."""
    group = [verb.i] + [c.i for c in verb.lefts if c.dep_.startswith("aux")]
    first = min(group)
    return first > 0 and verb.doc[first - 1].is_punct and verb.doc[first - 1].text not in "()"


def _breaks(token: Token) -> bool:
    """A token that ends a source's noun phrase: punctuation but brackets, hyphens and
    apostrophes; a relative pronoun; a verb, but a participle modifying the noun ("la
    coalition menée par Ryad")."""
    if token.is_punct:
        return token.text not in _BRACKETS
    if token.dep_ == "acl" and "Part" in token.morph.get("VerbForm"):
        return False
    return token.pos_ in ("VERB", "AUX", "SCONJ") or "Rel" in token.morph.get("PronType")


def _phrase(head: Token, lo: int, sent: Span) -> _Found:
    """The noun phrase of ``head`` (its subtree), from token ``lo`` at the earliest, cut at
    the first break on either side of the head, with a bracket it opens closed."""
    doc = head.doc
    start, end = max(head.left_edge.i, lo, sent.start), min(head.right_edge.i + 1, sent.end)
    for i in range(head.i + 1, end):
        if _breaks(doc[i]):
            end = i
            break
    for i in range(head.i - 1, start - 1, -1):
        if _breaks(doc[i]):
            start = i + 1
            break
    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
    if opened > 0 and end < sent.end and doc[end].text == ")":
        end += 1
    return _span(doc, start, end)


def _span(doc: Doc, start: int, end: int) -> _Found | None:
    while end > start and doc[end - 1].is_punct and doc[end - 1].text != ")":
        end -= 1
    if end <= start:
        return None
    return _Found(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _marked(doc: Doc, found: _Found | None, lang: LanguagePack) -> _Found | None:
    """``found``, flagged as an anaphor when it is a pronoun or "la même source"."""
    if found is None:
        return None
    text = fold(doc.text[found.start : found.end]).strip()
    if text in lang.attribution.SPEAKER_PRONOUNS or _patterns(lang).same_source.match(text):
        return _Found(found.start, found.end, anaphor=True)
    return found


def _reported(sent: Span, lang: LanguagePack) -> bool:
    """Whether the sentence reports speech: a quotation, the conditional, a continuation."""
    words = lang.attribution
    return (
        any(t.text in words.QUOTE_MARKS for t in sent)
        or any(t.pos_ in ("VERB", "AUX") and "Cnd" in t.morph.get("Mood") for t in sent)
        or _patterns(lang).continuation.match(fold(sent.text)) is not None
    )


# --- the side a source speaks for ------------------------------------------------------


def _cached_side(
    doc: Doc,
    found: _Found,
    ctx: RunContext,
    *,
    where: Place | None,
    date: dt.date | None,
    mentions: Sequence[Mention],
) -> str | None:
    cache = doc.user_data.setdefault(_SIDE_CACHE_KEY, {})
    key = (found.start, found.end, ctx.profile.id, where.place_id if where else None, date)
    if key not in cache:
        cache[key] = _side(doc, found, ctx, where=where, date=date, mentions=mentions)
    return cache[key]


def _side(
    doc: Doc,
    found: _Found,
    ctx: RunContext,
    *,
    where: Place | None,
    date: dt.date | None,
    mentions: Sequence[Mention],
) -> str | None:
    profile, words = ctx.profile, ctx.lang.attribution
    text = doc.text[found.start : found.end]
    speaker = profile.find_speaker(text)
    if speaker is not None:
        return speaker.side
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if _independent(span, text, ctx.lang):
        return None
    actor = _named_actor(profile, text, where, date)
    if actor is not None:
        return actor.side
    folded = fold(text)
    for pattern, city in _patterns(ctx.lang).seats:
        if pattern.search(folded) and (actor := _named_actor(profile, city, None, date)):
            return actor.side
    for mention in mentions:
        inside = found.start <= mention.start and mention.end <= found.end
        if inside and mention.role == "metonym" and mention.place is not None:
            side = _country_side(ctx, mention.place.country_code, None, date)
            if side is not None:
                return side
    if span is None or not any(_folded(t) & _institutions(words) for t in span):
        return None
    side = _institution_side(span, ctx, words, date)
    return side if side is not None else _possessor_side(span, doc, ctx, where, date)


def _institutions(words: ModuleType) -> frozenset[str]:
    return words.INSTITUTION_NOUNS | words.STATE_QUALIFIERS


def _possessor_side(
    span: Span, doc: Doc, ctx: RunContext, where: Place | None, date: dt.date | None
) -> str | None:
    """The side of "leur porte-parole", "son état-major": the actor its sentence's subject
    names ("Les forces du GNA ont repris Gharyan, a annoncé leur porte-parole")."""
    if not any("Yes" in t.morph.get("Poss") for t in span):
        return None
    sent = next(s for s in sentence_spans(doc) if span.start < s.end)
    for token in sent:
        outside = not span.start <= token.i < span.end
        if outside and token.dep_ in _SUBJECTS and token.pos_ in _NOMINAL:
            phrase = _phrase(token, sent.start, sent)
            if phrase is not None:
                text = doc.text[phrase.start : phrase.end]
                actor = _named_actor(ctx.profile, text, where, date)
                if actor is not None:
                    return actor.side
    return None


def _folded(token: Token) -> set[str]:
    return {fold(token.lemma_), fold(token.text)}


def _independent(span: Span | None, text: str, lang: LanguagePack) -> bool:
    """A source of the pack's independent kinds: an international body, or a witness, a
    reporter, an NGO... as the head of the phrase."""
    if _patterns(lang).bodies.search(fold(text)):
        return True
    return span is not None and bool(_folded(span.root) & lang.attribution.INDEPENDENT_NOUNS)


def _institution_side(
    span: Span, ctx: RunContext, words: ModuleType, date: dt.date | None
) -> str | None:
    """The side of the country a state institution's demonym names ("ministère russe")."""
    national = ctx.generic.national
    if national is None:
        return None
    for token in span:
        if token.pos_ != "ADJ" and token.dep_ != "amod":
            continue
        if _folded(token) & _institutions(words):
            continue
        code = national.country(fold(token.text))
        if code is not None:
            return _country_side(ctx, code, token.text, date)
    return None


def _named_actor(
    profile: TheatreProfile, text: str, where: Place | None, date: dt.date | None
) -> Actor | None:
    """The first actor ``text`` names, settled at the event's place; a name that stands for
    nobody there (a capital in its own area: "Kiev" about a strike on Kyiv) is read again as
    the government it stands for elsewhere."""
    for span in profile.find_actors(text):
        if where is not None:
            point = (where.lon, where.lat)
            actor = profile.actor_for(span, where.country_code, point=point, date=date)
            if actor is not None:
                return actor
        actor = profile.actor_for(span, None, date=date)
        if actor is not None:
            return actor
    return None


def _country_side(
    ctx: RunContext, code: str | None, demonym: str | None, date: dt.date | None
) -> str | None:
    if code is None:
        return None
    return _country_side_of(ctx.profile, ctx.lang, code, demonym, date)


@lru_cache(maxsize=1024)
def _country_side_of(
    profile: TheatreProfile,
    lang: LanguagePack,
    code: str,
    demonym: str | None,
    date: dt.date | None,
) -> str | None:
    """The side of the profile that fights for country ``code``: its national forces (the
    generic profile), else the one side that the country's forces named with the demonym
    ("armée russe") or the country's French names ("Russie") name in the profile."""
    if profile.national is not None:
        actor_id = profile.national.actor_ids.get(code)
        return profile.actor(actor_id).side if actor_id else None
    phrases = [f"{noun} {demonym}" for noun in sorted(lang.places.FORCE_NOUNS)] if demonym else []
    phrases += _country_names().get(code, [])
    sides = {a.side for p in phrases if (a := _named_actor(profile, p, None, date)) is not None}
    return sides.pop() if len(sides) == 1 else None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, list[str]]:
    from gazetteer.sources import french_country_names

    return french_country_names()
