"""The pipeline on the blind dispatches of ``tests/data/blind``: the figures reached after
the fixes they prompted, held so that a regression shows (see that folder's README)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from geo.pipeline import run

BLIND = Path(__file__).parent / "data" / "blind"


@pytest.fixture(scope="module")
def figures(nlp) -> dict:
    spec = importlib.util.spec_from_file_location("_blind_score", BLIND / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.score(run([BLIND]))


def test_places_are_found_and_placed(figures):
    ok, total = figures["places"]
    assert total == 60 and ok >= 59, [e for e in figures["errors"] if "place" in e]


def test_governments_acting_are_metonyms_and_never_front_lines(figures):
    ok, total = figures["metonyms"]
    assert total == 22 and ok >= 21, [e for e in figures["errors"] if "metonym" in e]
    assert figures["spurious_in_capitals"] == 0


def test_distance_claims_are_measured_from_the_stated_place(figures):
    ok, total = figures["claims"]
    assert total == 17 and ok >= 14, [e for e in figures["errors"] if "claim" in e]


def test_front_line_events(figures):
    events = figures["events"]
    assert events["gold"] == 42
    assert events["tp"] >= 28 and events["f1"] >= 0.56, events
    assert figures["date_agreement"] >= 0.9
