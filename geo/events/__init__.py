"""Who holds, takes, loses, advances on or strikes which place, when: dated observations.

For each sentence the stage finds *triggers* (the frames of the language pack, compiled by
:mod:`geo.events.frames`: "reprendre", "fief de", "aux mains de", "raids"...), attaches each
to the place it is about (:mod:`geo.events.targets`: the nearest mention on the side the
frame expects, or one linked to it in the parse, plus the places listed with it), finds its
actor (:mod:`geo.events.actors`: the subject, the agent after "par", the complement after
"de", the one a place is taken from: "reprendre Palmyre à l'EI"), weighs modality and
negation (:mod:`geo.syntax`: "cherche à reprendre" is an advance, "n'a pas évoqué de
frappes" no strike) and builds dated records that say who says so
(:mod:`geo.events.observe`, :mod:`geo.attribution`).

A distance/direction claim (:mod:`geo.events.claims`) is the footprint of an observation
about the place it locates or an activity near its anchor, else a ``positioned``
observation of the actor it names (``context`` when it names none); a claim that only
locates a named place, or only a possibility, is no observation. Metonyms ("Moscou le
soutient") are never places of events; events placed outside the theatre (talks in Genève,
attacks in Bruxelles) are ``context`` observations only. A place named but located nowhere
keeps its facts, with no geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from geo import anaphora, syntax
from geo.attribution import opens_a_source
from geo.dates import DateMention, find_dates
from geo.events.actors import Actors, Found, held_by, taker
from geo.events.claims import ClaimPlacer
from geo.events.frames import Trigger, find_triggers, passive
from geo.events.observe import Builder, dedupe
from geo.events.targets import (
    CONTROL,
    Target,
    apposition_end,
    backing_phrases,
    choose_targets,
    destination,
    is_country,
    relative_antecedent,
    setting,
)
from geo.nlp import sentence_spans
from geo.places import site_place
from geo.records import Article, Claim, Mention, Observation
from geo.theatre import Actor, ActorSpan, fold
from geo.toponyms import AREA_SCALES, trigger_scale

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from gazetteer import Place
    from geo.context import RunContext

__all__ = ["extract_observations"]

#: How many sentences back an actor is carried to a capture or advance that names none
#: ("Les localités ont été libérées": by whom the previous sentences said).
CARRY_SENTENCES = 2
#: Confidence factor of the "held before" observation of "reprendre X à Y".
HELD_BEFORE_FACTOR = 0.75
#: Weight of a force placed by the setting of its sentence alone ("À Ajdabiah, les rebelles
#: ..."), and how many words (an article) may stand between the setting and that force.
SETTING_WEIGHT = 0.6
SUBJECT_REACH = 1
#: Characters read before a source for the preposition that introduces it ("d'après ").
SOURCE_LEAD = 12


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
        The article's mentions after resolution (``role`` ``location`` or ``metonym``;
        ``place`` ``None`` for one nothing locates).
    claims
        The article's distance/direction claims (see the module docstring for what each
        becomes).
    ctx
        The run context: the article's theatre profile (actors, aliases, sides, extent) and
        the language pack whose event words, modality and negation are read.

    Returns
    -------
    list of Observation
        In text order. ``context=True`` marks events placed outside the theatre and
        positions that place no force.

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
        self.profile = ctx.profile
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.claims = sorted(claims, key=lambda c: c.start)
        self.actors = Actors(article, doc, ctx.lang, ctx.profile, self.mentions)
        self.build = Builder(article, doc, ctx, self.mentions)
        self.placer = ClaimPlacer(
            article, doc, ctx.lang, self.mentions, self.actors, self._front, self.build
        )
        self.last_place: Place | None = None
        self.focus: int | None = None  # the sentence of the last event about a place
        self.last_actor: tuple[Actor, int] | None = None
        self.index = 0
        self.intended: set[tuple[str, str]] = set()  # (actor, place) a sentence means to take

    def run(self) -> list[Observation]:
        observations: list[Observation] = []
        for index, sent in enumerate(sentence_spans(self.doc)):
            self.index = index
            observations.extend(self._sentence(sent))
        return observations

    # -- one sentence -------------------------------------------------------------------

    def _sentence(self, sent: Span) -> list[Observation]:
        targets, triggers, actors = self._admitted(sent)
        dates = self._dates(sent)
        spans = [self.actors.token_span(a) for a in actors]
        references = [
            r for r in (self.actors.char_tokens(c.start, c.end) for c in self.claims) if r
        ]
        skip = frozenset(i for span in spans + references if span for i in range(*span))
        found: list[tuple[Observation, Target | None]] = []
        opening = setting(self.lang, self.doc, sent, targets)
        places_of: dict[int, list[Target]] = {}  # trigger token -> the places it found
        for trigger in triggers:
            if syntax.negated(self.lang, self.doc, trigger.start):
                continue
            if syntax.feared(self.lang, self.doc, trigger.start):
                continue  # "en prévision d'un assaut"
            trigger = self.actors.seat_sense(trigger, actors, targets)
            if trigger is None:
                continue  # "Sirte, siège du gouvernement rival": a seat, no siege
            antecedent, objective = relative_antecedent(self.lang, self.doc, trigger, targets)
            chosen = choose_targets(self.lang, self.doc, trigger, targets, skip, references)
            if antecedent and (
                trigger.relation == "withdrew"
                or (objective and trigger.kind == "verb")
                or not chosen
                or set(chosen) <= set(antecedent)
            ):
                # "Kherson, d'où les Russes se sont retirés"; "Donetsk et Louhansk, que
                # Moscou contrôle" (the "que" is the verb's object, whatever place follows):
                # the antecedent with the places listed with it
                chosen = antecedent
            if not chosen:  # "des unités y sont stationnées et la contrôlent": the same place
                joined = syntax.coordinated_with(self.doc[trigger.start])
                chosen = places_of.get(joined.i, []) if joined is not None else []
            places_of[trigger.start] = chosen
            if not chosen and opening is not None and trigger.start > opening.end:
                chosen = [opening]
            if not chosen and trigger.relation == "withdrew":
                chosen = self._left_behind(trigger, targets)
            if not chosen:
                self._remember(trigger, actors)
            for target in chosen:
                found.extend(
                    (obs, target)
                    for obs in self._observe(sent, trigger, target, actors, dates, chosen, triggers)
                )
        if not found and opening is not None:  # "À Ajdabiah, les rebelles paraissent..."
            found = [(obs, opening) for obs in self._stationed(sent, opening, actors, dates)]
        claims = [c for c in self.claims if sent.start_char <= c.start < sent.end_char]
        observations = self.placer.attach(sent, claims, found, actors)
        about = [
            t.place
            for obs, t in found
            if t is not None and t.place is not None and t.front and not obs.context
        ]
        if about:  # "la ville" of the next sentence is this place
            self.focus = self.index
            self.last_place = about[-1]
        kept = [o for o in observations if not _unsettled(o, self.intended)]
        self.intended.clear()
        return dedupe(_subsumed(kept))

    def _admitted(self, sent: Span) -> tuple[list[Target], list[Trigger], list[ActorSpan]]:
        """The places, triggers and actors of ``sent`` that may make its events: not a
        place in the name of who says so, nor an actor a "selon" introduces, nor what a
        backing phrase holds ("Appuyés par les raids de la coalition, ...")."""
        lo, hi, introduced = self._speaker(sent)
        targets = [t for t in self._targets(sent) if not lo <= self.doc[t.start].idx < hi]
        backing = backing_phrases(self.lang, self.doc, sent)
        triggers = [t for t in find_triggers(self.lang, sent) if not backing.covers(t.start)]
        actors = [
            a
            for a in self.actors.in_sentence(sent.start_char, sent.end_char)
            if not backing.holds(self.actors.token_span(a))
            and not (introduced and lo <= a.start < hi)
        ]
        return targets, triggers, actors

    def _speaker(self, sent: Span) -> tuple[int, int, bool]:
        """The characters of who says so in ``sent`` (``(0, 0)`` for nobody named there), and
        whether a source preposition introduces it ("selon des rebelles"). Places inside it
        are not the events' ("les autorités du Haut-Karabakh ont fait savoir que des roquettes
        s'étaient abattues sur Stepanakert"); an actor inside it after "selon" does not act
        (one that is the subject of a verb of speech may: "l'armée a annoncé avoir pris X")."""
        said = self.build.said_by(sent, None, self.article.date)
        if said.start is None or said.end is None:
            return 0, 0, False
        if not sent.start_char <= said.start < sent.end_char:
            return 0, 0, False
        before = self.article.text[max(said.start - SOURCE_LEAD, sent.start_char) : said.start]
        return said.start, said.end, opens_a_source(self.lang, before)

    def _targets(self, sent: Span) -> list[Target]:
        targets: list[Target] = []
        for mention in self.mentions:
            if not sent.start_char <= mention.start < sent.end_char:
                continue
            place = site_place(self.lang, mention) or mention.place
            if mention.role != "location" or (place is not None and is_country(place)):
                continue
            if place is None and mention.surface in self._waters:
                continue  # "la rive ouest du Tigre": a river nothing locates holds no ground
            if self.actors.names(mention.start, mention.end) and (
                place is None or self._headed(mention)
            ):
                continue  # "du camp Haftar": a name nothing locates, or after "camp", is an actor
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            # A place named but located nowhere is still the place of what the text says of
            # it: the fact is kept, unmapped, and counts as of the article's war.
            front = place is None or self._front(place)
            targets.append(Target(place, span.start, span.end, mention, front))
        for found in self._anaphora[0]:  # "la ville"; "la ville d'Idleb" is a mention
            if not sent.start <= found.token_start < sent.end:
                continue
            if any(t.start <= found.token_start < t.end for t in targets):
                continue
            place = self._antecedent(found)
            if place is not None and not is_country(place):
                start, end = found.token_start, found.token_end
                targets.append(Target(place, start, end, None, self._front(place)))
        targets = [t for t in targets if not self._reference_only(t)]
        targets.sort(key=lambda t: t.start)
        if self.focus is None or self.focus < self.index - 1:
            named = [t.place for t in targets if t.front and t.mention is not None and t.place]
            if named:
                self.last_place = named[-1]
        return targets

    def _stationed(
        self,
        sent: Span,
        opening: Target,
        actors: list[ActorSpan],
        dates: list[tuple[int, DateMention]],
    ) -> list[Observation]:
        """ "À Ajdabiah, ville voisine, les rebelles paraissent découragés": a sentence set at
        a place whose subject is a force, and which tells no event, places that force there."""
        start = apposition_end(self.doc, opening.end, sent.end)
        start = start + 1 if start < sent.end and self.doc[start].text == "," else start
        for span in actors:
            tokens = self.actors.token_span(span)
            if tokens is None or not 0 <= tokens[0] - start <= SUBJECT_REACH:
                continue
            found = self.actors.settle(span, opening.place, "parse")
            if found.actor is None:
                return []
            trigger = Trigger(
                "positioned", "before", "subject", SETTING_WEIGHT, opening.start, opening.end
            )
            make = self.build.make
            return [
                make(sent, "positioned", actor, opening, trigger, dates, "parse")
                for actor in (found.actor, *found.also)
            ]
        return []

    def _headed(self, mention: Mention) -> bool:
        """Whether a name follows a noun of forces ("le camp Haftar", "les troupes de X")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        before = [t for t in self.doc[max(span.start - 2, 0) : span.start]]
        links = self.lang.events.COORDINATION_LINKS
        words = [fold(t.lemma_) for t in before if fold(t.text) not in links]
        return bool(words) and words[-1] in self.lang.events.ACTOR_HEADS

    def _left_behind(self, trigger: Trigger, targets: list[Target]) -> list[Target]:
        """ "se sont retirés (vers Jarablous)": they left the place the text is about.

        Only a withdrawal that names no place, or only where it went, and only while the
        place under discussion is recent (an event about it in the last sentences).
        """
        after = [t for t in targets if t.start >= trigger.end and t.mention is not None]
        heading = all(destination(self.lang, self.doc, t) for t in after)
        recent = self.focus is not None and self.index - self.focus <= CARRY_SENTENCES
        if not (heading and recent and self.last_place is not None):
            return []
        place = self.last_place
        return [Target(place, trigger.start, trigger.end, None, self._front(place))]

    def _reference_only(self, target: Target) -> bool:
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

    def _antecedent(self, found: anaphora.Anaphor) -> Place | None:
        """The place "cette ville" refers to: the anchor the claims gave it, else the one
        :func:`geo.anaphora.referent` finds among the theatre's places, preferring the place
        of the last front-line event (or the dispatch's subject) to one named after it in its
        sentence or only as a reference point ("à 40 km de Kharkiv")."""
        for claim in self.claims:
            if claim.anchor_start <= found.start < claim.anchor_end:
                return claim.anchor
        _, front, background, subject = self._anaphora
        focus = self.last_place if self.focus is not None else subject
        mention = anaphora.referent(found, front, focus=focus, background=background)
        return mention.place if mention is not None else None

    @cached_property
    def _anaphora(
        self,
    ) -> tuple[list[anaphora.Anaphor], list[Mention], frozenset, Mention | None]:
        """The article's anaphors, the places they may name (those of the theatre), the
        places named only as reference points, and the dispatch's subject."""
        found = anaphora.find_anaphors(self.doc, self.lang, self.mentions)
        front = [m for m in self.mentions if m.place is not None and self._front(m.place)]
        background = anaphora.reference_points(self.claims, self.mentions)
        return found, front, background, anaphora.dispatch_subject(front, background=background)

    @cached_property
    def _waters(self) -> frozenset[str]:
        """Names the article introduces as water ("le fleuve Dniepr", "la rive du Tigre")."""
        triggers = self.lang.places.TRIGGERS
        return frozenset(
            m.surface
            for m in self.mentions
            if m.trigger is not None and triggers.get(m.trigger, ("", ""))[1] == "water"
        )

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
        trigger: Trigger,
        target: Target,
        actors: list[ActorSpan],
        dates: list[tuple[int, DateMention]],
        chosen: list[Target],
        triggers: list[Trigger],
    ) -> list[Observation]:
        unrealised = _unrealised(self.lang, self.doc, trigger)
        where = target.place
        holders = self.actors.holding_others(actors, trigger, triggers)
        actors = [a for a in actors if a not in holders]  # "la chaîne aux mains des rebelles"
        former = held_by(self.lang, self.doc, trigger, chosen, actors)
        former = self.actors.owner(former, where) if former is not None else None
        if trigger.slot == "object":
            return self._oust(sent, trigger, target, actors, dates, former, unrealised)
        found = (
            Found(None, "speaker")  # "sous notre contrôle", a side's spokesman says
            if trigger.slot == "speaker"
            else self.actors.find(trigger, actors, where, exclude=former)
        )
        if found.source in ("speaker", "enemy"):  # ... or "nous avons frappé", "l'ennemi"
            side = self.build.said_by(sent, where, self.article.date).claimed_by
            of = self.profile.side_actor if found.source == "speaker" else self.profile.enemy_of
            found = Found(of(side), "parse")
        stronghold_of = taker(self.doc, trigger, triggers)
        if trigger.relation == "controls" and stronghold_of is not None:
            # "reprendre son fief de Mossoul": the stronghold is the opponent's, not the taker's.
            by = self.actors.find(stronghold_of, actors, where, exclude=None)
            found = self.actors.opponent_of(by, actors, where)
        relation = _modal_relation(trigger.relation) if unrealised else trigger.relation
        if relation is None:
            return []
        relation = self._into_area(trigger, target, relation)
        allowed = {self.actors.named(a, where) for a in actors}  # not the backers, the holders
        found = replace(found, also=tuple(a for a in found.also if a in allowed))
        if relation == "fighting" and any(
            found.actor is not None and a.side != found.actor.side for a in found.also
        ):
            found = Found(None, "none")  # "combats entre l'armée et les rebelles": no attacker
        found = self._carry(found, relation)
        if unrealised and trigger.relation == "captured" and found.actor is not None:
            self.intended.add((found.actor.id, _place_key(target)))
        held = self._held_before(sent, former, relation, target, trigger, dates)
        if found.actor is None and (relation in CONTROL or relation == "positioned"):
            # A change of hands nobody is named in says nothing of who holds the place now
            # ("la reprise aux islamistes de Gao" still says who held it); a position of
            # nobody places no force.
            return held
        out = [
            self.build.make(sent, relation, actor, target, trigger, dates, found.source)
            for actor in (found.actor, *found.also)
        ]
        return out + held

    def _held_before(
        self,
        sent: Span,
        former: ActorSpan | None,
        relation: str,
        target: Target,
        trigger: Trigger,
        dates: list[tuple[int, DateMention]],
    ) -> list[Observation]:
        """ "reprendre Alep à l'armée et aux milices": each of them held it until then."""
        if former is None or relation not in ("captured", "advancing"):
            return []
        out = []
        after = [s for s in self.actors.coordinated(former) if s.start > former.start]
        for span in (former, *after):  # "à l'armée et aux milices", never a name before
            holder = self.actors.named(span, target.place)
            if holder is None:
                continue
            held = self.build.make(sent, "controls", holder, target, trigger, dates, "parse")
            out.append(replace(held, confidence=held.confidence * HELD_BEFORE_FACTOR))
        return out

    def _into_area(self, trigger: Trigger, target: Target, relation: str) -> str:
        """The relation of entering a province or a region (the pack's
        ``ENTERING_AN_AREA``): "entrées dans la province de Raqa" is an advance."""
        entering = self.lang.events.ENTERING_AN_AREA.get(fold(self.doc[trigger.start].lemma_))
        mention = target.mention
        scale = trigger_scale(self.lang, mention.trigger) if mention is not None else None
        if entering is None or relation != "captured" or scale not in AREA_SCALES:
            return relation
        return entering

    def _remember(self, trigger: Trigger, actors: list[ActorSpan]) -> None:
        """An offensive or capture with no place still names who leads the next sentences:
        "L'armée ukrainienne a déclenché une contre-offensive dans ce secteur. L'offensive a
        d'abord visé Balakliia"."""
        if trigger.relation not in ("captured", "advancing"):
            return
        found = self.actors.find(trigger, actors, None, exclude=None)
        if found.actor is not None and found.source == "parse":
            self.last_actor = (found.actor, self.index)

    def _carry(self, found: Found, relation: str) -> Found:
        """An event whose subject refers back ("elles", "ses troupes"), or a capture or
        advance that names nobody, is by the actor of the last sentences."""
        if found.actor is not None:
            if relation in ("captured", "advancing"):
                self.last_actor = (found.actor, self.index)
            return found
        if found.source != "anaphor" and relation not in ("captured", "advancing"):
            return found
        if self.last_actor is not None and self.index - self.last_actor[1] <= CARRY_SENTENCES:
            return Found(self.last_actor[0], "carried")
        return found

    def _passive_subject(self, trigger: Trigger, actors: list[ActorSpan]) -> ActorSpan | None:
        """The actor a passive ousting verb is said of: the head of its subject, not the
        allies listed with it ("les soldats turcs et leurs alliés ont été repoussés"); else
        the last actor named before the verb."""
        before = [
            (span, a)
            for a in actors
            if (span := self.actors.token_span(a)) and span[1] <= trigger.start
        ]
        for subject in syntax.subjects(self.lang, [self.doc[trigger.start]])[:1]:
            for span, actor in before:
                if subject.left_edge.i <= span[0] <= subject.i:
                    return actor
        return before[-1][1] if before else None

    def _oust(
        self,
        sent: Span,
        trigger: Trigger,
        target: Target,
        actors: list[ActorSpan],
        dates: list[tuple[int, DateMention]],
        former: ActorSpan | None,
        unrealised: bool,
    ) -> list[Observation]:
        """ "déloger l'EI de X": the EI holds X until it is ousted; the subject takes it. A
        force repelled (a ``fighting`` frame) fought there.

        In the passive ("en avoir été chassé par l'armée") the agent takes the place and the
        one named before held it.
        """
        where = target.place
        if passive(self.lang, self.doc, trigger):
            by = self.actors.agent(trigger, actors, where) or Found(None, "none")
            ousted = self._passive_subject(trigger, actors)
            holder = self.actors.named(ousted, where) if ousted is not None else None
        else:
            if former is None:
                return []
            holder = self.actors.named(former, where)
            by = self.actors.find(trigger, actors, where, exclude=former)
        make = self.build.make
        if trigger.relation == "fighting":  # "repoussés par les Kurdes": they attacked
            fought = [] if unrealised or holder is None else [holder]
            return [make(sent, "fighting", a, target, trigger, dates, "parse") for a in fought]
        if unrealised:  # "pour chasser l'EI de Jarablous": they hold it, an advance on it
            out = [make(sent, "controls", holder, target, trigger, dates, "parse")]
            if by.actor is not None:
                out.append(make(sent, "advancing", by.actor, target, trigger, dates, by.source))
            return [o for o in out if o.actor is not None]
        out = [
            make(sent, "captured", actor, target, trigger, dates, by.source)
            for actor in (by.actor, *by.also)
            if by.actor is not None
        ]
        if holder is not None:
            out.append(make(sent, "lost", holder, target, trigger, dates, "parse"))
        return out


def _unsettled(obs: Observation, intended: set[tuple[str, str]]) -> bool:
    """A capture by a side the same sentence says still means to take the place ("les FDS
    sont entrées dans Raqa, lançant la bataille pour reprendre la ville"): an advance."""
    return obs.relation == "captured" and (obs.actor, obs.place_id or obs.place) in intended


def _subsumed(observations: list[Observation]) -> list[Observation]:
    """An advance on a place the same sentence says the same side took is that capture:
    "en deux semaines de contre-offensive, Kiev a reconquis les localités de A et B"; a
    position in a place the same sentence says the side holds is that hold ("des unités y
    sont stationnées et la contrôlent")."""

    def held(relations: tuple[str, ...]) -> set:
        return {(o.actor, o.place_id or o.place) for o in observations if o.relation in relations}

    taken, holds = held(("captured",)), held(("captured", "controls"))
    return [
        o
        for o in observations
        if not (o.relation == "advancing" and (o.actor, o.place_id or o.place) in taken)
        and not (o.relation == "positioned" and (o.actor, o.place_id or o.place) in holds)
    ]


def _place_key(target: Target) -> str | None:
    if target.place is not None:
        return target.place.place_id
    return target.mention.surface if target.mention is not None else None


def _modal_relation(relation: str) -> str | None:
    """What an intended or future event still says: an intent to take or besiege is an
    advance; an intent to leave or lose says they still hold it ("commencent à quitter
    Raqa"); any other intent says nothing."""
    if relation in ("captured", "besieged", "advancing"):
        return "advancing"
    if relation in ("withdrew", "lost"):
        return "controls"
    return None


def _unrealised(lang, doc: Doc, trigger: Trigger) -> bool:
    """Intent, possibility, or a future: "cherche à reprendre", "pour reprendre".

    A state ("fief", "aux mains de") is a fact whatever governs it; an event noun is
    unrealised only when it is spoken of ("la prochaine offensive", "l'ordre de retrait",
    "la reprise de la ville permettrait").
    """
    if trigger.relation == "controls" and trigger.kind != "verb":
        return False
    if trigger.kind == "noun":
        return syntax.spoken_of(lang, doc, trigger.start, trigger.end)
    if any(fold(t.text) in lang.grammar.UPCOMING for t in doc[trigger.end : trigger.end + 2]):
        return True
    if syntax.intended(lang, doc, trigger.start):
        return True
    if syntax.bare_infinitive(doc[trigger.start]):
        return True  # "Prochaine étape : reprendre Hodeida", "l'objectif de prendre X"
    return syntax.tense(lang, doc[trigger.start]) == "future"
