"""Theatre profiles: the bundled Syria–Iraq profile, a second theatre as data, validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo._errors import TheatreProfileError
from geo.theatre import THEATRES_DIR, bundled_profiles, generic_profile, load_profile

UKRAINE = Path(__file__).resolve().parent / "data" / "theatres" / "ukraine.toml"


def _ids(profile, text: str) -> list[str | None]:
    return [span.actor.id if span.actor else span.scoped for span in profile.find_actors(text)]


def test_default_profile_has_the_sides_the_output_contract_names():
    profile = load_profile("syria_iraq")
    assert profile.id == "syria_iraq"
    assert {"government", "isis", "rebels", "sdf", "iraq", "coalition"} <= set(profile.sides)
    assert {"nusra", "russia", "turkey"} <= set(profile.sides)
    assert all(
        side.colour.startswith("#") and len(side.colour) == 7 for side in profile.sides.values()
    )
    assert load_profile("syria_iraq") is profile


def test_hezbollah_is_an_ally_of_the_government():
    profile = load_profile("syria_iraq")
    assert profile.actor("hezbollah").side == "government"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les forces prorégime avancent", ["syrian_army"]),
        (
            "les forces pro-gouvernementales et les milices progouvernementales",
            ["syrian_army", "progov_militias"],
        ),
        ("Daech a perdu du terrain face aux FDS", ["isis", "sdf"]),
        ("les jihadistes de l'Etat islamique", ["jihadistes", "isis"]),
        ("l'alliance arabo-kurde soutenue par la coalition internationale", ["sdf", "coalition"]),
        ("Les Forces Démocratiques Syriennes", ["sdf"]),
        ("les forces irakiennes et les peshmergas", ["iraqi_army", "peshmerga"]),
        ("les avions russes ont frappé", ["russia"]),
        ("les rebelles soutenus par Ankara à Jarablous", ["turkey"]),
        ("le Front Fateh al-Cham, anciennement Al-Nosra", ["nusra", "nusra"]),
        ("DAECH", ["isis"]),
    ],
)
def test_aliases_are_found_case_and_accent_insensitively_longest_first(text, expected):
    assert _ids(load_profile("syria_iraq"), text) == expected


def test_alias_needs_word_boundaries():
    # "EI" inside "Beit" or "seize" is no actor, "régime" inside "régiments" neither.
    assert _ids(load_profile("syria_iraq"), "le quartier de Beit Sahm et les régiments") == []


def test_generic_alias_is_settled_by_the_country_of_the_event():
    profile = load_profile("syria_iraq")
    (span,) = profile.find_actors("l'armée est entrée dans la ville")
    assert span.actor is None
    assert profile.actor_for(span, "IQ").id == "iraqi_army"
    assert profile.actor_for(span, "SY").id == "syrian_army"
    assert profile.actor_for(span, "FR") is None


def test_in_theatre_needs_the_bbox_and_a_theatre_country():
    profile = load_profile("syria_iraq")
    assert profile.in_theatre(38.284, 34.562, "SY")  # Tadmur (Palmyre)
    assert profile.in_theatre(43.119, 36.335, "IQ")  # Mosul
    assert not profile.in_theatre(6.146, 46.202, "CH")  # Geneva
    assert not profile.in_theatre(37.618, 55.752, "RU")  # Moscow
    assert not profile.in_theatre(35.93, 31.95, "JO")  # Amman: in the bbox, not a theatre country


def test_a_second_theatre_is_a_data_file_alone():
    profile = load_profile(UKRAINE)
    assert profile.id == "ukraine"
    assert set(profile.sides) == {"ukraine", "russia"}
    assert _ids(profile, "le groupe Wagner et l'armée russe près de Bakhmout") == [
        "wagner",
        "russian_army",
    ]
    (span,) = profile.find_actors("l'armée a repris Kherson")
    assert profile.actor_for(span, "UA").id == "ukrainian_army"
    assert profile.in_theatre(37.999, 48.594, "UA")  # Bakhmut
    assert not profile.in_theatre(36.726, 34.724, "SY")  # Homs belongs to the other theatre


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(UKRAINE.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('[[actors]]\nid = "x"\nside = "martians"\naliases = ["x"]\n', "'martians' is not one"),
        ('[[actors]]\nid = "wagner"\nside = "russia"\naliases = ["w"]\n', "defined twice"),
        ('[[actors]]\nid = "y"\nside = "russia"\naliases = ["Wagner"]\n', "to 'wagner' too"),
        ('[sides.nato]\nlabel = "NATO"\ncolour = "blue"\n', "got 'blue'"),
        ('[[aliases]]\nnames = ["troupes"]\nactor = "nobody"\n', "'nobody' is not an actor"),
        ('[[aliases]]\nnames = ["Wagner"]\nactor = "wagner"\n', "plain alias of 'wagner'"),
        ('[[aliases]]\nnames = ["x"]\nfrom = "2014"\n', "key 'aliases[2].from'"),
    ],
)
def test_an_inconsistent_profile_names_the_file_and_the_problem(tmp_path, extra, problem):
    path = _write(tmp_path, extra)
    with pytest.raises(TheatreProfileError, match="bad.toml") as info:
        load_profile(path)
    assert problem in str(info.value)


def test_an_enemy_that_is_no_side_is_reported(tmp_path):
    text = (THEATRES_DIR / "ukraine.toml").read_text(encoding="utf-8")
    path = tmp_path / "enemies.toml"
    path.write_text(text.replace('ukraine = "russia"', 'ukraine = "martians"'), encoding="utf-8")
    with pytest.raises(TheatreProfileError, match="'martians' is no side"):
        load_profile(path)


def test_a_missing_field_or_bad_bbox_is_reported(tmp_path):
    text = UKRAINE.read_text(encoding="utf-8")
    path = tmp_path / "nobbox.toml"
    path.write_text(text.replace("bbox = [22.0, 44.0, 40.3, 52.4]\n", ""), encoding="utf-8")
    with pytest.raises(TheatreProfileError, match="key 'bbox': missing"):
        load_profile(path)
    path = tmp_path / "flipped.toml"
    path.write_text(text.replace("[22.0, 44.0, 40.3, 52.4]", "[40.3, 44.0, 22.0, 52.4]"))
    with pytest.raises(TheatreProfileError, match=r"expected \[min_lon"):
        load_profile(path)


def test_an_unknown_profile_name_lists_the_bundled_ones():
    with pytest.raises(TheatreProfileError, match="syria_iraq"):
        load_profile("atlantis")


def test_a_file_that_is_not_toml_is_reported(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("id = [unclosed", encoding="utf-8")
    with pytest.raises(TheatreProfileError, match="not valid TOML"):
        load_profile(path)


def test_a_period_that_ends_before_it_starts_is_reported(tmp_path):
    path = tmp_path / "period.toml"
    body = UKRAINE.read_text(encoding="utf-8")
    path.write_text("period = { from = 2020-01-01, until = 2019-01-01 }\n" + body)
    with pytest.raises(TheatreProfileError, match=r"key 'period': ends \(2019-01-01\) before"):
        load_profile(path)


#: Side ids other tools rely on (the output contract), per bundled war.
CONTRACT_SIDES = {
    "syria_iraq": {"government", "isis", "rebels", "sdf", "iraq", "coalition"},
    "ukraine": {"ukraine", "russia"},
    "sahel": {"mali", "france", "jihadists", "rebels"},
    "libya": {"government", "rebels", "gna", "lna"},
    "yemen": {"government", "houthis", "coalition"},
    "karabakh": {"azerbaijan", "armenia"},
}


def test_every_bundled_war_has_a_profile_with_the_contract_sides_and_sources():
    profiles = {p.id: p for p in bundled_profiles()}
    assert set(CONTRACT_SIDES) <= set(profiles)
    for theatre, sides in CONTRACT_SIDES.items():
        profile = profiles[theatre]
        assert sides <= set(profile.sides), theatre
        assert profile.sources, f"{theatre} names no source"
        assert profile.countries and profile.period[0] is not None
        colours = [side.colour for side in profile.sides.values()]
        assert len(set(colours)) == len(colours), f"{theatre}: two sides share a colour"


@pytest.mark.parametrize(
    ("where", "date", "expected"),
    [
        ((39.0, 35.95, "SY"), dt.date(2016, 5, 1), "isis"),  # Raqqa, 2016
        ((36.63, 35.93, "SY"), dt.date(2019, 8, 20), "nusra"),  # Idleb, 2019: HTS
        ((36.63, 35.93, "SY"), dt.date(2015, 3, 1), "isis"),  # Idleb before HTS was formed
    ],
)
def test_a_scoped_alias_names_the_actor_of_its_area_and_period(where, date, expected):
    profile = load_profile("syria_iraq")
    (span,) = profile.find_actors("les jihadistes ont repris la localité")
    lon, lat, country = where
    actor = profile.actor_for(span, country, point=(lon, lat), date=date)
    assert actor.side == expected


@pytest.mark.parametrize(
    ("where", "date", "expected"),
    [
        ((16.59, 31.21), dt.date(2015, 9, 1), "isis"),  # Syrte under the EI
        ((20.07, 32.12), dt.date(2017, 7, 5), "islamists"),  # Benghazi, Operation Dignité
        ((22.64, 32.77), dt.date(2018, 6, 1), "islamists"),  # Derna before it fell
        ((20.07, 32.12), dt.date(2020, 1, 1), None),  # Benghazi once the war there ended
    ],
)
def test_libyan_jihadists_are_the_actor_of_their_area_and_period(where, date, expected):
    profile = load_profile("libya")
    (span,) = profile.find_actors("les djihadistes ont repris le quartier")
    actor = profile.actor_for(span, "LY", point=where, date=date)
    assert (actor.side if actor else None) == expected


def test_libyan_government_forces_are_the_loyalists_in_2011_and_the_gna_in_2019():
    profile = load_profile("libya")
    (span,) = profile.find_actors("les forces gouvernementales ont repoussé l'assaut")
    misrata = (15.09, 32.38)
    in_2011 = profile.actor_for(span, "LY", point=misrata, date=dt.date(2011, 4, 10))
    in_2019 = profile.actor_for(span, "LY", point=misrata, date=dt.date(2019, 5, 2))
    assert (in_2011.side, in_2019.side) == ("government", "gna")


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("L'armée malienne a repris Konna", "mali"),
        ("les forces armées maliennes", "mali"),
        ("des troupes turques sont entrées", "turkiye"),
        ("les soldats ukrainiens tiennent la ville", "ukraine"),
        ("l'aviation russe a frappé", "russian_federation"),
        ("les militaires français", "france"),
        ("les soldats turcs", "turkiye"),  # "turc" is spelt "turqu" in "Turquie"
        ("les autorités maliennes", "mali"),
        ("l'armée nigérienne", "niger"),
        ("l'armée tchadienne", "chad"),
        ("les forces azerbaïdjanaises", "azerbaijan"),
        ("la garde nationale burkinabè", "burkina_faso"),
    ],
)
def test_the_generic_profile_names_a_country_forces_by_demonym(lang, text, side):
    profile = generic_profile(lang)
    (span,) = profile.find_actors(text)
    assert span.actor.side == side
    assert profile.sides[side].colour.startswith("#")


def test_the_generic_profile_knows_generic_groups_and_the_army_of_the_event_country(lang):
    profile = generic_profile(lang)
    spans = profile.find_actors("Les rebelles et des jihadistes ont attaqué; l'armée a riposté")
    assert [s.actor.side if s.actor else None for s in spans] == ["rebels", "jihadists", None]
    assert profile.actor_for(spans[2], "ML").side == "mali"
    assert profile.actor_for(spans[2], None) is None
    assert profile.in_theatre(2.35, 48.85, "FR")  # fought anywhere


def test_an_article_after_a_coordinator_names_no_country(lang):
    """ "et les chars allemands": "les" is no demonym, whatever country name holds the word."""
    profile = generic_profile(lang)
    spans = profile.find_actors("les soldats britanniques et les chars allemands")
    assert {s.actor.side for s in spans if s.actor} == {"united_kingdom", "germany"}


def test_a_word_that_only_looks_like_a_demonym_names_no_country(lang):
    profile = generic_profile(lang)
    spans = profile.find_actors("les troupes nouvelles et les forces spéciales restantes")
    # "troupes", "forces spéciales": the forces of the event's country, settled later; no
    # country from "nouvelles" or "restantes"
    assert spans and all(s.actor is None and s.scoped for s in spans)


@pytest.mark.parametrize(
    ("theatre", "text", "expected"),
    [
        (
            "sahel",
            "Les soldats français et maliens sont entrés dans la ville.",
            {"french_forces", "mali_army"},
        ),
        (
            "sahel",
            "Les troupes maliennes, nigériennes et burkinabè patrouillent.",
            {"mali_army", "niger_army", "burkina_army"},
        ),
        (
            "ukraine",
            "Les frappes russes ont visé les positions ukrainiennes.",
            {"russian_army", "ukrainian_army"},
        ),
        ("karabakh", "Des assauts azerbaïdjanais ont été repoussés.", {"azerbaijani_army"}),
        # a demonym no stem of the country's name begins, from the pack's table
        ("yemen", "Des avions britanniques ont frappé.", {"uk_forces"}),
        ("yemen", "Les forces émiraties ont débarqué.", {"uae_forces"}),
        # a qualifier between the event noun and the demonym
        ("sahel", "Des frappes aériennes françaises ont visé la zone.", {"french_forces"}),
    ],
)
def test_a_war_reads_its_countries_forces_by_demonym(theatre, text, expected):
    """A profile's [forces] table: demonyms after a force or event noun, and joined to one
    another, name the forces of those countries."""
    from geo.context import build_context

    profile = build_context(theatre=theatre).profiles[0]
    assert {span.actor.id for span in profile.find_actors(text)} == expected


@pytest.mark.parametrize(
    ("theatre", "text", "surface", "actor"),
    [
        ("ukraine", "La ville, aux mains des Russes, a été reprise.", "Russes", "russian_army"),
        ("ukraine", "Kiev a repris aux Russes trois villages.", "Russes", "russian_army"),
        ("syria_iraq", "Les rebelles ont arraché Idleb au régime.", "régime", "syrian_army"),
        ("ukraine", "Sa prise aux Ukrainiens a coûté cher.", "Ukrainiens", "ukrainian_army"),
    ],
)
def test_an_alias_opening_with_an_article_is_found_after_its_fused_forms(
    theatre, text, surface, actor
):
    """ "les Russes" is "aux Russes", "des Russes"; "le régime" is "du régime", "au régime".
    The fused article stays outside the actor's name, where "reprendre à" reads it."""
    from geo.context import build_context

    profile = build_context(theatre=theatre).profiles[0]
    found = {(span.surface, span.actor.id) for span in profile.find_actors(text) if span.actor}
    assert (surface, actor) in found


@pytest.mark.parametrize(
    ("forces", "problem"),
    [
        ('UA = "nobody"', "names no actor"),
        ('ukraine = "ukrainian_army"', "not an ISO 3166-1 alpha-2 code"),
    ],
)
def test_a_bad_forces_table_is_reported(tmp_path, forces, problem):
    from geo.theatre import THEATRES_DIR

    bundled = (THEATRES_DIR / "ukraine.toml").read_text(encoding="utf-8")
    text = bundled.replace('UA = "ukrainian_army"', forces)
    assert text != bundled
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TheatreProfileError, match=problem):
        load_profile(path)
