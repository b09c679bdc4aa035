"""Who does it: the actor of a trigger, and who held the place before.

The actor is the subject of the trigger's clause (or the agent after "par" in the passive,
or the complement right after an event noun: "l'offensive de l'armée"), found through
:mod:`geo.syntax`; failing the parse, the noun phrase opening the clause, then the nearest
actor name. Names become actors through the article's theatre profile, at the event's place
and date ("les jihadistes" are the EI in Raqa in 2016, HTS in Idleb in 2018).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from geo import syntax
from geo._regex import alternation
from geo.attribution import names_a_source, speech_words
from geo.events.frames import Trigger, passive
from geo.events.targets import OBJECT_REACH, Target, apposed_to, apposition_end
from geo.nlp import sentence_spans
from geo.theatre import Actor, ActorSpan, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from gazetteer import Place
    from geo.lang import LanguagePack
    from geo.records import Article, Mention
    from geo.theatre import TheatreProfile

#: Largest number of tokens between a trigger and an actor found by position alone.
MAX_ACTOR_GAP = 10
#: Largest number of tokens between an event noun and its actor complement ("l'avancée des
#: troupes du maréchal Haftar" is 4).
MAX_LINKED = 5
#: Characters read before a country's name for the event noun it is the author of.
MAX_OF_COUNTRY = 40
#: Largest number of adjectives read after a noun for one that names its actor.
MAX_ADJECTIVES = 2


@dataclass(frozen=True, slots=True)
class Found:
    """An actor found for a trigger, with where it came from (``parse``, ``position``,
    ``carried`` from an earlier sentence, ``anaphor`` for a subject that refers back to an
    actor not found yet, ``speaker`` for "nous", the side of who says so, ``enemy`` for
    "l'ennemi", that side's foe, or ``none``)."""

    actor: Actor | None
    source: str
    also: tuple[Actor, ...] = ()  # actors coordinated with it: "les rebelles et Al-Nosra"


class Actors:
    """The actor names of one article and how they become the actors of its events."""

    def __init__(
        self,
        article: Article,
        doc: Doc,
        lang: LanguagePack,
        profile: TheatreProfile,
        mentions: Sequence[Mention] = (),
    ) -> None:
        self.article = article
        self.doc = doc
        self.lang = lang
        self.profile = profile
        self.spans = _with_governments(
            profile.find_actors(article.text), mentions, profile, article.text, _of_country(lang)
        )
        self.home = _home_country(mentions, profile)

    def names(self, start_char: int, end_char: int) -> bool:
        """Whether an actor name overlaps the characters ``start_char:end_char``."""
        return any(a.start < end_char and start_char < a.end for a in self.spans)

    def in_sentence(self, start_char: int, end_char: int) -> list[ActorSpan]:
        return [a for a in self.spans if start_char <= a.start < end_char]

    def find(
        self, trigger: Trigger, actors: list[ActorSpan], where: Place | None, *, exclude
    ) -> Found:
        doc = self.doc
        candidates = [a for a in actors if a is not exclude and not opponent(self.lang, doc, a)]
        spans = [(self.token_span(a), a) for a in candidates]
        spans = [(s, a) for s, a in spans if s is not None]
        if trigger.slot in ("after", "complement"):
            for start, span in self.linked(trigger.end, candidates):
                if not (trigger.relation == "captured" and taken_from(self.lang, doc, start)):
                    found = self.settle(span, where, "parse")
                    if found.actor is not None:  # "des troupes" unsettled: "du maréchal X"
                        return found
            if trigger.kind != "verb":
                described = self.described(trigger.end, candidates)
                if described is not None:  # "le dernier bastion gouvernemental", "sous
                    # contrôle gouvernemental"
                    return self.settle(described, where, "parse")
            if trigger.kind == "noun" and trigger.relation == "controls":
                # "Sanaa, la capitale": a stronghold of nobody named is a description; "leur
                # fief" is the stronghold of the actor named before ("une petite poche" may
                # still be the subject's, found by position below).
                determiner = _determiner(doc, trigger.start)
                if determiner is not None and "Yes" in determiner.morph.get("Poss"):
                    return self.antecedent(doc[trigger.start].idx, where)
                if determiner is not None and "Def" in determiner.morph.get("Definite"):
                    return Found(None, "none")
            if trigger.slot == "complement":
                # "de multiples assauts azerbaïdjanais ont été repoussés": inside the phrase
                inside = [a for (st, _e), a in spans if trigger.start <= st < trigger.end]
                return self.settle(inside[0], where, "parse") if inside else Found(None, "none")
        if passive(self.lang, doc, trigger):
            # The agent after "par", or nobody: who stands near a passive verb without "par"
            # is not its author ("la base est libérée des milices pro-Haftar"). A force
            # "stationnée", "déployée" is the subject, found by position below.
            agent = self.agent(trigger, candidates, where)
            if agent is not None or trigger.relation != "positioned":
                return agent or Found(None, "none")
        else:
            subject = syntax.subject(self.lang, doc[trigger.start])
            if subject is not None:
                lo, hi = subject.left_edge.i, subject.right_edge.i
                inside = [(abs(s - subject.i), a) for (s, e), a in spans if s <= hi and e > lo]
                named = min(inside, key=lambda x: x[0])[1] if inside else None
                if _first_person(subject) and named is None:
                    return Found(None, "speaker")  # "nous avons frappé": the speaker's side
                if named is None and _enemy(self.lang, subject):
                    return Found(None, "enemy")  # "l'ennemi a pilonné": the speaker's foe
                if _refers_back(subject) and (named is None or named.actor is None):
                    # "elles ont pris", "ses troupes ont pris": the actor named before.
                    return self.antecedent(subject.left_edge.idx, where)
                if named is not None:
                    return self.settle(named, where, "parse")
            if trigger.kind == "verb":
                opener = syntax.clause_opener(self.lang, doc, trigger.start, spans)
                if opener is not None:
                    return self.settle(opener, where, "parse")
        return self.by_position(trigger, spans, where)

    def by_position(
        self, trigger: Trigger, spans: list[tuple[tuple[int, int], ActorSpan]], where: Place | None
    ) -> Found:
        """The actor nearest the trigger, the parse having named none: before it (never for
        a fight, nor the agent of another verb), else after it within the same clause."""
        doc = self.doc
        # The actor named before a fight by position alone is as likely one side as the
        # other ("ont chassé les jihadistes après quatre mois de combats"): not taken.
        before = [
            (trigger.start - e, a)
            for (s, e), a in spans
            if 0 <= trigger.start - e <= MAX_ACTOR_GAP
            and trigger.relation != "fighting"
            and not _agent_of_another(self.lang, doc, s, trigger.start)
            and not (trigger.relation == "captured" and _concedes(self.lang, doc, e, trigger.start))
        ]
        if before:
            return self.settle(min(before, key=lambda x: x[0])[1], where, "position")
        after = [
            (s - trigger.end, a)
            for (s, e), a in spans
            if 0 <= s - trigger.end <= MAX_ACTOR_GAP
            and not taken_from(self.lang, doc, s)
            and not _relative_between(self.lang, doc, trigger.end, s)
            and not _speech_between(self.lang, doc, trigger.end, s)
            and not _clause_break_between(self.lang, doc, trigger.end, s)
        ]
        if after:
            return self.settle(min(after, key=lambda x: x[0])[1], where, "position")
        return Found(None, "none")

    def antecedent(self, before: int, where: Place | None) -> Found:
        """The actor a pronoun or possessive subject at character ``before`` refers to: the
        last one named before it in its sentence or the one before ("Moscou affirme que ses
        troupes ont pris X", "Les forces russes progressent. Elles ont pris X"); failing
        one, the caller carries the last actor of an event."""
        sents = [s for s in sentence_spans(self.doc) if s.start_char <= before]
        start = sents[-2].start_char if len(sents) > 1 else 0
        named = [a for a in self.spans if start <= a.start and a.end <= before]
        for span in reversed(named):
            if opponent(self.lang, self.doc, span):
                continue  # "ces derniers sont en guerre contre les forces gouvernementales"
            found = self.settle(span, where, "carried")
            if found.actor is not None:
                return found
        return Found(None, "anaphor")

    def agent(self, trigger: Trigger, actors: list[ActorSpan], where: Place | None) -> Found | None:
        """The agent of a passive: the actor after "par" ("assiégée depuis 2012 par l'armée")."""
        doc = self.doc
        for actor in actors:
            span = self.token_span(actor)
            if span is None or not 0 <= span[0] - trigger.end <= MAX_ACTOR_GAP:
                continue
            i = span[0] - 1  # past its article and head noun: "par les forces kadhafistes"
            while i > trigger.end and (
                doc[i].pos_ == "DET" or fold(doc[i].lemma_) in self.lang.events.ACTOR_HEADS
            ):
                i -= 1
            if i >= trigger.end and fold(doc[i].text) in self.lang.grammar.AGENT_MARKERS:
                return self.settle(actor, where, "parse")
        return None

    def opponent_of(self, taker: Found, actors: list[ActorSpan], where: Place | None) -> Found:
        """The nearest actor of another side than ``taker`` in the sentence."""
        for span in actors:
            actor = self.named(span, where)
            if actor is not None and (taker.actor is None or actor.side != taker.actor.side):
                return Found(actor, "position")
        return Found(None, "none")

    def named(self, span: ActorSpan, where: Place | None) -> Actor | None:
        """The actor ``span`` names for an event at ``where`` on the article's date."""
        if where is None:  # a place nothing locates: in the country the dispatch is about
            return self.profile.actor_for(span, self.home, date=self.article.date)
        return self.profile.actor_for(
            span, where.country_code, point=(where.lon, where.lat), date=self.article.date
        )

    def settle(self, span: ActorSpan, where: Place | None, source: str) -> Found:
        """The actor ``span`` names, or its owner's ("les troupes du GNA"), with the actors
        coordinated with it."""
        span = self.owner(span, where)
        actor = self.named(span, where)
        if actor is None:
            return Found(None, "none")
        others = [self.named(self.owner(a, where), where) for a in self.coordinated(span)]
        also = tuple(a for a in dict.fromkeys(others) if a is not None and a != actor)
        return Found(actor, source, also)

    def owner(self, span: ActorSpan, where: Place | None) -> ActorSpan:
        """``span``, or when it names nobody by itself, the actor its head noun belongs to:
        "aux troupes du maréchal Haftar" is Haftar's."""
        if self.named(span, where) is not None:
            return span
        tokens = self.token_span(span)
        for other in self.spans:
            found = self.token_span(other)
            if (
                tokens is not None
                and found is not None
                and 0 < found[0] - tokens[1] <= MAX_LINKED
                and all(  # "des troupes du maréchal Khalifa Haftar": titles, given names
                    t.pos_ in ("DET", "ADP", "ADJ", "PROPN")
                    or fold(t.lemma_) in self.lang.events.ACTOR_HEADS
                    for t in self.doc[tokens[1] : found[0]]
                )
            ):
                return other
        return span

    def seat_sense(
        self, trigger: Trigger, actors: list[ActorSpan], targets: list[Target]
    ) -> Trigger | None:
        """``trigger`` read in the sense its noun has in apposition to a place (the pack's
        ``SEAT_NOUNS``): "Tripoli, siège du GNA" is the seat of the GNA, held by it, not a
        siege of Tripoli by the GNA; the seat of no actor the profile knows ("siège du
        gouvernement rival") states nothing (``None``), nor does the seat of a body ("le
        siège du conseil provincial")."""
        doc = self.doc
        sense = self.lang.events.SEAT_NOUNS.get(fold(doc[trigger.start].lemma_))
        if trigger.kind != "noun" or sense is None:
            return trigger
        body = next((t for t in doc[trigger.end : trigger.end + 3] if t.pos_ == "NOUN"), None)
        if body is not None and fold(body.lemma_) in self.lang.events.SEATED_BODIES:
            return None  # "le siège du conseil provincial": a building
        seated = trigger.start > 0 and syntax.relative_pronoun(self.lang, doc[trigger.start - 1])
        if apposed_to(doc, trigger, targets) is None and not seated:
            return trigger  # ("Tripoli, où siège le GNA": the verb "siéger", a seat too)
        if self.linked(trigger.end, actors):
            return replace(trigger, relation=sense, theme="before")
        return None

    def holding_others(
        self, actors: list[ActorSpan], trigger: Trigger, triggers: list[Trigger]
    ) -> list[ActorSpan]:
        """The actors named as holders by another attributive frame of the sentence: "Al-
        Massirah, la chaîne aux mains des rebelles, a fait état de frappes" (the rebels hold
        the channel; they did not strike), "Raqa, la capitale de l'EI", "Marib, dernier
        bastion gouvernemental". Such an actor is the holder of that frame only."""
        out = []
        for other in triggers:
            if other is trigger or other.relation != "controls" or other.slot != "after":
                continue
            if other.kind == "noun":
                described = self.described(other.end, actors)
                out += [described] if described is not None else []
            for start, span in self.linked(other.end, actors):
                inside = not any(t.is_punct for t in self.doc[other.end : start])
                if other.kind == "phrase" or (other.kind == "noun" and inside):
                    out.append(span)  # (not "la capitale, aux troupes de X": who held it)
        return out

    def described(self, end: int, actors: list[ActorSpan]) -> ActorSpan | None:
        """The actor named by an adjective right after a noun ending at token ``end``: an
        actor name ("les capitales rebelles") or one of the pack's ``SIDE_ADJECTIVES``
        ("dernier bastion gouvernemental"), read as the actor name it stands for."""
        for token in self.doc[end : end + MAX_ADJECTIVES]:
            if token.pos_ != "ADJ":
                return None
            lo, hi = token.idx, token.idx + len(token.text)
            named = [a for a in actors if a.start < hi and lo < a.end]
            if named:
                return named[0]
            name = self.lang.events.SIDE_ADJECTIVES.get(fold(token.lemma_))
            found = self.profile.find_actors(name) if name else []
            if found:
                return replace(found[0], start=lo, end=hi, surface=token.text)
        return None

    def linked(self, end: int, actors: list[ActorSpan]) -> list[tuple[int, ActorSpan]]:
        """The actors named right after token ``end``, through "de"-like words and one head
        noun ("l'offensive des troupes du maréchal Haftar"), with their first token."""
        out = []
        for span in actors:
            tokens = self.token_span(span)
            if (
                tokens is not None
                and 0 <= tokens[0] - end <= MAX_LINKED
                and linked_after(self.lang, self.doc, end, tokens[0])
            ):
                out.append((tokens[0], span))
        return out

    def token_span(self, actor: ActorSpan) -> tuple[int, int] | None:
        return self.char_tokens(actor.start, actor.end)

    def char_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)

    def coordinated(self, span: ActorSpan) -> list[ActorSpan]:
        """The actor names joined to ``span`` by "et", "ainsi que" or a comma, on both sides."""
        text = self.article.text
        spans = self.spans
        index = spans.index(span) if span in spans else -1
        out: list[ActorSpan] = []
        for step in (-1, 1):
            i = index
            while index >= 0 and 0 <= i + step < len(spans):
                left, right = sorted((spans[i], spans[i + step]), key=lambda a: a.start)
                if not _actor_join_pattern(self.lang).match(fold(text[left.end : right.start])):
                    break
                i += step
                out.append(spans[i])
        return out


def _determiner(doc: Doc, start: int) -> Token | None:
    """The determiner of the noun at ``start``, past its adjectives ("leur dernier fief")."""
    for token in reversed(doc[max(start - 3, 0) : start]):
        if token.pos_ == "DET":
            return token
        if token.pos_ != "ADJ":
            return None
    return None


def _relative_between(lang: LanguagePack, doc: Doc, start: int, end: int) -> bool:
    """Whether a relative clause opens between two tokens: "la reprise de Gao, ville où des
    unités maliennes sont stationnées" says nothing of who took Gao. (An actor before the
    pronoun is its antecedent: "l'EI, qui s'en était emparé".) A pronoun right after the
    trigger hangs on the trigger itself, whose actor its clause names: "l'offensive que les
    forces russes avaient lancée"."""
    return any(syntax.relative_pronoun(lang, t) for t in doc[start + 1 : end])


def _agent_of_another(lang: LanguagePack, doc: Doc, start: int, trigger: int) -> bool:
    """Whether the actor at token ``start`` is the agent ("par X") of a verb before the
    trigger at ``trigger``: "faits prisonniers par les forces russes pendant le retrait"
    says nothing of who withdrew."""
    before = [t for t in doc[max(start - 2, 0) : start] if t.pos_ != "DET"]
    marked = bool(before) and fold(before[-1].text) in lang.grammar.AGENT_MARKERS
    return marked and any(t.pos_ == "VERB" for t in doc[max(start - 4, 0) : start])


def _concedes(lang: LanguagePack, doc: Doc, start: int, end: int) -> bool:
    """Whether a verb conceding or denying a gain (the pack's ``CONCEDING``) stands between
    two tokens: "si Kiev venait à confirmer la prise de Lyssytchansk" names who lost it."""
    return any(t.pos_ == "VERB" and fold(t.lemma_) in lang.events.CONCEDING for t in doc[start:end])


def _clause_break_between(lang: LanguagePack, doc: Doc, start: int, end: int) -> bool:
    """Whether a colon or semicolon, or a "selon" source phrase, stands between two tokens:
    "la prise d'Avdiïvka selon M. Choïgou : l'artillerie ukrainienne est tenue éloignée"
    names no taker after it."""
    if any(t.text in lang.grammar.CLAUSE_BREAKS for t in doc[start:end]):
        return True
    return names_a_source(lang, doc[start:end].text)


def _speech_between(lang: LanguagePack, doc: Doc, start: int, end: int) -> bool:
    """Whether a verb of speech stands between two tokens: the actor after it is who says
    so, not who acts ("des frappes aériennes ont visé Hodeida, a indiqué l'armée"). (Before
    it, the speaker is often the actor: "la Russie a dit avoir conquis X".)"""
    return any(speech_words(lang, t, end, inverted=False) for t in doc[start:end])


def _home_country(mentions: Sequence[Mention], profile: TheatreProfile) -> str | None:
    """The country most of the article's places in the theatre lie in: where an event at a
    place nothing locates happens ("les rebelles ont capturé le mont X" in a dispatch about
    Marib are the rebels of Yemen)."""
    counts = Counter(
        m.place.country_code
        for m in mentions
        if m.role == "location"
        and m.place is not None
        and m.place.country_code
        and profile.in_theatre(m.place.lon, m.place.lat, m.place.country_code)
    )
    return counts.most_common(1)[0][0] if counts else None


def _with_governments(
    spans: list[ActorSpan],
    mentions: Sequence[Mention],
    profile: TheatreProfile,
    text: str,
    of_country: re.Pattern[str],
) -> list[ActorSpan]:
    """The actor names, and the country and capital names standing for a government that
    acts (metonyms: "Kiev a reconquis", "l'Azerbaïdjan a pris"; a country whose strikes or
    offensive the text names, matched by ``of_country`` before it: "les tirs de
    l'Azerbaïdjan"), as that country's forces."""
    out = list(spans)
    for mention in mentions:
        if mention.place is None:
            continue
        before = fold(text[max(mention.start - MAX_OF_COUNTRY, 0) : mention.start])
        acting = mention.role == "metonym" or (
            mention.place.place_id.startswith("country:") and of_country.search(before)
        )
        if not acting:
            continue
        if any(a.start < mention.end and mention.start < a.end for a in spans):
            continue
        actor = profile.forces_of(mention.place.country_code)
        if actor is not None:
            out.append(ActorSpan(mention.start, mention.end, mention.surface, actor))
    return sorted(out, key=lambda a: a.start)


@lru_cache(maxsize=8)
def _of_country(lang: LanguagePack) -> re.Pattern[str]:
    """An event noun of the pack's ``DEMONYM_HEADS`` and "de" right before a name: "les
    tirs de l'", "l'offensive de la", "des frappes du"."""
    heads = alternation(fold(h) for h in lang.places.DEMONYM_HEADS)
    links = alternation(lang.events.PARTITIVE_LINKS)
    determiners = alternation(lang.events.DETERMINERS)
    return re.compile(rf"(?<![\w-])(?:{heads})s?\s+(?:{links})\s*(?:(?:{determiners})\s*)?$")


@lru_cache(maxsize=8)
def _actor_join_pattern(lang: LanguagePack) -> re.Pattern[str]:
    joins = alternation(lang.events.ACTOR_JOINS)
    links = alternation(lang.events.ACTOR_JOIN_PREPOSITIONS)
    determiners = alternation(lang.events.DETERMINERS)
    heads = alternation(lang.events.ACTOR_HEADS)  # "et par des groupes islamistes"
    return re.compile(
        rf"^\s*(?:{joins})\s*(?:(?:{links})\s*)?(?:(?:{determiners})\s*)?"
        rf"(?:(?:{heads})s?\s*)?$"
    )


def _refers_back(subject: Token) -> bool:
    """A subject that names its actor only by reference: a personal pronoun ("elles se
    sont emparées de Lyman") or a possessive noun phrase opening its clause ("ses troupes
    ont repris", "affirme que ses troupes ont pris"; not "des insurgés et leurs familles ont
    quitté")."""
    pron_type = subject.morph.get("PronType")
    if subject.pos_ == "PRON" and ("Prs" in pron_type or subject.morph.get("Person")):
        # The third person only: "nous" in a quotation is its speaker, not the actor named
        # last.
        third = subject.morph.get("Person") in ([], ["3"])
        return third and "Rel" not in pron_type and "Int" not in pron_type
    first = subject.left_edge
    opens = first.i == first.sent.start or first.nbor(-1).pos_ in ("PUNCT", "SCONJ")
    return opens and any("Yes" in c.morph.get("Poss") for c in subject.children)


def _first_person(subject: Token) -> bool:
    """A first-person plural pronoun ("nous avons frappé"): the side of who speaks."""
    return (
        subject.pos_ == "PRON"
        and subject.morph.get("Person") == ["1"]
        and subject.morph.get("Number") != ["Sing"]
    )


def _enemy(lang: LanguagePack, subject: Token) -> bool:
    """ "l'ennemi", "les forces ennemies", "l'adversaire": the foe of who speaks."""
    words = [subject, *(c for c in subject.children if c.dep_ == "amod")]
    return any(fold(w.lemma_) in lang.events.ENEMY_WORDS for w in words)


def linked_after(lang: LanguagePack, doc: Doc, end: int, start: int) -> bool:
    """True when only "de"-like words, determiners, adjectives and one head noun of an actor
    stand between a trigger and an actor ("le pilonnage intense des troupes
    gouvernementales", "l'avancée des troupes du maréchal Haftar")."""
    between = doc[end:start]
    heads = [t for t in between if t.pos_ in ("NOUN", "PROPN")]
    if len(heads) > 1 or any(fold(t.lemma_) not in lang.events.ACTOR_HEADS for t in heads):
        return False  # one head noun of the actor may come first: "des troupes du maréchal X"
    return all(
        t.pos_ in ("DET", "ADP", "PUNCT", "ADJ", "NOUN", "PROPN")
        or fold(t.text) in lang.events.PARTITIVE_LINKS
        for t in between
    )


def opponent(lang: LanguagePack, doc: Doc, actor: ActorSpan) -> bool:
    """An actor named as the target of the action: "contre l'EI", "face à l'EI"."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    before = " ".join(fold(t.text) for t in doc[max(span.start - 3, 0) : span.start])
    return any(re.search(rf"(?:^| ){cue}(?: |$)", before) for cue in lang.events.OPPONENT)


def taken_from(lang: LanguagePack, doc: Doc, start: int) -> bool:
    return any(fold(t.text) in lang.events.TAKEN_FROM for t in doc[max(start - 2, 0) : start])


def held_by(
    lang: LanguagePack, doc: Doc, trigger: Trigger, chosen: list[Target], actors: list[ActorSpan]
) -> ActorSpan | None:
    """Who held the place before: the object of "déloger l'EI de X", "à l'EI" after a capture."""
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        if trigger.slot == "object":
            if 0 <= span.start - trigger.end < OBJECT_REACH:
                return actor
            continue
        if trigger.relation != "captured" or not chosen or span.start < trigger.end:
            continue
        # "la reprise aux islamistes de Gao", "reprendre aux rebelles les secteurs de X"
        right_after = 0 < span.start - trigger.end <= 2
        if right_after and taken_from(lang, doc, span.start):
            return actor
        last = chosen[-1]
        # (past an apposition: "reprendre X, ville stratégique située à 100 km de Y, aux ...")
        end = apposition_end(doc, last.end, span.start)
        between = doc[end : span.start]
        if (
            0 < span.start - end <= 3
            and taken_from(lang, doc, span.start)
            and not any(t.pos_ in ("VERB", "AUX") for t in between)  # "permettrait au régime"
        ):
            return actor
    return None


def taker(doc: Doc, trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The capture a possessive stronghold noun is the object of ("reprendre son fief")."""
    token = doc[trigger.start]
    if not any("Yes" in c.morph.get("Poss") for c in token.children):
        return None
    for other in triggers:
        if other.relation == "captured" and 0 <= trigger.start - other.end <= 2:
            return other
    return None
