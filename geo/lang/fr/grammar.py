"""French grammar the syntax layer reads: negation, modality, tense, voice, auxiliaries.

:mod:`geo.syntax` answers, once for every stage, who is the subject or agent of a verb,
whether a clause is negated, an intention or a future, and whether it is passive. These are
the French words it needs. Source: Grevisse, *Le Bon Usage* (negation, the passive, the
verbs conjugated with "être", the irregular future stems) and the wording of AFP war copy
("cherche à reprendre", "n'auront qu'à déloger", "la trêve des combats"). Lemmas and words
are folded (lower case, no accents).
"""

from __future__ import annotations

#: Verbs whose compound past takes "être" in the active voice (Grevisse, *Le Bon Usage*,
#: the verbs of motion and change of state): "les FDS sont entrées dans Raqa" is no passive,
#: and its subject, not a "par" agent nearby, is the actor. The small model tags them passive.
ETRE_VERBS: frozenset[str] = frozenset(
    {"entrer", "rentrer", "arriver", "parvenir", "venir", "revenir", "tomber", "retomber"}
    | {"partir", "repartir", "sortir", "retourner", "rester", "monter", "descendre"}
)

#: Words whose presence just before a trigger (same clause, a few words back) mark it as an
#: intent or a possibility rather than a fact: "cherche à reprendre", "pour reprendre",
#: "n'auront qu'à déloger", "permettrait de progresser", "commencent à quitter".
MODALITY: frozenset[str] = frozenset(
    {
        "chercher",
        "cherche",
        "cherchent",
        "tenter",
        "tente",
        "tentent",
        "essayer",
        "vouloir",
        "veut",
        "veulent",
        "viser",
        "visant",
        "pouvoir",
        "pourrait",
        "pourraient",
        "devoir",
        "devrait",
        "devraient",
        "permettre",
        "permettrait",
        "menacer",
        "preparer",
        "appreter",
        "projeter",
        "esperer",
        "commencer",
        "commence",
        "commencent",
        "pour",
        "afin",
        "vue",
        "prochain",
        "prochaine",
    }
)

#: "que" after "ne" restricts instead of negating: "n'auront qu'à déloger l'EI" (a modality).
RESTRICTIVE: frozenset[str] = frozenset({"que", "qu'"})

#: Nouns whose "de" complement is an event only spoken of: "l'ordre de retrait", "le plan de
#: reprise", "la menace d'offensive" (an intent, like MODALITY).
INDIRECT_HEADS: frozenset[str] = frozenset(
    {"ordre", "annonce", "plan", "menace", "projet", "promesse", "appel", "demande", "risque"}
)

#: Negation words: "ne" with one of them before the trigger negates it ("n'a pas repris"),
#: so does "sans". "ne ... que" is no negation but a restriction (a modality, above).
NEGATION: frozenset[str] = frozenset({"pas", "jamais", "plus", "guere", "point", "aucun", "sans"})
NEGATION_PARTICLES: frozenset[str] = frozenset({"ne", "n'"})

#: Words just before a fighting or strike word that say it stops, not happens: "la trêve
#: des combats", "cesser de bombarder", "cessez-le-feu".
STOPPED: frozenset[str] = frozenset(
    {"treve", "arret", "cessation", "cesser", "cessent", "cesse", "suspendre", "fin", "limiter"}
)

#: Verbs whose subject is the actor of the event noun they govern ("les forces poursuivent
#: leur offensive", "l'armée a lancé l'offensive", "ont effectué 50 raids").
SUPPORT_VERBS: frozenset[str] = frozenset(
    {
        "lancer",
        "poursuivre",
        "mener",
        "effectuer",
        "conduire",
        "declencher",
        "intensifier",
        "livrer",
        "annoncer",
    }
)

#: Endings of the conditional after its stem (the imperfect's too: the stem tells them apart).
CONDITIONAL_ENDINGS: tuple[str, ...] = ("aient", "ais", "ait", "ions", "iez")

#: Future and conditional stems that are not the infinitive (Grevisse, *Le Bon Usage*,
#: irregular verbs), keyed by the folded infinitive; the ending's "r" is part of the stem.
IRREGULAR_FUTURE_STEMS: dict[str, str] = {
    "etre": "ser",
    "avoir": "aur",
    "aller": "ir",
    "faire": "fer",
    "pouvoir": "pourr",
    "devoir": "devr",
    "vouloir": "voudr",
    "savoir": "saur",
    "voir": "verr",
    "venir": "viendr",
    "tenir": "tiendr",
    "falloir": "faudr",
    "envoyer": "enverr",
    "courir": "courr",
    "mourir": "mourr",
    "recevoir": "recevr",
}

#: The preposition before the agent of a passive ("assiégée par l'armée").
AGENT_MARKERS: frozenset[str] = frozenset({"par"})

#: Reflexive pronouns: "se tenir", "s'emparer" (folded).
REFLEXIVES: frozenset[str] = frozenset({"se", "s'"})

#: Auxiliaries, never the verb an event hangs on (lemmas, folded).
AUXILIARIES: frozenset[str] = frozenset({"avoir", "etre"})

#: A clause opened by these is a negation ("sans parvenir à reprendre la ville").
NEGATION_OPENERS: frozenset[str] = frozenset({"sans"})

#: After "ne ... que" / "n'auront qu'", the preposition that makes it "have only to do"
#: ("n'auront qu'à déloger l'EI"): an intention, not a fact.
RESTRICTED_TO: frozenset[str] = frozenset({"a"})

#: After an event noun, these make it one still to come ("la prochaine offensive", "l'assaut
#: prochain"). Folded.
UPCOMING: frozenset[str] = frozenset({"prochain", "prochaine"})

#: The link between a noun and its complement ("l'ordre de retrait", "la menace
#: d'offensive"): folded.
COMPLEMENT_LINKS: frozenset[str] = frozenset({"de", "d'"})
