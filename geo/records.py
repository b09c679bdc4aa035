"""Typed records passed between the pipeline stages (see DESIGN.md, "The way data flows").

Every record is a frozen dataclass; coordinates are ``(lon, lat)``. Offsets (``start``,
``end``) are character offsets into :attr:`Article.text`, the body as the reader returns it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from shapely.geometry.base import BaseGeometry

from gazetteer import Candidate, Place

DatePrecision = Literal["day", "month", "year"]
Role = Literal["location", "metonym"]
Resolution = Literal["gazetteer", "inferred", "online", "unresolved"]
Relation = Literal[
    "controls",
    "captured",
    "lost",
    "advancing",
    "positioned",
    "fighting",
    "strike",
    "besieged",
    "withdrew",
]
RELATIONS: tuple[str, ...] = (
    "controls",
    "captured",
    "lost",
    "advancing",
    "positioned",
    "fighting",
    "strike",
    "besieged",
    "withdrew",
)


@dataclass(frozen=True, slots=True)
class Article:
    """One dated dispatch. ``date`` is ``None`` for an undated article."""

    id: str
    date: dt.date | None
    date_precision: DatePrecision | None
    text: str
    source_path: Path | None = None
    title: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a toponym in an article.

    Recognition fills the span fields, ``origins`` and ``candidates``; resolution returns a copy
    (``dataclasses.replace``) with ``place``, ``role``, ``resolution``, ``confidence``, ``kind``
    and, when unresolved, ``reason``.

    ``trigger`` is the kind of place the text names before it (``village``, ``ville``,
    ``province``, ``aéroport``...), ``hint`` an AFP-style region hint that follows it
    (``nord``, ``centre``...).
    """

    article_id: str
    start: int
    end: int
    surface: str
    sentence: Sentence
    origins: frozenset[str] = frozenset()
    trigger: str | None = None
    hint: str | None = None
    candidates: tuple[Candidate, ...] = ()
    place: Place | None = None
    role: Role = "location"
    resolution: Resolution = "unresolved"
    confidence: float = 0.0
    kind: Literal["place", "site"] = "place"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A distance/direction statement turned into a footprint around an anchor place.

    ``target`` is the mention the claim locates (``le village d'al-Bayarat``) or ``None`` when it
    locates an actor (``les troupes sont à 20 km à l'ouest de Palmyre``). ``shape`` is ``sector``
    (distance interval x bearing interval), ``ring`` (distance without direction) or ``disc``
    ("près de", "dans les environs de"). ``area`` is true when the phrase names a part of the
    anchor or the region around it ("dans le sud du pays", "dans la région de Kherson"), where
    something happens, rather than a position measured from it.
    """

    article_id: str
    sentence: Sentence
    start: int
    end: int
    anchor: Place
    anchor_start: int
    anchor_end: int
    distance_min_km: float
    distance_max_km: float
    bearing_deg: float | None
    bearing_tolerance_deg: float | None
    shape: Literal["sector", "ring", "disc"]
    footprint: BaseGeometry
    lon: float
    lat: float
    uncertainty_km: float
    target: Mention | None = None
    qualifier: str | None = None
    area: bool = False


@dataclass(frozen=True, slots=True)
class Observation:
    """A dated statement of who holds, takes, loses or advances on which place.

    ``geometry`` is the claim's footprint for an approximate position, or the place's point;
    it is ``None``, with ``lon``, ``lat`` and ``uncertainty_km``, for a place the text names
    but nothing locates (no gazetteer entry, no claim): the fact is kept in the data
    (``place`` is the name as written), and no map draws it.
    ``context`` marks diplomatic or off-theatre events kept out of the control layers;
    ``theatre`` is the id of the profile the article got (its ``side`` is one of its sides).
    ``source`` is who says so, as written ("l'OSDH", "le ministère russe de la Défense"), or
    ``None`` when the text names nobody; ``claimed_by`` the side id that source speaks for
    (a side's own claim), ``None`` for an independent source or one whose side is unknown
    (:func:`geo.attribution.attribute`).
    """

    article_id: str
    evidence: str
    relation: Relation
    actor: str | None
    side: str | None
    place_id: str | None
    place: str | None
    lon: float | None
    lat: float | None
    uncertainty_km: float | None
    geometry: BaseGeometry | None
    date: dt.date | None
    date_precision: DatePrecision | None
    confidence: float
    anchor_id: str | None = None
    distance_min_km: float | None = None
    distance_max_km: float | None = None
    bearing_deg: float | None = None
    context: bool = False
    evidence_start: int | None = field(default=None, compare=False)
    theatre: str | None = None
    source: str | None = None
    claimed_by: str | None = None


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who holds a place as of a snapshot date, and the evidence that decides it.

    ``side`` is a theatre-profile side id or ``contested``; ``since`` is the date of the
    deciding evidence; ``age_days`` is how old that evidence is at the snapshot (``stale`` when
    older than the timeline's staleness threshold). ``claimed_only`` is true when the holder
    rests only on the holder's own claims (every observation backing it has ``claimed_by``
    equal to ``side``: no independent, unattributed or opposing source); ``source`` is the
    deciding observation's source.
    """

    snapshot: dt.date
    place_id: str
    place: str
    lon: float
    lat: float
    side: str
    since: dt.date | None
    article_id: str
    evidence: str
    relation: Relation
    confidence: float
    age_days: int | None
    stale: bool = False
    uncertainty_km: float = 0.0
    date_precision: DatePrecision | None = None
    theatre: str | None = None
    claimed_only: bool = False
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Advance:
    """A dated arrow of a side's advance from ``origin`` towards ``target`` (``(lon, lat)``)."""

    side: str
    actor: str | None
    origin: tuple[float, float]
    target: tuple[float, float]
    target_place: str | None
    date: dt.date | None
    article_id: str
    evidence: str
    confidence: float
    date_precision: DatePrecision | None = None
