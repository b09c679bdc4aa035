"""Theatre profiles: the bundled Syria–Iraq profile, a second theatre as data, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo._errors import TheatreProfileError
from geo.theatre import load_profile

UKRAINE = Path(__file__).resolve().parent / "data" / "theatres" / "ukraine.toml"


def _ids(profile, text: str) -> list[str | None]:
    return [span.actor.id if span.actor else span.generic for span in profile.find_actors(text)]


def test_default_profile_has_the_sides_the_output_contract_names():
    profile = load_profile()
    assert profile.id == "syria_iraq"
    assert {"government", "isis", "rebels", "sdf", "iraq", "coalition"} <= set(profile.sides)
    assert {"nusra", "russia", "turkey"} <= set(profile.sides)
    assert all(
        side.colour.startswith("#") and len(side.colour) == 7 for side in profile.sides.values()
    )
    assert load_profile("syria_iraq") is profile


def test_hezbollah_is_an_ally_of_the_government():
    profile = load_profile()
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
        ("les jihadistes de l'Etat islamique", ["isis", "isis"]),
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
    assert _ids(load_profile(), text) == expected


def test_alias_needs_word_boundaries():
    # "EI" inside "Beit" or "seize" is no actor, "régime" inside "régiments" neither.
    assert _ids(load_profile(), "le quartier de Beit Sahm et les régiments") == []


def test_generic_alias_is_settled_by_the_country_of_the_event():
    profile = load_profile()
    (span,) = profile.find_actors("l'armée est entrée dans la ville")
    assert span.actor is None
    assert profile.actor_for(span, "IQ").id == "iraqi_army"
    assert profile.actor_for(span, "SY").id == "syrian_army"
    assert profile.actor_for(span, "FR") is None


def test_in_theatre_needs_the_bbox_and_a_theatre_country():
    profile = load_profile()
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
        ('[[actors]]\nid = "x"\nside = "martians"\naliases = ["x"]\n', "'x' needs an id"),
        ('[[actors]]\nid = "wagner"\nside = "russia"\naliases = ["w"]\n', "defined twice"),
        ('[[actors]]\nid = "y"\nside = "russia"\naliases = ["Wagner"]\n', "belongs to both"),
        ('[sides.nato]\nlabel = "NATO"\ncolour = "blue"\n', "colour 'blue'"),
        ('"troupes" = { UA = "nobody" }\n', "unknown actors ['nobody']"),
    ],
)
def test_an_inconsistent_profile_names_the_file_and_the_problem(tmp_path, extra, problem):
    path = _write(tmp_path, extra)
    with pytest.raises(TheatreProfileError, match="bad.toml") as info:
        load_profile(path)
    assert problem in str(info.value)


def test_a_missing_field_or_bad_bbox_is_reported(tmp_path):
    text = UKRAINE.read_text(encoding="utf-8")
    path = tmp_path / "nobbox.toml"
    path.write_text(text.replace("bbox = [22.0, 44.0, 40.3, 52.4]\n", ""), encoding="utf-8")
    with pytest.raises(TheatreProfileError, match="missing field 'bbox'"):
        load_profile(path)
    path = tmp_path / "flipped.toml"
    path.write_text(text.replace("[22.0, 44.0, 40.3, 52.4]", "[40.3, 44.0, 22.0, 52.4]"))
    with pytest.raises(TheatreProfileError, match="bbox must be"):
        load_profile(path)


def test_an_unknown_profile_name_lists_the_bundled_ones():
    with pytest.raises(TheatreProfileError, match="syria_iraq"):
        load_profile("atlantis")


def test_a_file_that_is_not_toml_is_reported(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("id = [unclosed", encoding="utf-8")
    with pytest.raises(TheatreProfileError, match="not valid TOML"):
        load_profile(path)
