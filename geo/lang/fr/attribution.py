"""French words of attribution: who says so ("selon l'OSDH", "a annoncé le ministère russe").

Source and reasoning: the attribution formulas of French wire copy (AFP, RFI, Le Monde), where
nearly every war report names its source: a preposition before it ("selon l'OSDH", "d'après
l'agence officielle Sana"), a verb of speech after it ("l'état-major ukrainien a indiqué") or
inverted after the quote ("..., a annoncé une source militaire syrienne", "a-t-il déclaré"),
the anonymous "de source militaire", and the report carried on in the next sentences in the
conditional ("les jihadistes auraient fui") or in quotation marks. Read by
:func:`geo.attribution.attribute`. Phrases and lemmas are folded (lower case, no accents,
``'`` as apostrophe) unless said otherwise; the names of a war's own sources (its monitors,
its state agencies) are in its theatre profile (``[[speakers]]``), not here.
"""

from __future__ import annotations

#: Prepositions whose noun phrase is the source: "selon l'OSDH", "d'après Kiev".
SOURCE_PREPOSITIONS: tuple[str, ...] = ("selon", "d'apres", "de l'avis de")

#: Head nouns after "selon" that say what something depends on, not who speaks: "des
#: renforts selon l'évolution de la situation", "selon les besoins". Folded lemmas.
CIRCUMSTANCES: frozenset[str] = frozenset(
    {"evolution", "situation", "besoin", "circonstance", "condition", "terme", "modalite"}
    | {"regle", "loi", "necessite", "cas", "moment", "saison", "meteo"}
)

#: Prepositions of the outlet that relays a speaker ("a indiqué le colonel X, cité par
#: l'AFP"): its noun phrase is the source only when the sentence names no speaker.
RELAY_PREPOSITIONS: tuple[str, ...] = ("cite par", "citee par", "cites par", "citees par")

#: Articles the parser may tag as prepositions that open the inverted subject after a verb of
#: speech ("ont dit à l'AFP des responsables", "a indiqué d'autres sources"), when a noun
#: follows them.
INDEFINITE_ARTICLES: frozenset[str] = frozenset({"des", "d'"})

#: Leads of an anonymous source without article, the source being the noun after "de":
#: "de source militaire", "de sources concordantes", "de source sécuritaire malienne".
ANONYMOUS_LEADS: tuple[str, ...] = ("de source", "de sources", "de memes sources")

#: Verbs of speech (lemmas): their subject, or the noun phrase after them when inverted
#: ("..., a annoncé X"), is the source.
SPEECH_VERBS: frozenset[str] = frozenset(
    {"indiquer", "annoncer", "affirmer", "revendiquer", "assurer", "rapporter", "declarer"}
    | {"dire", "preciser", "ajouter", "expliquer", "souligner", "confirmer", "signaler"}
    | {"dementir", "nier", "relater", "raconter", "temoigner", "confier"}
    | {"ecrire", "communiquer", "informer", "estimer", "proclamer", "reconnaitre", "admettre"}
    | {"avertir", "accuser", "evoquer", "denoncer", "decrire", "deplorer", "marteler"}
)

#: Verbs that report speech only when inverted after the quote or the clause they report
#: ("», a poursuivi la source", "..., a-t-il conclu"); elsewhere they say something else
#: ("les forces ont poursuivi leur offensive").
INVERTED_SPEECH_VERBS: frozenset[str] = frozenset(
    {"poursuivre", "conclure", "insister", "lancer", "enchainer", "encherir"}
)

#: Periphrases of speech, as the lemma of their verb and the words after it: "a fait savoir
#: que", "a fait état de", "a fait part de", "a mis en garde contre". Their subject, or the
#: noun phrase after them when inverted, is the source, as for a verb of speech.
SPEECH_PERIPHRASES: tuple[tuple[str, ...], ...] = (
    ("faire", "savoir"),
    ("faire", "etat"),
    ("faire", "part"),
    ("mettre", "en", "garde"),
)

#: Leads of an opinion at the head of a sentence, the noun phrase up to the comma being its
#: holder: "Pour Mohamed Eljarh, analyste libyen, ...", "Pour l'expert, ...". Only a name or
#: one of :data:`SPEAKER_NOUNS` counts ("Pour la première fois, ..." names nobody).
OPINION_LEADS: tuple[str, ...] = ("pour", "aux yeux de")

#: Head nouns of a person or body who speaks, besides the institutions and the independent
#: kinds below: the holder of an opinion "pour X", the title a name in apposition belongs to
#: ("le porte-parole des forces du GNA, Moustafa al-Mejii").
SPEAKER_NOUNS: frozenset[str] = frozenset(
    {"porte-parole", "ministre", "chef", "commandant", "general", "colonel", "president"}
    | {"gouverneur", "maire", "responsable", "directeur", "conseiller", "ambassadeur"}
    | {"dirigeant", "specialiste", "source", "officier", "depute", "senateur", "emissaire"}
    | {"envoye", "negociateur", "representant", "lieutenant", "capitaine"}
)

#: Words that tie a sentence to the one before it ("la Turquie y conduit une offensive"):
#: a sentence holding one, or a demonstrative determiner ("cette percée", "ces
#: déplacements"), carries on the report of the sentence before in its paragraph.
REFERRING_PRONOUNS: frozenset[str] = frozenset({"y"})

#: Subject pronouns (and those of "selon lui") that stand for a speaker named earlier in the
#: paragraph, or failing that in the paragraph before: "a-t-il déclaré", "selon elle".
#: Folded, without the hyphens of an inversion.
SPEAKER_PRONOUNS: frozenset[str] = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})

#: The epenthetic "t" of an inversion ("a-t-il"), never a speaker itself.
INVERSION_LINKS: frozenset[str] = frozenset({"t"})

#: Phrases that refer back to the source named earlier in the paragraph: "a précisé la même
#: source", "selon cette source", "a ajouté ce dernier".
SAME_SOURCE_PHRASES: tuple[str, ...] = (
    "la source",
    "les sources",
    "la meme source",
    "meme source",
    "memes sources",
    "cette source",
    "ces sources",
    "ce dernier",
    "cette derniere",
    "ce responsable",
    "ce porte-parole",
)

#: Quotation marks: a sentence holding one is a quoted statement, the report of the source
#: named before it in the paragraph. Not folded.
QUOTE_MARKS: frozenset[str] = frozenset({"«", "»", "“", "”", '"'})

#: The marks that open and close a quotation (a straight quote does both): a quotation
#: opened in one sentence and closed in a later one of its paragraph is the report of the
#: speaker named where it closes. Not folded.
OPENING_QUOTES: frozenset[str] = frozenset({"«", "“", '"'})
CLOSING_QUOTES: frozenset[str] = frozenset({"»", "”", '"'})

#: Openers of a sentence that carries on the report of the sentence before: "Toujours selon
#: l'OSDH" names its source, "Par ailleurs" does not carry one.
CONTINUATION_OPENERS: tuple[str, ...] = ("toujours selon", "selon la meme source", "de meme source")

#: Head nouns of sources that speak for no side: witnesses, residents, reporters, activists,
#: non-governmental and international monitors ("des habitants", "un journaliste de l'AFP",
#: "des militants", "une ONG").
INDEPENDENT_NOUNS: frozenset[str] = frozenset(
    {"temoin", "habitant", "journaliste", "correspondant", "reporter", "militant", "activiste"}
    | {"ong", "observateur", "analyste", "expert", "medecin", "secouriste", "humanitaire"}
    | {"chercheur", "habitante", "rescape", "refugie", "deplace", "voisin", "resident"}
)

#: International bodies, agencies and media whose reports speak for no side, as French copy
#: names them (matched as whole words, case and accents aside). The independent sources of
#: one war (the OSDH, the ISW) are in that war's profile.
INDEPENDENT_BODIES: tuple[str, ...] = (
    "ONU",
    "Nations unies",
    "Conseil de sécurité",
    "Croix-Rouge",
    "CICR",
    "HCR",
    "OCHA",
    "Unicef",
    "OMS",
    "AIEA",
    "OSCE",
    "Amnesty International",
    "Human Rights Watch",
    "HRW",
    "Médecins sans frontières",
    "MSF",
    "Acled",
    "AFP",
    "Reuters",
    "Associated Press",
)

#: Nouns of a state's institutions and qualifiers of its officials: a source holding one and
#: a demonym ("le ministère russe de la Défense", "l'agence officielle syrienne", "une source
#: militaire syrienne", "le porte-parole de l'armée ukrainienne") speaks for that country's side.
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    {"ministere", "ministre", "armee", "etat-major", "etat", "major", "porte-parole"}
    | {"agence", "gouvernement", "presidence", "president", "commandement", "autorite"}
    | {"gouverneur", "diplomatie", "defense", "renseignement", "service", "police"}
    | {"television", "chaine", "garde-frontiere", "parquet", "administration"}
)
STATE_QUALIFIERS: frozenset[str] = frozenset(
    {"militaire", "securitaire", "officiel", "officielle", "gouvernemental", "gouvernementale"}
    | {"etatique", "national", "nationale"}
)
