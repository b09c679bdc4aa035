"""The questions every stage asks of a parsed clause, answered once.

Who is the subject of a verb (through infinitives, event nouns, relative clauses and
appositions), whether the verb is passive, whether its clause is negated, whether it states
an intention, a possibility or a future rather than a fact, and its tense. Metonymy
(:mod:`geo.resolve`: "Moscou a annoncé" is a government acting) and events
(:mod:`geo.events`: "les forces ont été repoussées par l'armée") read the same answers.

The words these answers need (negation particles, modal verbs, auxiliaries, the verbs whose
active past takes "être", conditional endings) come from the language pack's ``grammar``
table module; the parse is spaCy's (Universal Dependencies labels and morphology). The small
French model's parse is often wrong on long wire-copy sentences, so each answer says what it
falls back on when the parse gives nothing: the clause-opening noun phrase before a verb
(:func:`clause_opener`), or the verb after a name by word order, over clitics, adverbs,
auxiliaries and periphrases such as "est en train de" (:func:`verb_after`, whose clause
:func:`passive_clause` tells passive or active).

Attribution (:mod:`geo.attribution`: "..., a annoncé le ministère") asks the same layer about
verb groups: where a group starts over its auxiliaries (:func:`group_start`), every subject
the parse gives it (:func:`subjects`), the words opening its clause across an aside
(:func:`phrase_before`), and whether it can head a main clause (:func:`main_clause`,
:func:`subordinate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from geo.dates import Tense
from geo.theatre import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geo.lang import LanguagePack

T = TypeVar("T")

#: How many words back negation and modality cues reach ("n'auront qu'à déloger").
CUE_WINDOW = 5
#: Tokens an apposition between a clause-opening noun phrase and its verb may span ("Les
#: FDS, une alliance kurdo-arabe appuyée par la coalition menée par Washington, sont
#: entrées").
MAX_APPOSITION = 30
#: Tokens that break a clause: a cue before one of them belongs to another clause.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "«", "»", '"', "–", "—"})
# Breaks that close the noun phrase opening a clause (parentheses may sit inside it: "Forces
# démocratiques syriennes (FDS)").
_OPENER_BREAKS = frozenset({",", ";", ":", "«", "»", '"', "–", "—"})
#: Tokens back from a verb over which the auxiliaries of its group are sought ("avait d'abord
#: affirmé", "a quant à lui dit", "a-t-il ajouté").
GROUP_SPAN = 4
# Punctuation that sits inside a noun phrase: brackets, hyphens, apostrophes ("Forces
# démocratiques syriennes (FDS)", "l'état-major").
_PHRASE_JOINERS = frozenset({"(", ")", "-", "'", "’"})
# Punctuation that ends a clause or a quotation, never an aside (a token is tested as a
# substring of it).
_NOT_ASIDE = '«»".;:!?'


def clause_before(doc: Doc, index: int, width: int = CUE_WINDOW) -> list[Token]:
    """Up to ``width`` tokens before token ``index``, nearest first, stopping at a clause
    break or a sentence end."""
    out: list[Token] = []
    i = index - 1
    while i >= 0 and len(out) < width and doc[i].text not in CLAUSE_BREAKS:
        if doc[i].is_sent_end:
            break
        out.append(doc[i])
        i -= 1
    return out


#: Words read after a verb for the second word of its negation ("ne contrôlent pas") or a
#: restriction ("ne contrôlent plus qu'une poche").
NEGATION_REACH = 3


def negated(lang: LanguagePack, doc: Doc, index: int) -> bool:
    """Whether the word at token ``index`` is negated or said to stop: "n'a pas repris",
    "sans parvenir à reprendre", "la trêve des combats". "ne ... que" restricts and affirms
    ("ne contrôlent plus qu'une poche" is still a fact)."""
    grammar = lang.grammar
    before = clause_before(doc, index)
    folded = [fold(t.text) for t in before]
    lemmas = {fold(t.lemma_) for t in before[:3]}
    if lemmas & grammar.STOPPED or set(folded[:3]) & grammar.STOPPED:
        return True
    if set(folded[:2]) & grammar.NEGATION_OPENERS:
        return True
    # A simple tense puts the second word after the verb: "ils ne contrôlent pas encore".
    after = [fold(t.text) for t in doc[index + 1 : min(index + 1 + NEGATION_REACH, len(doc))]]
    particle = any(f in grammar.NEGATION_PARTICLES for f in folded)
    restrictive = any(f in grammar.RESTRICTIVE for f in folded + after)
    return particle and not restrictive and any(f in grammar.NEGATION for f in folded + after)


def intended(lang: LanguagePack, doc: Doc, index: int) -> bool:
    """Whether a modal cue governs the verb at ``index``: an intention or a possibility
    ("cherche à reprendre", "pour reprendre", "pourrait tomber", "menace de prendre",
    "n'auront qu'à déloger")."""
    grammar = lang.grammar
    before = clause_before(doc, index)
    # "ont dû évacuer Brega": an obligation in the compound past was met, a fact.
    cues = [t for t in before if not _fulfilled(lang, t)]
    # Lemmas of verbs only: the lemmatiser reads "puis" ("then") as a form of "pouvoir".
    folded = [fold(t.text) for t in cues] + [
        fold(t.lemma_) for t in cues if t.pos_ in ("VERB", "AUX")
    ]
    if any(f in grammar.MODALITY for f in folded):
        return True
    if _imminent(lang, doc, index):
        return True
    return any(f in grammar.NEGATION_PARTICLES for f in folded) and _restricted_to_do(lang, before)


def _imminent(lang: LanguagePack, doc: Doc, index: int) -> bool:
    """ "près de prendre Aden", "sur le point de reprendre": an infinitive about to happen."""
    if index < 2 or doc[index].morph.get("VerbForm") != ["Inf"]:
        return False
    grammar = lang.grammar
    return (
        fold(doc[index - 1].text) in grammar.COMPLEMENT_LINKS
        and fold(doc[index - 2].text) in grammar.IMMINENT
    )


def _fulfilled(lang: LanguagePack, token: Token) -> bool:
    """A modal verb of ``FULFILLED_IN_PAST`` as a past participle: "ont dû quitter"."""
    return fold(token.lemma_) in lang.grammar.FULFILLED_IN_PAST and token.morph.get("VerbForm") == [
        "Part"
    ]


def spoken_of(lang: LanguagePack, doc: Doc, start: int, end: int) -> bool:
    """Whether the event noun at tokens ``start:end`` is only spoken of: still to come ("la
    prochaine offensive", "l'assaut prochain"), the complement of a word of intent ("l'ordre
    de retrait", "la menace d'offensive"), or governed by a future or conditional verb ("la
    reprise de la ville permettrait")."""
    grammar = lang.grammar
    if any(fold(t.text) in grammar.UPCOMING for t in doc[end : end + 2]):
        return True
    if any(fold(t.text) in grammar.UPCOMING for t in doc[max(start - 1, 0) : start]):
        return True
    if _complement_of(lang, doc, start, grammar.INDIRECT_HEADS):
        return True
    return tense(lang, doc[start]) == "future" or _next_verb_future(lang, doc, end)


def feared(lang: LanguagePack, doc: Doc, start: int) -> bool:
    """Whether the event word at ``start`` is only feared or expected ("en prévision d'un
    assaut", "par crainte d'une offensive"): neither a fact nor anyone's intent."""
    return _complement_of(lang, doc, start, lang.grammar.FEARED_HEADS)


def _complement_of(lang: LanguagePack, doc: Doc, start: int, heads: frozenset[str]) -> bool:
    """Whether the word at ``start`` is the "de" complement of a noun of ``heads``, across an
    article ("l'ordre de retrait", "la menace d'une offensive")."""
    link = start - 1
    if link >= 0 and doc[link].pos_ == "DET":
        link -= 1
    return (
        link >= 1
        and fold(doc[link].text) in lang.grammar.COMPLEMENT_LINKS
        and fold(doc[link - 1].lemma_) in heads
    )


def _next_verb_future(lang: LanguagePack, doc: Doc, end: int) -> bool:
    """The first finite verb after token ``end`` in its clause is future or conditional, a
    fallback when the parse does not attach a noun to its verb."""
    for token in doc[end : end + 8]:
        if token.text in CLAUSE_BREAKS or token.is_sent_start:
            return False
        if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
            return future_or_conditional(lang, token)
    return False


def _restricted_to_do(lang: LanguagePack, before: list[Token]) -> bool:
    """ "n'auront qu'à déloger": "que" followed by "à" and a verb is an obligation to come;
    "ne contrôlent plus qu'une poche" restricts a fact and stays a fact."""
    grammar = lang.grammar
    return any(
        fold(t.text) in grammar.RESTRICTIVE
        and t.i + 1 < len(t.doc)
        and fold(t.doc[t.i + 1].text) in grammar.RESTRICTED_TO
        for t in before
    )


def future_or_conditional(lang: LanguagePack, token: Token) -> bool:
    """A finite verb in the future or the conditional. The small French model often tags a
    conditional as an imperfect ("permettrait": Tense=Imp), so the form is checked too: a
    conditional is the future stem (the infinitive without its final e, or an irregular stem
    from the table) followed by an imperfect ending ("permettr-ait", "pourr-aient")."""
    grammar = lang.grammar
    form = fold(token.text)
    if "Cnd" in token.morph.get("Mood") or "Fut" in token.morph.get("Tense"):
        return form.endswith(grammar.FUTURE_FORM_ENDINGS)  # not "assiègent"
    ending = next((e for e in grammar.CONDITIONAL_ENDINGS if form.endswith(e)), None)
    if ending is None:
        return False
    lemma = fold(token.lemma_)
    stem = grammar.IRREGULAR_FUTURE_STEMS.get(lemma, lemma.removesuffix("e"))
    return form[: -len(ending)] == stem


def tense(lang: LanguagePack, token: Token) -> Tense:
    """The tense of the clause of ``token`` (a noun takes its governing verb's)."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    forms = [node, *(c for c in node.children if c.dep_.startswith("aux"))]
    if any(future_or_conditional(lang, form) for form in forms):
        return "future"
    if any(f.morph.get("Tense") in (["Imp"], ["Past"]) for f in forms[1:]):
        return "past"
    if node.morph.get("VerbForm") == ["Part"]:
        return "past"
    if "Pres" in node.morph.get("Tense") and node is token:
        return "present"
    return "past"


def bare_infinitive(token: Token) -> bool:
    """An infinitive no finite verb governs: a goal, not a fact ("Prochaine étape : reprendre
    Hodeida", "l'objectif de prendre la ville"). One a verb governs is judged by that verb
    ("sont parvenus à reprendre Konna" is done; "cherche à reprendre" is an intent)."""
    # The small model sometimes tags an infinitive a participle; an infinitive is its lemma.
    infinitive = token.morph.get("VerbForm") == ["Inf"] or (
        token.pos_ == "VERB" and token.lower_ == token.lemma_.lower()
    )
    if not infinitive:
        return False
    head = token.head
    return head is token or head.pos_ in ("NOUN", "PROPN", "PUNCT") or _across(head, token)


def _across(a: Token, b: Token) -> bool:
    """Whether a sentence ends between two tokens (a full stop or a line break): a parse that
    joins them across it ("... tuées dans les combats.\nProchaine étape : reprendre X")."""
    lo, hi = sorted((a.i, b.i))
    return any(
        t.text in (".", "!", "?") or (t.is_space and "\n" in t.text) for t in a.doc[lo + 1 : hi]
    )


def passive(lang: LanguagePack, token: Token) -> bool:
    """Whether the verb ``token`` is passive: "a été reprise par l'armée", "Homs, assiégée
    depuis deux ans" (a bare participle is adjectival and passive). Not the pronominal "qui
    s'en était emparée", nor the active past of a verb conjugated with "être" ("les rebelles
    sont entrés dans Hama"), which the small model tags passive."""
    if token.pos_ != "VERB":
        return False
    if any(c.dep_.startswith("expl") for c in token.children):
        return False
    grammar = lang.grammar
    if fold(token.lemma_) in grammar.ETRE_VERBS:
        return False
    if "Pass" in token.morph.get("Voice") or any(
        c.dep_ in grammar.PASSIVE_DEPENDENCIES for c in token.children
    ):
        return True
    # A present participle ("en abandonnant l'aéroport") is active.
    return (
        token.morph.get("VerbForm") == ["Part"]
        and "Pres" not in token.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in token.children)
    )


def subject(lang: LanguagePack, token: Token) -> Token | None:
    """The subject of the clause of ``token``, climbing through infinitives, event nouns
    governed by a support verb ("l'armée a lancé l'offensive") and relative clauses (the
    antecedent of "qui"). None when the parse gives none, or gives a subject that contains
    the verb itself (a clause misparsed as the subject of the next one)."""
    grammar = lang.grammar
    incised = incise_subject(lang, token)
    if incised is not None:
        return incised
    node = token
    for _ in range(6):
        labels = ("nsubj",) if node is token else ("nsubj", "nsubj:pass")
        subjects = [c for c in node.children if c.dep_ in labels]
        if subjects:
            found = subjects[0]
            if "Rel" in found.morph.get("PronType") and node.dep_.startswith("acl"):
                return node.head
            if found.left_edge.i <= token.i <= found.right_edge.i:
                return None
            return found
        if node.head is node:
            return None
        if _gerund(lang, node) and node.dep_.startswith("acl"):
            return node.head  # "Les jihadistes, en passant à l'attaque": who passes
        if _gerund(lang, node) and node.dep_ == "advcl":
            # "l'armée a subi un revers (...) en abandonnant l'aéroport": the main clause's
            # subject, wherever the parser hung the gerund in it
            return next(
                (
                    c
                    for a in node.ancestors
                    if a.pos_ in ("VERB", "AUX")
                    for c in a.children
                    if c.dep_ == "nsubj"
                ),
                None,
            )
        if node.pos_ in ("NOUN", "PROPN", "ADJ") and node.dep_ not in (
            "obj",
            "nmod",
            "obl:mod",
            "obl:arg",  # "en passant à l'attaque", "ont procédé à des bombardements"
        ):
            return None
        if (
            node.pos_ in ("NOUN", "PROPN", "ADJ")
            and fold(node.head.lemma_) not in (grammar.SUPPORT_VERBS | grammar.AUXILIARIES)
            and node.head.pos_ == "VERB"
        ):
            return None
        node = node.head
    return None


#: Words an incise of speech may hold between its commas ("L'armée, a affirmé mardi
#: l'Observatoire syrien des droits de l'Homme (OSDH), a pris Douma").
INCISE_REACH = 14


def incise_subject(lang: LanguagePack, verb: Token) -> Token | None:
    """The subject of ``verb`` before an incise of speech that splits them ("L'armée, a
    affirmé l'OSDH, a pris Douma": l'armée; "Ces forces, a dit l'OSDH, ont coupé Douma"),
    which the parser reads as the speech verb's subject; ``None`` when no such incise stands
    right before the verb (its auxiliaries, adverbs and clitics aside).

    The incise opens with the verb of speech (inverted: "a affirmé X", "selon X" is not
    one), and the subject is the noun phrase that ends right before it."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and _in_verb_group(lang, doc[i]):
        i -= 1
    if i < 2 or doc[i].text != ",":
        return None
    opening = next(
        (j for j in range(i - 1, max(i - INCISE_REACH, 0) - 1, -1) if doc[j].text == ","), None
    )
    if opening is None or opening < 1 or doc[opening - 1].is_sent_start:
        return None
    first = opening + 1
    while first < i and doc[first].pos_ == "AUX":
        first += 1
    if not (doc[first].pos_ == "VERB" and fold(doc[first].lemma_) in lang.attribution.SPEECH_VERBS):
        return None
    before = doc[opening - 1]
    while (
        before.pos_ == "ADJ" and before.head.i < before.i and before.head.pos_ in ("NOUN", "PROPN")
    ):
        before = before.head
    if before.pos_ not in ("NOUN", "PROPN", "PRON") or before.is_sent_start and before.is_punct:
        return None
    return before


def _in_verb_group(lang: LanguagePack, token: Token) -> bool:
    """An auxiliary, clitic, negation particle or adverb of a verb group ("ne l'ont pas
    encore")."""
    return token.pos_ == "AUX" or token.lower_ in _verb_group_words(lang)


@lru_cache(maxsize=8)
def _verb_group_words(lang: LanguagePack) -> frozenset[str]:
    """The pack's clitics, verb adverbs and negation particles, joined once per pack (the
    subject of every trigger asks)."""
    grammar = lang.grammar
    return frozenset(grammar.CLITICS | grammar.VERB_ADVERBS | grammar.NEGATION_PARTICLES)


def in_relative_clause(token: Token) -> bool:
    """Whether ``token`` lies in a relative clause ("l'OSDH, qui dispose de sources
    militaires, ...": the sources)."""
    return any(a.dep_ == "acl:relcl" for a in token.ancestors)


def in_incise(lang: LanguagePack, doc: Doc, lo: int, end: int) -> bool:
    """Whether the verb group of speech starting at token ``lo`` opens an incise: after a
    comma, closed by the next one before token ``end``, with the verb whose subject it splits
    off right after (:func:`incise_subject`): "L'armée, a affirmé l'OSDH, a pris Douma"."""
    if lo < 1 or doc[lo - 1].text != ",":
        return False
    for k in range(lo + 1, min(lo + INCISE_REACH, end)):
        if doc[k].text != ",":
            continue
        j = k + 1
        while j < end and _in_verb_group(lang, doc[j]):
            j += 1
        return j < end and doc[j].pos_ == "VERB" and incise_subject(lang, doc[j]) is not None
    return False


def _gerund(lang: LanguagePack, verb: Token) -> bool:
    """Whether ``verb`` is a gerund ("en passant"): a present participle after its marker."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and "Part" in verb.morph.get("VerbForm")
        and any(fold(c.text) in lang.grammar.GERUND_MARKERS for c in verb.children if c.i < verb.i)
    )


def subject_of(token: Token) -> Token | None:
    """The verb whose subject ``token`` is, by the parse: "Moscou le soutient" (soutient),
    "Bagdad a annoncé" (annoncé). The inverse of :func:`subject`, for a stage that starts
    from a name (metonymy); None when the parse makes it the active subject of no verb (then
    :func:`verb_after` finds its verb by word order)."""
    head = token.head
    if token.dep_ == "nsubj" and head is not token and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def copular(lang: LanguagePack, token: Token) -> bool:
    """Whether ``token`` is the predicate of a copula ("Moscou est la capitale", "Damas est
    prête"): its subject is described, it does not act."""
    return any(c.dep_ in lang.grammar.COPULA_DEPENDENCIES for c in token.children)


def verb_after(lang: LanguagePack, doc: Doc, index: int) -> tuple[int, list[str], bool]:
    """The verb of a subject by word order, the fallback when the parse gives it none.

    From token ``index`` right after the subject: the index of its verb (``len(doc)`` when
    the text ends first), the lemmas of the auxiliaries before it (lower case) and whether a
    reflexive clitic opened it ("se sont mis d'accord"). Clitics, negation particles and
    adverbs are skipped ("Moscou ne l'a pas encore démenti"); a periphrasis ("est en train
    de", "s'apprête à") hands over to the verb after it. :func:`passive_clause` reads the
    auxiliaries and the reflexive.
    """
    grammar = lang.grammar
    skipped = grammar.CLITICS | grammar.VERB_ADVERBS
    j = index
    while True:
        reflexive = False
        while j < len(doc) and doc[j].lower_ in skipped:
            reflexive = reflexive or doc[j].lower_ in grammar.REFLEXIVE_CLITICS
            j += 1
        auxiliaries = []
        while j < len(doc) and doc[j].pos_ == "AUX":
            auxiliaries.append(doc[j].lemma_.lower())
            j += 1
            while j < len(doc) and doc[j].lower_ in grammar.VERB_ADVERBS:
                j += 1
        length = _periphrasis_at(lang, doc, j)
        if not length:
            return j, auxiliaries, reflexive
        j += length


def passive_clause(lang: LanguagePack, auxiliaries: Sequence[str], reflexive: bool) -> bool:
    """Whether a clause found by word order (:func:`verb_after`) is passive: a passive
    auxiliary ("Damas a été bombardée"), unless a reflexive clitic makes it active ("se sont
    mis d'accord")."""
    return bool(lang.grammar.PASSIVE_AUXILIARIES.intersection(auxiliaries)) and not reflexive


def _periphrasis_at(lang: LanguagePack, doc: Doc, j: int) -> int:
    """The number of words of the periphrasis of the pack starting at token ``j``, 0 for
    none."""
    for words in lang.grammar.VERB_PERIPHRASES:
        tokens = doc[j : j + len(words)]
        if len(tokens) == len(words) and all(
            t.lower_.replace("’", "'") == w or verb_of(lang, t, frozenset({w}))
            for t, w in zip(tokens, words, strict=True)
        ):
            return len(words)
    return 0


def verb_of(lang: LanguagePack, token: Token, verbs: frozenset[str]) -> bool:
    """Whether a word is a form of one of ``verbs`` (infinitives, lower case), by its lemma
    or, when the small model mistags it ("accuse" as an adjective), by the stem of a regular
    verb (``grammar.REGULAR_INFINITIVE_ENDINGS``)."""
    if not token.is_lower or not token.is_alpha:
        return False
    if token.lemma_.lower() in verbs:
        return True
    return any(
        v.endswith(ending) and token.lower_.startswith(v[: -len(ending)])
        for ending in lang.grammar.REGULAR_INFINITIVE_ENDINGS
        for v in verbs
    )


def clause_opener(
    lang: LanguagePack, doc: Doc, verb: int, spans: Sequence[tuple[tuple[int, int], T]]
) -> T | None:
    """The item of ``spans`` (token span, item) opening the clause of the verb at token
    ``verb``: the subject by word order, when the parse gave none.

    Walking back from the verb over auxiliaries, adverbs and negation, then over one
    apposition between commas ("Les FDS, une alliance appuyée par la coalition, sont
    entrées"), the words left up to the sentence start or the previous clause break must be
    a noun phrase (no verb) that one of the spans opens (after its determiners).
    """
    particles = lang.grammar.NEGATION_PARTICLES
    i = verb - 1
    while i >= 0 and (doc[i].pos_ in ("AUX", "ADV") or fold(doc[i].text) in particles):
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
    opening = [item for (s, e), item in spans if s == first and e <= end]
    return opening[0] if opening else None


def _opener_break(token: Token) -> bool:
    """A token that ends the words before a clause: a clause break, a full stop, a paragraph.

    The small model's sentence starts are not used: it often splits a long apposition.
    """
    return token.text in _OPENER_BREAKS or token.is_space or token.text in (".", "!", "?")


# --- verb groups, and the noun phrase before them ----------------------------------------


def auxiliary(lang: LanguagePack, token: Token) -> bool:
    """Whether ``token`` is an auxiliary of a compound tense ("a annoncé", "avait affirmé",
    "aurait indiqué"), whichever of AUX or VERB the parser tagged it."""
    return token.pos_ in ("AUX", "VERB") and fold(token.lemma_) in lang.grammar.AUXILIARIES


def elided(lang: LanguagePack, token: Token) -> bool:
    """An elided article or pronoun ("l'", "d'"), whatever tag the parser gave it."""
    return token.text[-1:] in lang.grammar.ELISION_MARKS


def group_start(lang: LanguagePack, verb: Token, start: int, width: int = GROUP_SPAN) -> int:
    """The first token of the verb group of ``verb``: its first auxiliary, across the adverbs
    and clitics between ("avait d'abord affirmé", "a en outre confirmé", "a quant à lui dit",
    "a-t-il ajouté"), at most ``width`` tokens back and not before token ``start`` (the
    sentence's); the verb itself when it has none."""
    doc, lo = verb.doc, verb.i
    j = verb.i - 1
    while j >= start and verb.i - j <= width and not doc[j].is_punct:
        if auxiliary(lang, doc[j]):
            lo = j
        elif doc[j].pos_ in ("NOUN", "PROPN") and not elided(lang, doc[j]):
            break
        j -= 1
    return lo


def subjects(
    lang: LanguagePack, verbs: Sequence[Token], labels: frozenset[str] | None = None
) -> list[Token]:
    """Every subject the parse gives a verb group, in order: the children of ``verbs`` (a
    verb, or the words of a periphrasis: "a fait savoir") labelled one of ``labels``
    (default: the pack's ``grammar.SUBJECT_DEPENDENCIES``, expletives included), then those
    of the auxiliary the parser made the head of one of them ("a quant à lui affirmé": the
    participle an ``xcomp`` of "a"); the verbs themselves excepted. Unlike :func:`subject`,
    nothing is climbed and nothing rejected: the caller judges them."""
    labels = lang.grammar.SUBJECT_DEPENDENCIES if labels is None else labels
    heads = [*verbs, *(v.head for v in verbs if v.dep_ == "xcomp" and auxiliary(lang, v.head))]
    return [c for v in heads for c in v.children if c.dep_ in labels and c not in verbs]


def relative_pronoun(lang: LanguagePack, token: Token) -> bool:
    """A relative pronoun: tagged one ("qui", "où", "dont"), or a "que" after a comma, which
    the small tagger reads as a conjunction ("Bakhmout, ..., que l'armée cherche à
    conquérir")."""
    if "Rel" in token.morph.get("PronType"):
        return True
    return relative_que(lang, token)


def relative_que(lang: LanguagePack, token: Token) -> bool:
    """A "que" after a comma, or right after a noun or its adjective ("Lyman, ville
    que les forces tiennent") unless that noun takes a completive clause ("la nouvelle que"):
    the relative pronoun of an object, whatever its tag."""
    if fold(token.text) not in lang.grammar.RELATIVE_QUE or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text == "," or (
        before.pos_ in ("NOUN", "ADJ")
        and token.dep_ != "fixed"  # "tandis que", "ainsi que"
        and before.lemma_.lower() not in lang.grammar.COMPLETIVE_NOUNS
        and token.head.i > token.i
    )


def coordinated_with(verb: Token) -> Token | None:
    """The verb a coordinated verb is joined to ("a repris la ville et annoncé..."), whose
    subject it shares when the parse gives it none; None for a verb not coordinated."""
    if verb.dep_ == "conj" and verb.head is not verb:
        return verb.head
    return None


def main_clause(verb: Token, lo: int, start: int) -> bool:
    """Whether the verb group of ``verb`` starting at token ``lo`` can head a main clause:
    not a relative or subordinate clause (no relative pronoun or conjunction among its
    children, nor between the last punctuation after token ``start`` and the group: "dont le
    groupe avait revendiqué", "ce que l'état-major a confirmé"), no infinitive, no present
    participle ("précisant que"), no participle without auxiliary ("Tripoli, reconnu par").
    The parser's label of the clause is not asked: it is often wrong around quotations and
    inversions."""
    form, verb_tense = verb.morph.get("VerbForm"), verb.morph.get("Tense")
    if "Inf" in form or ("Part" in form and "Pres" in verb_tense):
        return False
    if _introduced(verb):
        return False
    if "Part" in form and lo == verb.i:
        return False
    doc = verb.doc
    i = lo - 1
    while i >= start and not doc[i].is_punct:
        if doc[i].pos_ == "SCONJ" or "Rel" in doc[i].morph.get("PronType"):
            return False
        i -= 1
    return True


def subordinate(token: Token) -> bool:
    """Whether a finite verb (or its auxiliary) is that of a relative or subordinate clause,
    by the parse ("qui siège à Tripoli", "que la communauté internationale reconnaît")."""
    verb = token.head if token.pos_ == "AUX" else token
    return verb.dep_.startswith("acl") or _introduced(verb)


def _introduced(verb: Token) -> bool:
    """A verb with a subordinating conjunction or a relative pronoun among its children."""
    return any(c.dep_ == "mark" or "Rel" in c.morph.get("PronType") for c in verb.children)


def phrase_break(token: Token) -> bool:
    """A token that ends a noun phrase: punctuation but brackets, hyphens and apostrophes; a
    relative pronoun; a verb or a conjunction of subordination, but a participle modifying
    the noun ("la coalition menée par Ryad")."""
    if token.is_punct:
        return token.text not in _PHRASE_JOINERS
    if token.dep_ == "acl" and "Part" in token.morph.get("VerbForm"):
        return False
    return token.pos_ in ("VERB", "AUX", "SCONJ") or "Rel" in token.morph.get("PronType")


def phrase_before(lang: LanguagePack, doc: Doc, verb: int, start: int) -> tuple[int, int] | None:
    """The token span of the words that open the clause of the verb group at token ``verb``,
    back to a :func:`phrase_break` or a coordination after token ``start``: the subject by
    word order, when the parse gave the group none ("L'armée malienne avait d'abord
    affirmé"). Adverbs before the group are skipped, and so is an aside that closes right
    before it (an apposition or a relative between commas or dashes: "le colonel X, qui...,
    a dit"), with a bare apposition before that aside ("X, chef du GNA — ... —, a dit").
    None when nothing is left. What the words are (a noun, a pronoun) the caller judges, as
    :func:`clause_opener` does with its spans."""
    j = verb - 1
    while j >= start and doc[j].pos_ == "ADV" and not elided(lang, doc[j]):
        j -= 1
    if j >= start and _closes_aside(doc[j]):
        j = _aside_start(doc, j, start) - 1
        k = _phrase_start(doc, j, start)
        if start < k <= j and doc[k].pos_ == "NOUN" and doc[k - 1].text == ",":
            j = k - 2
    if j < start:
        return None
    return _phrase_start(doc, j, start), j + 1


def _phrase_start(doc: Doc, j: int, start: int) -> int:
    """The first token of the words ending at token ``j``, back to a break or a coordination."""
    k = j
    while k - 1 >= start and not phrase_break(doc[k - 1]) and doc[k - 1].pos_ != "CCONJ":
        k -= 1
    return k


def _closes_aside(token: Token) -> bool:
    return token.is_punct and token.text not in _PHRASE_JOINERS and token.text not in _NOT_ASIDE


def _aside_start(doc: Doc, j: int, start: int) -> int:
    """The index of the mark that opens the aside token ``j`` (a comma or a dash) closes, a
    dash closing an aside that a comma follows ("—,") taken as the closing mark; ``start -
    1`` when none opens it after token ``start``."""
    if doc[j].text == "," and j - 1 >= start and _closes_aside(doc[j - 1]):
        j -= 1
    mark = doc[j].text
    k = j - 1
    while k >= start and doc[k].text != mark:
        k -= 1
    return k
