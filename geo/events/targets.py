"""Which place a trigger is about: the mentions and anaphors of a sentence, and the choice.

The nearest place on the side the frame expects wins, linked to it in the dependency parse
or close by in words (asides, actors and position phrases in between do not count), with
the places coordinated with it ("Raqa et Deir Ezzor").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geo import syntax
from geo._regex import alternation
from geo.events.frames import Trigger, passive
from geo.theatre import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from gazetteer import Place
    from geo.lang import LanguagePack
    from geo.records import Mention

#: Largest number of words between a trigger and its place ("l'offensive lancée le 7 mars
#: par l'armée sur Palmyre" is 7): beyond it a place belongs to another clause.
MAX_PLACE_GAP = 8
#: Largest dependency-tree distance at which a place is still an argument of a trigger
#: ("Alep, où 12 civils ont été tués dans des raids": raids -> tués -> Alep).
MAX_TREE_DISTANCE = 2
#: Largest number of words between a place and a trigger that follows it ("Palmyre, joyau
#: du désert syrien entre les mains de Daech" is 4), and between an event noun and its
#: place ("l'offensive contre le groupe EI près de Palmyre": a noun's place hangs on it
#: closely; the actors named in between do not count).
MAX_BEFORE_GAP = 6
#: Score penalty of a place on the side a trigger does not expect, and of an anaphor
#: ("cette ville") against a place named outright.
SIDE_PENALTY = 4
ANAPHOR_PENALTY = 3
#: Score penalty of a name nothing locates (a village no gazetteer holds, or a word the
#: recogniser took for a place, such as a commander's name): a located place as near wins.
UNLOCATED_PENALTY = 3
#: Relations whose place is never a name nothing locates: after a strike or siege word such
#: a name is more often a weapon, a unit or an operation ("les roquettes Grad et Smertch")
#: than a village.
UNLOCATED_NEVER = frozenset({"strike", "besieged"})
#: Score penalty of a place that is only the reference point of a position phrase
#: ("Tabqa, à 40 km à l'ouest de Raqa, a été reprise": Tabqa was taken, Raqa
#: only measures where): as much as a place on the wrong side, plus a word.
REFERENCE_PENALTY = SIDE_PENALTY + 1
#: Largest number of tokens between a relative pronoun and a trigger of its clause ("d'où
#: les militaires russes ont été contraints de se retirer" is 10).
MAX_RELATIVE_GAP = 14
#: Largest number of words between an event noun and a place inside its own phrase ("50
#: raids aériens de la coalition contre les renforts et les positions houthis à Marib" is
#: 11): the phrase's complements name its actor and its target before its place.
MAX_NOUN_PHRASE_GAP = 12
#: Longest chain of "de" complements from a place up to the force noun it names the origin of.
MAX_ORIGIN_CHAIN = 3
#: Relations that change or state who holds ground.
CONTROL = frozenset({"controls", "captured", "lost", "withdrew"})


@dataclass(frozen=True, slots=True)
class Target:
    """A place named in the sentence (a mention, or an anaphor such as "cette ville").

    ``place`` is ``None`` for a mention no gazetteer or claim locates.
    """

    place: Place | None
    start: int  # token indices into the doc, end exclusive
    end: int
    mention: Mention | None
    front: bool  # inside the theatre: may be a front-line event


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for i, node in enumerate(up_a):
        if node in up_b:
            return i + up_b.index(node)
    return 99


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a trigger expects of its place: the side it lies on (``theme``), the verb's
    objects and active subject, the insertion right after a verb, the parse heads a place
    may hang on."""

    token: Token
    passive: bool
    theme: str
    objects: tuple[Token, ...]
    subject: tuple[int, int] | None
    inserted: int
    heads: tuple[Token, ...]


def _reading(lang: LanguagePack, doc: Doc, trigger: Trigger) -> _Reading:
    token = doc[trigger.start]
    is_passive = passive(lang, doc, trigger)
    theme = "before" if is_passive and trigger.theme == "after" else trigger.theme
    takes = trigger.kind == "verb" and trigger.relation in CONTROL | {"besieged"}
    objects = tuple(c for c in token.children if c.dep_ == "obj") if takes else ()
    # "des habitants d'Aden se sont emparés d'un dépôt": a place in the active subject of a
    # verb is not the place it acts on (but for a verb whose place is its subject: "tomber").
    subject = (
        _subject_span(lang, doc, token)
        if trigger.kind == "verb" and trigger.theme != "before" and not is_passive
        else None
    )
    inserted = (
        apposition_end(doc, trigger.end, token.sent.end, nominal=False)
        if trigger.kind == "verb"
        else trigger.end
    )
    heads = [token]
    if trigger.kind == "noun" and token.dep_.startswith("nsubj") and token.head.pos_ == "VERB":
        heads.append(token.head)  # "des combats se poursuivaient à l'aéroport de Palmyre"
    return _Reading(token, is_passive, theme, objects, subject, inserted, tuple(heads))


def choose_targets(
    lang: LanguagePack,
    doc: Doc,
    trigger: Trigger,
    targets: list[Target],
    skip: frozenset[int],
    references: Sequence[tuple[int, int]],
) -> list[Target]:
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
    describes = trigger.kind == "noun" and trigger.relation == "controls"
    apposed = apposed_to(doc, trigger, targets) if describes else None
    if apposed is not None:
        # "Donetsk et Louhansk, les capitales rebelles": the noun describes the place before
        # it and the places listed with it, not one named after ("Raqqa, la capitale de
        # l'EI, et Idleb, bastion rebelle").
        first = apposed
        while first > 0 and _coordination_pattern(lang).match(
            fold(doc[targets[first - 1].end : targets[first].start].text_with_ws)
        ):
            first -= 1
        return targets[first : apposed + 1]
    reading = _reading(lang, doc, trigger)
    scored = [
        (*score, index)
        for index, target in enumerate(targets)
        if (score := _score(lang, doc, trigger, reading, target, skip, references)) is not None
    ]
    if not scored:
        return []
    return _with_coordinated(lang, doc, targets, min(scored)[2], references)


def _score(
    lang: LanguagePack,
    doc: Doc,
    trigger: Trigger,
    reading: _Reading,
    target: Target,
    skip: frozenset[int],
    references: Sequence[tuple[int, int]],
) -> tuple[float, bool] | None:
    """How far ``target`` is from being the trigger's place (lower is nearer; then a place
    after the trigger first), or ``None`` when it cannot be."""
    token, theme, inserted = reading.token, reading.theme, reading.inserted
    if _ruled_out(lang, doc, trigger, reading, target):
        return None
    listed = None
    if target.end <= trigger.start:
        aside, end = target.end, -1
        while aside != end:  # one aside after another: "X, dans le nord, fief de Y, ..."
            end, aside = aside, apposition_end(doc, aside, trigger.start)
        side, gap = "before", word_gap(doc, aside, trigger.start, skip)
    elif target.start >= trigger.end:
        if _next_clause(doc, trigger.end, target.start):
            return None  # "contrôlent une partie du Donbass, et d'avancer vers Sloviansk"
        start = inserted if target.start >= inserted else trigger.end
        listed = enumeration_end(lang, doc, start, target.start)
        start = listed if listed is not None else start  # "..., parmi lesquelles X"
        side, gap = "after", word_gap(doc, start, target.start, skip)
    else:
        return None
    root = doc[target.start : target.end].root  # "la localité": its noun, not "la"
    tree = min(tree_distance(head, root) for head in reading.heads)
    if reading.objects and trigger.slot != "object" and not reading.passive:
        # Outside the object only a place after the verb and hanging on it counts: "ne
        # contrôlent plus qu'une poche dans l'est d'Alep".
        inside = listed is not None or any(
            o.left_edge.i <= target.start <= o.right_edge.i for o in reading.objects
        )
        if not inside and (side == "before" or tree > MAX_TREE_DISTANCE):
            return None
        if any(a <= target.start < b for a, b in references):
            return None  # "pris trois villages près de Bakhmout": the villages, not Bakhmout
    limit = MAX_BEFORE_GAP if side == "before" or trigger.kind == "noun" else MAX_PLACE_GAP
    if trigger.kind == "noun" and side == "after" and target.start <= token.right_edge.i:
        limit = MAX_NOUN_PHRASE_GAP  # the place hangs inside the noun's own phrase
    near = gap <= limit and (theme == "either" or side == theme)
    if not near and (tree > MAX_TREE_DISTANCE or trigger.kind == "phrase"):
        return None
    score = min(gap, 3 * tree) if trigger.kind != "phrase" else gap
    if theme not in ("either", side) or (
        trigger.kind == "verb" and theme == "either" and side == "before"
    ):
        score += SIDE_PENALTY
    if target.mention is None:
        score += ANAPHOR_PENALTY
    if target.place is None:
        score += UNLOCATED_PENALTY
    if any(a <= target.start < b and not a <= trigger.start < b for a, b in references):
        score += REFERENCE_PENALTY
    if trigger.end < target.start < inserted:
        score += SIDE_PENALTY  # a place in an insertion after the verb is its setting
    return score, side != "after"


def _next_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a coordinated clause of its own opens between tokens ``start`` and ``end``: a
    conjunction with a verb right after it ("et d'avancer vers X", "puis progressent vers
    X"), whose places are that verb's."""
    for token in doc[start:end]:
        if token.pos_ != "CCONJ":
            continue
        ahead = doc[token.i + 1 : min(token.i + 4, end)]
        if any(t.pos_ == "VERB" for t in ahead):
            return True
    return False


def _ruled_out(
    lang: LanguagePack, doc: Doc, trigger: Trigger, reading: _Reading, target: Target
) -> bool:
    """Whether ``target`` is no place the trigger can be about, wherever it stands."""
    subject = reading.subject
    return (
        # "des roquettes Grad": a name after a weapon is seldom a village
        (target.place is None and trigger.relation in UNLOCATED_NEVER)
        # "se sont retirés vers Jarablous": where they went, not what they left
        or (trigger.relation == "withdrew" and destination(lang, doc, target))
        # "les combattants de Misrata": where they come from, not the event's place
        or force_origin(lang, doc, target, reading.token, ousts=trigger.slot == "object")
        or (subject is not None and subject[0] <= target.start < subject[1])
        # "vers Debaltseve, un nœud situé entre Donetsk et Louhansk": not those
        or (located_by(lang, doc, target) and not described_by(doc, target, trigger))
    )


def _with_coordinated(
    lang: LanguagePack,
    doc: Doc,
    targets: list[Target],
    best: int,
    references: Sequence[tuple[int, int]],
) -> list[Target]:
    """``targets[best]`` and the places listed with it on either side."""
    chosen = [targets[best]]

    def reference(target: Target) -> bool:
        return any(a <= target.start < b for a, b in references)

    for step in (-1, 1):
        i = best
        while 0 <= i + step < len(targets):
            j = i + step  # past the places an aside only locates ("à X, zone située dans le
            while step > 0 and j + 1 < len(targets) and located_by(lang, doc, targets[j]):
                j += 1  # district de Y, ainsi qu'à Z")
            left, right = sorted((targets[i], targets[j]), key=lambda t: t.start)
            # "Lyman et des localités voisines, au premier rang desquelles X et Y": the
            # members of a list after the place are the trigger's places too.
            members = enumeration_end(lang, doc, left.end, right.start) is not None and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[left.end : right.start]
            )
            if not (members or coordinated(lang, doc, left, right)):
                break
            if reference(targets[j]) and not reference(targets[best]):
                break  # "des villages au nord de Hama, parmi lesquels X": Hama only measures
            i = j
            chosen.append(targets[i])
    return sorted(chosen, key=lambda t: t.start)


def apposed_to(doc: Doc, trigger: Trigger, targets: list[Target]) -> int | None:
    """The index of the place a noun trigger stands in apposition to, or ``None``: the
    place ends right before the comma that opens the noun's phrase ("Tripoli, siège du
    GNA", "Marib, dernier bastion gouvernemental", "Donetsk et Louhansk, les capitales"),
    and no demonstrative opens it."""
    opening = trigger.start - 1
    while opening >= 0 and doc[opening].pos_ in ("DET", "ADJ"):
        if "Dem" in doc[opening].morph.get("PronType"):
            return None  # "Dans le Donbass, cette perte de Lyman": a new phrase, no aside
        opening -= 1
    if opening <= 0 or doc[opening].text != ",":
        return None
    return next((i for i, t in enumerate(targets) if t.end == opening), None)


def _subject_span(lang: LanguagePack, doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The token span of the active subject of ``verb``: the parse's, else the noun phrase
    opening its clause ("des habitants d'Aden se sont emparés": the tagger reads "des" as a
    preposition and gives no subject)."""
    found = syntax.subject(lang, verb)
    if found is not None:  # (the antecedent of "qui" holds the verb's own clause: none)
        lo, hi = found.left_edge.i, found.right_edge.i + 1
        return None if lo <= verb.i < hi else (lo, hi)
    start = syntax.group_start(lang, verb, verb.sent.start)
    span = syntax.phrase_before(lang, doc, start, verb.sent.start)
    if span is None:
        return None
    first = doc[span[0]]
    noun_phrase = first.pos_ in ("DET", "NOUN", "PROPN") or fold(first.text) in (
        lang.events.DETERMINERS
    )
    return span if noun_phrase else None


def setting(lang: LanguagePack, doc: Doc, sent: Span, targets: list[Target]) -> Target | None:
    """The place a sentence opens with, "A Raqa, ...": the setting of all it tells."""
    before = [fold(t.text) for t in sent if t.i < (targets[0].start if targets else 0)]
    if not targets or len(before) != 1 or before[0] not in lang.events.SETTING_PREPOSITIONS:
        return None
    after = doc[targets[0].end] if targets[0].end < sent.end else None
    return targets[0] if after is not None and after.text in lang.events.SETTING_FOLLOWERS else None


#: Most tokens between an ousting verb and the start of its object ("expulsé l'armée").
OBJECT_REACH = 3


def force_origin(
    lang: LanguagePack, doc: Doc, target: Target, trigger: Token, *, ousts: bool = False
) -> bool:
    """Whether a place only says where a force comes from: it hangs, through at most
    :data:`MAX_ORIGIN_CHAIN` "de" complements, on one of the pack's ``ACTOR_HEADS`` ("les
    militaires de la république séparatiste du Haut-Karabakh", "les combattants de
    Misrata"), which is not the trigger itself. For a verb that ``ousts`` its object from a
    place, the object's "de X" is that place ("chasser les troupes de Kidal")."""
    node = doc[target.start : target.end].root
    links = lang.events.PARTITIVE_LINKS
    for _ in range(MAX_ORIGIN_CHAIN):
        case = [c for c in node.children if c.dep_ == "case"]
        if not case or fold(case[0].text) not in links:
            return False  # "autour de Choucha" is where; "du Haut-Karabakh" may be whose
        if not node.dep_.startswith("nmod") or node.head is node or node.head == trigger:
            return False
        node = node.head
        if fold(node.lemma_) in lang.events.ACTOR_HEADS and node.pos_ == "NOUN":
            # (the object follows the verb; the parse may not hang it on the verb)
            return not (ousts and 0 < node.left_edge.i - trigger.i <= OBJECT_REACH)
    return False


@dataclass(frozen=True, slots=True)
class Backing:
    """The detached participle phrases of a sentence that say who backs whom ("Appuyés par
    les raids aériens de la coalition, les rebelles ont repris X"), as token spans: their
    event nouns and actors are the support, not the sentence's events."""

    tokens: tuple[tuple[int, int], ...]

    def covers(self, token: int) -> bool:
        return any(a <= token < b for a, b in self.tokens)

    def holds(self, span: tuple[int, int] | None) -> bool:
        """Whether the token span ``span`` (an actor's) opens inside a backing phrase."""
        return span is not None and self.covers(span[0])


def backing_phrases(lang: LanguagePack, doc: Doc, sent: Span) -> Backing:
    """The pack's ``BACKING`` participles that open the sentence or follow a comma and take
    an agent ("par"), each up to the next punctuation mark."""
    tokens = []
    for token in sent:
        detached = token.i == sent.start or doc[token.i - 1].text == ","
        after = doc[token.i + 1] if token.i + 1 < sent.end else None
        if not (detached and after is not None and fold(after.text) in lang.grammar.AGENT_MARKERS):
            continue
        if not fold(token.text).startswith(lang.events.BACKING):
            continue
        end = next((t.i for t in doc[after.i : sent.end] if t.is_punct), sent.end)
        tokens.append((token.i, end))
    return Backing(tuple(tokens))


def destination(lang: LanguagePack, doc: Doc, target: Target) -> bool:
    before = [t for t in doc[max(target.start - 3, 0) : target.start] if t.pos_ != "DET"]
    return bool(before) and fold(before[-1].text) in lang.events.DESTINATION


#: Longest apposition that describes a place between commas ("Kidal, ville stratégique du
#: nord du Mali, a été prise" is 6 words).
MAX_APPOSITION = 12


@lru_cache(maxsize=8)
def _enumeration_leads(lang: LanguagePack) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(lead.split()) for lead in sorted(lang.events.ENUMERATION_LEADS))


def enumeration_end(lang: LanguagePack, doc: Doc, start: int, end: int) -> int | None:
    """The token after the last words between ``start`` and ``end`` that open a list of
    members ("parmi lesquelles"), or ``None``; only when no finite verb comes between them and
    ``end`` (the list then names what the trigger acted on)."""
    words = [fold(t.text) for t in doc[start:end]]
    found = None
    for i in range(len(words)):
        for lead in _enumeration_leads(lang):
            if tuple(words[i : i + len(lead)]) == lead:
                found = start + i + len(lead)
    if found is None or any(t.morph.get("VerbForm") == ["Fin"] for t in doc[found:end]):
        return None
    return found


def apposition_end(doc: Doc, end: int, limit: int, *, nominal: bool = True) -> int:
    """Where the aside between commas at token ``end`` ends, or ``end``.

    ``nominal``: an apposition after a place, a verbless noun or prepositional phrase
    ("Kidal, ville stratégique du nord du Mali, a été prise", "C'est à Ndégué, à 20 km de
    Konna, qu'ont eu lieu les combats": its words do not set the place apart from the
    verb); else any verbless insertion ("a dit avoir conquis, ailleurs
    dans la région de Donetsk, la localité de X": the object comes after it).
    """
    if end >= limit or doc[end].text != ",":
        return end
    words = [t for t in doc[end + 1 : min(limit, end + 1 + MAX_APPOSITION)]]
    close = next((t.i for t in words if t.text == ","), None)
    if close is None:
        return end
    inner = [t for t in doc[end + 1 : close] if t.pos_ != "DET"]
    if not inner or (nominal and inner[0].pos_ not in ("NOUN", "ADJ", "ADP")):
        return end
    if any(
        t.pos_ in ("VERB", "AUX")
        and doc[t.i - 1].pos_ != "DET"
        and "Part" not in t.morph.get("VerbForm")  # "ville stratégique située à 100 km de Y"
        for t in inner
    ):
        return end  # a verb, not a noun the tagger misread ("de l'est du pays")
    return close + 1


#: How far before a place a locating participle may stand ("situé à mi-chemin entre
#: Donetsk et Louhansk" is 6 words before Louhansk).
MAX_LOCATING_REACH = 8


def located_by(lang: LanguagePack, doc: Doc, target: Target) -> bool:
    """Whether a place only locates another one, after a locating participle in the same
    phrase: "un nœud ferroviaire situé entre Donetsk et Louhansk", "le mont X, situé dans le
    district de Sirwah"."""
    for token in reversed(doc[max(target.start - MAX_LOCATING_REACH, 0) : target.start]):
        if token.is_punct and token.text not in ("-", "'", "’"):
            return False
        if fold(token.lemma_) in lang.events.LOCATING_VERBS and token.pos_ in ("VERB", "ADJ"):
            return "Part" in token.morph.get("VerbForm") or token.pos_ == "ADJ"
    return False


def described_by(doc: Doc, target: Target, trigger: Trigger) -> bool:
    """Whether the trigger is the apposition right after the place ("Donetsk et Louhansk,
    les capitales rebelles")."""
    between = doc[target.end : trigger.start]
    return (
        target.end <= trigger.start
        and len(between) <= 3
        and bool(between)
        and between[0].text == ","
        and all(t.is_punct or t.pos_ == "DET" for t in between)
    )


def word_gap(doc: Doc, start: int, end: int, skip: frozenset[int]) -> int:
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
def _coordination_pattern(lang: LanguagePack) -> re.Pattern[str]:
    joins = _alternatives(lang.events.COORDINATORS)
    links = _alternatives(lang.events.COORDINATION_LINKS, spaced=True)
    # A repeated preposition follows a comma or a conjunction ("et de Homs", ", à Kidal");
    # alone it joins the two ends of a route, not a list ("la route reliant Hama à Alep").
    return re.compile(rf"^\s*(?:(?:,\s*)?(?:{joins})\s*(?:{links})?|,\s*(?:{links})?)?\s*$")


@lru_cache(maxsize=8)
def _enumeration_pattern(lang: LanguagePack) -> re.Pattern[str]:
    """ "..., en particulier les localités de": a list lead, an article, a place noun, "de"."""
    leads = _alternatives(lang.events.ENUMERATION_LEADS)
    articles = _alternatives(lang.events.DETERMINERS, spaced=True)
    nouns = _alternatives(frozenset(fold(n) for n in lang.places.TRIGGERS))
    links = _alternatives(lang.events.COORDINATION_LINKS, spaced=True)
    return re.compile(
        rf"^[\s,:;–—-]*(?:{leads})\s*(?:(?:{articles})?(?:{nouns})s?\s+)?(?:{links})?\s*$"
    )


def coordinated(lang: LanguagePack, doc: Doc, left: Target, right: Target) -> bool:
    """Whether two places are one list: "Raqa et Deir Ezzor", "Alep, ainsi que de Homs",
    "la région de Kherson, en particulier les localités de Vysokopillia"."""
    # (with its trailing space, which a span's text leaves out: "et de " before the place;
    # past an apposition describing the first: "à Bakthah, zone située dans ..., ainsi qu'à")
    start = apposition_end(doc, left.end, right.start)
    between = fold(_PARENTHESES.sub(" ", doc[start : right.start].text_with_ws))
    return bool(
        _coordination_pattern(lang).match(between) or _enumeration_pattern(lang).match(between)
    )


def is_country(place: Place) -> bool:
    """A country is never the place of a front-line event."""
    return place.feature_code.startswith("PCL") or place.place_id.startswith("country:")


def relative_antecedent(
    lang: LanguagePack, doc: Doc, trigger: Trigger, targets: list[Target]
) -> tuple[list[Target], bool]:
    """The place a relative clause hangs on, for a trigger in it that found no place of its
    own: "entrée dans Kherson (sud), d'où les militaires russes ont dû se retirer". The
    relative pronoun (``PronType=Rel``) opens the trigger's clause; the words before it,
    past a comma, an elided preposition and a parenthesised aside, end with a place. A
    "que" after a comma, which the tagger reads as a conjunction, is a relative pronoun
    too; its antecedent may be described between the place and the comma ("Bakhmout, une
    ville désormais détruite, que l'armée russe cherche à conquérir"). The flag tells a
    "que", the verb's own object, from the other pronouns."""
    start = trigger.start
    for token in reversed(doc[max(start - MAX_RELATIVE_GAP, 0) : start]):
        if syntax.relative_que(lang, token):
            comma = token.i - 1 if doc[token.i - 1].text == "," else token.i
            described = _described_before(lang, doc, comma, targets)
            found = [targets.index(t) for t in described]
            return [targets[k] for k in _listed_before(lang, doc, targets, found)], True
        if token.text in (",", ";", ".") or token.is_sent_start:
            return [], False
        if "Rel" in token.morph.get("PronType"):
            break
    else:
        return [], False
    i = token.i - 1
    depth = 0
    while i >= 0 and (doc[i].pos_ in ("ADP", "PUNCT") or depth):
        depth += doc[i].text == ")"
        depth -= doc[i].text == "("
        i -= 1
    found = [k for k, t in enumerate(targets) if t.start <= i < t.end][:1]
    return [targets[k] for k in _listed_before(lang, doc, targets, found)], False


def _listed_before(
    lang: LanguagePack, doc: Doc, targets: list[Target], found: list[int]
) -> list[int]:
    """``found`` (one index, or none) with the places listed before it: "Severodonetsk et
    Lyssytchansk, dont la prise ...", "Donetsk et Louhansk, que Moscou contrôle"."""
    found = list(found)
    while (
        found and found[0] > 0 and coordinated(lang, doc, targets[found[0] - 1], targets[found[0]])
    ):
        found.insert(0, found[0] - 1)
    return found


#: Longest description between a place and the "que" of its relative clause (tokens).
MAX_DESCRIPTION = 16


def _described_before(
    lang: LanguagePack, doc: Doc, comma: int, targets: list[Target]
) -> list[Target]:
    """The last place before token ``comma`` with only a verbless description between."""
    before = [t for t in targets if t.end <= comma]
    if not before:
        return []
    last = before[-1]
    between = doc[last.end : comma]
    if len(between) > MAX_DESCRIPTION or any(
        t.pos_ in ("VERB", "AUX")
        and "Fin" in t.morph.get("VerbForm")
        and not (doc[t.i - 1].pos_ == "DET" or syntax.elided(lang, doc[t.i - 1]))  # "l'est"
        for t in between
    ):
        return []
    return [last]
