"""A site named after a town is a place of its own: who holds the airport does not hold the
town (the events stage and the control timeline, on whole runs)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.places import SITE_PREFIX, SITE_REACH_KM
from geo.timeline import control_at


def _run(tmp_path, theatre: str, date: str, text: str):
    from geo.pipeline import run

    (tmp_path / "dispatch.txt").write_text(f"date {date}\n{text}\n", encoding="utf-8")
    return run([tmp_path], theatre=theatre)


def _facts(result):
    return {(o.relation, o.side, o.place) for o in result.observations if not o.context}


def test_the_airport_taken_is_not_the_town_still_held(tmp_path):
    result = _run(
        tmp_path,
        "sahel",
        "2012-03-30",
        "Des combattants du MNLA ont pris le contrôle de l'aéroport de Kidal vendredi, mais "
        "l'armée malienne tient toujours la ville, selon une source militaire.",
    )
    facts = _facts(result)
    assert ("captured", "rebels", "aéroport de Kidal") in facts
    assert ("controls", "mali", "Kidal") in facts
    assert ("captured", "rebels", "Kidal") not in facts


@pytest.mark.parametrize(
    ("theatre", "date", "text", "site"),
    [
        (
            "ukraine",
            "2022-03-04",
            "Les forces russes se sont emparées vendredi de la centrale nucléaire de "
            "Zaporijjia, a annoncé l'opérateur ukrainien.",
            "centrale de Zaporijjia",
        ),
        (
            "yemen",
            "2018-06-20",
            "Les forces progouvernementales ont repris l'aéroport d'Hodeida aux rebelles houthis.",
            "aéroport de Hodeida",
        ),
        (
            "libya",
            "2016-06-10",
            "Les troupes du GNA ont repris l'aéroport de Syrte aux jihadistes de l'EI.",
            "aéroport de Syrte",
        ),
    ],
)
def test_a_site_keeps_its_own_id_near_its_town(tmp_path, theatre, date, text, site):
    result = _run(tmp_path, theatre, date, text)
    captured = [o for o in result.observations if o.relation == "captured"]
    assert [o.place for o in captured] == [site]
    town = next(m.place for m in result.mentions if m.place is not None)
    (obs,) = captured
    assert obs.place_id == f"{SITE_PREFIX}{obs.place_id.split(':')[1]}:{town.place_id}"
    assert (obs.lon, obs.lat) == (town.lon, town.lat)
    assert obs.uncertainty_km == pytest.approx(town.uncertainty_km + SITE_REACH_KM, abs=0.01)


def test_control_of_the_airport_is_a_state_of_its_own(tmp_path):
    result = _run(
        tmp_path,
        "ukraine",
        "2015-01-21",
        "Les séparatistes prorusses ont pris mercredi l'aéroport de Donetsk, après des mois "
        "de combats. La ville de Donetsk est tenue par les séparatistes depuis avril 2014.",
    )
    states = control_at(result.observations, dt.date(2015, 1, 31))
    by_place = {s.place: s.side for s in states}
    assert by_place.get("aéroport de Donetsk") == "russia"
    assert by_place.get("Donetsk") == "russia"
    assert len({s.place_id for s in states}) == 2


def test_a_stronghold_is_its_town_not_a_site(tmp_path):
    """ "La place forte de X" is the town X, held; not a square named "place de X"."""
    result = _run(
        tmp_path,
        "sahel",
        "2012-04-01",
        "La place forte de Kidal est tombée samedi aux mains des rebelles touareg.",
    )
    assert ("captured", "rebels", "Kidal") in _facts(result)
    assert not any(o.place_id.startswith(SITE_PREFIX) for o in result.observations)
