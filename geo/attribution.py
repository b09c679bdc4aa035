"""Who says so: the source of a sentence's claims, and the side that source speaks for.

War reports are claims: "l'armée a repris Palmyre, selon l'OSDH" is the OSDH's report,
"Moscou revendique la prise d'Avdiïvka" Russia's own claim. :func:`attribute` finds, for one
sentence of a parsed article, the source as written (with its article: "l'OSDH", "le
ministère russe de la Défense", "une source militaire syrienne") and, when that source speaks
for a belligerent, the side id of the article's theatre profile (``claimed_by``).

Where the source is found, first match wins:

1. in the sentence, after a source preposition of the language pack ("selon", "d'après"): the
   noun phrase the parser attaches the preposition to, cut at the clause's end;
2. an opinion opening the sentence ("Pour Mohamed Eljarh, analyste, ..."), when its holder is
   a name or a speaker's noun of the pack; an anonymous source ("de source militaire");
3. a verb or periphrasis of speech ("a indiqué", "avait affirmé", "a fait savoir", "a fait
   état de") heading no relative or subordinate clause, whatever label the parser gave it:
   inverted after a quote or a clause of its own ("», a écrit dans la soirée le ministère"),
   the noun phrase after it, dates and prepositional phrases skipped; else its nominal
   subject, or read off the surface the noun phrase before the group, across an incise ("le
   colonel X, porte-parole de l'état-major, a décrit"); a subject pronoun ("a-t-il déclaré",
   "selon lui") or "la source" stands for the source named last before it in the paragraph,
   a person named before it there, the source of one of the paragraphs before (at most
   ``_ANAPHOR_REACH``), a person named in the paragraph before;
4. the outlet that relays a speaker ("cité par l'AFP"), when the sentence names no speaker;
5. failing that, in the paragraph: the speaker where a quotation the sentence opens closes;
   the source of the nearest sentence before it, when this sentence is reported speech (a
   quotation, the conditional, an opener such as "toujours selon") or refers back to it (a
   demonstrative, "y": "Cette percée...", "la Turquie y conduit..."), through any such
   sentences between them.

A title and the name in apposition to it are the source as a whole, on either side ("le
porte-parole des forces du GNA, Moustafa al-Mejii", "Al-Masirah, la chaîne des Houthis"), so
that a scorer comparing by containment finds the name or the title in it.

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

from geo import syntax
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

__all__ = ["UNATTRIBUTED", "Attribution", "attribute", "names_a_source", "opens_a_source"]


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
_TEXT_KEY = "geo.attribution.text"
_SIDE_CACHE_KEY = "geo.attribution.sides"
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MAIN_CLAUSE = frozenset({"ROOT", "conj", "parataxis"})
_ANAPHOR_REACH = 3


@dataclass(frozen=True, slots=True)
class _Found:
    """A source span in the document (characters); ``anaphor``: it stands for an earlier one."""

    start: int
    end: int
    anaphor: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class _Patterns:
    prepositions: re.Pattern[str]
    relays: re.Pattern[str]
    anonymous: re.Pattern[str]
    opinion: re.Pattern[str]
    same_source: re.Pattern[str]
    continuation: re.Pattern[str]
    bodies: re.Pattern[str]
    seats: tuple[tuple[re.Pattern[str], str], ...]
    times: frozenset[str]


def _words(table: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){alternation(fold(w) for w in table)}(?![\w-])")


@lru_cache(maxsize=8)
def _patterns(lang: LanguagePack) -> _Patterns:
    words = lang.attribution
    seats = tuple(
        (_words([seat]), city) for seat, city in sorted(lang.places.GOVERNMENT_SEATS.items())
    )
    dates = lang.dates
    times = {
        fold(w) for table in (dates.WEEKDAYS, dates.RELATIVE_DAYS, dates.MONTHS) for w in table
    }
    return _Patterns(
        prepositions=_words(words.SOURCE_PREPOSITIONS),
        relays=_words(words.RELAY_PREPOSITIONS),
        anonymous=_words(words.ANONYMOUS_LEADS),
        opinion=re.compile(rf"\W*{alternation(fold(w) for w in words.OPINION_LEADS)}(?![\w-])"),
        same_source=re.compile(rf"{alternation(fold(w) for w in words.SAME_SOURCE_PHRASES)}$"),
        continuation=re.compile(rf"\W*{alternation(fold(w) for w in words.CONTINUATION_OPENERS)}"),
        bodies=_words(words.INDEPENDENT_BODIES),
        seats=seats,
        times=frozenset(times | {fold(w) for w in dates.TIME_OF_DAY}),
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
    first, last = index, index
    while first > 0 and sents[first - 1].start_char >= lo and sents[first - 1].end_char <= hi:
        first -= 1
    while (
        last + 1 < len(sents)
        and sents[last + 1].start_char >= lo
        and sents[last + 1].end_char <= hi
    ):
        last += 1
    found = _resolved(doc, sents[:first], sents[first : last + 1], index - first, ctx.lang)
    if found is None:
        return UNATTRIBUTED
    side = _cached_side(doc, found, ctx, where=where, date=date, mentions=mentions)
    return Attribution(_text(doc)[found.start : found.end], side, found.start, found.end)


def names_a_source(lang: LanguagePack, text: str) -> bool:
    """Whether ``text`` holds a source preposition ("selon", "d'après"): the words after it
    name who says so, not who acts."""
    return bool(_patterns(lang).prepositions.search(fold(text)))


def opens_a_source(lang: LanguagePack, before: str) -> bool:
    """Whether ``before`` ends with a source preposition ("... selon ")."""
    folded = fold(before).rstrip()
    return any(m.end() == len(folded) for m in _patterns(lang).prepositions.finditer(folded))


def _paragraph_bounds(
    doc: Doc, sent: Span, paragraph: Span | tuple[int, int] | None
) -> tuple[int, int]:
    if paragraph is None:
        text = _text(doc)
        end = text.find("\n", sent.end_char)
        return text.rfind("\n", 0, sent.start_char) + 1, len(text) if end < 0 else end
    if isinstance(paragraph, tuple):
        return paragraph
    return paragraph.start_char, paragraph.end_char


def _resolved(
    doc: Doc, before: list[Span], para: list[Span], k: int, lang: LanguagePack
) -> _Found | None:
    """The source of ``para[k]``: its own, that of a quotation it opens, else that of the
    paragraph's sentences before it, when it carries on their report; an anaphor ("selon
    lui", "la source") is resolved in its paragraph, then in the sentences ``before`` it."""
    current = para[k]
    own = _in_sentence(doc, current, lang)
    if own is None:
        own = _quote_closed_later(doc, para, k, lang)
    if own is not None and not own.anaphor:
        return own
    if own is None and not _reported(current, lang):
        return None
    for earlier in reversed(para[:k]):
        found = _in_sentence(doc, earlier, lang)
        if found is not None and not found.anaphor:
            return found
        if found is None and own is None and not _reported(earlier, lang):
            return None  # the report ended before this sentence
    if own is None:
        return None
    # an anaphor with no antecedent in its paragraph: a person named before it there, then
    # the source of the paragraph before, then a person named there
    pronoun = fold(_text(doc)[own.start : own.end]).strip() in lang.attribution.SPEAKER_PRONOUNS
    person = _last_person(doc, para[0].start_char, own.start, lang) if pronoun else None
    if person is not None:
        return person
    antecedent = _antecedent(doc, before, lang)
    if antecedent is not None or not pronoun or not before:
        return antecedent
    lo = before[0].start_char
    for i in range(len(before) - 1, 0, -1):
        if "\n" in _text(doc)[before[i - 1].end_char : before[i].start_char]:
            lo = before[i].start_char
            break
    return _last_person(doc, lo, before[-1].end_char, lang)


def _antecedent(doc: Doc, before: list[Span], lang: LanguagePack) -> _Found | None:
    """The source named last before an anaphor that found none in its own paragraph ("a
    précisé la source", "a-t-il ajouté"), in the :data:`_ANAPHOR_REACH` paragraphs before it:
    nothing named since, it can refer to nothing else."""
    paragraphs = 1
    for i in range(len(before) - 1, -1, -1):
        after = before[i + 1].start_char if i + 1 < len(before) else None
        if after is not None and "\n" in _text(doc)[before[i].end_char : after]:
            paragraphs += 1
            if paragraphs > _ANAPHOR_REACH:
                return None
        found = _in_sentence(doc, before[i], lang)
        if found is not None and not found.anaphor:
            return found
    return None


def _quote_closed_later(doc: Doc, para: list[Span], k: int, lang: LanguagePack) -> _Found | None:
    """The speaker of a quotation that opens in ``para[k]`` and closes in a later sentence of
    the paragraph ("« C'est à Ndégué... L'ennemi a été écrasé », a indiqué le colonel")."""
    depth = _quote_depth(para[k], lang)
    if depth <= 0:
        return None
    for later in para[k + 1 :]:
        depth += _quote_depth(later, lang)
        if depth <= 0:
            return _in_sentence(doc, later, lang)
    return None


def _quote_depth(sent: Span, lang: LanguagePack) -> int:
    """How many quotations the sentence leaves open (negative: closes earlier ones)."""
    opening, closing = lang.attribution.OPENING_QUOTES, lang.attribution.CLOSING_QUOTES
    depth = 0
    for token in sent:
        text = token.text
        if text in opening and text in closing:  # a straight quote opens when none is open
            depth += 1 if depth <= 0 else -1
        elif text in opening:
            depth += 1
        elif text in closing:
            depth -= 1
    return depth


def _last_person(doc: Doc, start: int, end: int, lang: LanguagePack) -> _Found | None:
    """The last person the parser names between two characters (a day it takes for one,
    "Samedi soir", aside)."""
    times = _patterns(lang).times
    people = [
        e
        for e in doc.ents
        if e.label_ == "PER"
        and start <= e.start_char
        and e.end_char <= end
        and fold(e[0].text) not in times
    ]
    return _Found(people[-1].start_char, people[-1].end_char) if people else None


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
        if found is not None and not _circumstance(doc, found, lang):
            return _marked(doc, _with_name(doc, found, sent, lang), lang)
    opinion = patterns.opinion.match(folded)
    if opinion is not None:
        found = _holder(doc, sent, sent.start_char + opinion.end(), lang)
        if found is not None:
            return _marked(doc, found, lang)
    for match in patterns.anonymous.finditer(folded):
        lead = doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
        )
        # ("l'OSDH, qui dispose de sources militaires, a indiqué": the OSDH speaks)
        if (
            lead is not None
            and lead[-1].pos_ in _NOMINAL
            and not syntax.in_relative_clause(lead[-1])
        ):
            return _marked(doc, _phrase(lead[-1], lead[-1].i, sent), lang)
    for verbs, lo, hi, inverted in _speech_groups(sent, lang):
        found = _speaker_of(verbs, lo, hi, inverted, sent, lang)
        if found is not None:
            return _marked(doc, _with_name(doc, found, sent, lang), lang)
    for match in patterns.relays.finditer(folded):
        found = _after_lead(
            doc, sent, sent.start_char + match.start(), sent.start_char + match.end()
        )
        if found is not None:
            return _marked(doc, found, lang)
    return None


def _circumstance(doc: Doc, found: _Found, lang: LanguagePack) -> bool:
    """Whether a "selon" phrase names what something depends on, not who says so ("selon
    l'évolution de la situation", "selon les besoins"): its head is one of the pack's
    ``CIRCUMSTANCES``."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    return span is not None and fold(span.root.lemma_) in lang.attribution.CIRCUMSTANCES


def _after_lead(doc: Doc, sent: Span, start: int, end: int) -> _Found | None:
    """The noun phrase after a source preposition ("selon l'OSDH", "d'après lui")."""
    lead = doc.char_span(start, end, alignment_mode="expand")
    if lead is None or lead.end >= sent.end:
        return None
    head = lead[0].head
    if head.i >= lead.end and (head.pos_ in _NOMINAL or head.pos_ == "PRON"):
        found = _phrase(head, lead.end, sent)
        if found is not None:
            return found
    stop = lead.end
    while (
        stop < sent.end
        and not syntax.phrase_break(doc[stop])
        and doc[stop].pos_ not in ("VERB", "AUX")
    ):
        stop += 1
    return _span(doc, lead.end, stop)


def _holder(doc: Doc, sent: Span, end: int, lang: LanguagePack) -> _Found | None:
    """The holder of an opinion opening the sentence ("Pour Mohamed Eljarh, analyste, ..."):
    the noun phrase up to the comma, when it holds a name or a speaker's noun."""
    lead = doc.char_span(sent.start_char, end, alignment_mode="expand")
    if lead is None:
        return None
    stop = lead.end
    while stop < sent.end and not syntax.phrase_break(doc[stop]):
        stop += 1
    if stop >= sent.end or doc[stop].text != "," or stop == lead.end:
        return None
    words = lang.attribution
    nouns = words.SPEAKER_NOUNS | words.INDEPENDENT_NOUNS | words.INSTITUTION_NOUNS
    phrase = doc[lead.end : stop]
    if not any(t.pos_ == "PROPN" or _folded(t) & nouns for t in phrase):
        return None
    return _span(doc, lead.end, stop)


def _speech_groups(sent: Span, lang: LanguagePack) -> list[tuple[list[Token], int, int, bool]]:
    """The verb groups of speech that report the sentence's claims, in order: the verb (or
    the words of a periphrasis: "a fait savoir") and the token range of the group, its
    auxiliaries and the adverbs between them included ("avait d'abord affirmé"), and whether
    it is inverted after what it reports."""
    words = lang.attribution
    groups = []
    for token in sent:
        lemma = fold(token.lemma_)
        verbs = speech_words(lang, token, sent.end)
        if not verbs:
            continue
        lo = syntax.group_start(lang, token, sent.start)
        inverted = _inverted(sent, lo, lang)
        if not syntax.main_clause(token, lo, sent.start):
            continue
        if verbs == [token] and lemma not in words.SPEECH_VERBS and not inverted:
            continue  # "poursuivre" reports speech only inverted
        groups.append((verbs, lo, verbs[-1].i + 1, inverted))
    return groups


def speech_words(
    lang: LanguagePack, token: Token, limit: int, *, inverted: bool = True
) -> list[Token]:
    """The words of speech that start at ``token``: a verb of speech ("a indiqué"; with
    ``inverted``, one that reports speech only inverted too: "a poursuivi") or the words of
    a periphrasis ending before token ``limit`` ("a fait état de"); ``[]`` if none."""
    words = lang.attribution
    doc = token.doc
    lemma = fold(token.lemma_)
    verbs: list[Token] = []
    speech = words.SPEECH_VERBS | words.INVERTED_SPEECH_VERBS if inverted else words.SPEECH_VERBS
    if token.pos_ == "VERB" and lemma in speech:
        verbs = [token]
    for periphrase in words.SPEECH_PERIPHRASES:
        end = token.i + len(periphrase)
        if lemma == periphrase[0] and end <= limit:
            rest = doc[token.i + 1 : end]
            if all(
                fold(t.text) == w or fold(t.lemma_) == w
                for t, w in zip(rest, periphrase[1:], strict=True)
            ):
                verbs = [token, *rest]
    return verbs


def _inverted(sent: Span, lo: int, lang: LanguagePack) -> bool:
    """Whether the verb group starting at token ``lo`` follows what it reports, its subject
    after it: right after a quote ("» a-t-il dit"), or after a comma that closes a quotation
    or a clause of its own ("L'armée a repris X, a annoncé..."), not after a subject's
    apposition ("le colonel X, porte-parole de l'état-major, a décrit...")."""
    doc, quotes = sent.doc, lang.attribution.QUOTE_MARKS
    if lo <= sent.start or not _after_break(doc, lo):
        return False
    if doc[lo - 1].text in quotes or syntax.in_incise(lang, doc, lo, sent.end):
        return True
    return any(
        t.text in quotes or ("Fin" in t.morph.get("VerbForm") and not syntax.subordinate(t))
        for t in doc[sent.start : lo - 1]
    )


def _after_break(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a comma or a quote: "..., a annoncé X", "» a-t-il dit"."""
    return i > 0 and doc[i - 1].is_punct and doc[i - 1].text not in "()"


def _speaker_of(
    verbs: list[Token], lo: int, hi: int, inverted: bool, sent: Span, lang: LanguagePack
) -> _Found | None:
    """The speaker of a verb group of speech: the verb's subject (that of the auxiliary the
    parser made its head, "a quant à lui affirmé"), a subject pronoun, the noun phrase after
    the group when inverted after a comma or a quote, else the noun phrase just before it."""
    doc = sent.doc
    words = lang.attribution
    quoted = max((t.i for t in doc[sent.start : lo] if t.text in words.QUOTE_MARKS), default=-1)
    subjects = [c for c in syntax.subjects(lang, verbs) if c.i > quoted]
    pronouns = [c for c in subjects if fold(c.text).strip("-") in words.SPEAKER_PRONOUNS]
    clitic = next((c for c in pronouns if lo <= c.i < hi), None)
    if clitic is not None:  # "a-t-il précisé"
        return _Found(clitic.idx, clitic.idx + len(clitic.text), anaphor=True)
    if inverted:
        found = _after_verb(doc, hi, sent, lang)
        if found is not None:
            return found
    times = _patterns(lang).times
    named = [
        c
        for c in map(_unprepositioned, subjects)
        if c is not None
        and c.pos_ in _NOMINAL
        and (c.i < lo or not inverted)
        and fold(c.text) not in times
    ]
    spans = [s for c in named if (s := _phrase(c, sent.start, sent)) is not None]
    if spans:
        return _Found(min(s.start for s in spans), max(s.end for s in spans))
    if pronouns:
        return _Found(pronouns[0].idx, pronouns[0].idx + len(pronouns[0].text), anaphor=True)
    if inverted:
        return None
    head = syntax.coordinated_with(verbs[0])
    if head is not None and head.i >= sent.start and _speech_verb(head, lang):
        return _speaker_of([head], head.i, head.i + 1, False, sent, lang)
    return _before_verb(doc, lo, sent, lang)


def _unprepositioned(subject: Token) -> Token | None:
    """``subject``, or ``None`` when the parser gave it a preposition: it is then a phrase
    opening the clause ("Sur Telegram, l'état-major a fait état"), and the speaker is read
    off the words before the verb instead."""
    return None if any(c.dep_ == "case" for c in subject.children) else subject


def _speech_verb(token: Token, lang: LanguagePack) -> bool:
    return (
        token.pos_ == "VERB"
        and token.dep_ in _MAIN_CLAUSE
        and fold(token.lemma_) in lang.attribution.SPEECH_VERBS
    )


def _after_verb(doc: Doc, hi: int, sent: Span, lang: LanguagePack) -> _Found | None:
    """The inverted subject after a verb group ("a déclaré dans l'après-midi le ministère",
    "a affirmé mercredi une source", "a-t-il dit"): adverbs, dates and prepositional phrases
    ("à l'AFP", "pour sa part") skipped."""
    words, times = lang.attribution, _patterns(lang).times
    i = hi
    while i < sent.end:
        token, text = doc[i], fold(doc[i].text).strip("-")
        if text in words.SPEAKER_PRONOUNS:
            return _Found(token.idx, token.idx + len(token.text), anaphor=True)
        dated = token.like_num and i + 1 < sent.end and fold(doc[i + 1].text) in times
        skipped = text in words.INVERSION_LINKS or token.text == "-" or text in times or dated
        if skipped or (token.pos_ == "ADV" and not syntax.elided(lang, token)):
            i += 1
        elif token.pos_ == "ADP" and not _opens_phrase(doc, i, sent, lang):
            i += 1  # a prepositional phrase: its determiners and one noun with its adjectives
            while i < sent.end and (doc[i].pos_ in ("DET", "NUM") or syntax.elided(lang, doc[i])):
                i += 1
            if i < sent.end and doc[i].pos_ in _NOMINAL:
                i += 1
            while i < sent.end and doc[i].pos_ == "ADJ":
                i += 1
        else:
            break
    if i >= sent.end or doc[i].is_punct or syntax.phrase_break(doc[i]) or doc[i].pos_ == "CCONJ":
        return None
    if doc[i].pos_ == "ADP" and not _opens_phrase(doc, i, sent, lang):
        return None
    head = next((t for t in doc[i : min(i + 4, sent.end)] if t.pos_ in _NOMINAL), None)
    if head is None:
        return None
    while head.head.pos_ in _NOMINAL and head.head.i > head.i and head.head.i < sent.end:
        head = head.head
    phrase = _phrase(head, i, sent)
    if phrase is None:
        return None
    return _Found(min(doc[i].idx, phrase.start), phrase.end)


def _opens_phrase(doc: Doc, i: int, sent: Span, lang: LanguagePack) -> bool:
    """Whether token ``i``, tagged a preposition, is an article opening a noun phrase ("des
    responsables", "d'autres sources"): one of the pack's, a noun after it (adjectives and
    numbers aside)."""
    if fold(doc[i].text) not in lang.attribution.INDEFINITE_ARTICLES:
        return False
    j = i + 1
    while j < sent.end and doc[j].pos_ in ("ADJ", "NUM", "DET"):
        j += 1
    return j < sent.end and doc[j].pos_ in _NOMINAL


def _before_verb(doc: Doc, lo: int, sent: Span, lang: LanguagePack) -> _Found | None:
    """The speaker just before a verb group, read off the surface when the parser gave the
    verb no subject ("L'armée malienne avait d'abord affirmé...", "le colonel X, porte-parole
    de l'état-major, a décrit"): the words :func:`geo.syntax.phrase_before` gives, when they
    end on a subject pronoun, or on a noun or adjective that is no object of another verb."""
    words = syntax.phrase_before(lang, doc, lo, sent.start)
    if words is None:
        return None
    start, end = words
    last = doc[end - 1]
    if fold(last.text) in lang.attribution.SPEAKER_PRONOUNS:
        return _Found(last.idx, last.idx + len(last.text), anaphor=True)
    if last.pos_ not in _NOMINAL | {"ADJ"}:
        return None
    if last.dep_ in ("obj", "iobj") and last.head.pos_ == "VERB" and not start <= last.head.i < end:
        return None
    return _span(doc, start, end)


def _with_name(doc: Doc, found: _Found, sent: Span, lang: LanguagePack) -> _Found:
    """A title extended over the name it stands in apposition to, on either side: "le
    porte-parole des forces du GNA, Moustafa al-Mejii" and "Al-Masirah, la chaîne de
    télévision des Houthis" are each the source as a whole, title and name (a scorer that
    compares by containment finds either in it)."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return found
    words = lang.attribution
    if not _folded(span.root) & (words.SPEAKER_NOUNS | words.INSTITUTION_NOUNS):
        return found
    start = span.start - 1
    if start - 1 >= sent.start and doc[start].text == "," and _name_like(doc, start - 1):
        start -= 1
        while start - 1 >= sent.start and _name_like(doc, start - 1):
            start -= 1
        if start == sent.start or doc[start - 1].is_punct:
            return _Found(doc[start].idx, found.end, found.anaphor)
    if span.end + 1 >= sent.end or doc[span.end].text != ",":
        return found
    if not _folded(span.root) & words.SPEAKER_NOUNS:
        return found
    end = span.end + 1
    if not doc[end].text[:1].isupper():
        return found
    while end < sent.end and _name_like(doc, end):
        end += 1
    if end < sent.end and not doc[end].is_punct:
        return found  # a name that starts a clause of its own ("..., Kiev a perdu")
    return _Found(found.start, doc[end - 1].idx + len(doc[end - 1].text), found.anaphor)


def _name_like(doc: Doc, i: int) -> bool:
    """A token of a person's or an outlet's name, read off its spelling (the parser's tags of
    foreign names are unreliable): capitalised, a hyphen, or a particle joined to the next
    word by one ("al-Mesmari")."""
    token = doc[i]
    if token.is_punct and token.text != "-":
        return False
    if token.pos_ == "ADP" and token.is_title:
        return False  # "Sur Telegram, l'état-major": a sentence's opening preposition
    joined = i + 1 < len(doc) and doc[i + 1].text == "-" and token.is_lower
    return token.text[:1].isupper() or token.text == "-" or joined


def _phrase(head: Token, lo: int, sent: Span) -> _Found | None:
    """The noun phrase of ``head`` (its subtree), from token ``lo`` at the earliest, cut at
    the first break on either side of the head, with a bracket it opens closed; ``None``
    when nothing but punctuation is left."""
    doc = head.doc
    start, end = max(head.left_edge.i, lo, sent.start), min(head.right_edge.i + 1, sent.end)
    for i in range(head.i + 1, end):
        if syntax.phrase_break(doc[i]):
            end = i
            break
    for i in range(head.i - 1, start - 1, -1):
        if syntax.phrase_break(doc[i]):
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
    text = fold(_text(doc)[found.start : found.end]).strip()
    if text in lang.attribution.SPEAKER_PRONOUNS or _patterns(lang).same_source.match(text):
        return _Found(found.start, found.end, anaphor=True)
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    cut = next((t for t in span if t.pos_ == "ADP" and t.i > span.root.i), None) if span else None
    if cut is not None and _patterns(lang).same_source.match(fold(doc[span.start : cut.i].text)):
        return _Found(found.start, found.end, anaphor=True)  # "la source à l'AFP"
    return found


def _reported(sent: Span, lang: LanguagePack) -> bool:
    """Whether the sentence reports speech or carries on the report before it: a quotation,
    the conditional, a continuation opener, or a word that refers back to the sentence before
    (a demonstrative determiner, "y")."""
    words = lang.attribution
    return (
        any(t.text in words.QUOTE_MARKS for t in sent)
        or any(t.pos_ in ("VERB", "AUX") and "Cnd" in t.morph.get("Mood") for t in sent)
        or _patterns(lang).continuation.match(fold(sent.text)) is not None
        or any(_refers_to_sentence_before(t, lang) for t in sent)
    )


def _refers_to_sentence_before(token: Token, lang: LanguagePack) -> bool:
    """A demonstrative determiner ("cette percée") or a pronoun of the pack's that stands for
    something the sentence before named ("la Turquie y conduit"), not an existential "y"."""
    if token.pos_ == "DET" and "Dem" in token.morph.get("PronType"):
        return True
    return (
        token.pos_ == "PRON"
        and fold(token.text) in lang.attribution.REFERRING_PRONOUNS
        and not any(c.dep_ == "expl:subj" for c in token.head.children)  # an existential
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
    text = _text(doc)[found.start : found.end]
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
        described = _description(doc, span) if span is not None else None
        if described is None:
            return None
        # "a dit Igor Konachenkov, qui s'exprimait pour le ministère russe de la Défense"
        return _side(doc, described, ctx, where=where, date=date, mentions=mentions)
    side = _institution_side(span, ctx, words, date)
    return side if side is not None else _possessor_side(span, doc, ctx, where, date)


#: Longest apposition or relative clause that describes a named source (tokens).
_DESCRIPTION_REACH = 16


def _description(doc: Doc, span: Span) -> _Found | None:
    """What describes a source named by its name alone: the apposition or relative clause
    after it, between a comma and the next clause break ("Igor Konachenkov, qui s'exprimait
    pour le ministère russe", "Ahmed al-Mismari, porte-parole de l'ANL"). None for a phrase
    that is not a name, or one nothing describes."""
    if not (span[0].is_title or span[0].pos_ == "PROPN"):
        return None  # ("un habitant, ..." is described by what he is, not whom he speaks for)
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    end = span.end + 1
    limit = min(len(doc), end + _DESCRIPTION_REACH)
    while end < limit and not doc[end].is_sent_start and doc[end].text not in ',;.»"':
        end += 1
    if end == span.end + 1:
        return None
    return _Found(doc[span.end + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))


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
        if (
            outside
            and token.dep_ in ctx.lang.grammar.SUBJECT_DEPENDENCIES
            and token.pos_ in _NOMINAL
        ):
            phrase = _phrase(token, sent.start, sent)
            if phrase is not None:
                text = _text(doc)[phrase.start : phrase.end]
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


def _text(doc: Doc) -> str:
    """``doc.text``, built once per document (spaCy joins every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
