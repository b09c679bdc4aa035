"""Distance/direction claims as the footprints of observations.

A claim locating a place an event is about gives that event its footprint ("déloger l'EI
de X, à 60 km de Y"); a claim near the place of an activity gives the activity its
footprint ("50 raids près de Palmyre"); any other claim becomes a ``positioned``
observation of the actor it names, unless it only places someone in a possibility. A claim
that places no actor ("un village se trouve à 25 km au nord de Bakhmout") is geography, not
a force on the ground: its observation is ``context``, drawn in the context layer and kept
out of control, as diplomacy is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from geo import syntax
from geo.events.actors import Actors
from geo.events.frames import Trigger
from geo.events.observe import ACTOR_FACTOR, Builder, with_claim
from geo.events.targets import Target
from geo.records import Article, Claim, Mention, Observation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from gazetteer import Place
    from geo.lang import LanguagePack
    from geo.theatre import Actor, ActorSpan

#: Confidence of an observation drawn from a distance/direction claim alone.
CLAIM_WEIGHT = 0.8
#: Relations of activity near a place (not of control).
ACTIVITY = frozenset({"advancing", "positioned", "fighting", "strike", "besieged"})


class ClaimPlacer:
    """Places one article's claims on its observations, or as observations of their own."""

    def __init__(
        self,
        article: Article,
        doc: Doc,
        lang: LanguagePack,
        mentions: list[Mention],
        actors: Actors,
        front: Callable[[Place], bool],
        build: Builder,
    ) -> None:
        self.article = article
        self.doc = doc
        self.lang = lang
        self.by_span = {(m.start, m.end): m for m in mentions}
        self.actors = actors
        self._front = front
        self.build = build

    def attach(
        self,
        sent: Span,
        claims: list[Claim],
        found: list[tuple[Observation, Target | None]],
        actors: list[ActorSpan],
    ) -> list[Observation]:
        observations = [obs for obs, _ in found]
        for claim in claims:
            owners = self._claim_owners(claim, found)
            for index in owners:
                observations[index] = with_claim(observations[index], claim, keep_place=True)
            if owners:
                continue
            activities = self._claim_activities(claim, found)
            for index in activities:
                observations[index] = with_claim(observations[index], claim, keep_place=False)
            if activities:
                continue
            if claim.target is not None:
                continue  # "Tiloua, à 50 km de Niamey" locates a place, not a force
            if claim.area and found:
                continue  # "a conquis, ailleurs dans la région de Donetsk, X": where it was
            if self._hypothetical(claim):
                continue  # "permettrait au régime de progresser plus à l'est": no one is there
            observations.append(self._positioned(sent, claim, actors))
        return observations

    def _hypothetical(self, claim: Claim) -> bool:
        """The claim places someone only in a possibility or a future: the nearest finite
        verb before it in its sentence is conditional or future ("la reprise permettrait au
        régime de progresser plus à l'est", "les troupes seront bientôt à 10 km de X"). Word
        order, not the parse: the small model's parse of such clauses is unreliable. A claim
        locating a named place is geography, true whatever the tense, and is not asked."""
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is None:
            return False
        for token in reversed(self.doc[: span.start]):
            if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
                return syntax.future_or_conditional(self.lang, token)
            if token.is_sent_start:
                break
        return False

    def _claim_owners(
        self, claim: Claim, found: list[tuple[Observation, Target | None]]
    ) -> list[int]:
        """The observations about the place the claim locates ("déloger l'EI de X, à 60 km")."""
        if claim.target is None:
            return []
        span = (claim.target.start, claim.target.end)
        return [
            i
            for i, (_obs, target) in enumerate(found)
            if target is not None
            and target.mention is not None
            and (target.mention.start, target.mention.end) == span
        ]

    def _claim_activities(
        self, claim: Claim, found: list[tuple[Observation, Target | None]]
    ) -> list[int]:
        """The activities near the anchor the claim describes ("50 raids près de Palmyre")."""
        if claim.target is not None:
            return []
        out = []
        for i, (obs, target) in enumerate(found):
            if obs.relation not in ACTIVITY or target is None:
                continue
            start = self.doc[target.start].idx
            end = self.doc[target.end - 1].idx + len(self.doc[target.end - 1])
            if start < claim.anchor_end and claim.anchor_start < end:
                out.append(i)
        return out

    def _positioned(self, sent: Span, claim: Claim, actors: list[ActorSpan]) -> Observation:
        doc = self.doc
        actor: Actor | None = None
        place_id = place_name = None
        if claim.target is not None:
            located = self.by_span.get((claim.target.start, claim.target.end), claim.target)
            if located.place is not None:
                place_id, place_name = located.place.place_id, located.place.name
            else:
                place_name = located.surface
        else:
            where = claim.anchor
            inside = [a for a in actors if claim.start <= a.start < claim.end]
            claim_span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
            if inside:  # "moins de 20 km séparent les troupes syriennes de Palmyre"
                actor = self.actors.named(inside[0], where)
            elif claim_span is not None:
                trigger = Trigger(
                    "positioned", "after", "subject", CLAIM_WEIGHT, claim_span.start, claim_span.end
                )
                actor = self.actors.find(trigger, actors, where, exclude=None).actor
        obs = self.build.record(
            sent,
            "positioned",
            actor,
            where=claim.anchor,
            place_id=place_id,
            place=place_name,
            geometry=claim.footprint,
            uncertainty_km=claim.uncertainty_km,
            date=(self.article.date, self.article.date_precision),
            confidence=CLAIM_WEIGHT * (1.0 if actor else ACTOR_FACTOR["none"]),
            context=actor is None or not self._front(claim.anchor),
        )
        return with_claim(obs, claim, keep_place=True)
