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
SOURCE_PREPOSITIONS: tuple[str, ...] = ("selon", "d'apres", "de l'avis de", "cite par", "citee par")

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
    | {"avertir", "accuser"}
)

#: Subject pronouns (and those of "selon lui") that stand for a speaker named earlier in the
#: paragraph: "a-t-il déclaré", "selon elle". Folded, without the hyphens of an inversion.
SPEAKER_PRONOUNS: frozenset[str] = frozenset({"il", "elle", "ils", "elles", "lui", "eux"})

#: The epenthetic "t" of an inversion ("a-t-il"), never a speaker itself.
INVERSION_LINKS: frozenset[str] = frozenset({"t"})

#: Phrases that refer back to the source named earlier in the paragraph: "a précisé la même
#: source", "selon cette source", "a ajouté ce dernier".
SAME_SOURCE_PHRASES: tuple[str, ...] = (
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
