"""Toponym recognition: every place an article names, with its offsets, trigger and hint.

Three sources are joined, each checked against what is not a place:

* the gazetteer's matches in the text (:meth:`gazetteer.Gazetteer.find`): the names it knows;
* patterns of French copy (origin ``trigger``), which name places no gazetteer has: trigger
  nouns ("le village d'al-Bayarat", "les agglomérations d'El Kuleybe et de Kirkouk",
  "l'aéroport militaire de Palmyre", "les temples de Bêl et Baalshamin") that also tell what
  kind of place it is, names built like Arabic place names ("Khan Cheikhoun"), names placed
  relative to another ("à Hmeimim, près de Lattaquié"), seats of government ("le Kremlin"),
  the town of a wire dateline in capitals ("KHARKIV (Ukraine), 3 mars (AFP) -"), and every
  repetition of a name a trigger introduced;
* names a verb of taking, holding, leaving or striking ground governs (origins ``object``
  and ``complement``):
  "a bombardé Kalanzah", "s'est emparé d'Abou Qassab", "a pris le contrôle de Tinkarine", by
  the verbs of the pack's event frames and its ``PLACE_COMPLEMENTS``;
* spaCy's ``LOC`` entities, a hint only: the small French model tags "EI" and "Américains" as
  places and "Mossoul" as a person, so an entity alone is kept only when the gazetteer knows
  it, it looks like an Arabic place name or it follows a locative preposition.

Organisations ("Etat islamique", "Washington Post"), acronyms (EI, ONU, OSDH), demonyms
(Américains), people ("M. Kerry", "Bachar al-Assad") and capitalised common words are
filtered out. The word tables come from the language pack of the run context (its ``places``
module: ``geo/lang/fr/places.py`` for French), and every pattern is built from them.
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
from geo._regex import alternation
from geo.nlp import sentences as nlp_sentences
from geo.records import Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gazetteer import Candidate, Gazetteer
    from geo.context import RunContext
    from geo.lang import LanguagePack
    from geo.theatre import TheatreProfile

__all__ = [
    "AREA_SCALES",
    "SITE_SCALE",
    "recognise",
    "seat_city",
    "trigger_scale",
    "with_unaccented",
]

#: The size class of the triggers that name a building or a monument.
SITE_SCALE = "site"
#: The size classes of the triggers that name a province or a vaguer region, not a town.
AREA_SCALES = frozenset({"admin", "area"})

_LETTER = r"[^\W\d_]"
_SPACE = r"[ \u00a0]"


def _phrase(words: str, gap: str = r"\s+") -> str:
    """The regex of a word or phrase of the pack: its spaces any run of ``gap``, its apostrophes
    straight or curly."""
    return re.escape(words).replace(r"\ ", gap).replace("'", "['’]")


def _spaced(word: str, space: str = _SPACE) -> str:
    """``word`` and the space after it: any after an elided word ("d'", "l'"), some after
    another."""
    return _phrase(word, space + "+") + space + ("*" if word.endswith("'") else "+")


def with_unaccented(lang: LanguagePack, words: Iterable[str]) -> list[str]:
    """``words``, each followed by the forms written without its accent ("à", "a")."""
    unaccented = lang.places.UNACCENTED
    return [
        form for word in words for form in (word, *(u for u, a in unaccented.items() if a == word))
    ]


@dataclass(frozen=True, slots=True)
class _Forms:
    """The building blocks of the patterns, from the pack's letters, particles and links."""

    upper: str  # the capital letters, as the body of a character class
    lower: str  # the lower-case letters, likewise
    particle: str  # an Arabic particle: "al", "ez"
    word: str  # one capitalised word of a name, hyphenated parts included
    name: str  # a name: capitalised words, with hyphenated particles inside ("Deir ez-Zor")
    de: str  # the link between a noun and a name: "de", "de la", "d'", "du", "des"


@lru_cache(maxsize=8)
def _forms(lang: LanguagePack) -> _Forms:
    places = lang.places
    upper, lower = places.UPPERCASE_LETTERS, places.LOWERCASE_LETTERS
    particle = alternation(places.ARABIC_PARTICLES)
    # One capitalised word of a name (two letters at least), hyphenated parts included:
    # "Al-Alianiyé", "ez-Zor", "Etats-Unis", "al-Bayarat".
    word = rf"(?:{particle}-)?[{upper}]{_LETTER}+(?:-(?:{particle}-)?{_LETTER}+)*"
    name = rf"{word}(?:{_SPACE}(?:{particle}-)?[{upper}]{_LETTER}+(?:-{_LETTER}+)*){{0,3}}"
    links = []
    for words in lang.positions.LINKS:
        link = " ".join(words)
        articles = places.LINK_ARTICLES.get(link, ())
        after = alternation(articles, form=_spaced) + "?" if articles else ""
        links.append(_spaced(link) + after)
    return _Forms(upper, lower, particle, word, name, alternation(links, form=str))


@dataclass(slots=True)
class _Proposal:
    """A span proposed as a toponym by one or more sources, before overlaps are settled."""

    start: int
    end: int
    origins: set[str] = field(default_factory=set)
    trigger: str | None = None
    scale: str | None = None
    lookup_name: str | None = None


def trigger_scale(lang: LanguagePack, trigger: str | None) -> str | None:
    """The size class (``village``, ``town``, ``city``, ``site``...) a trigger lemma names.

    Parameters
    ----------
    lang
        The language pack whose ``places.TRIGGERS`` the lemma is one of.
    trigger
        A trigger lemma as recorded on :attr:`geo.records.Mention.trigger`, or ``None``.

    Returns
    -------
    str or None
        The class from the pack's ``places.TRIGGERS``, ``None`` for no or unknown trigger.

    Examples
    --------
    >>> from geo.lang import load_language
    >>> french = load_language("fr")
    >>> trigger_scale(french, "agglomération")
    'town'
    >>> trigger_scale(french, "aéroport")
    'site'
    """
    return _scales(lang).get(trigger) if trigger else None


@lru_cache(maxsize=8)
def _scales(lang: LanguagePack) -> dict[str, str]:
    return {lemma: scale for lemma, scale in lang.places.TRIGGERS.values()}


def recognise(article: Article, doc: Doc, ctx: RunContext, *, fuzzy: bool = False) -> list[Mention]:
    """Find the toponyms of an article.

    Parameters
    ----------
    article
        The article; offsets are offsets into ``article.text``.
    doc
        ``geo.nlp.parse(article.text)``: sentences, parts of speech, entities.
    ctx
        The run context: ``ctx.gazetteer`` is the place index whose matches and candidates the
        mentions carry, ``ctx.lang`` the language pack whose words the patterns are built of.
    fuzzy
        Also ask the gazetteer's fuzzy matching for names it does not know exactly (slow:
        15-20 ms a name; off by default, see :func:`_candidates`).

    Returns
    -------
    list of Mention
        Sorted by ``start``, non-overlapping, each with its sentence, ``origins`` (a subset of
        ``{"gazetteer", "ner", "trigger", "object", "complement", "listed"}``; "object" and
        "complement": governed by a verb of taking or leaving ground; "listed": named in a
        list with a place), the
        ``trigger`` lemma before it ("village"),
        the AFP region ``hint`` after it ("nord") and its gazetteer ``candidates``. Unresolved:
        :func:`geo.resolve.resolve` decides what each one is.

    Examples
    --------
    >>> from geo.context import build_context
    >>> from geo.nlp import parse
    >>> text = "Les troupes ont repris le village d'al-Bayarat, près de Palmyre (centre)."
    >>> article = Article("demo", None, None, text)
    >>> ctx = build_context(theatre="syria_iraq")
    >>> [(m.surface, m.trigger, m.hint) for m in recognise(article, parse(text, ctx.lang), ctx)]
    [('al-Bayarat', 'village', None), ('Palmyre', None, 'centre')]
    """
    gazetteer, lang = ctx.gazetteer, ctx.lang
    text = article.text
    folded = fold(text)
    sentences = nlp_sentences(doc)
    sentence_starts = [s.start for s in sentences]
    person_spans = _person_spans(lang, text, doc, gazetteer)
    datelines = list(_dateline_spans(lang, text))
    blocked = [b for b in _blocked_spans(ctx, text, folded) if not _overlaps(datelines, *b)]
    trigger_nouns = _trigger_noun_spans(lang, text)
    persons = _person_names(text, person_spans)

    proposals: dict[tuple[int, int], _Proposal] = {}

    def propose(start: int, end: int, origin: str, **extra: str | None) -> None:
        # A trigger outweighs a title: "le quartier de Cheikh Maqsoud" is a place; so does
        # a verb that only governs places: "s'est emparé d'Abou Qassab".
        if _overlaps(blocked, start, end) or (
            extra.get("trigger") is None
            and origin != "complement"
            and _overlaps(person_spans, start, end)
        ):
            return
        item = proposals.setdefault((start, end), _Proposal(start, end))
        item.origins.add(origin)
        for key, value in extra.items():
            if value is not None and getattr(item, key) is None:
                setattr(item, key, value)

    plausible = partial(
        _plausible_name, lang, text, doc, persons=persons, trigger_nouns=trigger_nouns
    )
    for start, end, trigger, scale in _trigger_spans(lang, text, gazetteer):
        if not _is_compass(lang, text[start:end]):  # "cette ville de l'Est"
            propose(start, end, "trigger", trigger=trigger, scale=scale)
    for start, end in _arabic_name_spans(lang, text):
        if plausible(start, end):
            propose(start, end, "trigger")
    for start, end in _located_name_spans(lang, text):
        if plausible(start, end):
            propose(start, end, "trigger")
    for start, end, city in _seat_spans(lang, text, folded):
        propose(start, end, "trigger", lookup_name=city)
    for start, end in datelines:
        propose(start, end, "trigger")
    organisations = [
        (e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG" and len(e) > 1
    ]
    for start, end in _compound_spans(lang, text, gazetteer, persons):
        propose(start, end, "trigger")
    patterns = _patterns(lang)
    for match in map(partial(_without_function_word, lang, text, gazetteer), gazetteer.find(text)):
        if match is not None and (
            plausible(match.start, match.end)
            and not (
                any(
                    s <= match.start and match.end <= e and (s, e) != (match.start, match.end)
                    for s, e in organisations
                )
                and not _after_stance_prefix(lang, text, match.start)
            )
            and not _first_of_longer_name(lang, text, match, gazetteer)
        ):
            quarter = patterns.quarter.match(text, match.end)
            if quarter:  # "Alep-Est": the eastern part of Aleppo, placed as Aleppo
                propose(match.start, quarter.end(), "gazetteer", lookup_name=match.surface)
            else:
                propose(match.start, match.end, "gazetteer")
    ner_spans = list(_ner_spans(lang, text, doc))
    for start, end in ner_spans:
        if plausible(start, end):
            propose(start, end, "ner")

    for start, end, complement in _object_spans(lang, doc):
        if plausible(start, end):
            propose(start, end, "complement" if complement else "object")
    chosen = _settle_overlaps(proposals.values())
    for start, end in _listed_spans(lang, text, chosen):
        if plausible(start, end):
            propose(start, end, "listed")
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
            candidates or _looks_arabic(lang, surface) or _after_locative(lang, text, item.start)
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
                hint=_hint_after(lang, gazetteer, text, item.end),
                candidates=tuple(candidates),
            )
        )
    return mentions


# --- trigger patterns --------------------------------------------------------------------


@lru_cache(maxsize=8)
def _trigger_patterns(
    lang: LanguagePack,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    places, forms = lang.places, _forms(lang)
    trigger = "(?P<trigger>(?i:" + alternation(places.TRIGGERS) + "))"
    stops = alternation(places.TRIGGER_STOP_WORDS)
    adjectives = rf"(?P<adj>(?:[ \u00a0]+(?!(?:{stops})\b)[{forms.lower}-]+){{0,3}}?)"
    with_de = re.compile(
        rf"(?<![\w-]){trigger}(?![\w-]){adjectives}[ \u00a0]+{forms.de}(?P<name>{forms.name})"
        r"(?![\w-])"
    )
    appositive = alternation(places.APPOSITION_TRIGGERS)
    apposition = re.compile(
        rf"(?<![\w-])(?P<trigger>(?i:{appositive}))[ \u00a0]+(?P<name>{forms.name})(?![\w-])"
    )
    coordinators = alternation(places.COORDINATORS)
    more = re.compile(
        rf"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:{coordinators})[ \u00a0]+){forms.de}?"
        rf"(?P<name>{forms.name})(?![\w-])"
    )
    return with_de, apposition, more


def _listed_spans(
    lang: LanguagePack, text: str, chosen: Iterable[_Proposal]
) -> Iterator[tuple[int, int]]:
    """The names listed after a found place, in a list that a coordinator closes: "au premier
    rang desquelles Belogorovka, Novodroujesk, Maloriazantsevo et Belaïa Gora" (a village no
    gazetteer knows, listed with ones it knows, is a place too). A name after a comma alone
    ("à Kidal, Moussa Ag Assarid a dit") is no list."""
    more = _trigger_patterns(lang)[2]
    coordinators = {fold(c) for c in lang.places.COORDINATORS}
    for item in chosen:
        end, members, closed = item.end, [], False
        while match := more.match(text, end):
            members.append((match.start("name"), match.end("name")))
            link = fold(text[end : match.start("name")]).strip(" ,\u00a0")
            closed = closed or link.split(" ")[0] in coordinators
            end = match.end()
        if closed:
            yield from members


def _trigger_spans(
    lang: LanguagePack, text: str, gazetteer: Gazetteer
) -> Iterator[tuple[int, int, str | None, str | None]]:
    """``(start, end, trigger, scale)`` of the names that trigger nouns introduce.

    A site trigger yields the place after it ("l'aéroport militaire de Palmyre", "la base de
    Bachiqa"), except a monument named after no known settlement ("les temples de Bêl et
    Baalshamin"), which yields the whole named site.
    """
    places = lang.places
    with_de, apposition, more = _trigger_patterns(lang)
    seen: set[int] = set()
    for pattern in (with_de, apposition):
        headed = pattern is apposition
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            seen.add(match.start())
            form = match.group("trigger")
            lemma, scale = places.TRIGGERS[form.lower()]
            names = [(match.start("name"), match.end("name"))]
            if form.lower() in places.PLURAL_TRIGGER_FORMS:
                end = match.end()
                while extra := more.match(text, end):
                    names.append((extra.start("name"), extra.end("name")))
                    end = extra.end()
            names = [_trim_name(lang, text, s, e) for s, e in names]
            names = [(s, e) for s, e in names if e > s and not _is_common(lang, text[s:e])]
            if not names:
                continue
            if scale == "district" and _one_of_several(lang, text, match.start("trigger")):
                # "un quartier de Tikrit": a part of the city named, not a district named
                for start, end in names:
                    yield start, end, None, None
                continue
            if lemma in places.MONUMENT_TRIGGERS and not all(
                _is_settlement(gazetteer, text[s:e]) for s, e in names
            ):
                yield match.start("trigger"), names[-1][1], lemma, scale
                continue
            if headed and form.lower() in places.NAME_HEAD_TRIGGERS:  # "mer Rouge"
                names = [(match.start("trigger"), names[-1][1])]
            for start, end in names:
                yield start, end, lemma, scale
    yield from _landmark_spans(lang, text)


def _one_of_several(lang: LanguagePack, text: str, start: int) -> bool:
    """Whether the word before a trigger at ``start`` counts one of several ("un quartier
    de", "plusieurs quartiers de", "deux quartiers de"): the name then holds the part."""
    before = re.search(r"(\w+)[ \u00a0]+$", text[max(start - 30, 0) : start])
    return before is not None and fold(before.group(1)) in lang.places.PART_COUNTERS


#: Event relations whose verbs' objects are places (not "fighting": "combattre l'EI").
_GROUND_RELATIONS = frozenset({"captured", "controls", "withdrew", "besieged", "strike"})


@lru_cache(maxsize=8)
def _ground_verbs(lang: LanguagePack) -> frozenset[str]:
    """The verbs of the pack's event frames whose direct object is the place ("reprendre",
    "assiéger"); not those whose object is a force ousted from it ("déloger l'EI")."""
    return frozenset(
        words
        for words, kind, relation, _place, actor, _weight in lang.events.FRAMES
        if kind == "verb" and relation in _GROUND_RELATIONS and actor != "object"
    )


def _object_spans(lang: LanguagePack, doc: Doc) -> Iterator[tuple[int, int, bool]]:
    """Capitalised names a verb of taking or leaving ground governs: its direct object ("a
    bombardé Kalanzah") or the complement the pack's ``PLACE_COMPLEMENTS`` name for its head
    ("s'est emparé d'Abou Qassab", "le contrôle de Tinkarine", "entrés dans X"). Such a name
    is a place even when no gazetteer knows it and the small model tags it a person; the flag
    tells a complement, which no person name can be ("s'emparer d'Abou Qassab"; one may
    "capturer Abou Omar")."""
    verbs, complements = _ground_verbs(lang), lang.places.PLACE_COMPLEMENTS
    for token in doc:
        if not token.text[:1].isupper() or token.dep_ == "flat:name" or token.is_sent_start:
            continue
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "X"):
            continue
        head = fold(token.head.lemma_)
        case = next((fold(c.text) for c in token.children if c.dep_ == "case"), None)
        governed = (
            case in complements.get(head, ())
            if case is not None
            else token.dep_ == "obj" and (head in verbs or fold(token.head.text) in verbs)
        )
        if governed:
            last = max(
                (c for c in token.children if c.dep_ == "flat:name"),
                default=token,
                key=lambda c: c.i,
            )
            yield token.idx, last.idx + len(last.text), case is not None


def _trigger_noun_spans(lang: LanguagePack, text: str) -> list[tuple[int, int]]:
    """Capitalised trigger nouns before "de" and a name ("Le Port de Hodeida", "Le Palais
    présidentiel de Sanaa"): the noun is no place of its own, whatever a gazetteer calls so."""
    with_de = _trigger_patterns(lang)[0]
    return [m.span("trigger") for m in with_de.finditer(text) if m.group("trigger")[:1].isupper()]


@lru_cache(maxsize=8)
def _dateline_pattern(lang: LanguagePack) -> re.Pattern[str]:
    upper = _forms(lang).upper
    town = rf"[{upper}](?:[{upper}]|['’-](?=[{upper}])|[ \u00a0](?=[{upper}]{{2}}))+"
    return re.compile(
        rf"^[ \t\u00a0]*(?:[{upper}][{upper} .&]{{1,30}}:[ \u00a0]*)?"  # "REUTERS FRANCE: "
        rf"(?P<town>{town})(?![\w-])"
        r"(?:[ \u00a0]*\([^()\n]{1,40}\))?"  # "(Ukraine)"
        r"(?:[ \u00a0]*,[^\n—–]{1,40}?)?"  # ", 3 mars (AFP)"
        r"[ \u00a0]+[-–—][ \u00a0]",
        re.MULTILINE,
    )


def _dateline_spans(lang: LanguagePack, text: str) -> Iterator[tuple[int, int]]:
    """The town of a wire dateline, in capitals at the head of a paragraph ("HOMS —",
    "KHARKIV (Ukraine), 3 mars (AFP) -", "BAMAKO, 12 janv 2013 (AFP) -"), after an agency's
    label if any ("REUTERS FRANCE: AJDABIAH, Libye -"). Capitals elsewhere
    are acronyms ("AFP", "ONU") and stay out."""
    for match in _dateline_pattern(lang).finditer(text):
        yield match.span("town")


@lru_cache(maxsize=8)
def _landmark_pattern(lang: LanguagePack) -> re.Pattern[str]:
    sites = sorted(
        (form for form, (_, scale) in lang.places.TRIGGERS.items() if scale == SITE_SCALE),
        key=len,
        reverse=True,
    )
    heads = alternation(f[0].upper() + f[1:] for f in sites)
    return re.compile(
        rf"(?<![\w-])(?P<trigger>{heads})[ \u00a0]+{_forms(lang).de}"
        rf"(?P<rest>{_LETTER}[\w-]*)(?![\w-])"
    )


def _landmark_spans(lang: LanguagePack, text: str) -> Iterator[tuple[int, int, str, str]]:
    """Named monuments with a capitalised head noun mid-sentence: "le célèbre Arc de triomphe".

    A capitalised name after the head ("la Citadelle d'Alep", "la Centrale de Zaporijjia") is
    left to the trigger pattern, as in lower case: the site of that city, the city a mention.
    """
    particle_prefix = _patterns(lang).particle_prefix
    for match in _landmark_pattern(lang).finditer(text):
        if _sentence_initial(text, match.start()):
            continue
        if particle_prefix.sub("", match.group("rest"))[:1].isupper():
            continue  # "la Citadelle d'Alep" is read as "la citadelle d'Alep": Alep's site
        lemma, scale = lang.places.TRIGGERS[match.group("trigger").lower()]
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


def _trim_name(lang: LanguagePack, text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing words of a name that are common capitalised words or organisations."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and _is_common(lang, words[-1].group()):
        words.pop()
    return start, start + words[-1].end() if words else start


# --- what is not a place -----------------------------------------------------------------


@lru_cache(maxsize=8)
def _organisation_pattern(
    lang: LanguagePack, profiles: tuple[TheatreProfile, ...]
) -> re.Pattern[str]:
    """Names that are no place although they hold one: the pack's (international bodies,
    media) and those of the wars' profiles in use ("Etat islamique en Irak et au Levant",
    "Al-Qaïda au Maghreb islamique", "Fajr Libya")."""
    names = [*lang.places.ORGANISATIONS, *(n for p in profiles for n in p.organisations)]
    return re.compile(rf"(?<![\w-]){alternation(fold(n) for n in names)}(?![\w-])")


@lru_cache(maxsize=8)
def _media_pattern(lang: LanguagePack) -> re.Pattern[str]:
    forms = _forms(lang)
    nouns = alternation(lang.places.MEDIA_NOUNS)
    return re.compile(
        rf"(?<![\w-])(?i:{nouns})(?:[ \u00a0]+[{forms.lower}-]+){{0,2}}?[ \u00a0]+"
        rf"(?P<name>{forms.name})"
    )


@lru_cache(maxsize=8)
def _media_apposition_pattern(lang: LanguagePack) -> re.Pattern[str]:
    """A name described right after it as a medium: "Al-Massirah, la chaîne aux mains des
    rebelles", "Al-Masirah, la chaîne de télévision des Houthis"."""
    forms = _forms(lang)
    nouns = alternation(lang.places.MEDIA_NOUNS)
    articles = alternation(lang.events.DETERMINERS)
    return re.compile(
        rf"(?P<name>{forms.name}),[ \u00a0]+(?i:(?:{articles})[ \u00a0]*)(?i:{nouns})(?![\w-])"
    )


def _blocked_spans(ctx: RunContext, text: str, folded: str) -> list[tuple[int, int]]:
    """Spans that are organisations, media or acronyms: nothing inside them is a place."""
    lang = ctx.lang
    profiles = (*ctx.profiles, ctx.generic)
    spans = [m.span() for m in _organisation_pattern(lang, profiles).finditer(folded)]
    spans += [m.span("name") for m in _media_pattern(lang).finditer(text)]
    spans += [m.span("name") for m in _media_apposition_pattern(lang).finditer(text)]
    spans += [
        m.span()
        for m in _patterns(lang).acronym.finditer(text)
        if m.group() not in lang.places.PLACE_ACRONYMS
    ]
    return sorted(spans)


def _person_spans(
    lang: LanguagePack, text: str, doc: Doc, gazetteer: Gazetteer
) -> list[tuple[int, int]]:
    """People: multi-word ``PER`` entities, kunyas ("Abou Bakr al-Baghdadi"), names after a
    title ("M. Kerry", "le président Assad", "l'ex-président Saleh") and names built with the
    Arabic article ("Fayez al-Sarraj") whose family name the model tags as a person.

    A single-word ``PER`` entity is not trusted on its own (the small model tags "Mossoul" and
    "Washington" as people), nor one built like an Arabic place name ("Khan Cheikhoun", "Tal
    Abyad") or that the gazetteer knows as a whole. One sense per discourse: a word the model
    tags ``PER`` once that ends a name "X al-Word" elsewhere in the article makes that name a
    person's, unless the gazetteer knows the name whole.
    """
    places, patterns = lang.places, _patterns(lang)
    spans: list[tuple[int, int]] = []
    tagged: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        tagged.add(name_key(ent.text.split()[-1]))
        if len(ent) > 1 and not _place_like(lang, ent.text, gazetteer):
            spans.append((ent.start_char, ent.end_char))
    tagged.discard("")
    for match in _particle_person_pattern(lang).finditer(text):
        family = patterns.particle_prefix.sub("", match.group("family"))
        if name_key(family) in tagged and not _place_like(lang, match.group(), gazetteer):
            spans.append(match.span())
    for match in _kunya_pattern(lang).finditer(text):
        if not _is_known(gazetteer, match.group()):
            spans.append(match.span())
    extension = _particle_extension_pattern(lang)
    for i, token in enumerate(doc):
        if _untitled(lang, token.lower_) not in places.PERSON_TITLES:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        first = j
        if (
            j < len(doc)
            and not doc[j].text[:1].isupper()
            and (
                token.lower_ not in patterns.abbreviated_titles
                or doc[j].lower_ not in places.TITLE_PARTICLES
            )
        ):
            continue
        while j < len(doc) and (
            doc[j].text[:1].isupper()
            or doc[j].lower_ in places.PERSON_NAME_PARTICLES
            or patterns.particle_capital.match(doc[j].text)
        ):
            if doc[j].is_upper and len(doc[j]) > 1:
                break
            j += 1
        while j > first and not doc[j - 1].text[:1].isupper():
            j -= 1
        if j > first:
            end = doc[j - 1].idx + len(doc[j - 1])
            while more := extension.match(text, end):  # "Fayez| al-Sarraj", split by the model
                end = more.end()
            spans.append((doc[first].idx, end))
    return spans


@lru_cache(maxsize=8)
def _stance_prefix_pattern(lang: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(lang.places.STANCE_PREFIXES)}$", re.IGNORECASE)


def _after_stance_prefix(lang: LanguagePack, text: str, start: int) -> bool:
    """Whether a name is glued to a side-taking prefix: "la police pro-|Kiev" names Kiev,
    although the model finds an organisation "police pro-Kiev"."""
    return bool(_stance_prefix_pattern(lang).search(text, max(0, start - 10), start))


def _untitled(lang: LanguagePack, word: str) -> str:
    """A word without the prefix glued to a title ("ex-président" is "président")."""
    for prefix in lang.places.PERSON_TITLE_PREFIXES:
        if word.startswith(prefix):
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=8)
def _particle_extension_pattern(lang: LanguagePack) -> re.Pattern[str]:
    """A further word of a name opened by an Arabic particle: "Fayez| al-Sarraj"."""
    forms = _forms(lang)
    return re.compile(rf"{_SPACE}(?:{forms.particle})-[{forms.upper}]{_LETTER}+(?![\w-])")


@lru_cache(maxsize=8)
def _particle_person_pattern(lang: LanguagePack) -> re.Pattern[str]:
    """A capitalised word and a family name opened by an Arabic particle: "Fayez al-Sarraj"."""
    forms = _forms(lang)
    return re.compile(
        rf"(?<![\w-])[{forms.upper}]{_LETTER}+{_SPACE}"
        rf"(?P<family>(?:{forms.particle})-[{forms.upper}]{_LETTER}+)(?![\w-])"
    )


def _place_like(lang: LanguagePack, name: str, gazetteer: Gazetteer) -> bool:
    """Whether a ``PER`` entity is rather a place: built like an Arabic place name ("Khan
    Cheikhoun"), known to the gazetteer as a whole ("Tal Abyad"), or ending with the Arabic
    article and a well-known place ("Amiriyat al-Fallouja"), which would otherwise make that
    place a family name ("John Kerry" stays a person, although Kerry is an Irish county)."""
    places, patterns = lang.places, _patterns(lang)
    words = re.split(r"[ \u00a0]", name)
    head = re.split(r"-", words[0], maxsplit=1)[0].lower()
    if head in places.ARABIC_PLACE_HEADS and head not in places.PERSON_LIKE_HEADS:
        return True
    if _is_known(gazetteer, name):
        return True
    if len(words) < 2 or not patterns.particle_prefix.match(words[-1]):
        return False
    last = patterns.particle_prefix.sub("", words[-1])
    return any(
        gazetteer.get(place_id).population >= _WELL_KNOWN_POPULATION
        for match in gazetteer.find(last)
        if (match.start, match.end) == (0, len(last))
        for place_id in match.place_ids
    )


@lru_cache(maxsize=8)
def _kunya_pattern(lang: LanguagePack) -> re.Pattern[str]:
    forms = _forms(lang)
    heads = alternation(h.capitalize() for h in lang.places.KUNYA_HEADS)
    word = rf"(?:{forms.particle}-)?[{forms.upper}]{_LETTER}+"
    return re.compile(rf"(?<![\w-])(?:{heads})[ \u00a0]{word}(?:[ \u00a0]{word})*")


def _person_names(text: str, person_spans: list[tuple[int, int]]) -> frozenset[str]:
    """Family names of the people of the article, to recognise "Kerry" alone later on."""
    names: set[str] = set()
    for start, end in person_spans:
        last = text[start:end].split()[-1]
        names.add(name_key(last))
    names.discard("")
    return frozenset(names)


def _plausible_name(
    lang: LanguagePack,
    text: str,
    doc: Doc,
    start: int,
    end: int,
    *,
    persons: frozenset[str],
    trigger_nouns: list[tuple[int, int]],
) -> bool:
    """Whether ``text[start:end]`` may be a place name by its form and its context.

    Not a compass point ("à l'Est de Kherson", "le Nord-Ouest du pays"), nor the capitalised
    trigger noun before a name ("Le Port de Hodeida": the place is Hodeida). At the start of a
    sentence or a quotation, where the small model mistags names ("« Bakhmout tient »" as an
    adverb), a name it tags as a proper noun, a noun or an entity of any label passes.
    """
    surface = text[start:end]
    first = _patterns(lang).particle_prefix.sub("", surface)
    if not first[:1].isupper() or _is_common(lang, surface) or _is_demonym(lang, surface):
        return False
    if _is_compass(lang, surface) or _overlaps(trigger_nouns, start, end):
        return False
    if surface.isupper() and surface not in lang.places.PLACE_ACRONYMS:
        return False
    if name_key(surface) in persons:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = next((t for t in span if t.pos_ != "DET"), span[0])  # "Le Caire": look at "Caire"
    return (
        not _sentence_initial(text, start)
        or head.pos_ in {"PROPN", "NOUN", "X"}
        or bool(head.ent_type_)
    )


def _without_function_word(
    lang: LanguagePack, text: str, gazetteer: Gazetteer, match: Match
) -> Match | None:
    """A match without a capitalised French function word before the name ("A Raqa" at the
    start of a sentence is "à Raqa"), or with the article that belongs to the name ("Le Caire
    a appelé"); ``None`` when the rest is no known name."""
    patterns = _patterns(lang)
    article = patterns.article_before.search(text, max(0, match.start - 5), match.start)
    if article is not None:
        whole = text[article.start() : match.end]
        if _spelled_as(gazetteer, whole, match):
            return Match(article.start(), match.end, whole, match.key, match.place_ids)
    head, _, rest = match.surface.partition(" ")
    if not rest or head.lower() not in lang.places.FUNCTION_WORDS:
        return match
    if head in patterns.name_articles and _spelled_as(gazetteer, match.surface, match):
        return match
    start = match.start + len(head) + 1
    candidates = [c for c in gazetteer.lookup(rest, limit=10) if c.exact]
    if not candidates:
        return None
    ids = tuple(c.place.place_id for c in candidates)
    return Match(start, match.end, text[start : match.end], name_key(rest), ids)


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The pack's patterns and derived tables that are not a stage's own."""

    acronym: re.Pattern[str]  # an all-capitals word: "EI", "OSDH"
    next_name: re.Pattern[str]  # a capitalised word right after: "Maamoun| Abdelkarim"
    particle_prefix: re.Pattern[str]  # the Arabic particle opening a word: "al-"
    particle_capital: re.Pattern[str]  # a particle and a capital: "al-B"
    particle_name: re.Pattern[str]  # a word opened by a particle: "al-Fallouja"
    word_before: re.Pattern[str]  # the capitalised word right before: "Amiriyat |"
    quarter: re.Pattern[str]  # a compass point glued to a city: "Alep|-Est"
    article_before: re.Pattern[str]  # a capitalised article right before: "Le |Caire"
    name_articles: frozenset[str]  # the articles of NAME_ARTICLES, capitalised
    abbreviated_titles: frozenset[str]  # "m.", "dr": a lower-case particle may follow them


@lru_cache(maxsize=8)
def _patterns(lang: LanguagePack) -> _Patterns:
    places, forms = lang.places, _forms(lang)
    upper, particle = forms.upper, forms.particle
    cardinal = [words[0] for words in lang.positions.COMPASS if len(words) == 1]
    quarters = alternation(c.capitalize() for c in cardinal)
    name_articles = frozenset(a.capitalize() for a in places.NAME_ARTICLES)
    articles = alternation(a.capitalize() for a in places.NAME_ARTICLES)
    return _Patterns(
        acronym=re.compile(rf"(?<![\w-])[{upper}]{{2,}}(?![\w-])"),
        next_name=re.compile(rf"[ \u00a0]+[{upper}]{_LETTER}+"),
        particle_prefix=re.compile(rf"^{particle}-"),
        particle_capital=re.compile(rf"{particle}-[{upper}]"),
        particle_name=re.compile(rf"(?<![\w-]){particle}-[{upper}]{_LETTER}+(?![\w-])"),
        word_before=re.compile(rf"(?<![\w-])[{upper}]{_LETTER}+[ \u00a0]$"),
        quarter=re.compile(rf"-(?:{quarters})(?![\w-])"),
        article_before=re.compile(rf"(?<![\w-])(?:{articles})[ \u00a0]$"),
        name_articles=name_articles,
        abbreviated_titles=frozenset(
            t for t in places.PERSON_TITLES if t.endswith(".") or len(t) <= 3
        ),
    )


def _compound_spans(
    lang: LanguagePack, text: str, gazetteer: Gazetteer, persons: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Names built on a known place with the Arabic article: "Amiriyat al-Fallouja", "Qasr
    al-Hayr". Without them, the place inside ("al-Fallouja") would be taken for the whole."""
    places, patterns = lang.places, _patterns(lang)
    for match in patterns.particle_name.finditer(text):
        before = patterns.word_before.search(text, max(0, match.start() - 30), match.start())
        if before is None or _sentence_initial(text, before.start()):
            continue
        head = before.group().strip()
        if (
            head.lower() in places.FUNCTION_WORDS | places.PERSON_TITLES
            or name_key(head) in persons
            or not _is_known(gazetteer, match.group())
        ):
            continue
        yield before.start(), match.end()


def _first_of_longer_name(
    lang: LanguagePack, text: str, match: Match, gazetteer: Gazetteer
) -> bool:
    """Whether a gazetteer match is the first word of a longer name ("Maamoun Abdelkarim").

    Only small places are dropped this way: a well-known city or a country followed by a
    capitalised word is still that place ("à Genève Staffan de Mistura").
    """
    if not _patterns(lang).next_name.match(text, match.end):
        return False
    places = [gazetteer.get(place_id) for place_id in match.place_ids]
    return not any(p.population >= _WELL_KNOWN_POPULATION or p.feature_class == "A" for p in places)


#: Population above which a place name followed by another capitalised word is still taken
#: as the place: big cities are named next to people ("à Genève Staffan de Mistura").
_WELL_KNOWN_POPULATION = 100_000


def _is_common(lang: LanguagePack, surface: str) -> bool:
    """A capitalised common word, or a number word ("« Douze militaires ont été tués»")."""
    lower = surface.lower()
    return lower in lang.places.COMMON_CAPITALISED or lower in lang.numbers.NUMBER_WORDS


def _is_compass(lang: LanguagePack, surface: str) -> bool:
    """Whether a capitalised word is a compass point ("Est", "Sud-Est", "Nord-Ouest")."""
    return tuple(re.split(r"[ \u00a0-]+", surface.lower())) in lang.positions.COMPASS


def _is_demonym(lang: LanguagePack, surface: str) -> bool:
    lower = surface.lower()
    return lower in lang.places.DEMONYMS


def _looks_arabic(lang: LanguagePack, surface: str) -> bool:
    """Whether a name starts like an Arabic place name ("Tal Abyad", "al-Bayarat")."""
    head = re.split(r"[ \u00a0-]", surface, maxsplit=1)[0].lower()
    return head in lang.places.ARABIC_PLACE_HEADS and (" " in surface or "-" in surface)


@lru_cache(maxsize=8)
def _arabic_name_pattern(lang: LanguagePack) -> re.Pattern[str]:
    places, forms = lang.places, _forms(lang)
    heads = places.ARABIC_PLACE_HEADS - places.PERSON_LIKE_HEADS
    alternatives = alternation(h[0].upper() + h[1:] for h in heads)
    word = rf"(?:{forms.particle}-)?[{forms.upper}]{_LETTER}+"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:[ \u00a0-]{word})+(?![\w-])")


@lru_cache(maxsize=8)
def _located_name_pattern(lang: LanguagePack) -> re.Pattern[str]:
    places = lang.places
    located = with_unaccented(lang, places.LOCATED_PREPOSITIONS)
    prepositions = "(?i:" + alternation(located, form=_phrase) + ")"
    links = alternation(places.LOCATING_LINKS, form=_phrase)
    approximations = [_phrase(w) + r"\s+" for w in places.DISTANCE_APPROXIMATIONS]
    if places.DISTANCE_NOUN_FRAME:  # "une <noun> de": "à une vingtaine de km"
        article, link = (_phrase(w) for w in places.DISTANCE_NOUN_FRAME)
        approximations.append(rf"{article}\s+\w+\s+{link}\s+")
    distance = (
        alternation(places.DISTANCE_PREPOSITIONS, form=_phrase)
        + r"\s+"
        + alternation(approximations, form=str)
        + r"?\d+[\s\u00a0]*"
        + alternation(places.DISTANCE_UNITS, form=_phrase)
    )
    return re.compile(
        rf"(?<![\w-]){prepositions}[ \u00a0]+(?P<name>{_forms(lang).name})(?=[ \u00a0]*,[ \u00a0]*"
        rf"(?i:{links}|{distance}))"
    )


def _located_name_spans(lang: LanguagePack, text: str) -> Iterator[tuple[int, int]]:
    """Names placed relative to another place: "basés à Hmeimim, près de Lattaquié"."""
    for match in _located_name_pattern(lang).finditer(text):
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


def _arabic_name_spans(lang: LanguagePack, text: str) -> Iterator[tuple[int, int]]:
    """Multi-word names built like Arabic place names: "Khan Cheikhoun", "Tal Abyad", "Ras
    al-Aïn", "Deir Hafer" (no gazetteer needed)."""
    for match in _arabic_name_pattern(lang).finditer(text):
        yield match.start(), match.end()


@lru_cache(maxsize=8)
def _locative_before_pattern(lang: LanguagePack) -> re.Pattern[str]:
    places = lang.places
    links = alternation(places.LINK_ARTICLES, form=_spaced)
    articles = alternation(
        places.DEFINITE_ARTICLES, form=lambda a: _phrase(a) if a.endswith("'") else _spaced(a)
    )
    return re.compile(
        r"(?:^|[\s(])"
        + alternation(places.LOCATIVE_PREPOSITIONS)
        + rf"(?:[ \u00a0]+{links}?{articles}?)$",
        re.IGNORECASE,
    )


def _after_locative(lang: LanguagePack, text: str, start: int) -> bool:
    """Whether a locative preposition stands right before ``start`` ("à", "en", "près de")."""
    return bool(_locative_before_pattern(lang).search(text[max(0, start - 30) : start]))


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only punctuation, quotes or dashes stand between ``start`` and the last stop."""
    before = text[max(0, start - 40) : start].rstrip(" \u00a0«»\"'“”‘’-–—(")
    return not before or before[-1] in ".!?:;\n"


# --- spaCy entities, seats of government, hints ------------------------------------------


def _ner_spans(lang: LanguagePack, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
    """The names inside spaCy's ``LOC`` entities, without determiners or common nouns."""
    name = re.compile(_forms(lang).name)
    for ent in doc.ents:
        if ent.label_ not in {"LOC", "GPE"}:
            continue
        for match in name.finditer(ent.text):
            start, end = ent.start_char + match.start(), ent.start_char + match.end()
            if match.start() == 0 or text[start - 1] in " \u00a0'’":
                yield start, end


@lru_cache(maxsize=8)
def _seat_pattern(lang: LanguagePack) -> re.Pattern[str]:
    seats = alternation(fold(s) for s in lang.places.GOVERNMENT_SEATS)
    return re.compile(rf"(?<![\w-]){seats}(?![\w-])")


@lru_cache(maxsize=8)
def _seat_cities(lang: LanguagePack) -> dict[str, str]:
    return {fold(seat): city for seat, city in lang.places.GOVERNMENT_SEATS.items()}


def _seat_spans(lang: LanguagePack, text: str, folded: str) -> Iterator[tuple[int, int, str]]:
    """Capitalised names of seats of government ("le Kremlin") and the city that holds each."""
    cities = _seat_cities(lang)
    for match in _seat_pattern(lang).finditer(folded):
        if text[match.start()].isupper():
            yield match.start(), match.end(), cities[match.group()]


def seat_city(lang: LanguagePack, surface: str) -> str | None:
    """The city of a seat of government named ``surface`` ("Kremlin" -> "Moscou"), if any.

    ``lang`` is the language pack whose ``places.GOVERNMENT_SEATS`` lists the seats.
    """
    return _seat_cities(lang).get(fold(surface).strip())


@lru_cache(maxsize=8)
def _hint_pattern(lang: LanguagePack) -> re.Pattern[str]:
    forms = _forms(lang)
    return re.compile(
        r"[ \u00a0]*\([ \u00a0]*(?P<hint>"
        + alternation(lang.places.HINT_POSITIONS)
        + rf"(?:[ \u00a0]+{forms.de}[{forms.upper}][\w-]*)?)[ \u00a0]*\)",
        re.IGNORECASE,
    )


def _hint_after(lang: LanguagePack, gazetteer: Gazetteer, text: str, end: int) -> str | None:
    """The AFP hint in brackets right after a name: a region ("nord", "nord de l'Irak") or a
    country the gazetteer knows ("KHARKIV (Ukraine)", "Tripoli (Liban)"), or the country an
    apposition puts it in ("Tripoli, deuxième ville du Liban")."""
    match = _hint_pattern(lang).match(text, end)
    if match:
        return match.group("hint").lower()
    for pattern in _country_hint_patterns(lang):
        country = pattern.match(text, end)
        if country and _is_country_name(gazetteer, country.group("name")):
            return country.group("name").lower()
    return None


@lru_cache(maxsize=8)
def _country_hint_patterns(lang: LanguagePack) -> tuple[re.Pattern[str], ...]:
    """A country in brackets ("KHARKIV (Ukraine)"), or an apposition whose place noun says
    which country holds the place ("Tripoli, deuxième ville du Liban", "Gao, la grande ville
    du nord du Mali"): the name is checked to be a country before it is a hint."""
    forms = _forms(lang)
    nouns = alternation(
        form for form, (_, scale) in lang.places.TRIGGERS.items() if scale in ("city", "town")
    )
    word = rf"[{forms.lower}\w'’-]+"
    return (
        re.compile(rf"[ \u00a0]*\([ \u00a0]*(?P<name>{forms.name})[ \u00a0]*\)"),
        re.compile(
            rf"[ \u00a0]*,[ \u00a0]*(?:{word}[ \u00a0]+){{0,3}}?{nouns}(?![\w-])"
            rf"(?:[ \u00a0]+{word}){{0,3}}?[ \u00a0]+{forms.de}(?P<name>{forms.name})(?![\w-])"
        ),
    )


def _is_country_name(gazetteer: Gazetteer, name: str) -> bool:
    return _is_known(gazetteer, name) and any(
        c.exact and c.place.feature_class == "A" and c.place.feature_code.startswith("PCL")
        for c in gazetteer.lookup(name, limit=3)
    )


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


_PRIORITY = {"trigger": 0, "gazetteer": 1, "ner": 2, "complement": 3, "object": 3, "listed": 4}


def _settle_overlaps(proposals: Iterable[_Proposal]) -> list[_Proposal]:
    """Keep non-overlapping proposals: triggers first, then gazetteer matches, then NER,
    then names listed with a place; the longer span first within a source."""
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
