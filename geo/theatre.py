"""Theatre profiles: the actors of a conflict, their aliases, sides, colours and extent.

A profile is a TOML data file (``geo/theatres/<id>.toml``), so that a new conflict is a new
file, not new code. :func:`load_profile` reads and validates it; :meth:`TheatreProfile.
find_actors` finds the actors a text names.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gazetteer.normalize import fold as fold_text
from geo._errors import TheatreProfileError

THEATRES_DIR = Path(__file__).resolve().parent / "theatres"
DEFAULT_THEATRE = "syria_iraq"
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


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
class ActorSpan:
    """An actor named in a text: ``text[start:end] == surface``.

    ``actor`` is ``None`` for a generic name ("l'armée") whose actor depends on the country;
    :meth:`TheatreProfile.actor_for` settles it once the place is known.
    """

    start: int
    end: int
    surface: str
    actor: Actor | None
    generic: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class TheatreProfile:
    """One conflict: sides, actors, bounding box and the countries where it is fought.

    ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``; ``countries`` are ISO 3166-1
    alpha-2 codes; ``generic`` maps a generic alias ("armée") to the actor id it stands for in
    each country. Profiles compare by identity: :func:`load_profile` caches one per file.
    """

    id: str
    name: str
    sides: Mapping[str, Side]
    actors: tuple[Actor, ...]
    bbox: tuple[float, float, float, float]
    countries: tuple[str, ...]
    contested_colour: str
    generic: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def actor(self, actor_id: str) -> Actor:
        """The actor with id ``actor_id``; ``KeyError`` naming it when there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(f"no actor {actor_id!r} in theatre {self.id!r}")

    def in_theatre(self, lon: float, lat: float, country_code: str | None = None) -> bool:
        """True when ``(lon, lat)`` lies in the bbox and, if known, the country is the theatre's."""
        min_lon, min_lat, max_lon, max_lat = self.bbox
        inside = min_lon <= lon <= max_lon and min_lat <= lat <= max_lat
        return inside and (country_code is None or country_code in self.countries)

    def find_actors(self, text: str) -> list[ActorSpan]:
        """Every actor named in ``text``, longest alias first, non-overlapping, in text order.

        Matching ignores case and accents, needs word boundaries and accepts a plural ``s``.

        Examples
        --------
        >>> profile = load_profile()
        >>> [(s.surface, s.actor.id) for s in profile.find_actors("Daech et les troupes syriennes")]
        [('Daech', 'isis'), ('troupes syriennes', 'syrian_army')]
        """
        folded = fold(text)
        taken: list[tuple[int, int]] = []
        spans: list[ActorSpan] = []
        for alias, actor, generic in _alias_table(self):
            for match in _alias_pattern(alias).finditer(folded):
                start, end = match.span()
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                taken.append((start, end))
                spans.append(ActorSpan(start, end, text[start:end], actor, generic))
        return sorted(spans, key=lambda span: span.start)

    def actor_for(self, span: ActorSpan, country_code: str | None) -> Actor | None:
        """The actor a span names, settling a generic one by the country of the event."""
        if span.actor is not None:
            return span.actor
        actor_id = self.generic.get(span.generic or "", {}).get(country_code or "")
        return self.actor(actor_id) if actor_id else None


def load_profile(name_or_path: str | Path | None = None) -> TheatreProfile:
    """Load and validate a theatre profile.

    Parameters
    ----------
    name_or_path
        A profile id of the bundled ``geo/theatres/`` folder (``"syria_iraq"``), or the path
        of a TOML file; ``None`` loads the default Syria–Iraq profile.

    Returns
    -------
    TheatreProfile
        The validated profile (cached: the same path gives the same object).

    Raises
    ------
    TheatreProfileError
        When the file is missing, not TOML, or misses or contradicts a field; the message
        names the file and the problem.
    """
    name = DEFAULT_THEATRE if name_or_path is None else name_or_path
    path = Path(name)
    if path.suffix != ".toml" and not path.exists():
        path = THEATRES_DIR / f"{name}.toml"
    return _load(path.resolve())


@lru_cache(maxsize=16)
def _load(path: Path) -> TheatreProfile:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = sorted(p.stem for p in THEATRES_DIR.glob("*.toml"))
        raise TheatreProfileError(
            f"theatre profile {str(path)!r} not found (bundled profiles: {known})"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise TheatreProfileError(
            f"theatre profile {str(path)!r} is not valid TOML: {exc}"
        ) from exc
    return _validate(raw, str(path))


def _validate(raw: dict[str, Any], where: str) -> TheatreProfile:
    def fail(problem: str) -> TheatreProfileError:
        return TheatreProfileError(f"theatre profile {where!r}: {problem}")

    for key in ("id", "name", "countries", "bbox", "contested_colour", "sides", "actors"):
        if key not in raw:
            raise fail(f"missing field {key!r}")
    bbox = raw["bbox"]
    if (
        not isinstance(bbox, list)
        or len(bbox) != 4
        or not all(isinstance(v, int | float) for v in bbox)
        or not (-180 <= bbox[0] < bbox[2] <= 180 and -90 <= bbox[1] < bbox[3] <= 90)
    ):
        raise fail(f"bbox must be [min_lon, min_lat, max_lon, max_lat], got {bbox!r}")
    countries = raw["countries"]
    if not isinstance(countries, list) or not all(_ISO2.match(str(c)) for c in countries):
        raise fail(f"countries must be ISO 3166-1 alpha-2 codes, got {countries!r}")
    sides: dict[str, Side] = {}
    for side_id, body in raw["sides"].items():
        colour = body.get("colour", "")
        if not _HEX_COLOUR.match(colour):
            raise fail(f"side {side_id!r} has colour {colour!r}, expected '#rrggbb'")
        sides[side_id] = Side(side_id, str(body.get("label", side_id)), colour)
    if not sides:
        raise fail("no sides")
    if not _HEX_COLOUR.match(str(raw["contested_colour"])):
        raise fail(f"contested_colour {raw['contested_colour']!r} is not '#rrggbb'")
    actors: list[Actor] = []
    for body in raw["actors"]:
        actor_id, side = body.get("id"), body.get("side")
        if not actor_id or side not in sides:
            raise fail(f"actor {actor_id!r} needs an id and one of the sides {sorted(sides)}")
        if any(a.id == actor_id for a in actors):
            raise fail(f"actor {actor_id!r} is defined twice")
        aliases = tuple(body.get("aliases", ()))
        if not aliases:
            raise fail(f"actor {actor_id!r} has no aliases")
        actors.append(Actor(actor_id, side, str(body.get("label", actor_id)), aliases))
    actor_ids = {a.id for a in actors}
    generic = raw.get("generic", {})
    for alias, by_country in generic.items():
        unknown = sorted(set(by_country.values()) - actor_ids)
        if unknown:
            raise fail(f"generic alias {alias!r} names unknown actors {unknown}")
    seen: dict[str, str] = {}
    for actor in actors:
        for alias in actor.aliases:
            key = fold(alias)
            if seen.setdefault(key, actor.id) != actor.id:
                raise fail(f"alias {alias!r} belongs to both {seen[key]!r} and {actor.id!r}")
    return TheatreProfile(
        id=str(raw["id"]),
        name=str(raw["name"]),
        sides=MappingProxyType(sides),
        actors=tuple(actors),
        bbox=(float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3])),
        countries=tuple(countries),
        contested_colour=str(raw["contested_colour"]),
        generic=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in generic.items()}),
    )


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, one character for one: offsets are kept.

    Examples
    --------
    >>> fold("Forces Prorégime à Alep’s")
    "forces proregime a alep's"
    """
    return fold_text(text, keep_separators=True)


@lru_cache(maxsize=512)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    words = re.split(r"[\s\-]+", fold(alias).strip())
    body = r"[\s\-]?".join(re.escape(w) + "s?" if w[-1].isalpha() else re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])")


@lru_cache(maxsize=16)
def _alias_table(profile: TheatreProfile) -> tuple[tuple[str, Actor | None, str | None], ...]:
    rows: list[tuple[str, Actor | None, str | None]] = [
        (alias, actor, None) for actor in profile.actors for alias in actor.aliases
    ]
    rows += [(alias, None, alias) for alias in profile.generic]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))
