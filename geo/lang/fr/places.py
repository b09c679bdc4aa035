"""French words around place names: triggers, region hints, what is not a place, metonymy cues.

Source and reasoning: the conventions of French wire copy (AFP, and the regional papers that
reprint it) as seen in its reporting of the wars in Syria, Iraq, Libya, Yemen and Ukraine.
A place is introduced by the kind of place it is ("le village d'al-Bayarat", "la localité
d'Al-Alianiyé", "l'aéroport militaire de Palmyre"), followed by a region hint in brackets
("Alep (nord)"), and capitals, countries and the buildings of governments stand for those
governments ("Moscou le soutient", "selon le Pentagone"). Groups, news organisations,
demonyms and titles are capitalised too and are the usual false positives of a place
recogniser. Keys are lower case (compare with ``str.lower()``) unless said otherwise.
"""

from __future__ import annotations

import re

#: Nouns that introduce a place name ("la ville de Manbij"), singular and plural forms, mapped
#: to ``(trigger, scale)``. ``trigger`` is the lemma recorded on the mention; ``scale`` is the
#: size class that resolution checks candidates against (see :data:`SCALE_MAX_POPULATION`):
#: ``village`` and ``town`` are small settlements, ``city`` any settlement, ``district`` a part
#: of a city, ``admin`` an administrative unit, ``area`` a vaguer region, ``terrain`` a relief
#: or a valley, ``water`` a river or lake, ``site`` a building or a monument (the name that
#: follows is the city that holds it, or the monument's own name).
TRIGGERS: dict[str, tuple[str, str]] = {
    # small settlements
    "village": ("village", "village"),
    "villages": ("village", "village"),
    "hameau": ("hameau", "village"),
    "hameaux": ("hameau", "village"),
    "bourgade": ("bourgade", "town"),
    "bourgades": ("bourgade", "town"),
    "bourg": ("bourg", "town"),
    "localité": ("localité", "town"),
    "localités": ("localité", "town"),
    "agglomération": ("agglomération", "town"),
    "agglomérations": ("agglomération", "town"),
    "commune": ("commune", "town"),
    "communes": ("commune", "town"),
    "oasis": ("oasis", "town"),
    # any settlement
    "ville": ("ville", "city"),
    "villes": ("ville", "city"),
    "cité": ("cité", "city"),
    "cités": ("cité", "city"),
    "métropole": ("métropole", "city"),
    "capitale": ("capitale", "city"),
    "port": ("port", "city"),
    # parts of a settlement
    "quartier": ("quartier", "district"),
    "quartiers": ("quartier", "district"),
    "faubourg": ("faubourg", "district"),
    "faubourgs": ("faubourg", "district"),
    "banlieue": ("banlieue", "district"),
    "banlieues": ("banlieue", "district"),
    "camp": ("camp", "district"),
    "camps": ("camp", "district"),
    # administrative units
    "province": ("province", "admin"),
    "provinces": ("province", "admin"),
    "gouvernorat": ("gouvernorat", "admin"),
    "gouvernorats": ("gouvernorat", "admin"),
    "district": ("district", "admin"),
    "districts": ("district", "admin"),
    "département": ("département", "admin"),
    "canton": ("canton", "admin"),
    "wilaya": ("wilaya", "admin"),
    "oblast": ("oblast", "admin"),
    # vaguer regions
    "région": ("région", "area"),
    "régions": ("région", "area"),
    "secteur": ("secteur", "area"),
    "zone": ("zone", "area"),
    "périphérie": ("périphérie", "area"),
    "environs": ("environs", "area"),
    "alentours": ("alentours", "area"),
    "désert": ("désert", "area"),
    "plaine": ("plaine", "area"),
    "poche": ("poche", "area"),
    "enclave": ("enclave", "area"),
    # relief
    "mont": ("mont", "terrain"),
    "monts": ("mont", "terrain"),
    "montagne": ("montagne", "terrain"),
    "montagnes": ("montagne", "terrain"),
    "colline": ("colline", "terrain"),
    "collines": ("colline", "terrain"),
    "djebel": ("djebel", "terrain"),
    "jabal": ("djebel", "terrain"),
    "plateau": ("plateau", "terrain"),
    "vallée": ("vallée", "terrain"),
    "hauteurs": ("hauteurs", "terrain"),
    # water
    "fleuve": ("fleuve", "water"),
    "rivière": ("rivière", "water"),
    "lac": ("lac", "water"),
    "oued": ("oued", "water"),
    "rive": ("rive", "water"),
    "rives": ("rive", "water"),
    "berge": ("berge", "water"),
    "berges": ("berge", "water"),
    "mer": ("mer", "water"),
    "océan": ("océan", "water"),
    "golfe": ("golfe", "water"),
    "détroit": ("détroit", "water"),
    "baie": ("baie", "water"),
    # sites: buildings, infrastructure and monuments
    "aéroport": ("aéroport", "site"),
    "aéroports": ("aéroport", "site"),
    "aérodrome": ("aérodrome", "site"),
    "base": ("base", "site"),
    "bases": ("base", "site"),
    "caserne": ("caserne", "site"),
    "prison": ("prison", "site"),
    "hôpital": ("hôpital", "site"),
    "université": ("université", "site"),
    "stade": ("stade", "site"),
    "barrage": ("barrage", "site"),
    "pont": ("pont", "site"),
    "raffinerie": ("raffinerie", "site"),
    "centrale": ("centrale", "site"),
    "usine": ("usine", "site"),
    "champ": ("champ", "site"),
    "champs": ("champ", "site"),
    "gisement": ("gisement", "site"),
    "poste-frontière": ("poste-frontière", "site"),
    "passage": ("passage", "site"),
    "musée": ("musée", "site"),
    "temple": ("temple", "site"),
    "temples": ("temple", "site"),
    "citadelle": ("citadelle", "site"),
    "château": ("château", "site"),
    "mosquée": ("mosquée", "site"),
    "église": ("église", "site"),
    "monastère": ("monastère", "site"),
    "mausolée": ("mausolée", "site"),
    "arc": ("arc", "site"),
    "tour": ("tour", "site"),
    "tours": ("tour", "site"),
    "théâtre": ("théâtre", "site"),
    "palais": ("palais", "site"),
    "souk": ("souk", "site"),
    "place": ("place", "site"),
    "place forte": ("place forte", "town"),  # a stronghold: "la place forte de Chouchi"
    "places fortes": ("place forte", "town"),
    "base arrière": ("base arrière", "town"),  # "la base arrière de Tarhouna" is the town
    "bases arrières": ("base arrière", "town"),
}

#: Site triggers for monuments, named after people, gods or events ("les temples de Bêl et
#: Baalshamin", "la mosquée des Omeyyades", "l'Arc de triomphe"): unless the name after them
#: is a known settlement ("le musée de Palmyre"), the whole phrase is the site's name. Other
#: sites (airports, bases, dams, fields) are named after a place: "la base de Bachiqa" names
#: Bachiqa, known or not.
MONUMENT_TRIGGERS: frozenset[str] = frozenset(
    {"musée", "temple", "citadelle", "château", "mosquée", "église", "monastère", "mausolée"}
    | {"arc", "tour", "théâtre", "palais", "souk", "place"}
)

#: Triggers in the plural introduce coordinated names: "les agglomérations d'El Kuleybe et de
#: Kirkouk", "les villes de Tal Afar, Fallouja et Ramadi". A singular trigger names one place.
PLURAL_TRIGGER_FORMS: frozenset[str] = frozenset(
    form for form in TRIGGERS if form.endswith(("s", "x")) and form not in {"oasis", "palais"}
)

#: Size classes that only a feature of that GeoNames class can be: a river ("la rive est du
#: Tigre") is not a town that shares its name.
SCALE_FEATURE_CLASSES: dict[str, frozenset[str]] = {
    "water": frozenset({"H"}),
}

#: Largest population a candidate may have for the size class its trigger names. A "village"
#: of GeoNames' villages rarely passes 20,000 people and Syrian "localités" of AFP copy
#: (Qaryatayn, Al-Bab, Soukhné) stay under 100,000; the margins cover stale census figures.
#: Classes that are not listed put no bound on the population.
SCALE_MAX_POPULATION: dict[str, int] = {
    "village": 60_000,
    "town": 200_000,
}

#: Smallest population a populated place may have to give its name to the unit its trigger
#: names: provinces are named after their capitals (Homs, Idleb, Deir Ezzor), never after a
#: village ("la province d'Al-Anbar" is not Ambar, a Turkish village of 5,000).
SCALE_MIN_POPULATION: dict[str, int] = {
    "admin": 20_000,
}

#: Size classes that say outright the name is a settlement of standing ("la ville de Marib",
#: "la localité de Ménaka"): an article that also names "la province de Marib" means the
#: province named after that town, whatever the gazetteer's stale census says of its size, so
#: the floor above does not apply.
SETTLEMENT_SCALES: frozenset[str] = frozenset({"city", "town"})

#: Size classes whose candidates must lie near the article's other places: nobody introduces
#: a city 500 km away as "la localité de X" among the villages taken around one town. Not
#: ``site``: the name after a site trigger is the city that holds it, of any size and at any
#: distance ("la centrale de Zaporijjia", a dispatch from Kiev; "l'aéroport de Tripoli",
#: forces coming from Benghazi), and the city shares its group with its plain mentions.
LOCAL_SCALES: frozenset[str] = frozenset({"village", "town", "district"})

#: Farthest a settlement introduced by a local trigger may lie from the article's nearest other
#: place, in km: the reach of a week of fighting around a town, as AFP reports it.
LOCAL_RADIUS_KM: float = 250.0

#: French function words that a sentence-initial capital may glue to a name ("A Raqa et selon
#: le Pentagone", "En Syrie, ..."): they are never the first word of a place name.
FUNCTION_WORDS: frozenset[str] = frozenset(
    {"a", "à", "au", "aux", "en", "de", "du", "des", "le", "la", "les", "dans", "vers", "sur"}
    | {"et", "ou", "mais", "selon", "pour", "par", "avec", "sans", "sous", "entre", "depuis"}
)

#: Capital and lower-case letters of French spelling, each the body of a regex character class
#: (``[...]``): a place name starts with a capital ("Al-Alianiyé", "Œil"), the words between a
#: trigger and its name ("la ville syrienne de") are lower case.
UPPERCASE_LETTERS: str = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
LOWERCASE_LETTERS: str = "a-zà-ÿœæ"

#: Articles that may follow a bare link (one of :data:`geo.lang.fr.positions.LINKS` not fused
#: with an article) before a name: "la province de la Bekaa", "au nord de l'Irak"; the fused
#: "du", "des" and the elided "d'" take none.
LINK_ARTICLES: dict[str, tuple[str, ...]] = {"de": ("la", "l'")}

#: Definite articles, in the forms that open a noun phrase: "à la périphérie", "près de
#: l'aéroport", "selon le Pentagone"; skipped between a preposition or a cue and the name.
DEFINITE_ARTICLES: tuple[str, ...] = ("la", "le", "les", "l'")

#: Articles that may be the first word of a place name, written with a capital: "Le Caire",
#: "La Mecque", "Les Cayes" (a capitalised "Le" is otherwise the sentence's first word).
NAME_ARTICLES: tuple[str, ...] = ("le", "la", "les")

#: Conjunctions that coordinate names: "les agglomérations d'El Kuleybe et de Kirkouk",
#: "entre Moscou et Washington", "Moscou ou Ankara".
COORDINATORS: tuple[str, ...] = ("et", "ou")

#: Lower-case particles that may follow an abbreviated title before the name: "M. de
#: Mistura", "M. d'Estaing" (any other lower-case word after "M." ends the title).
TITLE_PARTICLES: frozenset[str] = frozenset({"de", "d'"})

#: Words written without their accent when capitalised at the start of a sentence ("A Raqa"
#: for "à Raqa"), lower case, mapped to the accented word: a table that lists the accented
#: word matches them too where said so.
UNACCENTED: dict[str, str] = {"a": "à"}

#: Words that may stand between a trigger and ``de`` ("l'aéroport militaire de Palmyre", "la
#: ville syrienne de Manbij", "la localité stratégique de Qaryatayn") are any lower-case words
#: except these, which end the phrase.
TRIGGER_STOP_WORDS: frozenset[str] = frozenset(
    {"de", "d", "du", "des", "la", "le", "les", "l", "et", "ou", "à", "au", "aux", "en", "par"}
    | {"sur", "dans", "vers", "près", "qui", "que", "dont", "où", "a", "ont", "sont"}
)

#: Triggers followed by the name without ``de`` ("le mont Qassioun", "le djebel Bichri", "le
#: fleuve Euphrate", "le camp Yarmouk").
APPOSITION_TRIGGERS: frozenset[str] = frozenset(
    {"mont", "monts", "djebel", "jabal", "fleuve", "lac", "oued", "camp", "quartier"}
    | {"mer", "océan", "golfe"}
)

#: Apposition triggers that are part of the name after them, an adjective: "la mer Rouge",
#: "la mer Noire", "l'océan Indien", "le golfe Persique" (but "le golfe de Syrte" is Syrte's).
NAME_HEAD_TRIGGERS: frozenset[str] = frozenset({"mer", "océan", "golfe"})

#: Lower-case Arabic particles that may start or join the words of a place name when written
#: with a hyphen ("al-Bayarat", "Deir ez-Zor", "Ras al-Aïn", "Jisr ach-Choughour").
ARABIC_PARTICLES: tuple[str, ...] = (
    "al",
    "el",
    "ad",
    "ed",
    "ach",
    "ash",
    "ech",
    "as",
    "es",
    "az",
    "ez",
    "ar",
    "er",
    "at",
    "an",
    "ibn",
    "bin",
    "ben",
    "bani",
    "beni",
    "oum",
    "umm",
)

#: First words of Arabic place names as French copy spells them ("Tal Abyad", "Deir Hafer",
#: "Ras al-Aïn", "Khan Cheikhoun", "Kafr Nabl", "Maaret al-Noomane"): a capitalised name
#: starting with one of them is a place even when no gazetteer knows it.
ARABIC_PLACE_HEADS: frozenset[str] = frozenset(
    {"al", "el", "tal", "tall", "tell", "deir", "dayr", "ain", "aïn", "ayn", "ras", "khan"}
    | {"kafr", "kfar", "maaret", "maarat", "jisr", "bir", "qasr", "jabal", "djebel", "wadi"}
    | {"tel", "beit", "bayt", "sheikh", "cheikh", "abou", "abu", "hayy", "souq", "marj"}
)

#: Heads of :data:`ARABIC_PLACE_HEADS` that also start names of people and groups
#: ("Abou Bakr al-Baghdadi", "Cheikh Maqsoud" the man, "Al-Qaïda"): a name starting with one
#: of them needs other evidence (a trigger, the gazetteer, a ``LOC`` entity) to be a place.
PERSON_LIKE_HEADS: frozenset[str] = frozenset(
    {"al", "el", "abou", "abu", "cheikh", "sheikh", "bani", "beni", "oum", "umm"}
)

#: Kunyas ("father of", "mother of") that start the noms de guerre of the press: "Abou Bakr
#: al-Baghdadi", "Abou Mohammed al-Jolani" are people unless the gazetteer knows the whole
#: name ("Abou Kamal").
KUNYA_HEADS: frozenset[str] = frozenset({"abou", "abu", "oum", "umm"})

#: AFP region hints in brackets after a place name, ``(x, y)``: where the place sits in its
#: country, 0 = west/south, 1 = east/north, ``None`` = not said. "Alep (nord)", "Deir Ezzor
#: (est)", "Palmyre (centre)", "Mossoul (nord de l'Irak)".
HINT_POSITIONS: dict[str, tuple[float | None, float | None]] = {
    "nord": (None, 1.0),
    "sud": (None, 0.0),
    "est": (1.0, None),
    "ouest": (0.0, None),
    "centre": (0.5, 0.5),
    "nord-est": (1.0, 1.0),
    "nord-ouest": (0.0, 1.0),
    "sud-est": (1.0, 0.0),
    "sud-ouest": (0.0, 0.0),
    "centre-nord": (0.5, 1.0),
    "centre-sud": (0.5, 0.0),
    "centre-est": (1.0, 0.5),
    "centre-ouest": (0.0, 0.5),
}

#: How far, as a share of the country's extent, a place may sit on the wrong side of the
#: middle and still match its hint: hints are rough ("Raqa (nord)" is at 73 % of Syria's
#: height, Homs "(centre)" at 48 % of its width but 14 % from the west border).
HINT_SLACK: float = 0.15

#: International bodies and media, as French copy names them, whose names contain or look like
#: a place ("Nations unies", "Washington Post", "Palais des Nations"). Matched
#: case-insensitively as whole words; nothing inside them is a toponym. The armed groups and
#: operations of a war are the war's: ``organisations`` in its theatre profile.
ORGANISATIONS: tuple[str, ...] = (
    "Conseil de sécurité",
    "Nations unies",
    "Union européenne",
    "Ligue arabe",
    "Croix-Rouge",
    "Croissant-Rouge",
    "Washington Post",
    "New York Times",
    "Wall Street Journal",
    "Al-Jazeera",
    "Al-Arabiya",
    "Radio Free Europe",
    "Palais des Nations",
)

#: Nouns of media whose name follows them ("l'agence officielle Sana", "la chaîne Al-Jazeera",
#: "le quotidien Al-Watan"): that name is the medium, not a place that shares it (Sanaa).
MEDIA_NOUNS: frozenset[str] = frozenset(
    {"agence", "chaîne", "quotidien", "journal", "hebdomadaire", "télévision", "radio"}
    | {"magazine", "journaliste", "site", "réseau", "média"}
)

#: Acronyms that are places; every other all-capitals word (EI, ONU, OSDH, AFP, SANA, FDS, YPG)
#: names an organisation.
PLACE_ACRONYMS: frozenset[str] = frozenset({"RDC", "RCA", "USA", "UK", "EAU"})

#: Capitalised words that are not names in running text: nouns of institutions and common
#: words that headlines and the French habit of capitalising institutions bring in ("la
#: télévision d'Etat", "les Etats voisins", "la nouvelle Constitution").
COMMON_CAPITALISED: frozenset[str] = frozenset(
    {"etat", "etats", "constitution", "humanité", "antiquités", "occident", "orient"}
    | {"histoire", "parlement", "gouvernement", "président", "ville", "libération"}
    | {"défense", "intérieur", "justice", "santé", "économie", "finances", "information"}
)

#: Demonyms and names of peoples: capitalised, and tagged as places by statistical NER ("A
#: Moscou, Américains et Russes devraient...").
DEMONYMS: frozenset[str] = frozenset(
    {"américains", "américaines", "américain", "russes", "russe", "syriens", "syrien"}
    | {"syriennes", "irakiens", "irakien", "turcs", "turc", "kurdes", "kurde", "iraniens"}
    | {"français", "françaises", "britanniques", "allemands", "européens", "occidentaux"}
    | {"arabes", "arabe", "saoudiens", "libanais", "jordaniens", "israéliens", "palestiniens"}
    | {"chiites", "sunnites", "alaouites", "yazidis", "chrétiens", "druzes", "turkmènes"}
    | {"ukrainiens", "libyens", "yéménites", "afghans", "égyptiens", "qataris", "émiratis"}
)

#: Titles before a person's name ("M. Kerry", "le président Bachar al-Assad", "le général
#: Soleimani"): the capitalised words that follow are a person, not a place.
PERSON_TITLES: frozenset[str] = frozenset(
    {"m.", "mm.", "mme", "mmes", "mlle", "dr", "pr", "me", "président", "présidente"}
    | {"ministre", "général", "colonel", "commandant", "capitaine", "lieutenant", "cheikh"}
    | {"émir", "roi", "reine", "prince", "imam", "ayatollah", "maréchal", "sultan", "pape"}
    | {"patriarche", "calife", "émissaire", "envoyé", "porte-parole", "secrétaire", "chef"}
    | {"sénateur", "député", "ambassadeur", "monseigneur", "mgr", "saint", "sainte"}
)

#: Prefixes glued to a title that leave it a title: "l'ex-président Ali Abdallah Saleh", "la
#: vice-présidente".
PERSON_TITLE_PREFIXES: tuple[str, ...] = ("ex-", "vice-")

#: Lower-case words allowed between a title and the name ("le président russe Vladimir
#: Poutine", "M. de Mistura"): nationality adjectives and name particles.
PERSON_NAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "d'", "du", "al-", "el-", "ben", "bin", "ibn", "abou", "van", "von"}
)

#: Buildings standing for a government, mapped to the city that holds them: "le Kremlin n'a
#: pas souhaité commenter" is Russia's government; "au Kremlin" is the building, in Moscow.
GOVERNMENT_SEATS: dict[str, str] = {
    "kremlin": "Moscou",
    "pentagone": "Washington",
    "maison blanche": "Washington",
    "elysée": "Paris",
    "élysée": "Paris",
    "quai d'orsay": "Paris",
    "matignon": "Paris",
    "downing street": "Londres",
    "foreign office": "Londres",
    "knesset": "Jérusalem",
    "zhongnanhai": "Pékin",
}

#: Verbs whose subject may be a place taken literally ("Palmyre ressemblait à une ville
#: fantôme", "la Syrie compte 20 millions d'habitants"). A country, a capital or a seat of
#: government that is the subject of any other verb acts: it is its government (metonym).
LITERAL_SUBJECT_VERBS: frozenset[str] = frozenset(
    {"être", "se trouver", "trouver", "situer", "compter", "ressembler", "tomber", "devenir"}
    | {"rester", "abriter", "border", "étendre", "subir", "connaître", "vivre", "sombrer"}
    | {"brûler", "trembler", "accueillir", "héberger", "dominer", "surplomber", "couvrir"}
    | {"représenter", "peupler", "vider", "manquer", "souffrir", "ressembler", "réveiller"}
    | {"embraser", "enflammer", "soulever", "transformer", "retrouver", "couvrir", "noyer"}
)

#: Verbs whose object is an actor when it is a country or a capital ("Washington accuse
#: Moscou", "Moscou soutient Damas", "appeler Ankara à la retenue").
AGENT_OBJECT_VERBS: frozenset[str] = frozenset(
    {"accuser", "soutenir", "critiquer", "condamner", "exhorter", "appeler", "convaincre"}
    | {"presser", "remercier", "féliciter", "sanctionner", "avertir", "blâmer", "inviter"}
    | {"défier", "sommer", "pousser", "encourager", "dénoncer"}
)

#: Verbs whose indirect object (``à X``) is an actor: "a demandé à Moscou de", "livrer des
#: armes à Damas".
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {"demander", "dire", "proposer", "reprocher", "répondre", "écrire", "conseiller"}
    | {"livrer", "fournir", "vendre", "promettre", "offrir", "imposer", "adresser"}
    | {"transmettre", "envoyer", "lancer", "rappeler", "signifier", "permettre"}
)

#: Nouns after which "de X" (or "entre X et Y", "avec X") makes a country, a capital or a seat of
#: government its government: "les représentants de Damas", "un porte-parole du Kremlin",
#: "les alliés des Etats-Unis", "sous l'égide de la Russie", "un accord entre Moscou et
#: Washington".
AGENT_NOUNS: frozenset[str] = frozenset(
    {"représentant", "porte-parole", "gouvernement", "régime", "allié", "président"}
    | {"ministre", "ministère", "diplomatie", "diplomate", "délégation", "ambassadeur"}
    | {"ambassade", "autorité", "dirigeant", "pouvoir", "chef", "émissaire", "envoyé"}
    | {"soutien", "aide", "intervention", "position", "décision", "offre", "proposition"}
    | {"annonce", "menace", "égide", "part", "appui", "pression", "demande", "réaction"}
    | {"riposte", "stratégie", "politique", "engagement", "participation", "accord"}
    | {"négociation", "discussion", "pourparler", "relation", "rapprochement", "tension"}
    | {"dialogue", "rencontre", "coopération", "coordination", "entretien", "médiation"}
    | {"administration", "responsable", "parrain", "partenaire", "ennemi", "adversaire"}
    | {"feu vert", "veto", "refus", "accusation", "plan", "initiative", "volonté"}
    | {"assurance", "garantie", "promesse", "avertissement", "appel", "déclaration"}
    | {"réponse", "message", "condamnation", "exigence", "ultimatum"}
)

#: Words before a name that make it a source, a point of view or an authority, hence its
#: government: "selon Moscou", "d'après Washington", "aux yeux de Téhéran", "sous le contrôle
#: de Bakou", "aux ordres de Moscou", "à l'appel de Téhéran", "faire pression sur Ryad". A
#: final link (one of :data:`geo.lang.fr.positions.LINKS`) stands for all of them ("sous le
#: contrôle du Kremlin", "d'Ankara"); apostrophes may be curly. "le contrôle de Kherson"
#: (being taken) and "un village proche de Damas" are no such phrase.
AGENT_PREFIXES: tuple[str, ...] = (
    "selon",
    "d'après",
    "aux yeux de",
    "de la part de",
    "du côté de",
    "sous le contrôle de",
    "sous contrôle de",
    "aux ordres de",
    "à l'appel de",
    "pressions sur",
    "faire pression sur",
    "fait pression sur",
    "font pression sur",
    "faisant pression sur",
    "faisait pression sur",
    "faisaient pression sur",
)

#: Prefixes glued by a hyphen to a name that make it a side taken, hence its government: "la
#: police pro-Kiev", "une manifestation anti-Moscou", "les milices pro-Téhéran". The
#: recogniser keeps the name after them ("Kiev") even inside an organisation the model finds
#: ("police pro-Kiev"); "prorusses" names no place.
STANCE_PREFIXES: tuple[str, ...] = ("pro-", "anti-")

#: Words that make the name after them a point of view only at the start of a clause: "Pour
#: Ankara, les YPG sont terroristes" (but "l'envoyé de l'ONU pour la Syrie" is the country).
CLAUSE_AGENT_PREFIXES: tuple[str, ...] = ("pour",)

#: Links that may follow a coordinator before a name coordinated with a metonym: "sous
#: l'égide de la Russie et des Etats-Unis", "les alliés de Moscou et de Téhéran".
COORDINATED_LINKS: tuple[str, ...] = ("de", "des", "du")

#: Prepositions after an agent noun (besides the links of
#: :data:`geo.lang.fr.positions.LINKS`: "les représentants de Damas") that make the name
#: after them an actor: "un accord entre Moscou et Washington", "choisies avec les
#: Etats-Unis". Those of :data:`PARTNER_PREPOSITIONS` do so after a verb too.
AGENT_NOUN_PREPOSITIONS: frozenset[str] = frozenset({"entre", "avec"})
PARTNER_PREPOSITIONS: frozenset[str] = frozenset({"avec"})

#: The preposition of the agent of a passive, one or two words before the name: "la coalition
#: dirigée par Washington", "adoptée par Moscou".
PASSIVE_AGENT_PREPOSITIONS: frozenset[str] = frozenset({"par"})

#: The preposition of an indirect object, right before the name, after one of
#: :data:`ADDRESSEE_VERBS`: "a demandé à Moscou de cesser".
ADDRESSEE_PREPOSITIONS: frozenset[str] = frozenset({"à"})

#: Letters that end a plural noun, stripped (as ``str.rstrip`` does) to find the singular of
#: an agent noun: "les représentants de Damas", "les alliés de Moscou".
PLURAL_MARKS: str = "s"

#: Determiners that may open an agent noun in apposition to the name: "la Russie, l'allié
#: indéfectible du président", "Téhéran, son parrain".
APPOSITION_DETERMINERS: frozenset[str] = frozenset(
    {"le", "la", "les", "l'", "son", "sa", "ses", "un", "une"}
)

#: Words after which a name opens a clause, hence may be its subject: "Ce que la Russie
#: dément", "mais Moscou accuse", "lorsque Ankara".
CLAUSE_BOUNDARY_WORDS: frozenset[str] = frozenset(
    {"que", "qu'", "si", "mais", "et", "ou", "car", "lorsque", "quand"}
)

#: Relative pronouns whose clause, after a comma, has the name before them as its subject:
#: "Téhéran, qui soutient les milices".
SUBJECT_RELATIVE_PRONOUNS: frozenset[str] = frozenset({"qui"})

#: Phrases that, after "X, ...", locate X relative to another place ("basés à Hmeimim, près de
#: Lattaquié", "Tadef, au sud d'Al-Bab"): a capitalised name after a locative preposition and
#: before one of them is a place even when no gazetteer or model knows it. A distance ("à 30
#: km") counts too.
LOCATING_LINKS: tuple[str, ...] = (
    "près de",
    "près d'",
    "non loin de",
    "non loin d'",
    "aux abords de",
    "aux portes de",
    "au nord",
    "au sud",
    "à l'est",
    "à l'ouest",
    "dans la province",
    "dans la région",
    "dans le nord",
    "dans le sud",
    "dans l'est",
    "dans l'ouest",
    "dans le centre",
)

#: Prepositions before a name placed relative to another by one of :data:`LOCATING_LINKS`
#: ("basés à Hmeimim, près de Lattaquié", "vers Tadef, au sud d'Al-Bab"); their unaccented
#: forms (:data:`UNACCENTED`) too.
LOCATED_PREPOSITIONS: tuple[str, ...] = ("à", "vers", "depuis", "près de", "près d'", "dans")

#: A distance after a name that locates it ("Qaryatayn, à 100 km de Homs", "à environ 30
#: km", "à quelque 20 kilomètres", "à une distance de 30 km"): the preposition before the
#: figure, the approximations that may precede it, the article and link around a noun that
#: may precede it ("une ... de"), and the units of length written after it.
DISTANCE_PREPOSITIONS: tuple[str, ...] = ("à",)
DISTANCE_APPROXIMATIONS: tuple[str, ...] = ("environ", "quelque")
DISTANCE_NOUN_FRAME: tuple[str, str] = ("une", "de")
DISTANCE_UNITS: tuple[str, ...] = ("km", "kilomètres")

#: How the words between two names say that the first lies in or near the second ("X, à l'est
#: de Homs", "X, à environ 30 km plus au nord de Y", "X, dans le sud de Y", "X, près de Y",
#: "al-Kallabiyeh dans la région d'al-Bayarat"): the preposition before a direction (and its
#: unaccented form) with the approximations of a distance, the word of a further direction
#: ("plus au sud"), the articles glued to the direction ("l'est", "au nord"), the leads of a
#: direction inside the place ("dans le nord"), the other phrases of nearness or containment,
#: and the links before the second name (the articles of :data:`LINK_ARTICLES` after a bare
#: one). The directions are the region hints (:data:`HINT_POSITIONS`) but the centre.
ANCHOR_DISTANCE_APPROXIMATIONS: tuple[str, ...] = ("environ",)
ANCHOR_FURTHER: tuple[str, ...] = ("plus",)
ANCHOR_DIRECTION_ARTICLES: tuple[str, ...] = ("l'", "au")
ANCHOR_INSIDE_LEADS: tuple[str, ...] = ("dans le", "dans la")
ANCHOR_PHRASES: tuple[str, ...] = (
    "près",
    "non loin",
    "aux abords",
    "aux portes",
    "dans la province",
    "dans la région",
    "dans les environs",
    "à la périphérie",
)
ANCHOR_LINKS: tuple[str, ...] = ("de", "du", "d'")

#: Words that may stand between a named site and the city that holds it: "les temples de Bêl
#: et Baalshamin à Palmyre", "le musée, dans Palmyre" (and the unaccented "a").
SITE_HOLDER_PREPOSITIONS: tuple[str, ...] = ("à", "dans", "de", "d'", "du")

#: Prepositions that put a name where something happens: "à Moscou", "en Syrie", "vers Raqa".
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset(
    {"à", "au", "aux", "en", "dans", "vers", "sur", "près", "autour", "depuis", "jusqu'à"}
    | {"chez", "outre", "hors", "via", "devant"}
)

#: Words that count one of several parts before a district trigger: "un quartier de Tikrit",
#: "plusieurs quartiers de Mossoul" name a part of the city that follows, where "le quartier
#: de Cheikh Maqsoud" names the quarter itself. Folded.
PART_COUNTERS: frozenset[str] = frozenset(
    {"un", "une", "plusieurs", "quelques", "certains", "certaines", "deux", "trois", "divers"}
)

#: The prepositions after which a head word governs a place: "s'emparer de X", "se retirer
#: de X", "le contrôle de X" (in "prendre le contrôle de"), "entrer dans X". Folded lemmas
#: (the small model lemmatises "emparé" as itself).
PLACE_COMPLEMENTS: dict[str, tuple[str, ...]] = {
    "emparer": ("de", "d'", "du"),
    "empare": ("de", "d'", "du"),
    "emparé": ("de", "d'", "du"),
    "retirer": ("de", "d'", "du"),
    "controle": ("de", "d'", "du"),
    "entrer": ("dans", "a"),
    "penetrer": ("dans",),
}

#: Nouns for a country's armed forces before its demonym ("l'armée malienne", "les troupes
#: turques", "des soldats français"): the generic theatre profile names the country's forces
#: from them (:func:`geo.theatre.generic_profile`). Singular forms; a plural ``s`` is optional.
FORCE_NOUNS: frozenset[str] = frozenset(
    {"armée", "force", "troupe", "soldat", "militaire", "aviation", "marine", "unité", "autorité"}
    | {"garde nationale", "forces armées", "forces spéciales", "commando", "gendarmerie"}
)

#: Words that may stand between a force noun and the demonym ("les forces armées maliennes",
#: "les forces spéciales françaises", "les troupes régulières tchadiennes").
FORCE_QUALIFIERS: frozenset[str] = frozenset(
    {"armée", "spéciale", "régulière", "terrestre", "aérienne", "gouvernementale"}
)

#: Endings of French demonyms (Grevisse, *Le Bon Usage*, the suffixes of the
#: "gentilés": -ien, -ain, -ais, -ois, -ite, -an, -in, -ique, -abè, -e), with their feminine
#: and plural forms: what is left of "maliennes", "turques" or "burkinabè" once one is cut
#: begins the country's name ("Mali", "Turquie", "Burkina").
DEMONYM_SUFFIXES: frozenset[str] = frozenset(
    {"iennes", "ienne", "iens", "ien", "ennes", "enne", "ens", "en"}
    | {"aines", "aine", "ains", "ain", "aises", "aise", "ais", "oises", "oise", "ois"}
    | {"ites", "ite", "anes", "ane", "ans", "an", "ines", "ine", "ins", "in"}
    | {"iques", "ique", "ques", "que", "abè", "es", "e", "s"}
)

#: Spellings a demonym's stem takes in its country's name: a final "c" is written "qu"
#: before "e" or "i" ("turc", "Turquie"; "monégasque" keeps its own).
DEMONYM_STEM_ALTERNATIONS: tuple[tuple[str, str], ...] = (("c", "qu"),)

#: Demonyms no stem of their country's French name begins (masculine singular): the
#: country's ISO code.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "britannique": "GB",
    "anglais": "GB",
    "allemand": "DE",
    "néerlandais": "NL",
    "émirati": "AE",
    "émirien": "AE",
    "belge": "BE",
    "suisse": "CH",
}

#: Common words of French country names that are no country by themselves ("Nouvelle-
#: Zélande", "Îles Turques-et-Caïques", "République centrafricaine", "Côte d'Ivoire"): a
#: demonym is never matched to them ("les troupes nouvelles" names no country). Folded.
COUNTRY_NAME_WORDS: frozenset[str] = frozenset(
    {"nouvelle", "nouveau", "grande", "grand", "iles", "ile", "republique", "royaume"}
    | {"etats", "etat", "unis", "unies", "saint", "sainte", "nord", "sud", "est", "ouest"}
    | {"democratique", "populaire", "federation", "federale", "cote", "principaute"}
    | {"arabe", "arabes", "islamique", "plurinational", "territoire", "territoires"}
)


#: A name that takes an elided "d'" ("l'aéroport d'Alep", "la base d'Al-Watiya").
ELISION = re.compile(r"[aeiouyàâäéèêëîïôöùûü]", re.IGNORECASE)


def site_name(site: str, place: str) -> str:
    """The name of the site ``site`` (a trigger lemma) named after ``place``.

    >>> site_name("aéroport", "Tripoli"), site_name("base", "Al-Watiya")
    ('aéroport de Tripoli', "base d'Al-Watiya")
    """
    return f"{site} d'{place}" if ELISION.match(place) else f"{site} de {place}"


def _one_word_common_nouns() -> frozenset[str]:
    from gazetteer.sources import french_words

    return frozenset(w for w in french_words() if " " not in w and "-" not in w)


#: French common nouns that are also place names somewhere, folded, one word each ("golfe",
#: a town of Angola): a capitalised one ("les monarchies du Golfe") is no town abroad. Read
#: once from the gazetteer's lexicon of French words (``gazetteer/data/french_words.csv``).
COMMON_PLACE_WORDS: frozenset[str] = _one_word_common_nouns()

#: Nouns after which a demonym adjective alone names a country's forces: "les frappes
#: russes", "des assauts azerbaïdjanais", "les positions ukrainiennes", "un drone turc".
#: Folded, singular (a plural "s" is accepted).
DEMONYM_HEADS: frozenset[str] = frozenset(
    {"frappe", "raid", "bombardement", "tir", "assaut", "attaque", "offensive", "avancee"}
    | {"contre-offensive", "position", "ligne", "avion", "drone", "char", "missile", "obus"}
    | {"pilonnage", "incursion", "colonne", "blinde", "chasseur", "bombardier", "artillerie"}
)
