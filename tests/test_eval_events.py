"""The events scorer of ``bench/eval_events.py`` on hand-made observations (no pipeline run)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from dataclasses import fields, replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from shapely.geometry import Point

from geo.records import Observation

_EVAL = Path(__file__).resolve().parent.parent / "bench" / "eval_events.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("_eval_events_under_test", _EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _obs(relation, side, place, place_id, *, article="a1", actor="x", date="2016-08-12", **extra):
    obs = Observation(
        article_id=article,
        evidence="",
        relation=relation,
        actor=actor,
        side=side,
        place_id=place_id,
        place=place,
        lon=0.0,
        lat=0.0,
        uncertainty_km=1.0,
        geometry=Point(0, 0),
        date=dt.date.fromisoformat(date),
        date_precision="day",
        confidence=1.0,
        context=extra.pop("context", False),
        anchor_id=extra.pop("anchor_id", None),
    )
    if set(extra) <= {f.name for f in fields(obs)}:
        return replace(obs, **extra)
    # an Observation without ``source`` / ``claimed_by``: the scorer reads them with getattr
    return SimpleNamespace(**{**{f.name: getattr(obs, f.name) for f in fields(obs)}, **extra})


def _gold(relation, side, place, place_id, *, article="a1", date="2016-08", **extra):
    return {
        "article": article,
        "relation": relation,
        "side": side,
        "place": place,
        "place_id": place_id,
        "date": date,
        **extra,
    }


GOLD = [
    _gold("captured", "sdf", "Manbij", "g:1", actor="les FDS", source="selon l'OSDH"),
    _gold("controls", "isis", "Manbij", "g:1", source="les FDS", claimed_by="sdf"),
    _gold("strike", "russia", "Alep", "g:2", actor="l'aviation russe"),
    _gold("fighting", None, "Tell Rifaat", None),
]
OBSERVATIONS = [
    _obs("captured", "sdf", "Manbij", "g:1", source="l'OSDH", claimed_by=None),
    _obs("controls", "isis", "Manbij", "g:1", date="2014-01-01", source="Sana", claimed_by="sdf"),
    _obs("strike", "government", "Alep", "g:2", actor=None),
    _obs("fighting", None, "Tell-Rifaat", None),  # matched by folded name
    _obs("positioned", None, None, None, anchor_id="g:1"),  # relative to Manbij
    _obs("advancing", "sdf", "Raqqa", "g:3"),
    _obs("captured", "sdf", "Genève", "g:9", context=True),  # never scored
]


def test_every_figure_on_hand_made_observations(ev):
    scores = ev.evaluate(GOLD, OBSERVATIONS)
    total = scores["relations"]["all"]
    assert (total["gold"], total["predicted"], total["tp"]) == (4, 6, 3)
    assert scores["pairs"]["gold"] == 4 and scores["pairs"]["tp"] == 3
    # predicted (article, side, place): sdf/Manbij, isis/Manbij, government/Alep,
    # None/Tell Rifaat, None/Manbij (anchor), sdf/Raqqa
    assert scores["pairs"]["predicted"] == 6
    assert scores["shares"]["place"] == (3, 4)  # Manbij, Alep, Tell Rifaat; not Raqqa
    assert scores["shares"]["side"] == (2, 3)  # Alep's strike has the wrong side
    assert scores["shares"]["actor"] == (1, 2)  # the Alep strike names no actor
    assert scores["shares"]["source"] == (1, 2)  # "l'OSDH" in "selon l'OSDH"; Sana ≠ les FDS
    assert scores["shares"]["claimed_by"] == (1, 1)
    assert scores["shares"]["date"] == (2, 3)
    assert [g["place"] for g in scores["missed"]] == ["Alep"]
    assert {k.relation for k in scores["spurious"]} == {"strike", "positioned", "advancing"}


def test_a_saved_baseline_scores_as_its_run(ev):
    rows = json.loads(json.dumps(ev.prediction_rows(OBSERVATIONS)))
    assert all(r["article"] == "a1" for r in rows) and len(rows) == 6
    from_rows, from_run = ev.evaluate(GOLD, rows), ev.evaluate(GOLD, OBSERVATIONS)
    for name in ("relations", "pairs", "shares", "date_agreement"):
        assert from_rows[name] == from_run[name]
    per_war = ev.by_war(GOLD, rows, {"a1": "syria_iraq"})
    assert list(per_war) == ["syria_iraq"]


def test_a_folder_of_dispatch_files(ev, tmp_path):
    gold = tmp_path / "gold"
    (gold / "theatres" / "dev").mkdir(parents=True)
    (gold / "events" / "wars" / "dev").mkdir(parents=True)
    dispatch = {"article": "t1", "date": "2022-09-10", "text": "Balakliïa a été reprise."}
    (gold / "theatres" / "dev" / "t1.json").write_text(json.dumps(dispatch), encoding="utf-8")
    event = {"relation": "captured", "side": "ukraine", "place": "Balakliïa", "place_id": None}
    files = {
        "ua.json": {"id": "ua", "theatre": "ukraine", "dispatch": "theatres/dev/t1.json"},
        "ml.json": {"id": "ml", "theatre": "sahel", "date": "2013-01-11", "text": "Konna."},
    }
    for name, data in files.items():
        text = json.dumps({**data, "events": [event]})
        (gold / "events" / "wars" / "dev" / name).write_text(text, encoding="utf-8")
    (gold / "events" / "wars" / "dev" / "zz.json").write_text('{"id": "zz", "te', encoding="utf-8")
    loaded = ev.load_gold(gold / "events" / "wars" / "dev")
    assert loaded.files == ["ml.json", "ua.json"] and loaded.skipped[0].startswith("zz.json")
    assert [(a["id"], a["date"]) for a in loaded.articles] == [
        ("ml", "2013-01-11"),
        ("ua", "2022-09-10"),
    ]
    assert loaded.articles[1]["text"] == dispatch["text"]
    assert [e["article"] for e in loaded.events] == ["ml", "ua"]
    assert loaded.wars == {"ml": "sahel", "ua": "ukraine"}
    ev._write_articles(loaded.articles, tmp_path)
    assert (tmp_path / "ua.txt").read_text(encoding="utf-8").startswith("date 2022-09-10\n")


def test_a_gold_place_with_no_id_matches_the_place_the_article_spells_so(ev):
    """Annotated as written ("Artsakh", no gazetteer id then), a place the gazetteer now
    holds under another name ("Haut-Karabakh") is matched through the article's spellings."""
    gold = [_gold("strike", "azerbaijan", "Artsakh", None)]
    rows = ev.prediction_rows([_obs("strike", "azerbaijan", "Haut-Karabakh", "curated:hk")])
    mention = SimpleNamespace(
        article_id="a1", surface="Artsakh", place=SimpleNamespace(place_id="curated:hk")
    )
    assert ev.evaluate(gold, rows)["relations"]["all"]["tp"] == 0
    assert ev.evaluate(gold, ev.name_anchors(rows, [mention]))["relations"]["all"]["tp"] == 1


def test_a_site_annotated_as_written_matches_the_site_of_its_town(ev):
    """A gold site ("l'aéroport international de Tripoli", no id) is the predicted site of the
    same kind named after a town the article spells as the gold does; not the town itself,
    and not another kind of site of that town."""
    gold = [_gold("captured", "gna", "l'aéroport international de Tripoli", None)]
    mention = SimpleNamespace(
        article_id="a1", surface="Tripoli", place=SimpleNamespace(place_id="geonames:1")
    )

    def tp(place, place_id):
        rows = ev.prediction_rows([_obs("captured", "gna", place, place_id)])
        return ev.evaluate(gold, ev.name_anchors(rows, [mention]))["relations"]["all"]["tp"]

    assert tp("aéroport de Tripoli", "site:aeroport:geonames:1") == 1
    assert tp("Tripoli", "geonames:1") == 0
    assert tp("port de Tripoli", "site:port:geonames:1") == 0


def test_the_issue_measure_of_sources_counts_those_named_in_the_sentence(ev):
    """A source named only in the paragraph ("selon l'OSDH" a sentence before) is left out
    of the sentence-level share; one named in the fact's own sentence is in it."""
    text = "Selon l'OSDH, l'armée a pris Homs. Les rebelles ont fui vers Idleb. Ils sont partis."
    here = {"source": "l'OSDH", "evidence": "l'armée a pris Homs"}
    paragraph = {"source": "l'OSDH", "evidence": "Les rebelles ont fui vers Idleb"}
    assert ev._named_in_sentence(here, text)
    assert not ev._named_in_sentence(paragraph, text)
    assert not ev._named_in_sentence({"source": None, "evidence": "Ils sont partis"}, text)
