"""Toponym resolution per document: which place each mention is, and whether it acts.

A name is resolved once per article (all its occurrences together: "one sense per
discourse"), its candidates scored by

* how well the name matched and how prominent the place is (population, capital, country);
* the theatre of the conflict and the countries the article names;
* nearness to the article's other places (its centre of gravity) and to the place it is said
  to lie near ("al-Kallabiyeh dans la région d'al-Bayarat, à l'est de Homs");
* the AFP region hint ("Alep (nord)"), checked against where the candidate lies in its country;
* the kind of place its trigger names: a "village" or a "localité" is neither a city of a
  million nor 500 km away from the places around it.

Below the run's confidence threshold (``ctx.options.confidence_threshold``), or when every
candidate is ruled out, the mention stays
unresolved, keeps its candidates and says why. Named sites ("l'aéroport militaire de
Palmyre", "les temples de Bêl et Baalshamin") resolve to the city that holds them, with kind
``site``. Countries, capitals and seats of government that act ("Moscou le soutient", "selon le
Pentagone", "les représentants de Damas") get the role ``metonym``. The cue words come from the
language pack of the run context (its ``places`` module: ``geo/lang/fr/places.py`` for French);
whether a name is the subject of a verb, found by the parse or by word order, and whether that
verb is passive are :mod:`geo.syntax`'s answers, the ones the events stage reads.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from pyproj import Geod

from gazetteer.normalize import fold, name_key
from geo import syntax
from geo._regex import alternation
from geo.records import Article, Mention
from geo.toponyms import SITE_SCALE, seat_city, trigger_scale, with_unaccented

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from gazetteer import Candidate, Gazetteer, Place
    from geo.context import RunContext
    from geo.lang import LanguagePack

__all__ = ["resolve"]

#: Distance (km) from the article's other places within which a candidate gets the full
#: nearness bonus, and beyond which it gets none: a front moves within a province, a
#: dispatch's places lie within a country or two.
NEAR_KM = 150.0
FAR_KM = 600.0

#: Population from which a city may be named far from the article's other places ("les
#: attentats de Bruxelles"); a smaller homonym that far away is ruled out (the Ghouta of
#: Damascus is not Kolárovo, Slovakia, whose alternate name it shares).
PROMINENT_POPULATION = 100_000

#: Population assumed for a place whose population the gazetteer does not know (GeoNames
#: gives 0 for many Syrian towns, Ra's al-Ayn among them): a village, not nobody.
UNKNOWN_POPULATION = 1_000

#: Temperature of the softmax that turns scores into a confidence: one order of magnitude of
#: population (one score unit) between two homonyms gives the bigger about 84 %.
_TEMPERATURE = 0.6

#: Score weights, in units of one order of magnitude of population.
_W_COUNTRY = 3.0  # "Irak" is the country before it is Arāk, Iran
_W_CAPITAL = 1.0
_W_ADMIN_SEAT = 0.5
_W_THEATRE = 2.0
_W_NAMED_COUNTRY = 1.0
_W_HINT_OK = 1.5
_W_HINT_WRONG = -4.0
_W_TOO_BIG = -3.0
_W_NEAR = 2.0
_W_ANCHOR_NEAR = 3.0
_W_ANCHOR_FAR = -3.0
_W_ADMIN_TRIGGER = 1.0
_W_SAME_SPELLING = 1.0  # "Genève" is an alias of Geneva, Switzerland, not of Geneva, Illinois

#: Farthest (km) a place said to lie "à l'est de X" / "près de X" may be from X.
_ANCHOR_KM = 250.0

_GEOD = Geod(ellps="WGS84")


@dataclass(slots=True)
class _Group:
    """All the mentions of one name in an article, resolved together."""

    indices: list[int]
    candidates: list[Candidate]
    scales: set[str]
    hints: set[str]
    anchors: set[int]
    seat: bool = False
    best: Candidate | None = None
    confidence: float = 0.0
    reason: str | None = None


def resolve(
    article: Article, mentions: Sequence[Mention], ctx: RunContext, *, doc: Doc
) -> list[Mention]:
    """Resolve the mentions of one article together.

    Parameters
    ----------
    article
        The article the mentions come from.
    mentions
        :func:`geo.toponyms.recognise`'s mentions of that article.
    ctx
        The run context: ``ctx.gazetteer`` is the gazetteer the candidates come from, asked
        again for the names that had none at recognition (places inferred since, from an
        earlier article); the countries of ``ctx.profile`` come first (none: no theatre
        prior); ``ctx.options.confidence_threshold`` is the confidence below which a mention
        stays unresolved; ``ctx.lang`` gives the metonymy cues.
    doc
        The spaCy parse of ``article.text``, for the metonymy cues: the one
        :func:`geo.toponyms.recognise` just used.

    Returns
    -------
    list of Mention
        Copies of ``mentions``, in the same order, with ``place``, ``role``, ``resolution``
        (``gazetteer``, ``inferred``, ``online`` or ``unresolved``), ``confidence``, ``kind``
        (``place`` or ``site``) and, when unresolved, ``reason``.

    Examples
    --------
    >>> from geo.context import build_context
    >>> from geo.nlp import parse
    >>> from geo.toponyms import recognise
    >>> text = "Moscou le soutient. Les combats font rage à Alep (nord)."
    >>> article = Article("demo", None, None, text)
    >>> ctx = build_context(theatre="syria_iraq")
    >>> doc = parse(text, ctx.lang)
    >>> found = resolve(article, recognise(article, doc, ctx), ctx, doc=doc)
    >>> [(m.surface, m.place.country_code, m.role) for m in found]
    [('Moscou', 'RU', 'metonym'), ('Alep', 'SY', 'location')]
    """
    lang, threshold = ctx.lang, ctx.options.confidence_threshold
    mentions = [_refreshed(lang, m, ctx.gazetteer) for m in mentions]
    groups, sites = _group(lang, article.text, mentions)
    named_countries = _named_countries(lang, article.text, mentions, doc)
    context = {
        "theatre": frozenset(ctx.profile.countries),
        "named": named_countries,
        "hint_countries": frozenset(_hint_countries(lang, mentions, ctx.gazetteer).items()),
    }
    for group in groups.values():
        _score(lang, group, mentions, groups, context, first_pass=True)
    for group in groups.values():
        _score(lang, group, mentions, groups, context, first_pass=False)

    out: list[Mention] = list(mentions)
    for group in groups.values():
        for i in group.indices:
            out[i] = _resolved(lang, mentions[i], group, threshold)
    roles = _roles(lang, article.text, out, doc)
    out = [replace(m, role=role) for m, role in zip(out, roles, strict=True)]
    settled = list(out)
    for i in sites:
        out[i] = _resolve_site(lang, article.text, mentions[i], settled)
    return out


def _refreshed(lang: LanguagePack, mention: Mention, gazetteer: Gazetteer) -> Mention:
    """The mention with the gazetteer's candidates if it had none and the gazetteer now knows
    its name exactly (a place inferred after recognition); a named site stays as it is."""
    named_site = " " in mention.surface and trigger_scale(lang, mention.trigger) == SITE_SCALE
    if mention.candidates or named_site:
        return mention
    known = any(
        (m.start, m.end) == (0, len(mention.surface)) for m in gazetteer.find(mention.surface)
    )
    if not known:
        return mention
    return replace(mention, candidates=tuple(gazetteer.lookup(mention.surface)))


# --- grouping ------------------------------------------------------------------------------


def _group(
    lang: LanguagePack, text: str, mentions: Sequence[Mention]
) -> tuple[dict[str, _Group], list[int]]:
    """Mentions grouped by the normalised key of the name they stand for; named sites apart."""
    groups: dict[str, _Group] = {}
    sites: list[int] = []
    for i, mention in enumerate(mentions):
        scale = trigger_scale(lang, mention.trigger)
        if not mention.candidates and scale == SITE_SCALE and " " in mention.surface:
            sites.append(i)
            continue
        seat = seat_city(lang, mention.surface)
        key = name_key(seat or mention.surface) or mention.surface
        group = groups.setdefault(key, _Group([], [], set(), set(), set(), seat=True))
        group.seat = group.seat and seat is not None
        group.indices.append(i)
        known = {c.place.place_id for c in group.candidates}
        group.candidates += [c for c in mention.candidates if c.place.place_id not in known]
        if scale:
            group.scales.add(scale)
        if mention.hint:
            group.hints.add(mention.hint)
        anchor = _anchor_of(lang, text, mentions, i)
        if anchor is not None:
            group.anchors.add(anchor)
    return groups, sites


def _phrase(words: str) -> str:
    """The regex of a word or phrase of the pack: its spaces any run of white space, its
    apostrophes straight or curly."""
    return re.escape(words).replace(r"\ ", r"\s+").replace("'", "['’]")


def _spaced(word: str) -> str:
    """``word`` and the space after it: any after an elided word ("d'", "l'"), some after
    another."""
    return _phrase(word) + (r"\s*" if word.endswith("'") else r"\s+")


def _either(words: Sequence[str] | frozenset[str], form=_phrase) -> str:
    """An alternation of phrases of the pack (:func:`geo._regex.alternation`, phrase form)."""
    return alternation(words, form=form)


def _links(lang: LanguagePack, links: Sequence[str]) -> str:
    """The links before a name, each with the articles that may follow it: "de la", "du"."""
    forms = []
    for link in links:
        articles = lang.places.LINK_ARTICLES.get(link, ())
        forms.append(_spaced(link) + (_either(articles, _spaced) + "?" if articles else ""))
    return _either(forms, str)


@dataclass(frozen=True, slots=True)
class _Cues:
    """The patterns of the pack's cue words that resolution reads between and around names."""

    containment: re.Pattern[str]  # "X, à l'est de Y", "X, près de Y"
    hint_link: re.Pattern[str]  # the link opening the country of a hint: "(nord) de l'Irak"
    site_holder: re.Pattern[str]  # "les temples de Bêl à Palmyre"
    coordination: re.Pattern[str]  # "Moscou et Washington", "de la Russie et des Etats-Unis"
    article_after: re.Pattern[str]  # an article ending the text before a name: "selon le"
    agent_prefix: re.Pattern[str]  # "selon", "sous le contrôle du", "pro-" ending that text
    agent_incise: re.Pattern[str]  # ", selon Moscou," between a subject and its verb


@lru_cache(maxsize=8)
def _cues(lang: LanguagePack) -> _Cues:
    places = lang.places
    # The centre is no direction: "à l'est de Homs", not "au centre de".
    directions = alternation(
        d for d, position in places.HINT_POSITIONS.items() if position != (0.5, 0.5)
    )
    distance = (
        _either(with_unaccented(lang, places.DISTANCE_PREPOSITIONS))
        + r"\s+"
        + _either(places.ANCHOR_DISTANCE_APPROXIMATIONS, _spaced)
        + "?(?:"
        + r"\d+[\s\u00a0]*"
        + _either(places.DISTANCE_UNITS)
        + r"\s+)?"
        + _either(places.ANCHOR_FURTHER, _spaced)
        + "?"
        + _either(places.ANCHOR_DIRECTION_ARTICLES, _spaced)
        + directions
    )
    inside = _either(places.ANCHOR_INSIDE_LEADS) + r"\s+" + directions
    phrases = _either(places.ANCHOR_PHRASES)
    articles = _either(
        places.DEFINITE_ARTICLES, lambda a: (r"\s*" if a.endswith("'") else r"\s+") + _phrase(a)
    )
    prefixes = _either(places.AGENT_PREFIXES, partial(_prefix_form, lang))
    return _Cues(
        containment=re.compile(
            rf"^[\s,]*(?:{distance}|{inside}|{phrases})\s+"
            + _links(lang, places.ANCHOR_LINKS)
            + "$",
            re.IGNORECASE,
        ),
        hint_link=re.compile(r"^" + _either(places.ANCHOR_LINKS) + r"\s*"),
        site_holder=re.compile(
            r"[\s,]*" + _either(with_unaccented(lang, places.SITE_HOLDER_PREPOSITIONS)) + r"\s*",
            re.IGNORECASE,
        ),
        coordination=re.compile(
            r"\s*(?:,|"
            + _either(places.COORDINATORS)
            + r")\s+"
            + "(?:"
            + _either(places.COORDINATED_LINKS)
            + r"\s+)?"
            + _either(places.DEFINITE_ARTICLES, _spaced)
            + "?",
            re.IGNORECASE,
        ),
        article_after=re.compile("(?:" + articles + r")\s*$"),
        agent_prefix=re.compile(
            rf"(?<!\w)(?:{prefixes}|{_either(places.STANCE_PREFIXES)})$", re.IGNORECASE
        ),
        agent_incise=re.compile(rf"\s*,\s*{prefixes}\s*[^,.;:!?«»]{{1,60}}?\s*,", re.IGNORECASE),
    )


def _prefix_form(lang: LanguagePack, prefix: str) -> str:
    """The regex of an agent prefix, its final link standing for every link ("sous le contrôle
    de" is also "sous le contrôle du", "d'")."""
    links = [" ".join(link) for link in lang.positions.LINKS]
    head, _, last = prefix.rpartition(" ")
    if head and last in links:
        return _phrase(head) + r"\s+" + _either(links)
    return _phrase(prefix)


def _anchor_of(lang: LanguagePack, text: str, mentions: Sequence[Mention], i: int) -> int | None:
    """The mention that ``mentions[i]`` is said to lie near ("X, à l'est de Homs")."""
    mention = mentions[i]
    for j in range(i + 1, min(i + 3, len(mentions))):
        other = mentions[j]
        if other.sentence != mention.sentence:
            return None
        if _cues(lang).containment.match(text[mention.end : other.start]):
            return j
        if other.start - mention.end > 80:
            return None
    return None


def _named_countries(
    lang: LanguagePack, text: str, mentions: Sequence[Mention], doc: Doc
) -> frozenset[str]:
    """Countries the article names as places ("en Syrie"), not as actors ("sous l'égide de la
    Russie et des Etats-Unis")."""
    provisional = [
        replace(m, place=m.candidates[0].place)
        if m.candidates and _is_country(m.candidates[0].place)
        else replace(m, place=None)
        for m in mentions
    ]
    return frozenset(
        m.place.country_code
        for m, role in zip(provisional, _roles(lang, text, provisional, doc), strict=True)
        if m.place is not None and m.place.country_code and role == "location"
    )


# --- scoring -------------------------------------------------------------------------------


def _score(
    lang: LanguagePack,
    group: _Group,
    mentions: Sequence[Mention],
    groups: dict[str, _Group],
    context: dict[str, frozenset[str]],
    *,
    first_pass: bool,
) -> None:
    """Score the group's candidates and keep the best with its confidence, or the reason.

    The first pass knows no other place of the article; the second adds nearness to the
    first pass's choices and rules out candidates too far from them.
    """
    if not group.candidates:
        surface = mentions[group.indices[0]].surface
        group.reason = f"{surface!r} is not in the gazetteer"
        return
    points = [] if first_pass else _context_points(group, groups, capitals=False)
    reach = [] if first_pass else _context_points(group, groups, capitals=True)
    anchors = [] if first_pass else _anchor_points(group, groups)
    spellings = {_spelling(mentions[i].surface) for i in group.indices}
    scored: list[tuple[float, Candidate]] = []
    rejected: list[str] = []
    for candidate in group.candidates:
        reason = _ruled_out(lang, candidate.place, group, reach, context) or _foreign_homonym(
            lang, candidate, spellings, context
        )
        if reason is not None:
            rejected.append(reason)
            continue
        score = _prior(lang, candidate, group, spellings, context)
        score += _nearness(candidate.place, points, anchors)
        scored.append((score, candidate))
    surface = mentions[group.indices[0]].surface
    if not scored:
        group.best, group.confidence = None, 0.0
        introduced = f"is introduced as a {_scale_word(group)}" if group.scales else "is named"
        group.reason = (
            f"{surface!r} {introduced} among the article's other places, but "
            + "; ".join(rejected[:3])
        )
        return
    scored.sort(key=lambda item: -item[0])
    top = scored[0][0]
    weights = [math.exp((score - top) / _TEMPERATURE) for score, _ in scored]
    group.best = scored[0][1]
    group.confidence = round(weights[0] / sum(weights), 3)
    if not group.best.exact:
        group.confidence = round(group.confidence * group.best.score, 3)
    if len(scored) > 1:
        runner = scored[1][1].place
        group.reason = (
            f"{surface!r} is ambiguous: {_describe(group.best.place)} "
            f"({group.confidence:.2f}) or {_describe(runner)}"
        )
    else:
        group.reason = f"{surface!r} only matches {_describe(group.best.place)} weakly"


def _prior(
    lang: LanguagePack,
    candidate: Candidate,
    group: _Group,
    spellings: set[str],
    context: dict[str, frozenset[str]],
) -> float:
    """Score from the candidate alone: prominence, name match, theatre, hints, size class."""
    place = candidate.place
    score = math.log10(max(place.population, 0) or UNKNOWN_POPULATION)
    if not candidate.exact:
        score -= 2.0 + 4.0 * (1.0 - candidate.score)
    elif _spelling(candidate.matched_name) in spellings:
        score += _W_SAME_SPELLING
    if _is_country(place):
        score += _W_COUNTRY
    elif place.feature_code == "PPLC":
        score += _W_CAPITAL
    elif place.feature_code.startswith("PPLA"):
        score += _W_ADMIN_SEAT
    if place.country_code in context["theatre"]:
        score += _W_THEATRE
    if place.country_code in context["named"]:
        score += _W_NAMED_COUNTRY
    if "admin" in group.scales and place.feature_class == "A" and not _is_country(place):
        score += _W_ADMIN_TRIGGER
    for hint in group.hints:
        verdict = _hint_fits(lang, hint, place, dict(context["hint_countries"]))
        if verdict is not None:
            score += _W_HINT_OK if verdict else _W_HINT_WRONG
    if _too_big(lang, place, group):
        score += _W_TOO_BIG
    return score


def _too_big(lang: LanguagePack, place: Place, group: _Group) -> bool:
    """Whether a place is bigger than every small trigger of the group allows ("village")."""
    places = lang.places
    small = group.scales & set(places.SCALE_MAX_POPULATION)
    if not small or group.scales - places.LOCAL_SCALES:
        return False
    return place.population > min(places.SCALE_MAX_POPULATION[s] for s in small)


def _ruled_out(
    lang: LanguagePack,
    place: Place,
    group: _Group,
    reach: list[tuple[float, float, str]],
    context: dict[str, frozenset[str]],
) -> str | None:
    """Why a candidate cannot be the place meant, or ``None``.

    A river is not a town; a province is not named after a village; a small homonym far from
    every other place of the article, outside the theatre and the countries it names, is not
    meant; nor is a village or a locality (a local trigger) far from the article's places.
    """
    places = lang.places
    bound = group.scales & set(places.SCALE_FEATURE_CLASSES)
    allowed = [places.SCALE_FEATURE_CLASSES[s] for s in bound]
    if allowed and all(place.feature_class not in classes for classes in allowed):
        return f"{_describe(place)} is not a {_scale_word(group)}"
    floor = max((places.SCALE_MIN_POPULATION.get(s, 0) for s in group.scales), default=0)
    settlement = bool(group.scales & places.SETTLEMENT_SCALES)  # "la ville de X": it is one
    if place.feature_class == "P" and 0 < place.population < floor and not settlement:
        return f"{_describe(place)} is too small to name a {_scale_word(group)}"
    if not reach:
        return None
    nearest, near_name = min((_km(place, lon, lat), name) for lon, lat, name in reach)
    where = f"{nearest:.0f} km from {near_name}, the nearest of the article's other places"
    if (
        nearest > FAR_KM
        and not _prominent(place)
        and place.country_code not in context["theatre"] | context["named"]
    ):
        return f"{_describe(place)} is a small place {where}"
    local = bool(group.scales & places.LOCAL_SCALES)
    if local and not _is_country(place) and nearest > places.LOCAL_RADIUS_KM:
        too_big = (
            f", and is too big for a {_scale_word(group)}" if _too_big(lang, place, group) else ""
        )
        return f"{_describe(place)} lies {where}{too_big}"
    return None


def _nearness(place: Place, points: list[tuple[float, float, str]], anchors: list[Place]) -> float:
    """Bonus for lying near the article's other places, and near (or in) the place it is said
    to lie near; malus for lying far from that place."""
    score = 0.0
    if points:
        nearest = min(_km(place, lon, lat) for lon, lat, _ in points)
        score += _W_NEAR * max(0.0, 1.0 - max(0.0, nearest - NEAR_KM) / (FAR_KM - NEAR_KM))
    for anchor in anchors:
        if _is_country(anchor):
            score += _W_ANCHOR_NEAR if place.country_code == anchor.country_code else _W_ANCHOR_FAR
            continue
        distance = _km(place, anchor.lon, anchor.lat)
        if distance > 2 * _ANCHOR_KM:
            score += _W_ANCHOR_FAR
        elif distance <= _ANCHOR_KM:
            score += _W_ANCHOR_NEAR
    return score


def _context_points(
    group: _Group, groups: dict[str, _Group], *, capitals: bool
) -> list[tuple[float, float, str]]:
    """The tentative places of the article's other names where things happen.

    Countries and seats of government are left out, and capitals unless ``capitals``:
    dispatches name them for diplomacy far from the fighting, and "Washington" must not pull
    "Genève" to Illinois.
    """
    points = []
    for other in groups.values():
        if other is group or other.best is None or other.seat:
            continue
        place = other.best.place
        if _is_country(place) or (place.feature_code == "PPLC" and not capitals):
            continue
        points.append((place.lon, place.lat, place.name))
    return points


def _anchor_points(group: _Group, groups: dict[str, _Group]) -> list[Place]:
    """The tentative places of the mentions this group is said to lie near."""
    return [
        other.best.place
        for other in groups.values()
        if other is not group and other.best is not None and group.anchors & set(other.indices)
    ]


def _spelling(name: str) -> str:
    """A name compared as written: case and accents folded, transliteration kept."""
    return " ".join(fold(name).split())


def _km(place: Place, lon: float, lat: float) -> float:
    _, _, metres = _GEOD.inv(place.lon, place.lat, lon, lat)
    return metres / 1000.0


def _foreign_homonym(
    lang: LanguagePack,
    candidate: Candidate,
    spellings: set[str],
    context: dict[str, frozenset[str]],
) -> str | None:
    """Why a place abroad that the mention reaches only by accident is not meant, or ``None``.

    An article set in a war's countries (or naming countries) does not mean a place outside
    them that it only reaches

    * through a variant of its spelling, when the place is small: "Konna", a town of central
      Mali missing from GeoNames' cities500, is not "Konan", Côte d'Ivoire, whose name folds
      to the same key (a place bearing the very spelling written, or a prominent one, is kept);
    * through a single word that is a common noun of the language (the pack's
      ``COMMON_PLACE_WORDS``), unless the place is a country or a capital:
      "les monarchies du Golfe" name no town of Angola, whatever its size.
    """
    setting = context["theatre"] | context["named"]
    place = candidate.place
    if not setting or place.country_code in setting:
        return None
    common = lang.places.COMMON_PLACE_WORDS
    if spellings & common and not (_is_country(place) or place.feature_code == "PPLC"):
        return (
            f"{_describe(place)} only shares a common word ({candidate.matched_name!r}) and lies "
            "outside the theatre and the countries the article names"
        )
    if _prominent(place) or _spelling(candidate.matched_name) in spellings:
        return None
    return (
        f"{_describe(place)} only shares a variant of the name ({candidate.matched_name!r}) "
        "and lies outside the theatre and the countries the article names"
    )


def _prominent(place: Place) -> bool:
    """Countries, capitals and big cities: named in any dispatch, however far."""
    return (
        _is_country(place)
        or place.feature_code == "PPLC"
        or place.population >= PROMINENT_POPULATION
    )


def _is_country(place: Place) -> bool:
    return place.feature_class == "A" and place.feature_code.startswith("PCL")


def _describe(place: Place) -> str:
    people = f", pop. {place.population:,}" if place.population else ""
    return f"{place.name} ({place.country_code or '?'}{people})"


def _scale_word(group: _Group) -> str:
    order = ("village", "town", "district", "site", "city", "admin", "water", "area")
    scale = next((s for s in order if s in group.scales), "place")
    return {"town": "locality", "admin": "region", "water": "river"}.get(scale, scale)


# --- AFP region hints -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_extents() -> dict[str, tuple[float, float, float, float]]:
    """Bounds of each country's largest part (its mainland), from the bundled borders."""
    from geo.borders import countries

    extents: dict[str, tuple[float, float, float, float]] = {}
    for code, geometry in zip(countries()["iso_a2"], countries()["geometry"], strict=True):
        if code is None:
            continue
        parts = getattr(geometry, "geoms", [geometry])
        extents[code] = max(parts, key=lambda g: g.area).bounds
    return extents


def _hint_fits(
    lang: LanguagePack, hint: str, place: Place, countries: dict[str, str] | None = None
) -> bool | None:
    """Whether a place lies where its hint says ("nord", "nord de l'Irak") within its country,
    or in the country a hint names alone ("KHARKIV (Ukraine)", "Tripoli (Liban)").

    ``countries`` maps the :func:`name_key` of a country's name as the article writes it to
    its code (:func:`_hint_countries`). ``None`` when the hint cannot be checked (the
    country's extent is not known).
    """
    places = lang.places
    direction, _, country = hint.partition(" ")
    if direction not in places.HINT_POSITIONS:
        direction, country = "", hint
    if country:
        named = name_key(_cues(lang).hint_link.sub("", country))
        code = (countries or {}).get(named)
        if code is not None:
            if place.country_code != code:
                return False
        elif name_key(place.country_code or "") != named and not _country_named(place, named):
            return False
        if not direction:
            return True
    position = places.HINT_POSITIONS.get(direction)
    extent = _country_extents().get(place.country_code or "")
    if position is None or extent is None:
        return None
    min_lon, min_lat, max_lon, max_lat = extent
    relative = (
        (place.lon - min_lon) / max(max_lon - min_lon, 1e-9),
        (place.lat - min_lat) / max(max_lat - min_lat, 1e-9),
    )
    for want, have in zip(position, relative, strict=True):
        if want is None:
            continue
        if want == 0.5:
            if abs(have - 0.5) > 0.25 + places.HINT_SLACK:
                return False
        elif abs(have - want) > 0.5 + places.HINT_SLACK:
            return False
    return True


def _hint_countries(
    lang: LanguagePack, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> dict[str, str]:
    """The countries the hints of the article name ("(Liban)", "(nord du Yémen)"), by the
    :func:`name_key` of their name as written, each with its code from the gazetteer."""
    found: dict[str, str] = {}
    for hint in {m.hint for m in mentions if m.hint}:
        direction, _, country = hint.partition(" ")
        if direction not in lang.places.HINT_POSITIONS:
            country = hint
        name = _cues(lang).hint_link.sub("", country)
        for candidate in gazetteer.lookup(name, limit=3) if name else ():
            if candidate.exact and _is_country(candidate.place) and candidate.place.country_code:
                found[name_key(name)] = candidate.place.country_code
                break
    return found


@lru_cache(maxsize=256)
def _country_keys(code: str) -> frozenset[str]:
    from geo.borders import countries

    frame = countries()
    names = frame.loc[frame["iso_a2"] == code, "name"]
    return frozenset(name_key(n) for n in names)


def _country_named(place: Place, key: str) -> bool:
    return bool(place.country_code) and key in _country_keys(place.country_code)


# --- building the resolved mentions -----------------------------------------------------------


def _resolved(lang: LanguagePack, mention: Mention, group: _Group, threshold: float) -> Mention:
    kind = "site" if _is_site(lang, mention) else "place"
    if group.best is None or group.confidence < threshold:
        return replace(
            mention,
            place=None,
            resolution="unresolved",
            confidence=group.confidence,
            kind=kind,
            reason=group.reason,
        )
    return replace(
        mention,
        place=group.best.place,
        resolution=_resolution_of(group.best.place),
        confidence=group.confidence,
        kind=kind,
        reason=None,
    )


def _resolution_of(place: Place) -> str:
    """``inferred`` and ``online`` places keep their origin; everything else is ``gazetteer``."""
    if place.inferred:
        return "inferred"
    return "online" if place.source.startswith("online") else "gazetteer"


def _is_site(lang: LanguagePack, mention: Mention) -> bool:
    return (
        trigger_scale(lang, mention.trigger) == SITE_SCALE
        or seat_city(lang, mention.surface) is not None
    )


def _resolve_site(
    lang: LanguagePack, text: str, mention: Mention, resolved: Sequence[Mention]
) -> Mention:
    """A named site ("les temples de Bêl et Baalshamin"): the city named right after it ("... à
    Palmyre"), else the only city its sentence names as a location, else the article's main
    place, else unresolved.

    The main place is the settlement the article names most as a location, at least three
    times and more than any other: a dispatch about Palmyre mentions its temples in passing.
    """
    settlements = [
        m
        for m in resolved
        if m.place is not None
        and m.role == "location"
        and m.place.feature_class == "P"
        and m.resolution != "unresolved"
    ]
    following = [m for m in settlements if m.start >= mention.end]
    site_holder = _cues(lang).site_holder
    holder = next(
        (m for m in following if site_holder.fullmatch(text[mention.end : m.start])), None
    )
    if holder is None:
        same_sentence = {m.place.place_id: m for m in settlements if m.sentence == mention.sentence}
        if len(same_sentence) == 1:
            holder = next(iter(same_sentence.values()))
    if holder is None:
        counts = Counter(m.place.place_id for m in settlements if m.place is not None)
        ranked = counts.most_common(2)
        main = ranked[0] if ranked and ranked[0][1] >= _MAIN_PLACE_MENTIONS else None
        if main is None or (len(ranked) > 1 and ranked[1][1] == main[1]):
            return replace(
                mention,
                kind="site",
                reason=f"{mention.surface!r} is a named site in no city the article names",
            )
        holder = next(m for m in settlements if m.place and m.place.place_id == main[0])
    return replace(
        mention,
        place=holder.place,
        resolution=holder.resolution,
        confidence=round(holder.confidence * _SITE_CONFIDENCE, 3),
        kind="site",
        reason=None,
    )


#: Mentions that make a settlement the article's main place, where its named sites are.
_MAIN_PLACE_MENTIONS = 3

#: A site placed in its city is a little less certain than the city.
_SITE_CONFIDENCE = 0.9


# --- metonymy -------------------------------------------------------------------------------


def _roles(lang: LanguagePack, text: str, mentions: Sequence[Mention], doc: Doc) -> list[str]:
    """``metonym`` for countries, capitals and seats of government that act, else
    ``location``; a name coordinated with a metonym ("entre Moscou et Washington") is one."""
    coordination = _cues(lang).coordination
    roles: list[str] = []
    for i, mention in enumerate(mentions):
        role = "location"
        if _may_act(lang, mention):
            role = _role(lang, text, mention, doc)
            if role == "location" and i and roles[i - 1] == "metonym":
                between = text[mentions[i - 1].end : mention.start]
                if coordination.fullmatch(between):
                    role = "metonym"
        roles.append(role)
    return roles


def _may_act(lang: LanguagePack, mention: Mention) -> bool:
    """Countries, capitals and seats of government can stand for their government."""
    if seat_city(lang, mention.surface) is not None:
        return True
    place = mention.place
    return place is not None and (_is_country(place) or place.feature_code == "PPLC")


def _role(lang: LanguagePack, text: str, mention: Mention, doc: Doc) -> str:
    """``metonym`` when a cue of the pack (``lang.places``) makes the name act, first match
    wins: a locative preposition ("à Moscou") keeps it a place; "selon X", an agent noun
    before it, an agent noun or a relative clause after it, an active verb whose subject it
    is, the agent of a passive, the object of a verb of accusing or supporting, the addressee
    of a verb of saying make it its government."""
    places = lang.places
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return "location"
    root = span.root
    before = list(doc[max(0, span.start - 4) : span.start])
    words = [t.lower_ for t in before]
    sentence_start = max(mention.sentence.start, mention.start - 60)
    left = text[sentence_start : mention.start].lower()
    if _agent_prefix(lang, left, mention, text):  # before "sur": "faire pression sur Ryad"
        return "metonym"
    if _locative_before(lang, words, root):
        return "location"
    if _agent_noun_before(lang, before):
        return "metonym"
    if _apposition_agent(lang, doc, span.end) or _relative_agent(lang, doc, span.end):
        return "metonym"
    if _acting_subject(lang, doc, span, before):
        return "metonym"
    if root.dep_ == "obl:agent" or any(w in places.PASSIVE_AGENT_PREPOSITIONS for w in words[-2:]):
        return "metonym"
    if root.dep_ == "obj" and _lemma(root.head) in places.AGENT_OBJECT_VERBS:
        return "metonym"
    if before and syntax.verb_of(lang, before[-1], places.AGENT_OBJECT_VERBS):
        return "metonym"
    if (
        words[-1:]
        and words[-1] in places.ADDRESSEE_PREPOSITIONS
        and _lemma(root.head) in places.ADDRESSEE_VERBS
    ):
        return "metonym"
    return "location"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _locative_before(lang: LanguagePack, words: list[str], root: Token) -> bool:
    """A locative preposition right before the name ("à Moscou", "au Kremlin", "en Syrie"),
    unless it is the "à" of an addressee ("a demandé à Moscou")."""
    places = lang.places
    trimmed = [w for w in words if w not in places.DEFINITE_ARTICLES]
    if not trimmed:
        return False
    last = places.UNACCENTED.get(trimmed[-1], trimmed[-1])
    if last in places.ADDRESSEE_PREPOSITIONS and _lemma(root.head) in places.ADDRESSEE_VERBS:
        return False
    return last in places.LOCATIVE_PREPOSITIONS


def _agent_prefix(lang: LanguagePack, left: str, mention: Mention, text: str) -> bool:
    """ "selon X", "d'après X", "sous le contrôle de X", "pro-X"; "pour X," at the start of a
    clause."""
    places = lang.places
    cues = _cues(lang)
    left = cues.article_after.sub("", left.rstrip())
    if cues.agent_prefix.search(left):
        return True
    for prefix in places.CLAUSE_AGENT_PREFIXES:
        if left.endswith(prefix):
            head = left[: -len(prefix)].rstrip()
            if (not head or head[-1] in '.,;:!?«"') and text[
                mention.end : mention.end + 2
            ].startswith(","):
                return True
    return False


def _agent_noun_before(lang: LanguagePack, before: list[Token]) -> bool:
    """ "les représentants de Damas", "un porte-parole du Kremlin", "un accord entre Moscou
    et ...", "choisies avec les Etats-Unis"."""
    places = lang.places
    tokens = [t for t in before if t.lower_ not in places.DEFINITE_ARTICLES]
    if len(tokens) < 2:
        return False
    preposition, head = tokens[-1], tokens[-2]
    links = {" ".join(link) for link in lang.positions.LINKS} | places.AGENT_NOUN_PREPOSITIONS
    if preposition.lower_ not in links:
        return False
    if _is_agent_noun(lang, head):
        return True
    return preposition.lower_ in places.PARTNER_PREPOSITIONS and head.pos_ == "VERB"


def _is_agent_noun(lang: LanguagePack, token: Token) -> bool:
    places = lang.places
    forms = {token.lower_, _lemma(token), token.lower_.rstrip(places.PLURAL_MARKS)}
    return bool(forms & places.AGENT_NOUNS)


def _apposition_agent(lang: LanguagePack, doc: Doc, end: int) -> bool:
    """ "la Russie, allié indéfectible du président": an agent noun in apposition."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    following = doc[end + 1]
    if following.lower_ in lang.places.APPOSITION_DETERMINERS:
        following = doc[end + 2] if end + 2 < len(doc) else following
    return _is_agent_noun(lang, following)


def _acting_subject(lang: LanguagePack, doc: Doc, span: Span, before: list[Token]) -> bool:
    """The name is the subject of an active verb that is not one of places ("Moscou le
    soutient", "Bagdad a annoncé", "la Russie dément"; not "Palmyre ressemblait à...").

    The parse's subject (:func:`geo.syntax.subject_of`) decides first; when it makes the name
    no subject and the name opens a clause, its verb is found by word order
    (:func:`geo.syntax.verb_after`).

    A paragraph break is not a word: the small model often parses a name opening a
    paragraph as part of the previous paragraph's last sentence, so the name is then judged
    by what follows it, as after a full stop."""
    places = lang.places
    articles = places.DEFINITE_ARTICLES
    words = [t for t in before if t.lower_ not in articles and not t.is_space]
    at_boundary = not words or (
        words[-1].is_punct
        or words[-1].lower_ in places.CLAUSE_BOUNDARY_WORDS
        or words[-1].pos_ == "SCONJ"
    )
    verb = syntax.subject_of(span.root)
    if verb is not None:
        return not _passive_or_literal(lang, verb)
    if not at_boundary:
        return False
    j = span.end
    if j + 1 < len(doc) and doc[j].lower_ in places.COORDINATORS:  # "Moscou et Ankara parrainent"
        j += 1
        while j < len(doc) and doc[j].lower_ in articles:
            j += 1
        while j < len(doc) and doc[j].text[:1].isupper():
            j += 1
    incise = _cues(lang).agent_incise.match(doc.text, doc[j].idx) if j < len(doc) else None
    if incise:  # "Erevan, selon Moscou, négocie"
        while j < len(doc) and doc[j].idx < incise.end():
            j += 1
    j, auxiliaries, reflexive = syntax.verb_after(lang, doc, j)
    if syntax.passive_clause(lang, auxiliaries, reflexive):
        return False  # "Damas a été bombardée"; "se sont mis d'accord" is active
    if j >= len(doc):
        return bool(auxiliaries)
    verb = doc[j]
    if auxiliaries and not (verb.is_alpha and verb.is_lower):
        return True
    if not verb.is_alpha or not verb.is_lower or verb.pos_ in {"ADP", "DET", "CCONJ", "SCONJ"}:
        return bool(auxiliaries)
    return _lemma(verb) not in places.LITERAL_SUBJECT_VERBS


def _relative_agent(lang: LanguagePack, doc: Doc, end: int) -> bool:
    """ "Téhéran, qui soutient les milices": the name is the subject of a relative clause
    whose verb is not one of places."""
    places = lang.places
    if (
        end + 2 >= len(doc)
        or doc[end].text != ","
        or doc[end + 1].lower_ not in places.SUBJECT_RELATIVE_PRONOUNS
    ):
        return False
    j, auxiliaries, _ = syntax.verb_after(lang, doc, end + 2)
    # Any "être" makes it no act here, reflexive or not ("qui s'est retiré"), as it always has.
    if syntax.passive_clause(lang, auxiliaries, reflexive=False) or j >= len(doc):
        return False
    verb = doc[j]
    return verb.is_alpha and verb.is_lower and _lemma(verb) not in places.LITERAL_SUBJECT_VERBS


def _passive_or_literal(lang: LanguagePack, verb: Token) -> bool:
    """The subject of ``verb`` does not act: a verb of places ("Palmyre ressemblait à"), a
    passive ("Damas a été bombardée", :func:`geo.syntax.passive`) or a copula ("Moscou est la
    capitale")."""
    if _lemma(verb) in lang.places.LITERAL_SUBJECT_VERBS:
        return True
    return syntax.passive(lang, verb) or syntax.copular(lang, verb)
