"""French event frames: who takes, holds, loses, advances on, strikes which place.

Source and reasoning: the verbs, nouns and phrases AFP, Le Monde and SANA dispatches use
for the Syrian and Iraqi wars (2014-2017), and the wire copy of the wars in Ukraine, the
Sahel, Libya, Yemen and Nagorno-Karabakh, grouped by the relation of the output contract
(DESIGN.md). Single words are keyed by their lemma as spaCy ``fr_core_news_sm`` gives it
*and* by the folded surface forms its lemmatiser gets wrong ("prise" -> "pris"), so a
lookup tries the lemma, then the folded word. :mod:`geo.events.frames` compiles the table;
adding a phrasing is adding a row to ``FRAMES``.
"""

from __future__ import annotations

#: Event frames: ``(words, kind, relation, place, actor, weight)``, one row per phrasing.
#:
#: ``words``: for a ``verb`` or a ``noun``, its lemma or a folded surface form the
#: lemmatiser gets wrong ("reconquis"); for a ``phrase``, space-separated folded words,
#: each either a word (``de|du|des|d'``: any of them), a lemma (``~tomber``: any form of
#: the verb), a word that may be left out (``le?``) or ``...``: up to three words of
#: anything but punctuation. Phrases are compiled into spaCy ``Matcher`` patterns and win
#: over the single words they contain.
#: ``place``: where the place stands, ``after`` the trigger ("reprendre Palmyre"),
#: ``before`` it ("Palmyre, entre les mains de Daech") or ``either``.
#: ``actor``: ``subject`` (the clause's subject, or the agent after "par" in the passive),
#: ``after`` (the actor right after the trigger: "aux mains de Daech", "l'offensive de
#: l'armée"), ``object`` (the one the verb ousts, who held the place: "déloger l'EI de
#: X"; the subject takes it), ``complement`` (only the actor right after, never the
#: subject: who repels "des offensives rebelles" is not the attacker) or ``speaker`` (the
#: side the sentence's source speaks for: "sous notre contrôle", a spokesman said). A
#: capture names its former holder after "à": "reprendre Palmyre à l'EI".
#: ``weight``: how sure the words alone make the relation (0-1). A phrase of relation
#: ``none`` is an idiom that states no event and hides its words from the single words.
FRAMES: tuple[tuple[str, str, str, str, str, float], ...] = (
    # -- taking ground
    ("reprendre", "verb", "captured", "after", "subject", 0.9),
    ("reconquerir", "verb", "captured", "after", "subject", 0.95),
    ("reconquis", "verb", "captured", "after", "subject", 0.95),
    ("emparer", "verb", "captured", "either", "subject", 0.95),
    ("liberer", "verb", "captured", "after", "subject", 0.9),
    ("conquerir", "verb", "captured", "after", "subject", 0.9),
    ("conquis", "verb", "captured", "after", "subject", 0.9),  # tagged an adjective
    ("conquise", "verb", "captured", "after", "subject", 0.9),
    ("conquises", "verb", "captured", "after", "subject", 0.9),
    ("prendre", "verb", "captured", "after", "subject", 0.75),
    ("investir", "verb", "captured", "after", "subject", 0.7),
    ("capturer", "verb", "captured", "after", "subject", 0.85),
    ("~prendre d'assaut", "phrase", "captured", "after", "subject", 0.85),
    # Troops entering a town take it ("les soldats sont entrés dans Gao").
    ("entrer", "verb", "captured", "after", "subject", 0.7),
    ("penetrer", "verb", "captured", "after", "subject", 0.65),
    ("reprise", "noun", "captured", "after", "after", 0.85),
    ("liberation", "noun", "captured", "after", "after", 0.85),
    ("reconquete", "noun", "captured", "after", "after", 0.9),
    ("chute", "noun", "captured", "after", "after", 0.8),
    ("prise", "noun", "captured", "after", "after", 0.8),
    ("conquete", "noun", "captured", "after", "after", 0.85),
    # "après l'entrée dans la ville des forces turques" (troops entering take it).
    ("entree", "noun", "captured", "after", "after", 0.65),
    ("~tomber ... aux|entre les? mains de|du|des|d'", "phrase", "captured", "before", "after", 0.9),
    ("~prendre|~reprendre le controle de|du|des|d'", "phrase", "captured", "after", "subject", 0.9),
    # "les jihadistes se sont rendus maîtres de la base", "nos forces s'étaient rendues
    # maîtresses de Sorman" (the participle, which the tagger reads as a noun, by its forms)
    (
        "rendu|rendus|rendue|rendues|rend|rendent|rendre maitre|maitres|maitresse|maitresses"
        " de|du|des|d'",
        "phrase",
        "captured",
        "after",
        "subject",
        0.9,
    ),
    (
        "retabli|retablie|retablit|retablir|retablissent la securite|stabilite|paix",
        "phrase",
        "captured",
        "after",
        "subject",
        0.75,
    ),
    # -- holding ground
    ("controler", "verb", "controls", "after", "subject", 0.85),
    # "les jihadistes tiennent toujours Al-Bab", "une ville tenue depuis 2014 par l'EI": to
    # hold ground; its pronominal form is no event (see NOT_PRONOMINAL).
    ("tenir", "verb", "controls", "after", "subject", 0.8),
    # "la ville, occupée depuis mars", "la péninsule annexée par Moscou".
    ("occuper", "verb", "controls", "after", "subject", 0.75),
    ("annexer", "verb", "controls", "after", "subject", 0.75),
    ("fief", "noun", "controls", "either", "after", 0.85),
    ("bastion", "noun", "controls", "either", "after", 0.85),
    ("capitale", "noun", "controls", "either", "after", 0.8),
    ("enclave", "noun", "controls", "either", "after", 0.75),
    ("poche", "noun", "controls", "either", "after", 0.7),
    ("place forte de|du|des|d'", "phrase", "controls", "either", "after", 0.85),
    # "Tarhouna, dernier point d'appui du camp Haftar"
    ("point|points d'appui ... de|du|des|d'", "phrase", "controls", "either", "after", 0.8),
    ("aux mains de|du|des|d'", "phrase", "controls", "before", "after", 0.9),
    ("entre les mains de|du|des|d'", "phrase", "controls", "before", "after", 0.9),
    ("sous le? controle ... de|du|des|d'", "phrase", "controls", "before", "after", 0.85),
    ("sous son|leur controle", "phrase", "controls", "before", "subject", 0.75),
    # "Marib demeure sous contrôle gouvernemental": the side adjective after it names it
    ("sous controle", "phrase", "controls", "before", "complement", 0.75),
    # "« Gharyan est sous notre contrôle total », selon le porte-parole du GNA": the side the
    # speaker speaks for.
    ("sous notre controle", "phrase", "controls", "before", "speaker", 0.75),
    ("~controler ... par", "phrase", "controls", "before", "after", 0.85),
    ("pris|prise|prises|tenue|tenu|tenues|tenus par", "phrase", "controls", "before", "after", 0.8),
    # With its auxiliary the participle is the event, not a state: "Kidal a été prise par les
    # rebelles", "la ville est prise par l'armée".
    ("~etre pris|prise|prises par", "phrase", "captured", "before", "after", 0.85),
    ("capitale de facto", "phrase", "controls", "either", "subject", 0.85),
    # -- losing and leaving ground
    ("perdre", "verb", "lost", "after", "subject", 0.9),
    ("ceder", "verb", "lost", "after", "subject", 0.8),  # "céder la région de Kharkiv"
    # Idioms of the same words that lose no ground: relation "none".
    ("~perdre la vie", "phrase", "none", "after", "subject", 0.0),
    ("a ... reprises", "phrase", "none", "after", "subject", 0.0),  # "à plusieurs reprises"
    ("prise|prises de guerre", "phrase", "none", "after", "subject", 0.0),  # war booty
    ("perte", "noun", "lost", "after", "after", 0.85),
    ("defaite", "noun", "lost", "after", "after", 0.8),
    ("defaite a", "phrase", "lost", "after", "subject", 0.8),
    ("retirer", "verb", "withdrew", "after", "subject", 0.85),
    ("replier", "verb", "withdrew", "after", "subject", 0.8),
    ("quitter", "verb", "withdrew", "after", "subject", 0.75),
    ("evacuer", "verb", "withdrew", "after", "subject", 0.7),
    ("abandonner", "verb", "withdrew", "after", "subject", 0.7),
    ("fuir", "verb", "withdrew", "after", "subject", 0.6),
    ("enfuir", "verb", "withdrew", "after", "subject", 0.6),  # "s'étaient enfuis de X"
    # "ont pris la fuite", "redéployées hors de Hama"
    ("~prendre la fuite", "phrase", "withdrew", "after", "subject", 0.7),
    ("~redeployer|~replier hors de|du|des|d'", "phrase", "withdrew", "after", "subject", 0.8),
    # "l'armée a repoussé les jihadistes hors de X": the force inside the phrase leaves X
    ("~repousser ... hors de|du|des|d'", "phrase", "withdrew", "after", "complement", 0.8),
    ("retrait", "noun", "withdrew", "after", "after", 0.75),
    ("repli", "noun", "withdrew", "after", "after", 0.75),
    # Verbs that oust an actor from a place: the object held it, the subject takes it.
    ("deloger", "verb", "captured", "after", "object", 0.85),
    ("chasser", "verb", "captured", "after", "object", 0.85),
    ("expulser", "verb", "captured", "after", "object", 0.85),
    # A force repelled ("repoussés par les forces kurdes", "ont repoussé les jihadistes à X")
    # attacked there and failed: it fights there; who repels it only holds on.
    ("repousser", "verb", "fighting", "after", "object", 0.7),
    # -- moving on ground
    ("avancer", "verb", "advancing", "after", "subject", 0.8),
    ("progresser", "verb", "advancing", "after", "subject", 0.8),
    ("rapprocher", "verb", "advancing", "after", "subject", 0.8),
    ("approcher", "verb", "advancing", "after", "subject", 0.75),
    ("offensive", "noun", "advancing", "after", "after", 0.85),
    ("contre offensive", "noun", "advancing", "after", "after", 0.85),
    ("avancee", "noun", "advancing", "after", "after", 0.85),
    ("progression", "noun", "advancing", "after", "after", 0.8),
    ("percee", "noun", "advancing", "after", "after", 0.8),
    ("~parvenir jusqu' a|au|aux", "phrase", "advancing", "after", "subject", 0.8),
    ("~gagner|~grignoter du terrain", "phrase", "advancing", "after", "subject", 0.8),
    # Breaking a siege is the relief force's advance, not a siege by it: "l'armée a brisé
    # mardi le siège imposé par l'EI à Deir Ezzor", "les Kurdes ont levé l'encerclement".
    (
        "~briser|~lever|~rompre ... le|l' siege|encerclement|blocus",
        "phrase",
        "advancing",
        "after",
        "subject",
        0.85,
    ),
    # -- fighting, striking, besieging
    # Repelling an attack is fighting there, by the attacker: "les soldats ont repoussé des
    # offensives rebelles à X", "une attaque des jihadistes a été repoussée".
    (
        "~repousser|~contenir|~stopper ... offensive|offensives|attaque|attaques|assaut|assauts",
        "phrase",
        "fighting",
        "after",
        "complement",
        0.8,
    ),
    (
        "offensive|offensives|attaque|attaques|assaut|assauts ... ~etre ~repousser",
        "phrase",
        "fighting",
        "either",
        "complement",
        0.8,
    ),
    ("combattre", "verb", "fighting", "either", "subject", 0.8),
    ("affronter", "verb", "fighting", "either", "subject", 0.8),
    ("attaquer", "verb", "fighting", "after", "subject", 0.75),
    # An assault or attack on a place is a fight there, by the one who attacks.
    ("assaut", "noun", "fighting", "after", "after", 0.8),
    ("attaque", "noun", "fighting", "after", "after", 0.75),
    ("combat", "noun", "fighting", "either", "after", 0.85),
    ("combats", "noun", "fighting", "either", "after", 0.85),
    ("affrontement", "noun", "fighting", "either", "after", 0.85),
    ("bataille", "noun", "fighting", "either", "after", 0.8),
    ("accrochage", "noun", "fighting", "either", "after", 0.8),
    ("heurt", "noun", "fighting", "either", "after", 0.75),
    ("bombarder", "verb", "strike", "either", "subject", 0.9),
    ("frapper", "verb", "strike", "either", "subject", 0.85),
    ("pilonner", "verb", "strike", "either", "subject", 0.9),
    ("raid", "noun", "strike", "either", "after", 0.9),
    ("frappe", "noun", "strike", "either", "after", 0.9),
    ("bombardement", "noun", "strike", "either", "after", 0.9),
    ("pilonnage", "noun", "strike", "either", "after", 0.9),
    ("sorties", "noun", "strike", "after", "after", 0.6),
    ("attentat", "noun", "strike", "either", "after", 0.7),
    ("sorties aeriennes", "phrase", "strike", "after", "after", 0.85),
    ("tir", "noun", "strike", "either", "after", 0.75),
    ("tirs", "noun", "strike", "either", "after", 0.75),
    ("roquette", "noun", "strike", "either", "after", 0.8),
    ("missile", "noun", "strike", "either", "after", 0.75),
    ("obus", "noun", "strike", "either", "after", 0.8),
    # "des roquettes se sont abattues sur Stepanakert" (not "abattre un avion").
    ("~abattre sur", "phrase", "strike", "after", "subject", 0.8),
    # -- being there
    ("stationner", "verb", "positioned", "after", "subject", 0.75),
    ("deployer", "verb", "positioned", "after", "subject", 0.7),
    ("implanter", "verb", "positioned", "after", "subject", 0.7),
    ("masser", "verb", "positioned", "after", "subject", 0.65),  # "massent des renforts à X"
    ("positionner", "verb", "positioned", "after", "subject", 0.8),
    ("retrancher", "verb", "positioned", "after", "subject", 0.75),
    ("poste", "noun", "positioned", "after", "after", 0.6),
    ("encercler", "verb", "besieged", "after", "subject", 0.9),
    ("assieger", "verb", "besieged", "after", "subject", 0.9),
    ("siege", "noun", "besieged", "after", "after", 0.8),
    # "Cette localité subit un siège depuis un mois", "Misrata, soumise à un siège"
    ("~subir un|le siege|blocus", "phrase", "besieged", "before", "after", 0.85),
    ("soumis|soumise a un siege|blocus", "phrase", "besieged", "before", "after", 0.85),
    ("encerclement", "noun", "besieged", "after", "after", 0.85),
)

#: Verbs of FRAMES that name no event in their pronominal form: "les pourparlers doivent se
#: tenir à Astana", "le sommet se tiendra à Damas" (to take place, not to hold a town).
NOT_PRONOMINAL: frozenset[str] = frozenset({"tenir"})

#: Endings of conjugated first-group verbs, tried when the lemmatiser leaves a verb as it is
#: ("encerclent" -> "encercler"): the stem plus "er" is looked up among the verbs of FRAMES.
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

#: Endings of VERB_ENDINGS that no noun of FRAMES has, so that after "la", "le", "les" the
#: word is a verb whose object the pronoun is: "des unités y sont stationnées et la
#: contrôlent", "les bombardaient" (the tagger reads a noun after a determiner).
FINITE_ENDINGS: tuple[str, ...] = ("aient", "ait", "ent")

#: Subjects that name the foe of who speaks: "l'ennemi a pilonné nos positions", "les forces
#: ennemies", "l'adversaire" (the profile's ``[enemies]`` table says who). Folded lemmas.
ENEMY_WORDS: frozenset[str] = frozenset({"ennemi", "ennemie", "adversaire"})

#: Words before an actor that make it the target of the event, not its author: "l'offensive
#: contre l'EI", "la victoire face à l'EI", "des affrontements avec les troupes". Regular
#: expressions over folded words: "prenant pour cible les Houthis", but "la cible de frappes
#: américaines" names who strikes.
OPPONENT: tuple[str, ...] = (
    "contre",
    "face a",
    "face aux",
    "cible(?! (?:de|des|du|d') )",
    "avec",
)

#: Participles that introduce where a place lies: a place after them only locates the one
#: before ("Debaltseve, un nœud ferroviaire situé entre Donetsk et Louhansk", "le mont X,
#: situé dans le district de Y"). Folded lemmas.
LOCATING_VERBS: frozenset[str] = frozenset({"situer", "localiser", "trouver"})

#: Adjectives that name a side by what it is rather than by its country, with the actor name
#: they stand for, which the theatre profile settles for the place and date: "Marib, dernier
#: bastion gouvernemental", "l'offensive loyaliste". (Adjectives that are also actor names,
#: "un fief rebelle", "les capitales séparatistes", are found as those names.) Folded lemmas.
SIDE_ADJECTIVES: dict[str, str] = {
    "gouvernemental": "forces gouvernementales",
    "progouvernemental": "forces progouvernementales",
    "pro-gouvernemental": "forces progouvernementales",
    "loyaliste": "forces loyalistes",
    "prorusse": "forces prorusses",
    "pro-russe": "forces prorusses",
}

#: Event nouns that, in apposition to a place and followed by an actor, name that actor's
#: seat or stronghold instead, and the relation they then state: "Tripoli, siège du GNA" is
#: held by the GNA ("le siège de Marioupol" stays a siege). Folded lemmas.
SEAT_NOUNS: dict[str, str] = {"siege": "controls"}

#: Bodies whose seat a seat noun names right after it ("le siège du conseil provincial", "le
#: siège de la banque centrale"): a building, no siege (lemmas, folded).
SEATED_BODIES: frozenset[str] = frozenset(
    {"conseil", "gouvernement", "parlement", "ministere", "etat-major", "commandement"}
    | {"administration", "prefecture", "gouvernorat", "mairie", "assemblee", "direction"}
    | {"banque", "parti", "organisation", "police", "gendarmerie", "tribunal", "societe"}
)

#: Words right before a place that make it a destination: a withdrawal "vers Jarablous" leaves
#: somewhere else.
DESTINATION: frozenset[str] = frozenset({"vers", "direction"})

#: Prepositions that, right before an actor after a "reprendre" verb, mark the one the place
#: was taken from: "reprendre Palmyre à l'EI".
TAKEN_FROM: frozenset[str] = frozenset({"a", "au", "aux"})


#: A preposition that, alone before a place opening a sentence, makes it the setting of all
#: the sentence tells ("A Raqa, ...", "Dans Alep, ..."), when a comma or "et" follows it.
SETTING_PREPOSITIONS: frozenset[str] = frozenset({"a", "dans", "en"})
SETTING_FOLLOWERS: frozenset[str] = frozenset({",", "et"})

#: What may stand between two coordinated places ("Raqa et Deir Ezzor", "Alep, ainsi que de
#: Homs"): a coordinator, then a preposition repeated. Folded.
COORDINATORS: frozenset[str] = frozenset({"et", "ou", "ainsi que", "ainsi qu'"})
COORDINATION_LINKS: frozenset[str] = frozenset({"de", "d'", "a", "au"})

#: Words that open a list of the places an event covers after the one it names first
#: ("a reconquis la région de Kherson, en particulier les localités de A, B et C", "une
#: offensive sur la côte, parmi lesquelles les villes de Mokha et Hodeida", "vingt
#: localités, dont Izioum"): then an article and a place noun may follow. After a verb's
#: object they list what it acted on: "avoir repris vingt localités dans l'est du pays,
#: parmi lesquelles la ville d'Izioum". Folded.
ENUMERATION_LEADS: frozenset[str] = frozenset(
    {"en particulier", "notamment", "dont", "parmi lesquelles", "parmi lesquels", "y compris"}
    | {"a savoir", "comme", "parmi elles", "parmi eux"}
    | {"au premier rang desquelles", "au premier rang desquels", "dont celles de", "dont ceux de"}
)

#: What may stand between two coordinated actors ("les rebelles et Al-Nosra", "l'armée, ainsi
#: que les milices"): a join, a preposition repeated, a determiner. Folded.
ACTOR_JOINS: frozenset[str] = frozenset({",", "et", "ainsi que"})
ACTOR_JOIN_PREPOSITIONS: frozenset[str] = frozenset({"a", "au", "aux", "de", "par"})
DETERMINERS: frozenset[str] = frozenset({"le", "la", "les", "l'", "des", "du"})

#: The infinitive ending of the first group: a conjugated form the tagger misses is looked up
#: by its stem plus this ending ("bombardent" -> "bombard" + "er").
INFINITIVE_ENDING: str = "er"

#: Words that may link a trigger to its actor ("l'offensive de l'armée", "la prise des
#: FDS"). Folded.
PARTITIVE_LINKS: frozenset[str] = frozenset({"de", "d'", "du", "des"})

#: Head nouns that may stand between an event noun and the actor they belong to: "l'avancée
#: des troupes du maréchal Haftar", "les frappes de l'aviation de la coalition", "l'offensive
#: des forces du GNA"; and the arms a side fires with: "les tirs de l'artillerie
#: azerbaïdjanaise", "des frappes de drones russes", "les raids des hélicoptères du régime".
#: Folded lemmas.
ACTOR_HEADS: frozenset[str] = frozenset(
    {"troupe", "force", "unite", "soldat", "combattant", "milicien", "militaire", "armee"}
    | {"aviation", "avion", "marechal", "general", "colonel", "commandant", "president"}
    | {"camp", "partisan", "fidele", "brigade", "bataillon", "regiment", "chef", "groupe"}
    | {"artillerie", "drone", "helicoptere", "chasseur", "char", "blinde", "marine"}
    | {"flotte", "batterie", "missile", "roquette", "obus", "canon"}
)

#: Beginnings of the participles that say a force backs another ("appuyés par les raids de la
#: coalition", "soutenus par l'aviation russe"): the event noun after them and "par" is the
#: support given, not an event at the sentence's place, and its actor is not the main
#: clause's. Folded word starts.
BACKING: tuple[str, ...] = ("appuy", "soutenu", "epaule", "couvert")

#: Verbs of entering, with the relation they state when the place entered is a province or a
#: region rather than a town: troops "entrées dans la province de Raqa" advance into it, they
#: do not take Raqa. Folded lemmas.
ENTERING_AN_AREA: dict[str, str] = {"entrer": "advancing", "penetrer": "advancing"}

#: Verbs by which a side concedes or denies the other's gain (lemmas, folded): who "a
#: confirmé la prise de X", "reconnaît la chute de X" or "dément la prise de X" is not the
#: taker (whereas who "a annoncé la reprise de X" usually is).
CONCEDING: frozenset[str] = frozenset(
    {"confirmer", "reconnaitre", "admettre", "conceder", "dementir", "nier", "deplorer"}
)
