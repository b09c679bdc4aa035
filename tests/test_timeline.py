"""Who holds what as of a date, contested places, snapshot dates and advance arrows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import Point

from geo.records import Observation
from geo.timeline import (
    CONTESTED,
    ORIGIN_MAX_KM,
    STALE_AFTER_DAYS,
    TimelineOptionError,
    advances,
    control_at,
    snapshot_dates,
    timeline,
)

GEOD = Geod(ellps="WGS84")
D = dt.date

PLACES = {
    "Manbij": ("geonames:166365", 37.953, 36.528, 3.0),
    "Tal Afar": ("geonames:89570", 42.450, 36.374, 3.0),
    "Palmyre": ("geonames:170933", 38.268, 34.560, 3.0),
    "Raqa": ("geonames:163915", 39.009, 35.952, 6.0),
    "Deir Ezzor": ("geonames:170794", 40.141, 35.336, 6.0),
    "Idleb": ("geonames:169389", 36.633, 35.931, 4.0),
    "Qaryatayn": ("geonames:163345", 37.240, 34.229, 2.0),
    "Soukhné": ("geonames:163098", 38.877, 34.890, 2.0),
    "Homs": ("geonames:169577", 36.724, 34.727, 8.0),
}


def obs(relation, side, place, day, precision="day", **kw):
    """An observation about a known place, its sentence built from its fields."""
    place_id, lon, lat, radius = PLACES[place]
    fields = {
        "article_id": kw.pop("article", f"a-{day}"),
        "evidence": kw.pop("evidence", f"{side} {relation} {place} ({day})"),
        "relation": relation,
        "actor": side,
        "side": side,
        "place_id": place_id,
        "place": place,
        "lon": lon,
        "lat": lat,
        "uncertainty_km": radius,
        "geometry": Point(lon, lat),
        "date": day,
        "date_precision": precision,
        "confidence": 0.8,
    }
    fields.update(kw)
    return Observation(**fields)


def position(side, anchor, km, bearing, day, precision="day", **kw):
    """A ``positioned`` claim: the side's forces ``km`` from ``anchor`` towards ``bearing``."""
    anchor_id, lon, lat, _ = PLACES[anchor]
    plon, plat, _ = GEOD.fwd(lon, lat, bearing, km * 1000)
    return Observation(
        article_id=kw.pop("article", f"p-{day}"),
        evidence=kw.pop("evidence", f"{side} à {km} km de {anchor} ({day})"),
        relation="positioned",
        actor=side,
        side=side,
        place_id=None,
        place=None,
        lon=plon,
        lat=plat,
        uncertainty_km=5.0,
        geometry=Point(plon, plat).buffer(0.05),
        date=day,
        date_precision=precision,
        confidence=kw.pop("confidence", 0.7),
        anchor_id=anchor_id,
        distance_min_km=max(km - 5.0, 0.0),
        distance_max_km=km + 5.0,
        bearing_deg=float(bearing),
    )


def holders(states):
    return {s.place: s.side for s in states}


# --- deciding evidence -------------------------------------------------------------------


def test_capture_then_loss_to_the_only_other_side_on_the_ground():
    history = [
        obs("controls", "isis", "Manbij", D(2016, 1, 10)),
        obs("captured", "sdf", "Manbij", D(2016, 8, 12)),
        obs("advancing", "turkey", "Manbij", D(2019, 10, 9)),
        obs("withdrew", "sdf", "Manbij", D(2019, 10, 15), evidence="Les FDS ont quitté Manbij."),
    ]
    assert holders(control_at(history, D(2016, 8, 11))) == {"Manbij": "isis"}
    assert holders(control_at(history, D(2016, 8, 12))) == {"Manbij": "sdf"}
    # The EI held it before the SDF; since the SDF took it, only Turkey came: Turkey's now.
    state = control_at(history, D(2019, 11, 1))[0]
    assert (state.side, state.relation) == ("turkey", "withdrew")
    assert state.evidence == "Les FDS ont quitté Manbij."


def test_loss_goes_to_the_single_other_side_else_the_place_is_left_off():
    lost = obs(
        "lost", "government", "Palmyre", D(2016, 12, 11), evidence="Le régime a perdu Palmyre."
    )
    held = obs("captured", "government", "Palmyre", D(2016, 3, 27))
    assert control_at([held, lost], D(2017, 1, 1)) == []
    attacker = obs("fighting", "isis", "Palmyre", D(2016, 12, 8))
    state = control_at([held, attacker, lost], D(2017, 1, 1))[0]
    assert (state.side, state.since, state.relation) == ("isis", D(2016, 12, 11), "lost")
    assert state.evidence == "Le régime a perdu Palmyre."
    two_others = [held, attacker, obs("besieged", "rebels", "Palmyre", D(2016, 12, 1)), lost]
    assert control_at(two_others, D(2017, 1, 1)) == []


def test_taken_and_retaken_follows_each_capture():
    history = [
        obs("captured", "isis", "Palmyre", D(2015, 5, 1), "month"),
        obs("captured", "government", "Palmyre", D(2016, 3, 27)),
        obs("captured", "isis", "Palmyre", D(2016, 12, 11)),
        obs("captured", "government", "Palmyre", D(2017, 3, 2)),
    ]
    sides = [
        holders(control_at(history, day)).get("Palmyre")
        for day in (D(2015, 4, 30), D(2015, 5, 20), D(2016, 3, 27), D(2016, 12, 31), D(2017, 3, 2))
    ]
    assert sides == [None, "isis", "government", "isis", "government"]
    assert snapshot_dates(history) == [
        D(2015, 5, 31),
        D(2016, 3, 27),
        D(2016, 12, 11),
        D(2017, 3, 2),
    ]


def test_capture_overrides_the_other_sides_control_reported_with_it():
    # "reprendre Palmyre à l'EI" says both that the government took it and that the EI held it.
    same_dispatch = [
        obs("controls", "isis", "Palmyre", D(2022, 2, 1), "month"),
        obs("captured", "government", "Palmyre", D(2022, 2, 1), "month"),
        obs("lost", "isis", "Palmyre", D(2022, 2, 1), "month"),
        obs("fighting", "isis", "Palmyre", D(2022, 2, 20)),
    ]
    state = control_at(same_dispatch, D(2022, 2, 28))[0]
    assert state.side == "government"
    assert state.relation == "captured"


def test_sources_that_disagree_on_one_date_make_the_place_contested():
    day = D(2015, 3, 28)
    claims = [
        obs(
            "controls", "nusra", "Idleb", day, article="afp", evidence="Idleb aux mains d'Al-Nosra."
        ),
        obs(
            "controls", "government", "Idleb", day, article="sana", evidence="L'armée tient Idleb."
        ),
    ]
    (state,) = control_at(claims, D(2015, 3, 29))
    assert state.side == CONTESTED
    assert (state.article_id, state.evidence) in {(c.article_id, c.evidence) for c in claims}
    # A later, single source settles it.
    settled = [*claims, obs("captured", "nusra", "Idleb", D(2015, 3, 30))]
    assert holders(control_at(settled, D(2015, 4, 1))) == {"Idleb": "nusra"}


def test_a_month_claim_disagreeing_with_a_day_claim_inside_it_is_contested():
    claims = [
        obs("controls", "rebels", "Qaryatayn", D(2015, 8, 1), "month"),
        obs("controls", "isis", "Qaryatayn", D(2015, 8, 6)),
    ]
    assert holders(control_at(claims, D(2015, 8, 31))) == {"Qaryatayn": CONTESTED}


def test_a_vague_year_claim_does_not_blur_the_order_of_precise_captures():
    claims = [
        obs("captured", "isis", "Qaryatayn", D(2015, 8, 1), "month"),
        obs("controls", "isis", "Qaryatayn", D(2015, 1, 1), "year"),
        obs("captured", "government", "Qaryatayn", D(2015, 11, 20)),
    ]
    assert holders(control_at(claims, D(2015, 10, 1))) == {"Qaryatayn": "isis"}
    assert holders(control_at(claims, D(2015, 12, 1))) == {"Qaryatayn": "government"}


def test_two_captures_in_one_month_without_order_are_contested():
    claims = [
        obs("captured", "government", "Soukhné", D(2017, 8, 1), "month"),
        obs("captured", "isis", "Soukhné", D(2017, 8, 1), "month"),
    ]
    assert holders(control_at(claims, D(2017, 8, 31))) == {"Soukhné": CONTESTED}


def test_fighting_inside_after_the_change_makes_it_contested_until_new_evidence():
    history = [
        obs("captured", "isis", "Tal Afar", D(2014, 6, 16)),
        obs(
            "fighting",
            None,
            "Tal Afar",
            D(2017, 8, 22),
            evidence="Des combats ont lieu à Tal Afar.",
        ),
        obs("captured", "iraq", "Tal Afar", D(2017, 8, 31)),
    ]
    assert holders(control_at(history, D(2017, 8, 21))) == {"Tal Afar": "isis"}
    state = control_at(history, D(2017, 8, 25))[0]
    assert (state.side, state.since, state.relation) == (CONTESTED, D(2017, 8, 22), "fighting")
    assert holders(control_at(history, D(2017, 9, 1))) == {"Tal Afar": "iraq"}
    assert snapshot_dates(history) == [D(2014, 6, 16), D(2017, 8, 22), D(2017, 8, 31)]


def test_fighting_its_dispatch_places_outside_the_town_does_not_contest_it():
    held = obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month", article="x")
    fight = obs("fighting", "government", "Palmyre", D(2017, 2, 1), "month", article="feb")
    outside = position("government", "Palmyre", 20, 270, D(2017, 2, 1), "month", article="feb")
    assert holders(control_at([held, fight, outside], D(2017, 2, 28))) == {"Palmyre": "isis"}
    # At the gates (300 m, within the town's radius) the fight is inside: contested.
    gates = position("government", "Palmyre", 0.3, 270, D(2017, 2, 1), "month", article="feb")
    assert holders(control_at([held, fight, gates], D(2017, 2, 28))) == {"Palmyre": CONTESTED}
    # Another dispatch's position says nothing about where this fight took place.
    elsewhere = position("government", "Palmyre", 20, 270, D(2017, 2, 1), "month", article="y")
    assert holders(control_at([held, fight, elsewhere], D(2017, 2, 28))) == {"Palmyre": CONTESTED}


# --- dates ---------------------------------------------------------------------------------


def test_month_evidence_counts_from_the_first_day_of_its_month():
    since_december = obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month")
    assert control_at([since_december], D(2016, 11, 30)) == []
    state = control_at([since_december], D(2016, 12, 15))[0]
    assert (state.side, state.since, state.age_days) == ("isis", D(2016, 12, 1), 14)


def test_undated_evidence_is_not_placed_on_the_timeline_and_does_not_crash():
    undated = obs("captured", "rebels", "Homs", None, None)
    assert control_at([undated], D(2015, 1, 1)) == []
    assert snapshot_dates([undated]) == []
    assert snapshot_dates([undated], every="month") == []
    assert timeline([undated]) == []
    dated = obs("controls", "government", "Homs", D(2014, 5, 9))
    assert holders(control_at([undated, dated], D(2015, 1, 1))) == {"Homs": "government"}


def test_context_and_side_less_claims_do_not_decide():
    diplomacy = obs("captured", "coalition", "Raqa", D(2017, 10, 17), context=True)
    anonymous = obs("captured", None, "Raqa", D(2017, 10, 17))
    assert control_at([diplomacy, anonymous], D(2018, 1, 1)) == []


def test_stale_evidence_is_flagged_with_its_age():
    claim = obs("controls", "isis", "Deir Ezzor", D(2016, 1, 1))
    fresh = control_at([claim], D(2016, 1, 1) + dt.timedelta(days=STALE_AFTER_DAYS))[0]
    old = control_at([claim], D(2016, 1, 1) + dt.timedelta(days=STALE_AFTER_DAYS + 1))[0]
    assert (fresh.stale, fresh.age_days) == (False, STALE_AFTER_DAYS)
    assert (old.stale, old.age_days) == (True, STALE_AFTER_DAYS + 1)
    assert control_at([claim], D(2016, 1, 11), stale_after_days=5)[0].stale


def test_snapshot_dates_per_article_week_and_month():
    history = [
        obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month", article="feb"),
        obs("advancing", "government", "Palmyre", D(2017, 2, 1), "month", article="feb"),
        obs("captured", "government", "Palmyre", D(2017, 3, 2), article="mar"),
    ]
    assert snapshot_dates(history, every="article") == [D(2017, 2, 28), D(2017, 3, 2)]
    assert snapshot_dates(history, every="month") == [
        D(2016, 12, 31),
        D(2017, 1, 31),
        D(2017, 2, 28),
        D(2017, 3, 31),
    ]
    weeks = snapshot_dates(history, every="week")
    assert weeks[0] == D(2016, 12, 4) and weeks[-1] == D(2017, 3, 5)
    assert all(day.isoweekday() == 7 for day in weeks)
    assert len(weeks) == 14
    assert snapshot_dates(history) == [D(2016, 12, 31), D(2017, 3, 2)]


def test_a_dispatch_renewing_stale_evidence_gets_its_own_snapshot():
    history = [
        obs("captured", "isis", "Palmyre", D(2015, 5, 1), "month"),
        obs("controls", "isis", "Palmyre", D(2015, 6, 10)),
        obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month"),
    ]
    # June 2015 repeats fresh news: no new map; December 2016 renews an 18-month-old state.
    # Month evidence is drawn as of the month's end, when its news is known.
    assert snapshot_dates(history) == [D(2015, 5, 31), D(2016, 12, 31)]
    assert snapshot_dates(history, stale_after_days=10) == [
        D(2015, 5, 31),
        D(2015, 6, 10),
        D(2016, 12, 31),
    ]


def test_an_unknown_snapshot_option_names_itself():
    with pytest.raises(TimelineOptionError, match="'fortnight'"):
        snapshot_dates([], every="fortnight")


def test_seed_like_history_gives_the_expected_holders_with_their_sentences():
    s17 = "Palmyre, joyau du désert syrien entre les mains de Daech depuis le mois de décembre."
    s22 = "Après avoir reconquis Palmyre, les forces prorégime n'auront qu'à déloger l'EI."
    fief = "Deir Ezzor (est) et Raqa (nord), principaux fiefs de l'EI."
    history = [
        obs("captured", "isis", "Palmyre", D(2015, 5, 1), "month", article="004", evidence="x"),
        obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month", article="002", evidence=s17),
        position("government", "Palmyre", 20, 270, D(2017, 2, 1), "month", article="002"),
        obs(
            "captured", "government", "Palmyre", D(2022, 2, 1), "month", article="004", evidence=s22
        ),
        obs("lost", "isis", "Palmyre", D(2022, 2, 1), "month", article="004"),
        obs("controls", "isis", "Raqa", D(2022, 2, 1), "month", article="004", evidence=fief),
        obs("controls", "isis", "Deir Ezzor", D(2022, 2, 1), "month", article="004", evidence=fief),
    ]
    feb17 = {s.place: s for s in control_at(history, D(2017, 2, 28))}
    assert feb17["Palmyre"].side == "isis"
    assert (feb17["Palmyre"].article_id, feb17["Palmyre"].evidence) == ("002", s17)
    feb22 = {s.place: s for s in control_at(history, D(2022, 2, 28))}
    assert {p: s.side for p, s in feb22.items()} == {
        "Palmyre": "government",
        "Raqa": "isis",
        "Deir Ezzor": "isis",
    }
    assert (feb22["Palmyre"].article_id, feb22["Palmyre"].evidence) == ("004", s22)
    assert feb22["Raqa"].evidence == fief


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3000), st.sampled_from(["government", "isis", "rebels", "sdf"])),
        min_size=1,
        max_size=12,
        unique_by=lambda t: t[0],
    )
)
def test_with_day_precise_captures_the_latest_capture_always_decides(captures):
    start = D(2012, 1, 1)
    history = [obs("captured", side, "Homs", start + dt.timedelta(days=n)) for n, side in captures]
    for day_offset, side in captures:
        day = start + dt.timedelta(days=day_offset)
        assert holders(control_at(history, day)) == {"Homs": side}
    changes = snapshot_dates(history)
    ordered = sorted(captures)
    expected = [
        start + dt.timedelta(days=n)
        for i, (n, side) in enumerate(ordered)
        if i == 0 or ordered[i - 1][1] != side or n - ordered[i - 1][0] > STALE_AFTER_DAYS
    ]
    assert changes == expected


# --- advances --------------------------------------------------------------------------


def _km(a, b):
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000


def test_successive_positions_give_an_arrow_towards_the_later_one():
    far = position("government", "Palmyre", 20, 270, D(2017, 2, 10))
    near = position("government", "Palmyre", 0.3, 270, D(2017, 2, 24), evidence="à 300 mètres")
    named = obs("controls", "isis", "Palmyre", D(2016, 12, 1), "month")
    (arrow,) = advances([far, near, named], D(2017, 2, 28))
    assert (arrow.side, arrow.target_place) == ("government", "Palmyre")
    assert _km(arrow.origin, (far.lon, far.lat)) < 0.01
    assert _km(arrow.target, (near.lon, near.lat)) < 0.01
    assert (arrow.date, arrow.evidence) == (D(2017, 2, 24), "à 300 mètres")
    # As of a date between the two, only the first position is known: no arrow yet.
    assert advances([far, near], D(2017, 2, 20)) == []


def test_an_offensive_points_from_the_latest_position_to_its_objective():
    west = position("government", "Palmyre", 20, 270, D(2016, 3, 10))
    offensive = obs("advancing", "government", "Palmyre", D(2016, 3, 7), evidence="offensive")
    (arrow,) = advances([offensive, west], D(2016, 3, 20))
    assert arrow.target_place == "Palmyre"
    assert _km(arrow.origin, (west.lon, west.lat)) < 0.01
    assert _km(arrow.target, PLACES["Palmyre"][1:3]) < 0.01
    assert arrow.date == D(2016, 3, 10)


def test_an_offensive_without_a_start_leaves_from_the_nearest_held_place():
    base = obs("captured", "government", "Palmyre", D(2017, 3, 2))
    other = obs("controls", "government", "Homs", D(2017, 3, 2))
    push = obs("advancing", "government", "Deir Ezzor", D(2017, 8, 1), confidence=0.8)
    (arrow,) = advances([base, other, push], D(2017, 8, 15))
    assert arrow.origin == PLACES["Palmyre"][1:3]
    assert arrow.target_place == "Deir Ezzor"
    assert arrow.confidence == pytest.approx(0.4)
    # Nothing held within reach: no guessed arrow.
    far_push = obs("advancing", "government", "Tal Afar", D(2017, 8, 1))
    assert _km(PLACES["Palmyre"][1:3], PLACES["Tal Afar"][1:3]) > ORIGIN_MAX_KM
    assert advances([base, far_push], D(2017, 8, 15)) == []


def test_old_arrows_and_other_sides_positions_are_kept_apart():
    gov = position("government", "Palmyre", 20, 270, D(2017, 2, 1))
    isis = position("isis", "Palmyre", 5, 90, D(2017, 2, 20))
    gov_later = position("government", "Palmyre", 10, 270, D(2017, 2, 25))
    arrows = advances([gov, isis, gov_later], D(2017, 3, 1))
    assert [a.side for a in arrows] == ["government"]
    assert advances([gov, isis, gov_later], D(2017, 3, 1), within_days=2) == []


def test_an_objective_the_side_already_stands_on_gives_no_arrow():
    taken = obs("captured", "sdf", "Raqa", D(2017, 10, 17))
    offensive = obs("advancing", "sdf", "Raqa", D(2017, 6, 6))
    assert advances([offensive, taken], D(2017, 10, 20)) == []


def test_fighting_for_a_town_points_from_the_sides_position_to_it():
    west = position("government", "Qaryatayn", 15, 270, D(2016, 3, 1), "month", article="m")
    fight = obs("fighting", "government", "Qaryatayn", D(2016, 3, 1), "month", article="m")
    (arrow,) = advances([west, fight], D(2016, 3, 31))
    assert _km(arrow.origin, (west.lon, west.lat)) < 0.01
    assert arrow.target_place == "Qaryatayn" and arrow.date == D(2016, 3, 1)


def test_a_capture_is_reached_from_the_last_position_away_from_the_town():
    west = position("government", "Palmyre", 20, 270, D(2017, 1, 1), "month")
    gates = position("government", "Palmyre", 0.3, 270, D(2017, 1, 1), "month")
    taken = obs("captured", "government", "Palmyre", D(2017, 2, 1), "month", evidence="prise")
    (arrow,) = advances([west, gates, taken], D(2017, 2, 28))
    assert _km(arrow.origin, (west.lon, west.lat)) < 0.01
    assert (arrow.target_place, arrow.evidence, arrow.date) == ("Palmyre", "prise", D(2017, 2, 1))


def test_positions_years_apart_are_not_joined_by_an_arrow():
    old = position("government", "Palmyre", 20, 270, D(2017, 2, 1), "month")
    new = position("government", "Palmyre", 5, 90, D(2022, 1, 1), "month")
    assert advances([old, new], D(2022, 1, 31)) == []
