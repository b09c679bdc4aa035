"""Observation records: a trigger's relation, actor and place, dated, weighed and attributed.

Each observation carries the sentence as evidence, the date its trigger's nearest date
expression gives (the article's date failing one), a confidence (the frame's weight, where
the actor came from, how sure the place is) and who says so (:mod:`geo.attribution`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo import syntax
from geo.attribution import Attribution, attribute
from geo.dates import DateMention, resolve_date
from geo.events.frames import Trigger
from geo.events.targets import Target
from geo.records import Article, Claim, DatePrecision, Mention, Observation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from gazetteer import Place
    from geo.context import RunContext
    from geo.theatre import Actor

#: Largest number of tokens between a trigger and the date expression that dates it ("a
#: lancé le 7 mars l'offensive", "qui s'en était emparée en mai 2015").
MAX_DATE_GAP = 10
#: Confidence factors by where the actor came from: the parse or a complement is surest;
#: an actor carried over from an earlier sentence of the article is a guess.
ACTOR_FACTOR = {"parse": 1.0, "position": 0.85, "carried": 0.6, "none": 0.7}


class Builder:
    """Makes the observations of one article."""

    def __init__(
        self, article: Article, doc: Doc, ctx: RunContext, mentions: Sequence[Mention]
    ) -> None:
        self.article = article
        self.doc = doc
        self.ctx = ctx
        self.lang = ctx.lang
        self.mentions = tuple(mentions)

    def said_by(self, sent: Span, where: Place | None, date: dt.date | None) -> Attribution:
        """Who says what sentence ``sent`` tells about ``where`` (:mod:`geo.attribution`)."""
        return attribute(self.doc, sent, self.ctx, where=where, date=date, mentions=self.mentions)

    def make(
        self,
        sent: Span,
        relation: str,
        actor: Actor | None,
        target: Target,
        trigger: Trigger,
        dates: list[tuple[int, DateMention]],
        source: str,
    ) -> Observation:
        date, precision = self.date_for(trigger, dates)
        confidence = trigger.weight * ACTOR_FACTOR[source if actor is not None else "none"]
        if target.mention is not None and target.mention.confidence > 0:
            confidence *= 0.5 + 0.5 * target.mention.confidence
        place = target.place
        located = place is not None
        return self.record(
            sent,
            relation,
            actor,
            where=place,
            place_id=place.place_id if located else None,
            place=place.name if located else target.mention.surface,
            geometry=Point(place.lon, place.lat) if located else None,
            uncertainty_km=place.uncertainty_km if located else None,
            date=(date, precision),
            confidence=confidence,
            context=not target.front,
        )

    def record(
        self,
        sent: Span,
        relation: str,
        actor: Actor | None,
        *,
        where: Place | None,
        place_id: str | None,
        place: str | None,
        geometry: BaseGeometry | None,
        uncertainty_km: float | None,
        date: tuple[dt.date | None, DatePrecision | None],
        confidence: float,
        context: bool,
    ) -> Observation:
        """The one way an observation is built: its sentence, actor, place and position,
        date, confidence, and who says so about ``where``."""
        said = self.said_by(sent, where, date[0])
        point = geometry.representative_point() if geometry is not None else None
        if geometry is not None and geometry.geom_type == "Point":
            point = geometry
        return Observation(
            article_id=self.article.id,
            evidence=sent.text,
            relation=relation,  # type: ignore[arg-type]
            actor=actor.id if actor else None,
            side=actor.side if actor else None,
            place_id=place_id,
            place=place,
            lon=point.x if point is not None else None,
            lat=point.y if point is not None else None,
            uncertainty_km=uncertainty_km,
            geometry=geometry,
            date=date[0],
            date_precision=date[1],
            confidence=round(min(confidence, 1.0), 3),
            context=context,
            evidence_start=sent.start_char,
            source=said.source,
            claimed_by=said.claimed_by,
        )

    def date_for(
        self, trigger: Trigger, dates: list[tuple[int, DateMention]]
    ) -> tuple[dt.date | None, DatePrecision | None]:
        article = self.article
        near = [
            (min(abs(i - trigger.start), abs(i - trigger.end)), m)
            for i, m in dates
            if min(abs(i - trigger.start), abs(i - trigger.end)) <= MAX_DATE_GAP
        ]
        if not near or article.date is None:
            return article.date, article.date_precision
        mention = min(near, key=lambda x: x[0])[1]
        resolved = resolve_date(
            mention.surface,
            lang=self.lang,
            anchor=article.date,
            precision=article.date_precision or "day",
            tense=syntax.tense(self.lang, self.doc[trigger.start]),
        )
        # An offset counted from a date of the text ("trois semaines auparavant") keeps what
        # it counted from; re-resolving its words alone would count from the article's date.
        chosen = mention if mention.reference is not None else (resolved or mention)
        return chosen.date, chosen.precision


def with_claim(obs: Observation, claim: Claim, *, keep_place: bool) -> Observation:
    """``obs`` placed by ``claim``: its footprint, estimate, anchor, distances and bearing."""
    return replace(
        obs,
        place_id=obs.place_id if keep_place else None,
        place=obs.place if keep_place else None,
        lon=claim.lon,
        lat=claim.lat,
        uncertainty_km=claim.uncertainty_km,
        geometry=claim.footprint,
        anchor_id=claim.anchor.place_id,
        distance_min_km=claim.distance_min_km,
        distance_max_km=claim.distance_max_km,
        bearing_deg=claim.bearing_deg,
    )


def dedupe(observations: list[Observation]) -> list[Observation]:
    """One observation per (relation, actor, place, position, date), the most confident."""
    best: dict[tuple, Observation] = {}
    for obs in observations:
        key = (
            obs.relation,
            obs.actor,
            obs.place_id,
            obs.place,
            obs.anchor_id,
            obs.distance_min_km,
            obs.distance_max_km,
            obs.bearing_deg,
            obs.date,
            obs.context,
        )
        if key not in best or obs.confidence > best[key].confidence:
            best[key] = obs
    kept = set(map(id, best.values()))
    return [obs for obs in observations if id(obs) in kept]
