"""Who holds, takes, loses, advances on or strikes which place, when: dated observations.

For each sentence the stage finds *triggers* (verbs, nouns and phrases of
:mod:`geo.lang.fr.events`: "reprendre", "fief de", "aux mains de", "raids"...), attaches each
to the place it is about (the nearest resolved mention on the side the trigger expects, or
one linked to it in the dependency parse, plus the places coordinated with it), finds its
actor (the subject, the agent after "par", the complement after "de", the one a place is
taken from: "reprendre Palmyre à l'EI"), weighs modality and negation ("cherche à
reprendre" is an advance, "n'a pas évoqué de frappes" no strike, "n'auront qu'à déloger
l'EI de X" says the EI holds X) and dates it with :mod:`geo.dates`.

Every distance/direction claim of the article reaches the output: as the geometry of a
stronger observation about the same place or actor, else as a ``positioned`` one.
Metonyms ("Moscou le soutient") are never places of events; events placed outside the
theatre (talks in Genève, attacks in Bruxelles) are kept as ``context`` observations only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from shapely.geometry import Point

from geo._regex import alternation
from geo.dates import DateMention, Tense, find_dates, resolve_date
from geo.nlp import sentence_spans
from geo.records import Article, Claim, DatePrecision, Mention, Observation
from geo.theatre import Actor, ActorSpan, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from gazetteer import Place
    from geo.context import RunContext

#: Largest number of words between a trigger and its place ("l'offensive lancée le 7 mars
#: par l'armée sur Palmyre" is 7): beyond it a place belongs to another clause.
MAX_PLACE_GAP = 8
#: Largest number of tokens between a trigger and the date expression that dates it ("a
#: lancé le 7 mars l'offensive", "qui s'en était emparée en mai 2015").
MAX_DATE_GAP = 10
#: Largest dependency-tree distance at which a place is still an argument of a trigger
#: ("Alep, où 12 civils ont été tués dans des raids": raids -> tués -> Alep).
MAX_TREE_DISTANCE = 2
#: Largest number of tokens between a trigger and an actor found by position alone.
MAX_ACTOR_GAP = 10
# Tokens an apposition between a clause-opening actor and its verb may span ("Les FDS, une
# alliance kurdo-arabe appuyée par la coalition menée par Washington, sont entrées").
MAX_APPOSITION = 30
#: How many words back modality and negation cues reach ("n'auront qu'à déloger").
CUE_WINDOW = 5
#: Confidence factors by where the actor came from: the parse or a complement is surest;
#: an actor carried over from an earlier sentence of the article is a guess.
ACTOR_FACTOR = {"parse": 1.0, "position": 0.85, "carried": 0.6, "none": 0.7}
#: How many sentences back an actor is carried to a capture or advance that names none
#: ("Les localités ont été libérées": by whom the previous sentences said).
CARRY_SENTENCES = 2
#: Gaps count words, not determiners, punctuation, parenthesised asides, the actors named in
#: between or a position phrase ("Qaryatayn, à 100 km au sud-ouest de Palmyre, tenue par").
#: Largest number of words between a place and a trigger that follows it ("Palmyre, joyau
#: du désert syrien entre les mains de Daech" is 4), and between an event noun and its
#: place ("l'offensive contre le groupe EI près de Palmyre": a noun's place hangs on it
#: closely; the actors named in between do not count).
MAX_BEFORE_GAP = 6
#: Score penalty of a place on the side a trigger does not expect, and of an anaphor
#: ("cette ville") against a place named outright.
SIDE_PENALTY = 4
ANAPHOR_PENALTY = 3
#: Score penalty of a place that is only the reference point of a position phrase
#: ("Tabqa, à 40 km à l'ouest de Raqa, a été reprise": Tabqa was taken, Raqa
#: only measures where): as much as a place on the wrong side, plus a word.
REFERENCE_PENALTY = SIDE_PENALTY + 1
#: Confidence of an observation drawn from a distance/direction claim alone.
CLAIM_WEIGHT = 0.8
#: Confidence factor of the "held before" observation of "reprendre X à Y".
HELD_BEFORE_FACTOR = 0.75
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "«", "»", '"', "–", "—"})
# Breaks that close the noun phrase opening a clause (parentheses may sit inside it: "Forces
# démocratiques syriennes (FDS)").
_OPENER_BREAKS = frozenset({",", ";", ":", "«", "»", '"', "–", "—"})
_CONTROL = frozenset({"controls", "captured", "lost", "withdrew"})
_ACTIVITY = frozenset({"advancing", "positioned", "fighting", "strike", "besieged"})


@dataclass(frozen=True, slots=True)
class _Target:
    """A place named in the sentence (a mention, or an anaphor such as "cette ville")."""

    place: Place
    start: int  # token indices into the doc, end exclusive
    end: int
    mention: Mention | None
    front: bool  # inside the theatre: may be a front-line event


@dataclass(frozen=True, slots=True)
class _Trigger:
    relation: str
    theme: str
    slot: str
    weight: float
    start: int
    end: int
    kind: str = "verb"  # "verb", "noun" or "phrase"


@dataclass(frozen=True, slots=True)
class _Found:
    """An actor found for a trigger, with where it came from (a key of ACTOR_FACTOR)."""

    actor: Actor | None
    source: str
    also: tuple[Actor, ...] = ()  # actors coordinated with it: "les rebelles et Al-Nosra"


def extract_observations(
    article: Article,
    doc: Doc,
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
    ctx: RunContext,
) -> list[Observation]:
    """Turn an article's resolved mentions and claims into dated observations.

    Parameters
    ----------
    article
        The article; its date anchors relative dates (an undated article gives undated
        observations).
    doc
        ``article.text`` parsed by :func:`geo.nlp.parse` (offsets into ``article.text``).
    mentions
        The article's resolved mentions (``place`` set, ``role`` ``location`` or
        ``metonym``).
    claims
        The article's distance/direction claims; each one reaches the output.
    ctx
        The run context: the article's theatre profile (actors, aliases, sides, extent) and
        the language pack whose event words, modality and negation are read.

    Returns
    -------
    list of Observation
        In text order. ``context=True`` marks events placed outside the theatre.

    Examples
    --------
    >>> import datetime as dt
    >>> from gazetteer import Place
    >>> from geo.nlp import parse, sentences
    >>> from geo.records import Article, Mention
    >>> from geo.context import build_context
    >>> ctx = build_context(theatre="syria_iraq")
    >>> text = "Les forces irakiennes ont repris Fallouja à l'EI."
    >>> doc = parse(text, ctx.lang)
    >>> fallujah = Place("geonames:98860", "Fallouja", 43.78, 33.35, "IQ")
    >>> mention = Mention("a", 32, 40, "Fallouja", sentences(doc)[0], place=fallujah,
    ...                   resolution="gazetteer", confidence=0.9)
    >>> article = Article("a", dt.date(2016, 6, 26), "day", text)
    >>> for o in extract_observations(article, doc, [mention], [], ctx):
    ...     print(o.relation, o.actor, o.place, o.date)
    captured iraqi_army Fallouja 2016-06-26
    controls isis Fallouja 2016-06-26
    """
    return _Extractor(article, doc, mentions, claims, ctx).run()


class _Extractor:
    """The state of one article's extraction: the last place named, the last actor."""

    def __init__(
        self,
        article: Article,
        doc: Doc,
        mentions: Sequence[Mention],
        claims: Sequence[Claim],
        ctx: RunContext,
    ) -> None:
        self.article = article
        self.doc = doc
        self.lang = ctx.lang
        self.words = ctx.lang.events
        self.profile = ctx.profile
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_span = {(m.start, m.end): m for m in self.mentions}
        self.claims = sorted(claims, key=lambda c: c.start)
        self.actor_spans = self.profile.find_actors(article.text)
        self.last_place: Place | None = None
        self.focus: int | None = None  # the sentence of the last event about a place
        self.last_actor: tuple[Actor, int] | None = None
        self.index = 0

    def run(self) -> list[Observation]:
        observations: list[Observation] = []
        for index, sent in enumerate(sentence_spans(self.doc)):
            self.index = index
            observations.extend(self._sentence(sent))
        return observations

    # -- one sentence -------------------------------------------------------------------

    def _sentence(self, sent: Span) -> list[Observation]:
        targets = self._targets(sent)
        triggers = _triggers(self.words, sent)
        actors = [a for a in self.actor_spans if sent.start_char <= a.start < sent.end_char]
        dates = self._dates(sent)
        spans = [self._token_span(a) for a in actors]
        references = [s for s in (self._char_to_tokens(c.start, c.end) for c in self.claims) if s]
        skip = frozenset(i for span in spans + references if span for i in range(*span))
        found: list[tuple[Observation, _Target | None]] = []
        setting = _setting(self.words, self.doc, sent, targets)
        for trigger in triggers:
            if _negated(self.words, self.doc, trigger):
                continue
            chosen = _choose_targets(self.words, self.doc, trigger, targets, skip, references)
            if not chosen and setting is not None and trigger.start > setting.end:
                chosen = [setting]
            if not chosen and trigger.relation == "withdrew":
                chosen = self._left_behind(trigger, targets)
            for target in chosen:
                found.extend(
                    (obs, target)
                    for obs in self._observe(sent, trigger, target, actors, dates, chosen, triggers)
                )
        claims = [c for c in self.claims if sent.start_char <= c.start < sent.end_char]
        observations = self._attach_claims(sent, claims, found, actors)
        about = [t.place for obs, t in found if t is not None and t.front and not obs.context]
        if about:  # "la ville" of the next sentence is this place
            self.focus = self.index
            self.last_place = about[-1]
        return _dedupe(observations)

    def _targets(self, sent: Span) -> list[_Target]:
        targets: list[_Target] = []
        for mention in self.mentions:
            if not sent.start_char <= mention.start < sent.end_char:
                continue
            place = mention.place
            if place is None or mention.role != "location" or _is_country(place):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            targets.append(_Target(place, span.start, span.end, mention, self._front(place)))
        for token in sent:
            if fold(token.text) not in self.words.ANAPHORS or token.i == sent.start:
                continue
            if fold(self.doc[token.i - 1].text) not in self.words.ANAPHOR_DETERMINERS:
                continue
            if (
                token.i + 1 < len(self.doc)
                and fold(self.doc[token.i + 1].text) in self.words.NAME_LINKS
            ):
                continue  # "la localité d'Al-Alianiyé" names its place
            if any(t.start <= token.i < t.end for t in targets):
                continue
            place = self._antecedent(token, targets)
            if place is not None:
                targets.append(_Target(place, token.i - 1, token.i + 1, None, self._front(place)))
        targets = [t for t in targets if not self._reference_only(t)]
        targets.sort(key=lambda t: t.start)
        if self.focus is None or self.focus < self.index - 1:
            front = [t.place for t in targets if t.front and t.mention is not None]
            if front:
                self.last_place = front[-1]
        return targets

    def _left_behind(self, trigger: _Trigger, targets: list[_Target]) -> list[_Target]:
        """ "se sont retirés (vers Jarablous)": they left the place the text is about.

        Only a withdrawal that names no place, or only where it went, and only while the
        place under discussion is recent (an event about it in the last sentences).
        """
        after = [t for t in targets if t.start >= trigger.end]
        heading = all(_destination(self.words, self.doc, t) for t in after)
        recent = self.focus is not None and self.index - self.focus <= CARRY_SENTENCES
        if not (heading and recent and self.last_place is not None):
            return []
        place = self.last_place
        return [_Target(place, trigger.start, trigger.end, None, self._front(place))]

    def _reference_only(self, target: _Target) -> bool:
        """A place named only to locate another: "Fallouja, à 50 km à l'ouest de Bagdad"."""
        if target.mention is None:
            return False
        return any(
            claim.target is not None
            and claim.anchor_start == target.mention.start
            and claim.start <= claim.anchor_start < claim.end
            and claim.target.start != target.mention.start
            for claim in self.claims
        )

    def _antecedent(self, token: Token, targets: list[_Target]) -> Place | None:
        """The place "cette ville" refers to: a claim anchored there, else the last one named."""
        for claim in self.claims:
            if claim.anchor_start <= token.idx < claim.anchor_end:
                return claim.anchor
        before = [t.place for t in targets if t.end <= token.i and t.front]
        return before[-1] if before else self.last_place

    def _front(self, place: Place) -> bool:
        return self.profile.in_theatre(place.lon, place.lat, place.country_code)

    def _dates(self, sent: Span) -> list[tuple[int, DateMention]]:
        """Date expressions of the sentence with the index of their first token."""
        if self.article.date is None:
            return []
        found = find_dates(
            sent.text,
            lang=self.lang,
            anchor=self.article.date,
            precision=self.article.date_precision or "day",
        )
        out = []
        for mention in found:
            span = self.doc.char_span(
                sent.start_char + mention.start,
                sent.start_char + mention.end,
                alignment_mode="expand",
            )
            if span is not None:
                out.append((span.start, mention))
        return out

    # -- one trigger and one place ------------------------------------------------------

    def _observe(
        self,
        sent: Span,
        trigger: _Trigger,
        target: _Target,
        actors: list[ActorSpan],
        dates: list[tuple[int, DateMention]],
        chosen: list[_Target],
        triggers: list[_Trigger],
    ) -> list[Observation]:
        doc = self.doc
        relation = trigger.relation
        unrealised = _unrealised(self.words, doc, trigger)
        where = target.place
        held_by = _held_by(self.words, doc, trigger, chosen, actors)
        if trigger.slot == "object":
            return self._oust(sent, trigger, target, actors, dates, held_by, unrealised)
        found = self._actor(trigger, actors, where, exclude=held_by)
        taker = _taker(doc, trigger, triggers)
        if relation == "controls" and taker is not None:
            # "reprendre son fief de Mossoul": the stronghold is the opponent's, not the taker's.
            found = self._opponent_of(
                self._actor(taker, actors, where, exclude=None), actors, where
            )
        if unrealised:
            if relation in ("captured", "besieged"):
                relation = "advancing"
            elif relation in ("withdrew", "lost"):
                relation = "controls"  # "commencent à quitter Raqa": they still hold it
            elif relation not in ("advancing",):
                return []
        if found.actor is None and relation in ("captured", "advancing") and self.last_actor:
            actor, index = self.last_actor
            if self.index - index <= CARRY_SENTENCES:
                found = _Found(actor, "carried")
        elif found.actor is not None and relation in ("captured", "advancing"):
            self.last_actor = (found.actor, self.index)
        if found.actor is None and relation in _CONTROL:
            return []  # a change of hands nobody is named in says nothing about control
        out = [
            self._make(sent, relation, actor, target, trigger, dates, found.source)
            for actor in (found.actor, *found.also)
        ]
        if held_by is not None and relation in ("captured", "advancing"):
            # "reprendre Alep à l'armée et aux milices": each of them held it.
            for span in (held_by, *_coordinated_actors(held_by, self)):
                holder = self._named(span, where)
                previous = self._make(sent, "controls", holder, target, trigger, dates, "parse")
                out.append(replace(previous, confidence=previous.confidence * HELD_BEFORE_FACTOR))
        return out

    def _oust(
        self,
        sent: Span,
        trigger: _Trigger,
        target: _Target,
        actors: list[ActorSpan],
        dates: list[tuple[int, DateMention]],
        held_by: ActorSpan | None,
        unrealised: bool,
    ) -> list[Observation]:
        """ "déloger l'EI de X": the EI holds X until it is ousted; the subject takes it.

        In the passive ("en avoir été chassé par l'armée") the agent takes the place and the
        one named before held it.
        """
        where = target.place
        if _passive(self.words, self.doc, trigger):
            taker = self._agent(trigger, actors, where) or _Found(None, "none")
            before = [
                a for a in actors if (span := self._token_span(a)) and span[1] <= trigger.start
            ]
            holder = self._named(before[-1], where) if before else None
        else:
            if held_by is None:
                return []
            holder = self._named(held_by, where)
            taker = self._actor(trigger, actors, where, exclude=held_by)
        out = []
        if unrealised:
            out.append(self._make(sent, "controls", holder, target, trigger, dates, "parse"))
            if taker.actor is not None:  # "pour chasser l'EI de Jarablous": an advance
                out.append(
                    self._make(sent, "advancing", taker.actor, target, trigger, dates, taker.source)
                )
            return [o for o in out if o.actor is not None]
        if taker.actor is not None:
            out += [
                self._make(sent, "captured", actor, target, trigger, dates, taker.source)
                for actor in (taker.actor, *taker.also)
            ]
        if holder is not None:
            out.append(self._make(sent, "lost", holder, target, trigger, dates, "parse"))
        return out

    def _actor(
        self, trigger: _Trigger, actors: list[ActorSpan], where: Place | None, *, exclude
    ) -> _Found:
        doc = self.doc
        candidates = [a for a in actors if a is not exclude and not _opponent(self.words, doc, a)]
        spans = [(self._token_span(a), a) for a in candidates]
        spans = [(s, a) for s, a in spans if s is not None]
        if trigger.slot == "after":
            for (start, _end), span in spans:
                if 0 <= start - trigger.end <= 3 and _linked_after(
                    self.words, doc, trigger.end, start
                ):
                    return self._settle(span, where, "parse")
        if _passive(self.words, doc, trigger):
            agent = self._agent(trigger, candidates, where)
            if agent is not None:
                return agent
        else:
            subject = _subject(self.words, doc[trigger.start])
            if subject is not None:
                lo, hi = subject.left_edge.i, subject.right_edge.i
                inside = [(abs(s - subject.i), a) for (s, e), a in spans if s <= hi and e > lo]
                if inside:
                    return self._settle(min(inside, key=lambda x: x[0])[1], where, "parse")
            if trigger.kind == "verb":
                opener = _clause_opener(self.words, doc, trigger.start, spans)
                if opener is not None:
                    return self._settle(opener, where, "parse")
        # The actor named before a fight by position alone is as likely one side as the
        # other ("ont chassé les jihadistes après quatre mois de combats"): not taken.
        before = [
            (trigger.start - e, a)
            for (s, e), a in spans
            if 0 <= trigger.start - e <= MAX_ACTOR_GAP and trigger.relation != "fighting"
        ]
        if before:
            return self._settle(min(before, key=lambda x: x[0])[1], where, "position")
        after = [
            (s - trigger.end, a)
            for (s, e), a in spans
            if 0 <= s - trigger.end <= MAX_ACTOR_GAP and not _taken_from(self.words, doc, s)
        ]
        if after:
            return self._settle(min(after, key=lambda x: x[0])[1], where, "position")
        return _Found(None, "none")

    def _agent(
        self, trigger: _Trigger, actors: list[ActorSpan], where: Place | None
    ) -> _Found | None:
        """The agent of a passive: the actor after "par" ("assiégée depuis 2012 par l'armée")."""
        doc = self.doc
        for actor in actors:
            span = self._token_span(actor)
            if span is None or not 0 <= span[0] - trigger.end <= MAX_ACTOR_GAP:
                continue
            window = doc[max(trigger.end, span[0] - 2) : span[0]]
            if any(fold(t.text) in self.words.AGENT_MARKERS for t in window):
                return self._settle(actor, where, "parse")
        return None

    def _opponent_of(self, taker: _Found, actors: list[ActorSpan], where: Place | None) -> _Found:
        """The nearest actor of another side than ``taker`` in the sentence."""
        for span in actors:
            actor = self._named(span, where)
            if actor is not None and (taker.actor is None or actor.side != taker.actor.side):
                return _Found(actor, "position")
        return _Found(None, "none")

    def _named(self, span: ActorSpan, where: Place | None) -> Actor | None:
        """The actor ``span`` names for an event at ``where`` on the article's date."""
        if where is None:
            return self.profile.actor_for(span, None, date=self.article.date)
        return self.profile.actor_for(
            span, where.country_code, point=(where.lon, where.lat), date=self.article.date
        )

    def _settle(self, span: ActorSpan, where: Place | None, source: str) -> _Found:
        actor = self._named(span, where)
        if actor is None:
            return _Found(None, "none")
        others = [self._named(a, where) for a in _coordinated_actors(span, self)]
        also = tuple(a for a in dict.fromkeys(others) if a is not None and a != actor)
        return _Found(actor, source, also)

    def _token_span(self, actor: ActorSpan) -> tuple[int, int] | None:
        return self._char_to_tokens(actor.start, actor.end)

    def _char_to_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)

    def _make(
        self,
        sent: Span,
        relation: str,
        actor: Actor | None,
        target: _Target,
        trigger: _Trigger,
        dates: list[tuple[int, DateMention]],
        source: str,
    ) -> Observation:
        date, precision = self._date_for(trigger, dates)
        confidence = trigger.weight * ACTOR_FACTOR[source if actor is not None else "none"]
        if target.mention is not None and target.mention.confidence > 0:
            confidence *= 0.5 + 0.5 * target.mention.confidence
        place = target.place
        return Observation(
            article_id=self.article.id,
            evidence=sent.text,
            relation=relation,  # type: ignore[arg-type]
            actor=actor.id if actor else None,
            side=actor.side if actor else None,
            place_id=place.place_id,
            place=place.name,
            lon=place.lon,
            lat=place.lat,
            uncertainty_km=place.uncertainty_km,
            geometry=Point(place.lon, place.lat),
            date=date,
            date_precision=precision,
            confidence=round(min(confidence, 1.0), 3),
            context=not target.front,
            evidence_start=sent.start_char,
        )

    def _date_for(
        self, trigger: _Trigger, dates: list[tuple[int, DateMention]]
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
            tense=_tense(self.words, self.doc[trigger.start]),
        )
        chosen = resolved or mention
        return chosen.date, chosen.precision

    # -- claims -------------------------------------------------------------------------

    def _attach_claims(
        self,
        sent: Span,
        claims: list[Claim],
        found: list[tuple[Observation, _Target | None]],
        actors: list[ActorSpan],
    ) -> list[Observation]:
        observations = [obs for obs, _ in found]
        for claim in claims:
            owners = self._claim_owners(claim, found)
            for index in owners:
                observations[index] = _with_claim(observations[index], claim, keep_place=True)
            if owners:
                continue
            activities = self._claim_activities(claim, found)
            for index in activities:
                observations[index] = _with_claim(observations[index], claim, keep_place=False)
            if activities:
                continue
            if claim.target is None and self._hypothetical(claim):
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
                return _future_or_conditional(self.words, token)
            if token.is_sent_start:
                break
        return False

    def _claim_owners(
        self, claim: Claim, found: list[tuple[Observation, _Target | None]]
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
        self, claim: Claim, found: list[tuple[Observation, _Target | None]]
    ) -> list[int]:
        """The activities near the anchor the claim describes ("50 raids près de Palmyre")."""
        if claim.target is not None:
            return []
        out = []
        for i, (obs, target) in enumerate(found):
            if obs.relation not in _ACTIVITY or target is None:
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
                actor = self._named(inside[0], where)
            elif claim_span is not None:
                trigger = _Trigger(
                    "positioned", "after", "subject", CLAIM_WEIGHT, claim_span.start, claim_span.end
                )
                actor = self._actor(trigger, actors, where, exclude=None).actor
        date = self.article.date
        precision = self.article.date_precision
        obs = Observation(
            article_id=self.article.id,
            evidence=sent.text,
            relation="positioned",
            actor=actor.id if actor else None,
            side=actor.side if actor else None,
            place_id=place_id,
            place=place_name,
            lon=claim.lon,
            lat=claim.lat,
            uncertainty_km=claim.uncertainty_km,
            geometry=claim.footprint,
            date=date,
            date_precision=precision,
            confidence=round(CLAIM_WEIGHT * (1.0 if actor else ACTOR_FACTOR["none"]), 3),
            context=not self._front(claim.anchor),
            evidence_start=sent.start_char,
        )
        return _with_claim(obs, claim, keep_place=True)


# -- helpers on the parse -------------------------------------------------------------


@lru_cache(maxsize=1)
def _phrase_patterns(
    words: ModuleType,
) -> tuple[tuple[re.Pattern[str], tuple[str, str, str, float]], ...]:
    return tuple(
        (re.compile(rf"(?<![\w']){pattern}(?!\w)"), value)
        for pattern, value in words.PHRASES.items()
    )


def _triggers(words: ModuleType, sent: Span) -> list[_Trigger]:
    doc = sent.doc
    folded = fold(sent.text).replace("-", " ")
    found: list[_Trigger] = []
    covered: set[int] = set()
    for pattern, (relation, theme, slot, weight) in _phrase_patterns(words):
        for match in pattern.finditer(folded):
            span = doc.char_span(
                sent.start_char + match.start(),
                sent.start_char + match.end(),
                alignment_mode="expand",
            )
            if span is None or covered & set(range(span.start, span.end)):
                continue
            covered |= set(range(span.start, span.end))
            found.append(_Trigger(relation, theme, slot, weight, span.start, span.end, "phrase"))
    for token in sent:
        if token.i in covered:
            continue
        entry = _lookup(words, token)
        if entry is not None and not _pronominal_other_sense(words, token):
            (relation, theme, slot, weight), kind = entry
            found.append(_Trigger(relation, theme, slot, weight, token.i, token.i + 1, kind))
    return sorted(found, key=lambda t: t.start)


def _pronominal_other_sense(words: ModuleType, token: Token) -> bool:
    """A verb of ``NOT_PRONOMINAL`` used pronominally ("se tenir à Astana"): no event."""
    if fold(token.lemma_) not in words.NOT_PRONOMINAL:
        return False
    previous = token.doc[token.i - 1].lower_ if token.i else ""
    return previous in words.REFLEXIVES or any(c.dep_.startswith("expl") for c in token.children)


def _lookup(words: ModuleType, token: Token) -> tuple[tuple[str, str, str, float], str] | None:
    keys = (fold(token.lemma_), fold(token.text).replace("-", " "))
    # The tagger's part of speech decides which table is tried first, not which is tried:
    # it tags "enclave" a verb and "bombardent" a noun.
    tables = {
        "VERB": ("verb", "noun"),
        "NOUN": ("noun", "verb"),
        "PROPN": ("noun", "verb"),
        "ADJ": ("verb", "noun"),
    }.get(token.pos_, ())
    for kind in tables:
        table = words.VERBS if kind == "verb" else words.NOUNS
        for key in keys:
            if key in table:
                return table[key], kind
    # The tagger may take a conjugated verb for a noun ("bombardent"); a word after a
    # determiner stays a noun ("le contrôle").
    after_determiner = token.i > 0 and token.doc[token.i - 1].pos_ == "DET"
    if tables and not after_determiner:
        for ending in words.VERB_ENDINGS:
            stem = keys[1].removesuffix(ending)
            infinitive = stem + words.INFINITIVE_ENDING
            if stem != keys[1] and infinitive in words.VERBS:
                return words.VERBS[infinitive], "verb"
    return None


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for i, node in enumerate(up_a):
        if node in up_b:
            return i + up_b.index(node)
    return 99


def _choose_targets(
    words: ModuleType,
    doc: Doc,
    trigger: _Trigger,
    targets: list[_Target],
    skip: frozenset[int],
    references: Sequence[tuple[int, int]],
) -> list[_Target]:
    """The place a trigger is about, and the places coordinated with it.

    The nearest place on the side the trigger expects wins (words in parentheses or quotes
    do not count: "l'offensive contre le groupe «Etat islamique» (Daech/EI) près de
    Palmyre", nor does a position phrase); a place inside a position phrase (token spans in
    ``references``) is that phrase's reference point, a last resort for a trigger outside
    the phrase ("Tabqa, à 40 km de Raqa, a été reprise"); a verb with a direct object looks
    inside it only ("reprendre leurs discussions à Genève" is about no place); a place
    linked to a single-word trigger in the parse may sit further ("Alep, où 12 civils ont
    été tués dans des raids").
    """
    token = doc[trigger.start]
    passive = _passive(words, doc, trigger)
    theme = "before" if passive and trigger.theme == "after" else trigger.theme
    takes = trigger.kind == "verb" and trigger.relation in _CONTROL | {"besieged"}
    objects = [c for c in token.children if c.dep_ == "obj"] if takes else []
    heads = [token]
    if trigger.kind == "noun" and token.dep_.startswith("nsubj") and token.head.pos_ == "VERB":
        heads.append(token.head)  # "des combats se poursuivaient à l'aéroport de Palmyre"
    scored: list[tuple[float, bool, int]] = []
    for index, target in enumerate(targets):
        if trigger.relation == "withdrew" and _destination(words, doc, target):
            continue  # "se sont retirés vers Jarablous": where they went, not what they left
        if target.end <= trigger.start:
            side, gap = "before", _gap(doc, target.end, trigger.start, skip)
        elif target.start >= trigger.end:
            side, gap = "after", _gap(doc, trigger.end, target.start, skip)
        else:
            continue
        tree = min(_tree_distance(head, doc[target.start]) for head in heads)
        if objects and trigger.slot != "object" and not passive:
            # Outside the object only a place after the verb and hanging on it counts: "ne
            # contrôlent plus qu'une poche dans l'est d'Alep".
            inside = any(o.left_edge.i <= target.start <= o.right_edge.i for o in objects)
            if not inside and (side == "before" or tree > MAX_TREE_DISTANCE):
                continue
        limit = MAX_BEFORE_GAP if side == "before" or trigger.kind == "noun" else MAX_PLACE_GAP
        near = gap <= limit and (theme == "either" or side == theme)
        if not near and (tree > MAX_TREE_DISTANCE or trigger.kind == "phrase"):
            continue
        score = min(gap, 3 * tree) if trigger.kind != "phrase" else gap
        if theme not in ("either", side) or (
            trigger.kind == "verb" and theme == "either" and side == "before"
        ):
            score += SIDE_PENALTY
        if target.mention is None:
            score += ANAPHOR_PENALTY
        if any(a <= target.start < b and not a <= trigger.start < b for a, b in references):
            score += REFERENCE_PENALTY
        scored.append((score, side != "after", index))
    if not scored:
        return []
    best = min(scored)[2]
    chosen = [targets[best]]
    for step in (-1, 1):
        i = best
        while 0 <= i + step < len(targets):
            left, right = sorted((targets[i], targets[i + step]), key=lambda t: t.start)
            if not _coordinated(words, doc, left, right):
                break
            i += step
            chosen.append(targets[i])
    return sorted(chosen, key=lambda t: t.start)


def _setting(words: ModuleType, doc: Doc, sent: Span, targets: list[_Target]) -> _Target | None:
    """The place a sentence opens with, "A Raqa, ...": the setting of all it tells."""
    before = [fold(t.text) for t in sent if t.i < (targets[0].start if targets else 0)]
    if not targets or len(before) != 1 or before[0] not in words.SETTING_PREPOSITIONS:
        return None
    after = doc[targets[0].end] if targets[0].end < sent.end else None
    return targets[0] if after is not None and after.text in words.SETTING_FOLLOWERS else None


def _destination(words: ModuleType, doc: Doc, target: _Target) -> bool:
    before = [t for t in doc[max(target.start - 3, 0) : target.start] if t.pos_ != "DET"]
    return bool(before) and fold(before[-1].text) in words.DESTINATION


def _gap(doc: Doc, start: int, end: int, skip: frozenset[int]) -> int:
    """Words between two token indices, leaving out punctuation, parenthesised asides and
    the actors named in between (indices in ``skip``)."""
    depth = 0
    count = 0
    for token in doc[start:end]:
        if token.text in ("(", "«", "["):
            depth += 1
        elif token.text in (")", "»", "]"):
            depth = max(depth - 1, 0)
        elif depth == 0 and not (
            token.is_punct or token.is_space or token.pos_ == "DET" or token.i in skip
        ):
            count += 1
    return count


_PARENTHESES = re.compile(r"\([^)]*\)")


def _alternatives(forms: frozenset[str], *, spaced: bool = False) -> str:
    """A regex alternation of folded ``forms``, longest first; ``spaced``: each followed by a
    space, but an elided form ("d'")."""
    return alternation(
        forms, form=lambda f: re.escape(f) + (" " if spaced and f[-1:] != "'" else "")
    )


@lru_cache(maxsize=8)
def _coordination_pattern(words: ModuleType) -> re.Pattern[str]:
    joins = _alternatives(words.COORDINATORS)
    links = _alternatives(words.COORDINATION_LINKS, spaced=True)
    return re.compile(rf"^[\s,]*(?:{joins})?\s*(?:{links})?\s*$")


def _coordinated(words: ModuleType, doc: Doc, left: _Target, right: _Target) -> bool:
    between = doc[left.end : right.start].text
    return bool(_coordination_pattern(words).match(fold(_PARENTHESES.sub(" ", between))))


def _clause_before(doc: Doc, index: int, width: int) -> list[Token]:
    """Up to ``width`` tokens before ``index``, stopping at a clause break."""
    out: list[Token] = []
    i = index - 1
    while i >= 0 and len(out) < width and doc[i].text not in _CLAUSE_BREAKS:
        if doc[i].is_sent_end:
            break
        out.append(doc[i])
        i -= 1
    return out


def _negated(words: ModuleType, doc: Doc, trigger: _Trigger) -> bool:
    before = _clause_before(doc, trigger.start, CUE_WINDOW)
    folded = [fold(t.text) for t in before]
    lemmas = {fold(t.lemma_) for t in before[:3]}
    if lemmas & words.STOPPED or set(folded[:3]) & words.STOPPED:
        return True
    if set(folded[:2]) & words.NEGATION_OPENERS:
        return True
    particle = any(f in words.NEGATION_PARTICLES for f in folded)
    restrictive = any(f in words.RESTRICTIVE for f in folded)  # "ne ... que" affirms
    return particle and not restrictive and any(f in words.NEGATION for f in folded)


def _unrealised(words: ModuleType, doc: Doc, trigger: _Trigger) -> bool:
    """Intent, possibility, or a future: "cherche à reprendre", "pour reprendre".

    A state ("fief", "aux mains de") is a fact whatever governs it; an event noun is
    unrealised only when "prochain" follows it or its verb is conditional or future ("la
    reprise de la ville permettrait").
    """
    if trigger.relation == "controls" and trigger.kind != "verb":
        return False
    after = doc[trigger.end : trigger.end + 2]
    if any(fold(t.text) in words.UPCOMING for t in after):
        return True
    if trigger.kind == "noun":
        if (
            trigger.start >= 2
            and fold(doc[trigger.start - 1].text) in words.NAME_LINKS
            and fold(doc[trigger.start - 2].lemma_) in words.INDIRECT_HEADS
        ):
            return True  # "l'ordre de retrait": the order, not the withdrawal
        return _tense(words, doc[trigger.start]) == "future" or _next_verb_future(
            words, doc, trigger
        )
    before = _clause_before(doc, trigger.start, CUE_WINDOW)
    folded = [fold(t.text) for t in before] + [fold(t.lemma_) for t in before]
    if any(f in words.MODALITY for f in folded):
        return True
    if any(f in words.NEGATION_PARTICLES for f in folded) and _restricted_to_do(words, before):
        return True
    return _tense(words, doc[trigger.start]) == "future"


def _next_verb_future(words: ModuleType, doc: Doc, trigger: _Trigger) -> bool:
    """The first verb after an event noun is conditional or future ("la reprise de la ville
    permettrait"), a fallback when the parse does not attach the noun to it."""
    for token in doc[trigger.end : trigger.end + 8]:
        if token.text in _CLAUSE_BREAKS or token.is_sent_start:
            return False
        if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
            return _future_or_conditional(words, token)
    return False


def _restricted_to_do(words: ModuleType, before: list[Token]) -> bool:
    """ "n'auront qu'à déloger": "que" followed by "à" and a verb is an obligation to come;
    "ne contrôlent plus qu'une poche" restricts a fact and stays a fact."""
    doc = before[0].doc if before else None
    return any(
        fold(t.text) in words.RESTRICTIVE
        and t.i + 1 < len(doc)
        and fold(doc[t.i + 1].text) in words.RESTRICTED_TO
        for t in before
    )


def _future_or_conditional(words: ModuleType, token: Token) -> bool:
    """A finite verb in the future or the conditional. The small French model often tags a
    conditional as an imperfect ("permettrait": Tense=Imp), so the form is checked too: a
    conditional is the future stem (the infinitive without its final e, or an irregular stem
    from the table) followed by an imperfect ending ("permettr-ait", "pourr-aient")."""
    if "Cnd" in token.morph.get("Mood") or "Fut" in token.morph.get("Tense"):
        return True
    form = fold(token.text)
    ending = next((e for e in words.CONDITIONAL_ENDINGS if form.endswith(e)), None)
    if ending is None:
        return False
    lemma = fold(token.lemma_)
    stem = words.IRREGULAR_FUTURE_STEMS.get(lemma, lemma.removesuffix("e"))
    return form[: -len(ending)] == stem


def _tense(words: ModuleType, token: Token) -> Tense:
    """The tense of the clause of ``token`` (a noun takes its governing verb's)."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    forms = [node, *(c for c in node.children if c.dep_.startswith("aux"))]
    for form in forms:
        if _future_or_conditional(words, form):
            return "future"
    if any(f.morph.get("Tense") in (["Imp"], ["Past"]) for f in forms[1:]):
        return "past"
    if node.morph.get("VerbForm") == ["Part"]:
        return "past"
    if "Pres" in node.morph.get("Tense") and node is token:
        return "present"
    return "past"


def _passive(words: ModuleType, doc: Doc, trigger: _Trigger) -> bool:
    token = doc[trigger.start]
    if token.pos_ != "VERB" or trigger.end - trigger.start > 1:
        return False
    if any(c.dep_.startswith("expl") for c in token.children):
        return False  # pronominal, not passive: "qui s'en était emparée"
    if fold(token.lemma_) in words.ETRE_VERBS:
        return False  # active with "être": "les rebelles sont entrés dans Hama"
    if "Pass" in token.morph.get("Voice") or any(
        c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children
    ):
        return True
    # A bare participle is adjectival and passive: "Homs, assiégée depuis deux ans par l'armée".
    return token.morph.get("VerbForm") == ["Part"] and not any(
        c.dep_.startswith("aux") for c in token.children
    )


def _subject(words: ModuleType, token: Token) -> Token | None:
    """The subject of the clause of ``token``, climbing through infinitives and nouns."""
    node = token
    for _ in range(6):
        labels = ("nsubj",) if node is token else ("nsubj", "nsubj:pass")
        subjects = [c for c in node.children if c.dep_ in labels]
        if subjects:
            subject = subjects[0]
            if "Rel" in subject.morph.get("PronType") and node.dep_.startswith("acl"):
                return node.head
            if subject.left_edge.i <= token.i <= subject.right_edge.i:
                # The "subject" holds the verb itself (a clause misparsed as the subject of
                # the next one, "..., sont entrées dans Raqa ..., a annoncé l'OSDH"): none.
                return None
            return subject
        if node.head is node:
            return None
        if node.pos_ in ("NOUN", "PROPN", "ADJ") and node.dep_ not in ("obj", "nmod", "obl:mod"):
            return None
        if (
            node.pos_ in ("NOUN", "PROPN", "ADJ")
            and fold(node.head.lemma_) not in (words.SUPPORT_VERBS | words.AUXILIARIES)
            and node.head.pos_ == "VERB"
        ):
            return None
        node = node.head
    return None


def _clause_opener(
    words: ModuleType, doc: Doc, verb: int, spans: list[tuple[tuple[int, int], ActorSpan]]
) -> ActorSpan | None:
    """The actor opening the clause of the verb at token ``verb``, when the parse gave none.

    Walking back from the verb over auxiliaries, adverbs and negation, then over one
    apposition between commas ("Les FDS, une alliance appuyée par la coalition, sont
    entrées"), the words left up to the sentence start or the previous clause break must be
    a noun phrase (no verb) that an actor opens (after its determiners): that actor is the
    subject, whatever the apposition names.
    """
    i = verb - 1
    while i >= 0 and (
        doc[i].pos_ in ("AUX", "ADV") or fold(doc[i].text) in words.NEGATION_PARTICLES
    ):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
        while i >= 0 and verb - i <= MAX_APPOSITION and not _opener_break(doc[i]):
            i -= 1
        if i < 0 or doc[i].text != ",":
            return None
        i -= 1
    end = i + 1
    while i >= 0 and not _opener_break(doc[i]):
        i -= 1
    phrase = doc[i + 1 : end]
    if not len(phrase) or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    first = next((t.i for t in phrase if t.pos_ != "DET"), end)
    opening = [a for (s, e), a in spans if s == first and e <= end]
    return opening[0] if opening else None


def _opener_break(token: Token) -> bool:
    """A token that ends the words before a clause: a clause break, a full stop, a paragraph.

    The small model's sentence starts are not used: it often splits a long apposition.
    """
    return token.text in _OPENER_BREAKS or token.is_space or token.text in (".", "!", "?")


def _linked_after(words: ModuleType, doc: Doc, end: int, start: int) -> bool:
    """True when only "de"-like words and determiners stand between a trigger and an actor."""
    return all(
        t.pos_ in ("DET", "ADP", "PUNCT") or fold(t.text) in words.PARTITIVE_LINKS
        for t in doc[end:start]
    )


def _opponent(words: ModuleType, doc: Doc, actor: ActorSpan) -> bool:
    """An actor named as the target of the action: "contre l'EI", "face à l'EI"."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    before = " ".join(fold(t.text) for t in doc[max(span.start - 3, 0) : span.start])
    return any(re.search(rf"(?:^| ){cue}(?: |$)", before) for cue in words.OPPONENT)


def _taken_from(words: ModuleType, doc: Doc, start: int) -> bool:
    return any(fold(t.text) in words.TAKEN_FROM for t in doc[max(start - 2, 0) : start])


def _held_by(
    words: ModuleType, doc: Doc, trigger: _Trigger, chosen: list[_Target], actors: list[ActorSpan]
) -> ActorSpan | None:
    """Who held the place before: the object of "déloger l'EI de X", "à l'EI" after a capture."""
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        if trigger.slot == "object":
            if 0 <= span.start - trigger.end <= 3:
                return actor
            continue
        if trigger.relation != "captured" or not chosen or span.start < trigger.end:
            continue
        last = chosen[-1]
        between = doc[last.end : span.start]
        if (
            0 < span.start - last.end <= 3
            and _taken_from(words, doc, span.start)
            and not any(t.pos_ in ("VERB", "AUX") for t in between)  # "permettrait au régime"
        ):
            return actor
    return None


def _taker(doc: Doc, trigger: _Trigger, triggers: list[_Trigger]) -> _Trigger | None:
    """The capture a possessive stronghold noun is the object of ("reprendre son fief")."""
    token = doc[trigger.start]
    if not any("Yes" in c.morph.get("Poss") for c in token.children):
        return None
    for other in triggers:
        if other.relation == "captured" and 0 <= trigger.start - other.end <= 2:
            return other
    return None


def _coordinated_actors(span: ActorSpan, extractor: _Extractor) -> list[ActorSpan]:
    """The actor names joined to ``span`` by "et", "ainsi que" or a comma, on both sides."""
    text = extractor.article.text
    spans = extractor.actor_spans
    index = spans.index(span) if span in spans else -1
    out: list[ActorSpan] = []
    for step in (-1, 1):
        i = index
        while index >= 0 and 0 <= i + step < len(spans):
            left, right = sorted((spans[i], spans[i + step]), key=lambda a: a.start)
            if not _actor_join_pattern(extractor.words).match(fold(text[left.end : right.start])):
                break
            i += step
            out.append(spans[i])
    return out


@lru_cache(maxsize=8)
def _actor_join_pattern(words: ModuleType) -> re.Pattern[str]:
    joins = _alternatives(words.ACTOR_JOINS)
    links = _alternatives(words.ACTOR_JOIN_PREPOSITIONS)
    determiners = _alternatives(words.DETERMINERS)
    return re.compile(rf"^\s*(?:{joins})\s*(?:(?:{links})\s*)?(?:(?:{determiners})\s*)?$")


def _is_country(place: Place) -> bool:
    return place.feature_code.startswith("PCL") or place.place_id.startswith("country:")


def _with_claim(obs: Observation, claim: Claim, *, keep_place: bool) -> Observation:
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


def _dedupe(observations: list[Observation]) -> list[Observation]:
    """One observation per (relation, actor, place, position, date), the most confident."""
    best: dict[tuple, Observation] = {}
    for obs in observations:
        key = (
            obs.relation,
            obs.actor,
            obs.place_id,
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
