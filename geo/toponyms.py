"""Toponym recognition: every place an article names, with its offsets, trigger and hint.

Three sources are joined, each checked against what is not a place:

* the gazetteer's matches in the text (:meth:`gazetteer.Gazetteer.find`): the names it knows;
* patterns of French copy (origin ``trigger``), which name places no gazetteer has: trigger
  nouns ("le village d'al-Bayarat", "les agglomérations d'El Kuleybe et de Kirkouk",
  "l'aéroport militaire de Palmyre", "les temples de Bêl et Baalshamin") that also tell what
  kind of place it is, names built like Arabic place names ("Khan Cheikhoun"), names placed
  relative to another ("à Hmeimim, près de Lattaquié"), seats of government ("le Kremlin"),
  and every repetition of a name a trigger introduced;
* spaCy's ``LOC`` entities, a hint only: the small French model tags "EI" and "Américains" as
  places and "Mossoul" as a person, so an entity alone is kept only when the gazetteer knows
  it, it looks like an Arabic place name or it follows a locative preposition.

Organisations ("Etat islamique", "Washington Post"), acronyms (EI, ONU, OSDH), demonyms
(Américains), people ("M. Kerry", "Bachar al-Assad") and capitalised common words are
filtered out. The word tables live in :mod:`geo.lang.fr.places`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from gazetteer import Match
from gazetteer.normalize import fold, name_key
from geo.lang.fr import places as lang
from geo.nlp import sentences as nlp_sentences
from geo.records import Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gazetteer import Candidate, Gazetteer

__all__ = ["SITE_SCALE", "recognise", "seat_city", "trigger_scale"]

#: The size class of the triggers that name a building or a monument.
SITE_SCALE = "site"

_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
_LETTER = r"[^\W\d_]"
_PARTICLE = "(?:" + "|".join(sorted(lang.ARABIC_PARTICLES, key=len, reverse=True)) + ")"
#: One capitalised word of a name (two letters at least), hyphenated parts included:
#: "Al-Alianiyé", "ez-Zor", "Etats-Unis", "al-Bayarat".
_WORD = (
    rf"(?:{_PARTICLE}-)?[{_UPPER}]{_LETTER}+"
    rf"(?:-(?:{_PARTICLE}-)?{_LETTER}+)*"
)
#: A name: capitalised words, with lower-case hyphenated particles inside ("Deir ez-Zor").
_NAME = rf"{_WORD}(?:[ \u00a0](?:{_PARTICLE}-)?[{_UPPER}]{_LETTER}+(?:-{_LETTER}+)*){{0,3}}"
_DE = (
    r"(?:de[ \u00a0]+(?:la[ \u00a0]+|l['’][ \u00a0]*)?|d['’][ \u00a0]*|du[ \u00a0]+|des[ \u00a0]+)"
)


@dataclass(slots=True)
class _Proposal:
    """A span proposed as a toponym by one or more sources, before overlaps are settled."""

    start: int
    end: int
    origins: set[str] = field(default_factory=set)
    trigger: str | None = None
    scale: str | None = None
    lookup_name: str | None = None


def trigger_scale(trigger: str | None) -> str | None:
    """The size class (``village``, ``town``, ``city``, ``site``...) a trigger lemma names.

    Parameters
    ----------
    trigger
        A trigger lemma as recorded on :attr:`geo.records.Mention.trigger`, or ``None``.

    Returns
    -------
    str or None
        The class from :data:`geo.lang.fr.places.TRIGGERS`, ``None`` for no or unknown trigger.

    Examples
    --------
    >>> trigger_scale("agglomération")
    'town'
    >>> trigger_scale("aéroport")
    'site'
    """
    return _SCALES.get(trigger) if trigger else None


_SCALES: dict[str, str] = {lemma: scale for lemma, scale in lang.TRIGGERS.values()}


def recognise(
    article: Article, doc: Doc, gazetteer: Gazetteer, *, fuzzy: bool = False
) -> list[Mention]:
    """Find the toponyms of an article.

    Parameters
    ----------
    article
        The article; offsets are offsets into ``article.text``.
    doc
        ``geo.nlp.parse(article.text)``: sentences, parts of speech, entities.
    gazetteer
        The place index whose matches and candidates the mentions carry.
    fuzzy
        Also ask the gazetteer's fuzzy matching for names it does not know exactly (slow:
        15-20 ms a name; off by default, see :func:`_candidates`).

    Returns
    -------
    list of Mention
        Sorted by ``start``, non-overlapping, each with its sentence, ``origins`` (a subset of
        ``{"gazetteer", "ner", "trigger"}``), the ``trigger`` lemma before it ("village"),
        the AFP region ``hint`` after it ("nord") and its gazetteer ``candidates``. Unresolved:
        :func:`geo.resolve.resolve` decides what each one is.

    Examples
    --------
    >>> from geo.nlp import parse
    >>> from gazetteer import Gazetteer
    >>> text = "Les troupes ont repris le village d'al-Bayarat, près de Palmyre (centre)."
    >>> article = Article("demo", None, None, text)
    >>> [(m.surface, m.trigger, m.hint) for m in recognise(article, parse(text),
    ...                                                     Gazetteer.default())]
    [('al-Bayarat', 'village', None), ('Palmyre', None, 'centre')]
    """
    text = article.text
    folded = fold(text)
    sentences = nlp_sentences(doc)
    sentence_starts = [s.start for s in sentences]
    person_spans = _person_spans(text, doc, gazetteer)
    blocked = _blocked_spans(text, folded)
    persons = _person_names(text, person_spans)

    proposals: dict[tuple[int, int], _Proposal] = {}

    def propose(start: int, end: int, origin: str, **extra: str | None) -> None:
        # A trigger outweighs a title: "le quartier de Cheikh Maqsoud" is a place.
        if _overlaps(blocked, start, end) or (
            extra.get("trigger") is None and _overlaps(person_spans, start, end)
        ):
            return
        item = proposals.setdefault((start, end), _Proposal(start, end))
        item.origins.add(origin)
        for key, value in extra.items():
            if value is not None and getattr(item, key) is None:
                setattr(item, key, value)

    for start, end, trigger, scale in _trigger_spans(text, gazetteer):
        propose(start, end, "trigger", trigger=trigger, scale=scale)
    for start, end in _arabic_name_spans(text):
        if _plausible_name(text, doc, start, end, persons):
            propose(start, end, "trigger")
    for start, end in _located_name_spans(text):
        if _plausible_name(text, doc, start, end, persons):
            propose(start, end, "trigger")
    for start, end, city in _seat_spans(text, folded):
        propose(start, end, "trigger", lookup_name=city)
    organisations = [
        (e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG" and len(e) > 1
    ]
    for start, end in _compound_spans(text, gazetteer, persons):
        propose(start, end, "trigger")
    for match in map(partial(_without_function_word, text, gazetteer), gazetteer.find(text)):
        if match is not None and (
            _plausible_name(text, doc, match.start, match.end, persons)
            and not any(
                s <= match.start and match.end <= e and (s, e) != (match.start, match.end)
                for s, e in organisations
            )
            and not _first_of_longer_name(text, match, gazetteer)
        ):
            quarter = _QUARTER.match(text, match.end)
            if quarter:  # "Alep-Est": the eastern part of Aleppo, placed as Aleppo
                propose(match.start, quarter.end(), "gazetteer", lookup_name=match.surface)
            else:
                propose(match.start, match.end, "gazetteer")
    ner_spans = list(_ner_spans(text, doc))
    for start, end in ner_spans:
        if _plausible_name(text, doc, start, end, persons):
            propose(start, end, "ner")

    chosen = _settle_overlaps(proposals.values())
    chosen = _settle_overlaps(chosen + _repeated(text, chosen, blocked, person_spans))
    for item in chosen:
        if any(s < item.end and item.start < e for s, e in ner_spans):
            item.origins.add("ner")

    looked_up: dict[tuple[str, str | None], list[Candidate]] = {}
    mentions: list[Mention] = []
    for item in chosen:
        surface = text[item.start : item.end]
        name = item.lookup_name or surface
        if (name, item.scale) not in looked_up:
            looked_up[name, item.scale] = _candidates(gazetteer, name, item.scale, fuzzy=fuzzy)
        candidates = looked_up[name, item.scale]
        if item.origins == {"ner"} and not (
            candidates or _looks_arabic(surface) or _after_locative(text, item.start)
        ):
            continue
        index = bisect.bisect_right(sentence_starts, item.start) - 1
        mentions.append(
            Mention(
                article_id=article.id,
                start=item.start,
                end=item.end,
                surface=surface,
                sentence=sentences[max(index, 0)],
                origins=frozenset(item.origins),
                trigger=item.trigger,
                hint=_hint_after(text, item.end),
                candidates=tuple(candidates),
            )
        )
    return mentions


# --- trigger patterns --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _trigger_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    forms = sorted(lang.TRIGGERS, key=len, reverse=True)
    trigger = "(?P<trigger>(?i:" + "|".join(re.escape(f) for f in forms) + "))"
    stops = "|".join(re.escape(w) for w in sorted(lang.TRIGGER_STOP_WORDS, key=len, reverse=True))
    adjectives = rf"(?P<adj>(?:[ \u00a0]+(?!(?:{stops})\b)[a-zà-ÿœæ-]+){{0,3}}?)"
    with_de = re.compile(
        rf"(?<![\w-]){trigger}(?![\w-]){adjectives}[ \u00a0]+{_DE}(?P<name>{_NAME})(?![\w-])"
    )
    appositive = "|".join(re.escape(f) for f in sorted(lang.APPOSITION_TRIGGERS, key=len)[::-1])
    apposition = re.compile(
        rf"(?<![\w-])(?P<trigger>(?i:{appositive}))[ \u00a0]+(?P<name>{_NAME})(?![\w-])"
    )
    more = re.compile(
        rf"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:et|ou)[ \u00a0]+){_DE}?(?P<name>{_NAME})(?![\w-])"
    )
    return with_de, apposition, more


def _trigger_spans(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, trigger, scale)`` of the names that trigger nouns introduce.

    A site trigger yields the place after it ("l'aéroport militaire de Palmyre", "la base de
    Bachiqa"), except a monument named after no known settlement ("les temples de Bêl et
    Baalshamin"), which yields the whole named site.
    """
    with_de, apposition, more = _trigger_patterns()
    seen: set[int] = set()
    for pattern in (with_de, apposition):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            seen.add(match.start())
            form = match.group("trigger")
            lemma, scale = lang.TRIGGERS[form.lower()]
            names = [(match.start("name"), match.end("name"))]
            if form.lower() in lang.PLURAL_TRIGGER_FORMS:
                end = match.end()
                while extra := more.match(text, end):
                    names.append((extra.start("name"), extra.end("name")))
                    end = extra.end()
            names = [_trim_name(text, s, e) for s, e in names]
            names = [(s, e) for s, e in names if e > s and not _is_common(text[s:e])]
            if not names:
                continue
            if lemma in lang.MONUMENT_TRIGGERS and not all(
                _is_settlement(gazetteer, text[s:e]) for s, e in names
            ):
                yield match.start("trigger"), names[-1][1], lemma, scale
                continue
            for start, end in names:
                yield start, end, lemma, scale
    yield from _landmark_spans(text)


@lru_cache(maxsize=1)
def _landmark_pattern() -> re.Pattern[str]:
    sites = sorted(
        (form for form, (_, scale) in lang.TRIGGERS.items() if scale == SITE_SCALE),
        key=len,
        reverse=True,
    )
    heads = "|".join(re.escape(f[0].upper() + f[1:]) for f in sites)
    return re.compile(
        rf"(?<![\w-])(?P<trigger>{heads})[ \u00a0]+{_DE}(?P<rest>{_LETTER}[\w-]*)(?![\w-])"
    )


def _landmark_spans(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Named monuments with a capitalised head noun mid-sentence: "le célèbre Arc de triomphe"."""
    for match in _landmark_pattern().finditer(text):
        if _sentence_initial(text, match.start()):
            continue
        lemma, scale = lang.TRIGGERS[match.group("trigger").lower()]
        yield match.start(), match.end(), lemma, scale


def _is_settlement(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a populated place or an admin area, spelled so or
    under a key long enough not to be a chance collision ("Al-Chaer" is not "Car", China)."""
    return any(
        (match.start, match.end) == (0, len(name))
        and (len(match.key) >= _SAFE_KEY_LENGTH or _spelled_as(gazetteer, name, match))
        and any(gazetteer.get(i).feature_class in {"P", "A"} for i in match.place_ids)
        for match in gazetteer.find(name)
    )


#: Shortest normalised key that two different names rarely share by chance.
_SAFE_KEY_LENGTH = 6


def _spelled_as(gazetteer: Gazetteer, name: str, match: Match) -> bool:
    spelling = " ".join(fold(name).split())
    return any(
        " ".join(fold(alias).split()) == spelling
        for place_id in match.place_ids
        for alias in (gazetteer.get(place_id).name, *gazetteer.get(place_id).aliases)
    )


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing words of a name that are common capitalised words or organisations."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and _is_common(words[-1].group()):
        words.pop()
    return start, start + words[-1].end() if words else start


# --- what is not a place -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _organisation_pattern() -> re.Pattern[str]:
    names = sorted((fold(n) for n in lang.ORGANISATIONS), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


_ACRONYM = re.compile(rf"(?<![\w-])[{_UPPER}]{{2,}}(?![\w-])")


@lru_cache(maxsize=1)
def _media_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(lang.MEDIA_NOUNS, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?i:{nouns})(?:[ \u00a0]+[a-zà-ÿœæ-]+){{0,2}}?[ \u00a0]+(?P<name>{_NAME})"
    )


def _blocked_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans that are organisations, media or acronyms: nothing inside them is a place."""
    spans = [m.span() for m in _organisation_pattern().finditer(folded)]
    spans += [m.span("name") for m in _media_pattern().finditer(text)]
    spans += [m.span() for m in _ACRONYM.finditer(text) if m.group() not in lang.PLACE_ACRONYMS]
    return sorted(spans)


_ABBREVIATED_TITLES = frozenset(t for t in lang.PERSON_TITLES if t.endswith(".") or len(t) <= 3)


def _person_spans(text: str, doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """People: multi-word ``PER`` entities, kunyas ("Abou Bakr al-Baghdadi") and names after a
    title ("M. Kerry", "le président Assad").

    A single-word ``PER`` entity is not trusted (the small model tags "Mossoul" and
    "Washington" as people), nor one built like an Arabic place name ("Khan Cheikhoun", "Tal
    Abyad") or that the gazetteer knows as a whole.
    """
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) > 1 and not _place_like(ent.text, gazetteer):
            spans.append((ent.start_char, ent.end_char))
    for match in _kunya_pattern().finditer(text):
        if not _is_known(gazetteer, match.group()):
            spans.append(match.span())
    for i, token in enumerate(doc):
        if token.lower_ not in lang.PERSON_TITLES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        first = j
        if (
            j < len(doc)
            and not doc[j].text[:1].isupper()
            and (token.lower_ not in _ABBREVIATED_TITLES or doc[j].lower_ not in {"de", "d'"})
        ):
            continue
        while j < len(doc) and (
            doc[j].text[:1].isupper()
            or doc[j].lower_ in lang.PERSON_NAME_PARTICLES
            or re.match(rf"{_PARTICLE}-[{_UPPER}]", doc[j].text)
        ):
            if doc[j].is_upper and len(doc[j]) > 1:
                break
            j += 1
        while j > first and not doc[j - 1].text[:1].isupper():
            j -= 1
        if j > first:
            spans.append((doc[first].idx, doc[j - 1].idx + len(doc[j - 1])))
    return spans


def _place_like(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a ``PER`` entity is rather a place: built like an Arabic place name ("Khan
    Cheikhoun"), known to the gazetteer as a whole ("Tal Abyad"), or ending with the Arabic
    article and a well-known place ("Amiriyat al-Fallouja"), which would otherwise make that
    place a family name ("John Kerry" stays a person, although Kerry is an Irish county)."""
    words = re.split(r"[ \u00a0]", name)
    head = re.split(r"-", words[0], maxsplit=1)[0].lower()
    if head in lang.ARABIC_PLACE_HEADS and head not in lang.PERSON_LIKE_HEADS:
        return True
    if _is_known(gazetteer, name):
        return True
    if len(words) < 2 or not re.match(rf"{_PARTICLE}-", words[-1]):
        return False
    last = re.sub(rf"^{_PARTICLE}-", "", words[-1])
    return any(
        gazetteer.get(place_id).population >= _WELL_KNOWN_POPULATION
        for match in gazetteer.find(last)
        if (match.start, match.end) == (0, len(last))
        for place_id in match.place_ids
    )


@lru_cache(maxsize=1)
def _kunya_pattern() -> re.Pattern[str]:
    heads = "|".join(re.escape(h.capitalize()) for h in sorted(lang.KUNYA_HEADS))
    word = rf"(?:{_PARTICLE}-)?[{_UPPER}]{_LETTER}+"
    return re.compile(rf"(?<![\w-])(?:{heads})[ \u00a0]{word}(?:[ \u00a0]{word})*")


def _person_names(text: str, person_spans: list[tuple[int, int]]) -> frozenset[str]:
    """Family names of the people of the article, to recognise "Kerry" alone later on."""
    names: set[str] = set()
    for start, end in person_spans:
        last = text[start:end].split()[-1]
        names.add(name_key(last))
    names.discard("")
    return frozenset(names)


def _plausible_name(text: str, doc: Doc, start: int, end: int, persons: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` may be a place name by its form and its context."""
    surface = text[start:end]
    first = re.sub(rf"^{_PARTICLE}-", "", surface)
    if not first[:1].isupper() or _is_common(surface) or _is_demonym(surface):
        return False
    if surface.isupper() and surface not in lang.PLACE_ACRONYMS:
        return False
    if name_key(surface) in persons:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = next((t for t in span if t.pos_ != "DET"), span[0])  # "Le Caire": look at "Caire"
    return not _sentence_initial(text, start) or head.pos_ in {"PROPN", "NOUN", "X"}


_NEXT_NAME = re.compile(rf"[ \u00a0]+[{_UPPER}]{_LETTER}+")


def _without_function_word(text: str, gazetteer: Gazetteer, match: Match) -> Match | None:
    """A match without a capitalised French function word before the name ("A Raqa" at the
    start of a sentence is "à Raqa"), or with the article that belongs to the name ("Le Caire
    a appelé"); ``None`` when the rest is no known name."""
    article = _ARTICLE_BEFORE.search(text, max(0, match.start - 5), match.start)
    if article is not None:
        whole = text[article.start() : match.end]
        if _spelled_as(gazetteer, whole, match):
            return Match(article.start(), match.end, whole, match.key, match.place_ids)
    head, _, rest = match.surface.partition(" ")
    if not rest or head.lower() not in lang.FUNCTION_WORDS:
        return match
    if head in {"Le", "La", "Les"} and _spelled_as(gazetteer, match.surface, match):
        return match
    start = match.start + len(head) + 1
    candidates = [c for c in gazetteer.lookup(rest, limit=10) if c.exact]
    if not candidates:
        return None
    ids = tuple(c.place.place_id for c in candidates)
    return Match(start, match.end, text[start : match.end], name_key(rest), ids)


_QUARTER = re.compile(r"-(?:Est|Ouest|Nord|Sud)(?![\w-])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:Le|La|Les)[ \u00a0]$")
_PARTICLE_NAME = re.compile(rf"(?<![\w-]){_PARTICLE}-[{_UPPER}]{_LETTER}+(?![\w-])")
_WORD_BEFORE = re.compile(rf"(?<![\w-])[{_UPPER}]{_LETTER}+[ \u00a0]$")


def _compound_spans(
    text: str, gazetteer: Gazetteer, persons: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Names built on a known place with the Arabic article: "Amiriyat al-Fallouja", "Qasr
    al-Hayr". Without them, the place inside ("al-Fallouja") would be taken for the whole."""
    for match in _PARTICLE_NAME.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is None or _sentence_initial(text, before.start()):
            continue
        head = before.group().strip()
        if (
            head.lower() in lang.FUNCTION_WORDS | lang.PERSON_TITLES
            or name_key(head) in persons
            or not _is_known(gazetteer, match.group())
        ):
            continue
        yield before.start(), match.end()


def _first_of_longer_name(text: str, match: Match, gazetteer: Gazetteer) -> bool:
    """Whether a gazetteer match is the first word of a longer name ("Maamoun Abdelkarim").

    Only small places are dropped this way: a well-known city or a country followed by a
    capitalised word is still that place ("à Genève Staffan de Mistura").
    """
    if not _NEXT_NAME.match(text, match.end):
        return False
    places = [gazetteer.get(place_id) for place_id in match.place_ids]
    return not any(p.population >= _WELL_KNOWN_POPULATION or p.feature_class == "A" for p in places)


#: Population above which a place name followed by another capitalised word is still taken
#: as the place: big cities are named next to people ("à Genève Staffan de Mistura").
_WELL_KNOWN_POPULATION = 100_000


def _is_common(surface: str) -> bool:
    return surface.lower() in lang.COMMON_CAPITALISED


def _is_demonym(surface: str) -> bool:
    lower = surface.lower()
    return lower in lang.DEMONYMS


def _looks_arabic(surface: str) -> bool:
    """Whether a name starts like an Arabic place name ("Tal Abyad", "al-Bayarat")."""
    head = re.split(r"[ \u00a0-]", surface, maxsplit=1)[0].lower()
    return head in lang.ARABIC_PLACE_HEADS and (" " in surface or "-" in surface)


@lru_cache(maxsize=1)
def _arabic_name_pattern() -> re.Pattern[str]:
    heads = sorted(lang.ARABIC_PLACE_HEADS - lang.PERSON_LIKE_HEADS, key=len, reverse=True)
    alternatives = "|".join(re.escape(h[0].upper() + h[1:]) for h in heads)
    word = rf"(?:{_PARTICLE}-)?[{_UPPER}]{_LETTER}+"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:[ \u00a0-]{word})+(?![\w-])")


@lru_cache(maxsize=1)
def _located_name_pattern() -> re.Pattern[str]:
    prepositions = r"(?i:à|a|vers|depuis|près\s+de|près\s+d['’]|dans)"
    links = "|".join(
        re.escape(link).replace("'", "['’]").replace(r"\ ", r"\s+")
        for link in sorted(lang.LOCATING_LINKS, key=len, reverse=True)
    )
    distance = r"à\s+(?:environ\s+|quelque\s+|une\s+\w+\s+de\s+)?\d+[\s\u00a0]*(?:km|kilomètres)"
    return re.compile(
        rf"(?<![\w-]){prepositions}[ \u00a0]+(?P<name>{_NAME})(?=[ \u00a0]*,[ \u00a0]*"
        rf"(?i:{links}|{distance}))"
    )


def _located_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Names placed relative to another place: "basés à Hmeimim, près de Lattaquié"."""
    for match in _located_name_pattern().finditer(text):
        yield match.span("name")


def _repeated(
    text: str,
    chosen: list[_Proposal],
    blocked: list[tuple[int, int]],
    person_spans: list[tuple[int, int]],
) -> list[_Proposal]:
    """Other occurrences of the names a trigger introduced: one sense per article ("la base
    de Bachiqa" makes "tiennent Bachiqa" a place too)."""
    taken = [(p.start, p.end) for p in chosen]
    found: list[_Proposal] = []
    names = {text[p.start : p.end] for p in chosen if p.trigger and p.scale != SITE_SCALE}
    names |= {
        text[p.start : p.end]
        for p in chosen
        if p.scale == SITE_SCALE and text[p.start : p.end][:1].isupper()
    }
    for name in names:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = match.span()
            if not _overlaps(taken + blocked + person_spans, *span):
                found.append(_Proposal(*span, origins={"trigger"}))
                taken.append(span)
    return found


def _arabic_name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Multi-word names built like Arabic place names: "Khan Cheikhoun", "Tal Abyad", "Ras
    al-Aïn", "Deir Hafer" (no gazetteer needed)."""
    for match in _arabic_name_pattern().finditer(text):
        yield match.start(), match.end()


_LOCATIVE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:"
    + "|".join(re.escape(p) for p in sorted(lang.LOCATIVE_PREPOSITIONS, key=len, reverse=True))
    + r")(?:[ \u00a0]+(?:de[ \u00a0]+)?(?:la[ \u00a0]+|le[ \u00a0]+|les[ \u00a0]+|l['’])?)$",
    re.IGNORECASE,
)


def _after_locative(text: str, start: int) -> bool:
    """Whether a locative preposition stands right before ``start`` ("à", "en", "près de")."""
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 30) : start]))


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only punctuation, quotes or dashes stand between ``start`` and the last stop."""
    before = text[max(0, start - 40) : start].rstrip(" \u00a0«»\"'“”‘’-–—(")
    return not before or before[-1] in ".!?:;\n"


# --- spaCy entities, seats of government, hints ------------------------------------------


def _ner_spans(text: str, doc: Doc) -> Iterator[tuple[int, int]]:
    """The names inside spaCy's ``LOC`` entities, without determiners or common nouns."""
    name = re.compile(_NAME)
    for ent in doc.ents:
        if ent.label_ not in {"LOC", "GPE"}:
            continue
        for match in name.finditer(ent.text):
            start, end = ent.start_char + match.start(), ent.start_char + match.end()
            if match.start() == 0 or text[start - 1] in " \u00a0'’":
                yield start, end


@lru_cache(maxsize=1)
def _seat_pattern() -> re.Pattern[str]:
    seats = sorted((fold(s) for s in lang.GOVERNMENT_SEATS), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in seats) + r")(?![\w-])")


_SEAT_CITIES = {fold(seat): city for seat, city in lang.GOVERNMENT_SEATS.items()}


def _seat_spans(text: str, folded: str) -> Iterator[tuple[int, int, str]]:
    """Capitalised names of seats of government ("le Kremlin") and the city that holds each."""
    for match in _seat_pattern().finditer(folded):
        if text[match.start()].isupper():
            yield match.start(), match.end(), _SEAT_CITIES[match.group()]


def seat_city(surface: str) -> str | None:
    """The city of a seat of government named ``surface`` ("Kremlin" -> "Moscou"), if any."""
    return _SEAT_CITIES.get(fold(surface).strip())


_HINT = re.compile(
    r"[ \u00a0]*\([ \u00a0]*(?P<hint>(?:"
    + "|".join(re.escape(h) for h in sorted(lang.HINT_POSITIONS, key=len, reverse=True))
    + rf")(?:[ \u00a0]+{_DE}[{_UPPER}][\w-]*)?)[ \u00a0]*\)",
    re.IGNORECASE,
)


def _hint_after(text: str, end: int) -> str | None:
    """The AFP region hint in brackets right after a name: "nord", "nord de l'Irak"."""
    match = _HINT.match(text, end)
    return match.group("hint").lower() if match else None


# --- candidates and overlaps --------------------------------------------------------------


def _candidates(
    gazetteer: Gazetteer, name: str, scale: str | None, *, fuzzy: bool
) -> list[Candidate]:
    """Gazetteer candidates of a name; a named site itself has none.

    Without ``fuzzy``, a name the gazetteer does not know under its normalised key gets no
    candidate rather than the gazetteer's fuzzy guesses, which cost 15-20 ms each and, for the
    villages that only a trigger introduces, are homonyms from the other side of the world.
    """
    if scale == SITE_SCALE and " " in name and not _is_settlement(gazetteer, name):
        return []
    if not fuzzy and not _is_known(gazetteer, name):
        return []
    return gazetteer.lookup(name, limit=10)


def _is_known(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the gazetteer knows ``name`` under its normalised key (no fuzzy matching)."""
    return any((m.start, m.end) == (0, len(name)) for m in gazetteer.find(name))


_PRIORITY = {"trigger": 0, "gazetteer": 1, "ner": 2}


def _settle_overlaps(proposals: Iterable[_Proposal]) -> list[_Proposal]:
    """Keep non-overlapping proposals: triggers first, then gazetteer matches, then NER; the
    longer span first within a source."""
    ranked = sorted(
        proposals,
        key=lambda p: (min(_PRIORITY[o] for o in p.origins), -(p.end - p.start), p.start),
    )
    kept: list[_Proposal] = []
    for item in ranked:
        if _overlaps([(k.start, k.end) for k in kept], item.start, item.end):
            for other in kept:
                if other.start <= item.start and item.end <= other.end:
                    other.origins |= item.origins
            continue
        kept.append(item)
    return sorted(kept, key=lambda p: p.start)


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
