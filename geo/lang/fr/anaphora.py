"""French anaphors: the nouns that refer back to a place already named ("la ville").

Data only; :mod:`geo.anaphora` reads them, for distance claims (:mod:`geo.relations`) and
events (:mod:`geo.events`) alike. Words are matched folded (lower case, accents stripped,
typographic apostrophes made straight), so ``cité`` also matches a wire's ``cite``.

An anaphor is ``DETERMINER [PRE_ADJECTIVE] NOUN [ADJECTIVE] [ADJECTIVE]`` ("la ville", "cette
même localité", "la cité antique", "l'agglomération voisine"), or the noun right after a
preposition fused with the article ("du village", "au village"); it is *not* one when a name
follows through a ``NAME_LINKS`` word ("la ville d'Idleb", "la localité de Koupiansk": the
noun names its place, which is a mention).

Sources: French grammar of anaphora by a general noun (Grevisse, *Le Bon Usage*, "reprise
nominale" by a hypernym, with a definite or demonstrative determiner, never an indefinite
one); the wording of AFP, RFI and Le Monde war copy ("la cité antique" for Palmyre, "la
localité" for a village of the Donbass, "cette agglomération" for Gao or Hodeida).
"""

from __future__ import annotations

NOUNS: dict[str, tuple[str, ...]] = {
    "ville": ("P",),
    "cité": ("P",),
    "localité": ("P",),
    "village": ("P",),
    "bourgade": ("P",),
    "agglomération": ("P",),
    "bourg": ("P",),
    "capitale": ("P.PPLC",),
    "région": ("A", "L"),
    "province": ("A.ADM",),
    "pays": ("A.PCL",),
}
"""Nouns that, after a definite or demonstrative determiner and not followed by a name, refer
back to a place already named, and the kinds of place each admits: a GeoNames feature class
(``P`` a populated place, ``A`` an administrative division, ``L`` an area) or a class and code
prefix (``P.PPLC`` a capital, ``A.ADM`` a province, ``A.PCL`` a country). A country is a
referent only for a noun whose kinds name it (``pays``)."""

DETERMINERS: frozenset[str] = frozenset({"le", "la", "l'", "cette", "ce", "cet"})
"""Determiners of an anaphor: definite or demonstrative, never indefinite ("une ville" is a new
place) nor possessive."""

FUSED_DETERMINERS: frozenset[str] = frozenset({"du", "au"})
"""Prepositions fused with the singular definite article: a noun after them is determined, so
"du village" and "au village" may be anaphors as "le village" is. The anaphor then starts at
the noun (the preposition belongs to the phrase that governs it)."""

PRE_ADJECTIVES: frozenset[str] = frozenset(
    {"même", "petite", "petit", "grande", "grand", "ancienne", "vieille"}
)
"""Adjectives that may stand between the determiner and the noun ("cette même localité", "la
petite ville")."""

ADJECTIVES: frozenset[str] = frozenset(
    {
        "antique",
        "historique",
        "ancienne",
        "vieille",
        "voisine",
        "voisin",
        "frontalière",
        "frontalier",
        "stratégique",
        "assiégée",
        "assiégé",
        "martyre",
        "rebelle",
        "syrienne",
        "irakienne",
        "kurde",
        "chrétienne",
        "côtière",
        "septentrionale",
        "méridionale",
        "orientale",
        "occidentale",
        "désertique",
        "même",
    }
)
"""Adjectives that may follow the noun, two at most ("la cité antique", "la ville voisine",
"la ville même")."""

ADJECTIVES_MAX = 2
"""Most adjectives read after the noun."""

NAME_LINKS: frozenset[str] = frozenset({"de", "d'", "du", "des"})
"""The link between a place noun and the name it introduces: "la ville d'Idleb", "la localité
de Koupiansk", "la province du Hadramout". Followed by a name, the noun is not an anaphor."""

NAME_DETERMINERS: frozenset[str] = frozenset({"l'", "la", "le", "les"})
"""An article that may stand between the link and the name ("la région de la Ghouta")."""
