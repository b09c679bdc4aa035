"""End to end on the seeds: the orchestrating function and the targets the issues set."""

from __future__ import annotations

import datetime as dt

from geo.pipeline import report
from geo.timeline import control_at


def _holders(observations, day: dt.date) -> dict[str, str]:
    return {s.place: s.side for s in control_at(observations, day)}


def test_every_seed_is_read_and_accounted_for(seed_result):
    rep = report(seed_result)
    assert rep["articles_read"] == 4
    assert rep["skipped"] == [] and rep["undated"] == []
    assert sum(rep["relations"].values()) == len(seed_result.observations)


def test_palmyre_held_by_the_ei_in_2017_and_by_the_government_in_2022(seed_result):
    end_feb_2017 = _holders(seed_result.observations, dt.date(2017, 2, 28))
    assert end_feb_2017["Palmyre"] == "isis"
    end_feb_2022 = _holders(seed_result.observations, dt.date(2022, 2, 28))
    assert end_feb_2022["Palmyre"] == "government"
    assert end_feb_2022["Raqa"] == "isis"
    assert end_feb_2022["Deir Ezzor"] == "isis"


def test_maps_name_places_as_the_dispatches_spell_them(seed_result):
    named = {o.place for o in seed_result.observations if o.place}
    assert {"Palmyre", "Raqa", "Mossoul"} <= named
    assert not named & {"Tadmur", "Ar Raqqah", "Mosul"}


def test_every_control_state_traces_back_to_one_sentence_of_its_article(seed_result):
    texts = {a.id: a.text for a in seed_result.articles}
    for day in (dt.date(2017, 2, 28), dt.date(2022, 2, 28)):
        for state in control_at(seed_result.observations, day):
            assert state.evidence in texts[state.article_id]


def test_no_front_line_event_in_capitals_far_from_the_war(seed_result):
    far = {"Washington", "Moscou", "Genève", "Bruxelles", "Paris"}
    front = [o for o in seed_result.observations if not o.context]
    assert not {o.place for o in front} & far


def test_a_second_run_in_the_same_process_gives_the_same_result(seed_result, seeds_dir):
    from geo.pipeline import run

    again = run([seeds_dir])
    assert again.observations == seed_result.observations
    assert again.inferred_places == seed_result.inferred_places


def test_a_dateline_its_own_text_contradicts_is_reported_and_kept(seed_result):
    # Seed 004 is headed February 2022 but tells the battle of Palmyre of 2015-2016.
    rep = report(seed_result)
    warnings = {w["article"]: w for w in rep["date_warnings"]}
    assert set(warnings) == {"004_2fac0abb5bba2034"}
    warning = warnings["004_2fac0abb5bba2034"]
    assert warning["dateline"] == "2022-02"
    assert {"2015-09", "2015-05"} <= set(warning["dates_found"])
    assert all(found < "2021" for found in warning["dates_found"])
    assert "2015-09" in warning["message"] and "2022-02" in warning["message"]
    # Kept, not replaced: the article's date is still its header's.
    dates = {a["id"]: a["date"] for a in rep["articles"]}
    assert dates["004_2fac0abb5bba2034"] == "2022-02-01"
