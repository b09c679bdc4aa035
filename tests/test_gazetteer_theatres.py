"""French press spellings of the places of five wars (Ukraine, Mali/Sahel, Libya, Yemen,
Nagorno-Karabakh), looked up in the default gazetteer: what the tracker meets after Syria.

The list: French wire and press spellings (Le Monde, AFP, RFI, France 24), each with the
GeoNames place it names, most of them spelled otherwise than in GeoNames' alternate names
(doubled or dropped consonants, ``ou``/``u``, ``tch``/``ch``, ``dj``/``j``, ``ï``, a mute
final ``e``, the French ``j`` of a Slavic ``zh``). Figures measured when it was written:
232 of 248 put first with no hint before the French readings (variant keys) and the score
tiers, 235 after; 246 with the country restricted. What remains without a hint are
homonyms a theatre decides (Pokrovsk is also Engels, Russia; Khoms also Homs, Syria) and
names outside these classes (Dhaleh for Ad Dali', Loder for Lawdar, Chouchi for Shusha).
"""

from __future__ import annotations

import pytest
from pyproj import Geod

from gazetteer import Gazetteer
from gazetteer.index import KEY_SCORE, SPELLING_SCORE, VARIANT_SCORE

_GEOD = Geod(ellps="WGS84")

#: (French spelling, GeoNames id of the place meant, its country).
SPELLINGS = [
    ("Zaporijjia", 687700, "UA"),
    ("Zaporijia", 687700, "UA"),
    ("Zaporojie", 687700, "UA"),
    ("Sévérodonetsk", 691999, "UA"),
    ("Severodonetsk", 691999, "UA"),
    ("Lyssytchansk", 702972, "UA"),
    ("Bakhmout", 713174, "UA"),
    ("Avdiïvka", 713122, "UA"),
    ("Kramatorsk", 704508, "UA"),
    ("Marioupol", 701822, "UA"),
    ("Kherson", 706448, "UA"),
    ("Vouhledar", 690823, "UA"),
    ("Kharkiv", 706483, "UA"),
    ("Mykolaïv", 700569, "UA"),
    ("Louhansk", 702658, "UA"),
    ("Sloviansk", 693468, "UA"),
    ("Izioum", 707292, "UA"),
    ("Koupiansk", 703656, "UA"),
    ("Tchassiv Iar", 710915, "UA"),
    ("Pokrovsk", 704422, "UA"),
    ("Berdiansk", 712451, "UA"),
    ("Enerhodar", 709276, "UA"),
    ("Nova Kakhovka", 699839, "UA"),
    ("Boutcha", 711350, "UA"),
    ("Irpin", 707565, "UA"),
    ("Soledar", 706757, "UA"),
    ("Toretsk", 709354, "UA"),
    ("Orikhiv", 698428, "UA"),
    ("Tchernihiv", 710735, "UA"),
    ("Soumy", 692194, "UA"),
    ("Kostiantynivka", 705104, "UA"),
    ("Vovtchansk", 689304, "UA"),
    ("Hostomel", 708251, "UA"),
    ("Koursk", 538560, "RU"),
    ("Soudja", 486816, "RU"),
    ("Dnipro", 709930, "UA"),
    ("Tombouctou", 2449067, "ML"),
    ("Kidal", 2455290, "ML"),
    ("Ménaka", 2453514, "ML"),
    ("Tessalit", 2449893, "ML"),
    ("Mopti", 2453348, "ML"),
    ("Djibo", 2361177, "BF"),
    ("Gao", 2457163, "ML"),
    ("Ansongo", 2461003, "ML"),
    ("Aguelhok", 2461247, "ML"),
    ("Ségou", 2451478, "ML"),
    ("Douentza", 2458334, "ML"),
    ("Niono", 2452655, "ML"),
    ("Bourem", 2459657, "ML"),
    ("Tillabéri", 2438678, "NE"),
    ("Ouallam", 2440371, "NE"),
    ("Dori", 2361082, "BF"),
    ("Kaya", 2359608, "BF"),
    ("Syrte", 2210554, "LY"),
    ("Misrata", 2214846, "LY"),
    ("Misratah", 2214846, "LY"),
    ("Tobrouk", 81302, "LY"),
    ("Benghazi", 88319, "LY"),
    ("Sebha", 2212775, "LY"),
    ("Sabha", 2212775, "LY"),
    ("Tarhouna", 2210221, "LY"),
    ("Gharyan", 2217362, "LY"),
    ("Derna", 87205, "LY"),
    ("Zaouïa", 2218970, "LY"),
    ("Zintan", 2218963, "LY"),
    ("Ajdabiya", 89113, "LY"),
    ("Koufra", 88962, "LY"),
    ("Oubari", 2219235, "LY"),
    ("Mourzouk", 2214603, "LY"),
    ("Ghadamès", 2217440, "LY"),
    ("Bani Walid", 2218840, "LY"),
    ("Sabratha", 2212771, "LY"),
    ("Zouara", 2208425, "LY"),
    ("Hodeïda", 79415, "YE"),
    ("Hodeida", 79415, "YE"),
    ("Taëz", 70225, "YE"),
    ("Taez", 70225, "YE"),
    ("Taiz", 70225, "YE"),
    ("Marib", 72968, "YE"),
    ("Mareb", 72968, "YE"),
    ("Aden", 415189, "YE"),
    ("Saada", 71334, "YE"),
    ("Sanaa", 71137, "YE"),
    ("Moukalla", 78754, "YE"),
    ("Hajja", 75337, "YE"),
    ("Ibb", 74477, "YE"),
    ("Dhamar", 76184, "YE"),
    ("Zinjibar", 69426, "YE"),
    ("Mokha", 78751, "YE"),
    ("Amrane", 78428, "YE"),
    ("Lahj", 73560, "YE"),
    ("Stepanakert", 146970, "AZ"),
    ("Choucha", 147105, "AZ"),
    ("Chouchi", 147105, "AZ"),
    ("Latchine", 147625, "AZ"),
    ("Agdam", 148619, "AZ"),
    ("Fizouli", 148106, "AZ"),
    ("Djabraïl", 148141, "AZ"),
    ("Goris", 174895, "AM"),
    ("Martouni", 146969, "AZ"),
    ("Kelbadjar", 586268, "AZ"),
    ("Goubadly", 147305, "AZ"),
    ("Zanguilan", 146901, "AZ"),
    ("Gandja", 586523, "AZ"),
    ("Terter", 584871, "AZ"),
    ("Barda", 587057, "AZ"),
    ("Askeran", 148450, "AZ"),
    ("Droujkivka", 616743, "UA"),
    ("Jytomyr", 686967, "UA"),
    ("Tchouhouïv", 710374, "UA"),
    ("Krementchouk", 704147, "UA"),
    ("Kryvyï Rih", 703845, "UA"),
    ("Horlivka", 707753, "UA"),
    ("Kourakhove", 695357, "UA"),
    ("Velyka Novossilka", 690237, "UA"),
    ("Houliaïpole", 707898, "UA"),
    ("Tokmak", 691469, "UA"),
    ("Olechky", 691037, "UA"),
    ("Simféropol", 693805, "UA"),
    ("Kertch", 706524, "UA"),
    ("Djankoï", 709334, "UA"),
    ("Sviatohirsk", 692016, "UA"),
    ("Myrnohrad", 710035, "UA"),
    ("Sélydove", 694677, "UA"),
    ("Kadiïvka", 692975, "UA"),
    ("Lissitchansk", 702972, "UA"),
    ("Siversk", 694403, "UA"),
    ("Kreminna", 704138, "UA"),
    ("Roubijne", 695274, "UA"),
    ("Popasna", 696566, "UA"),
    ("Svatove", 692118, "UA"),
    ("Ouman", 690688, "UA"),
    ("Loutsk", 702569, "UA"),
    ("Oujhorod", 690548, "UA"),
    ("Tcherkassy", 710791, "UA"),
    ("Izmaïl", 707308, "UA"),
    ("Otchakiv", 698770, "UA"),
    ("Snihourivka", 693379, "UA"),
    ("Henitchesk", 708878, "UA"),
    ("Vassylivka", 686729, "UA"),
    ("Chakhtarsk", 694382, "UA"),
    ("Ilovaïsk", 707679, "UA"),
    ("Debaltseve", 710229, "UA"),
    ("Iassynouvata", 688373, "UA"),
    ("Makiïvka", 702320, "UA"),
    ("Volnovakha", 689198, "UA"),
    ("Chostka", 693942, "UA"),
    ("Okhtyrka", 713749, "UA"),
    ("Voronej", 472045, "RU"),
    ("Briansk", 571476, "RU"),
    ("Glouchkovo", 560995, "RU"),
    ("Chebekino", 495112, "RU"),
    ("Valouïki", 477192, "RU"),
    ("Rylsk", 695019, "RU"),
    ("Aguelhoc", 2461247, "ML"),
    ("Djenné", 2458589, "ML"),
    ("Bandiagara", 2460489, "ML"),
    ("Bankass", 2460401, "ML"),
    ("Goundam", 2456917, "ML"),
    ("Niafunké", 2452830, "ML"),
    ("Koutiala", 2454268, "ML"),
    ("Sikasso", 2451185, "ML"),
    ("Kayes", 2455518, "ML"),
    ("Markala", 2453662, "ML"),
    ("Ouahigouya", 2357043, "BF"),
    ("Titao", 2354349, "BF"),
    ("Gorom-Gorom", 2360372, "BF"),
    ("Arbinda", 2363174, "BF"),
    ("Fada N'Gourma", 2360886, "BF"),
    ("Diffa", 2445704, "NE"),
    ("Ayorou", 2447416, "NE"),
    ("Tahoua", 2439376, "NE"),
    ("Arlit", 2447513, "NE"),
    ("Zliten", 2208485, "LY"),
    ("Khoms", 2219905, "LY"),
    ("Yefren", 2208791, "LY"),
    ("Nalout", 2214433, "LY"),
    ("Houn", 2216645, "LY"),
    ("Ouaddan", 2209055, "LY"),
    ("Djalo", 86049, "LY"),
    ("Tadjourah", 2210394, "LY"),
    ("Janzour", 2216349, "LY"),
    ("Mizda", 2214827, "LY"),
    ("Chahat", 7602388, "LY"),
    ("Al-Baïda", 89055, "LY"),
    ("Tocra", 88834, "LY"),
    ("Ataq", 77726, "YE"),
    ("Moukayras", 72519, "YE"),
    ("Dhaleh", 80384, "YE"),
    ("Bayhane", 77017, "YE"),
    ("Zabid", 69500, "YE"),
    ("Bajil", 77408, "YE"),
    ("Chibam", 70676, "YE"),
    ("Tarim", 70160, "YE"),
    ("Radaa", 71491, "YE"),
    ("Yarim", 69559, "YE"),
    ("Jaar", 74368, "YE"),
    ("Loder", 73504, "YE"),
    ("Ghaydha", 79700, "YE"),
    ("Khodjaly", 147774, "AZ"),
    ("Tovouz", 584821, "AZ"),
    ("Goranboy", 586430, "AZ"),
    ("Naftalan", 585400, "AZ"),
    ("Beylagan", 148354, "AZ"),
    ("Horadiz", 148003, "AZ"),
    ("Mingatchevir", 585514, "AZ"),
    ("Evlakh", 584649, "AZ"),
    ("Sissian", 174763, "AM"),
    ("Kapan", 174875, "AM"),
    ("Meghri", 174823, "AM"),
    ("Djermouk", 174884, "AM"),
    ("Vardenis", 616108, "AM"),
    ("Idjevan", 616627, "AM"),
    ("Berd", 616802, "AM"),
    ("Ourojaïne", 9114393, "UA"),
    ("Jeleznogorsk", 463343, "RU"),
    ("Jmerynka", 687116, "UA"),
    ("Nijyn", 699942, "UA"),
    ("Jovti Vody", 687196, "UA"),
    ("Jachkiv", 687245, "UA"),
    ("Berdytchiv", 712441, "UA"),
    ("Tchassiv Yar", 710915, "UA"),
    ("Kostiantinivka", 705104, "UA"),
    ("Slaviansk", 693468, "UA"),
    ("Kourakhové", 695357, "UA"),
    ("Lyssychansk", 702972, "UA"),
    ("Oujgorod", 690548, "UA"),
    ("Voronèje", 472045, "RU"),
    ("Hodeidah", 79415, "YE"),
    ("Al-Moukalla", 78754, "YE"),
    ("Saana", 71137, "YE"),
    ("Maarib", 72968, "YE"),
    ("Lahdj", 73560, "YE"),
    ("Benghazy", 88319, "LY"),
    ("Ajedabia", 89113, "LY"),
    ("Ghariane", 2217362, "LY"),
    ("Tarhounah", 2210221, "LY"),
    ("Beni Walid", 2218840, "LY"),
    ("Zaouiya", 2218970, "LY"),
    ("Zouarah", 2208425, "LY"),
    ("Mourzouq", 2214603, "LY"),
    ("Lachine", 147625, "AZ"),
    ("Kalbadjar", 586268, "AZ"),
    ("Zanguelan", 146901, "AZ"),
    ("Goubadli", 147305, "AZ"),
    ("Djebraïl", 148141, "AZ"),
    ("Khankendi", 146970, "AZ"),
    ("Aghdam", 148619, "AZ"),
]


def _right(gazetteer: Gazetteer, found, geonames_id: int) -> bool:
    """The first candidate is the place meant, or lies within 10 km of it."""
    if not found:
        return False
    want = gazetteer.get(f"geonames:{geonames_id}")
    best = found[0].place
    metres = _GEOD.inv(best.lon, best.lat, want.lon, want.lat)[2]
    return best.place_id == want.place_id or metres <= 10_000


def test_the_list_is_the_one_measured():
    assert len(SPELLINGS) == 248
    assert len({s for s, _, _ in SPELLINGS}) == len(SPELLINGS)


def test_french_spellings_put_the_place_first(gazetteer: Gazetteer):
    missed = [s for s, gid, _ in SPELLINGS if not _right(gazetteer, gazetteer.lookup(s), gid)]
    assert len(SPELLINGS) - len(missed) >= 235, missed


def test_french_spellings_within_the_theatre_country(gazetteer: Gazetteer):
    missed = [
        s
        for s, gid, country in SPELLINGS
        if not _right(gazetteer, gazetteer.lookup(s, country=country), gid)
    ]
    assert len(missed) <= 2, missed


@pytest.mark.parametrize(
    ("spelling", "geonames_id", "score"),
    [
        ("Bakhmout", 713174, SPELLING_SCORE),  # a GeoNames alternate name
        ("Sévérodonetsk", 691999, SPELLING_SCORE),  # accents aside, an alternate name
        ("Lyssytchansk", 702972, KEY_SCORE),  # doubled s, tch: only the key has it
        ("Tarhounah", 2210221, KEY_SCORE),
        ("Amrane", 78428, VARIANT_SCORE),  # mute final e: a looser reading
        ("Bayhane", 77017, VARIANT_SCORE),
        ("Jeleznogorsk", 463343, VARIANT_SCORE),  # French j for Slavic zh (Kursk oblast)
    ],
)
def test_how_a_french_spelling_is_reached(
    gazetteer: Gazetteer, spelling: str, geonames_id: int, score: float
):
    best = gazetteer.lookup(spelling)[0]
    assert best.place.place_id == f"geonames:{geonames_id}"
    assert best.score == score and best.exact == (score > VARIANT_SCORE)
