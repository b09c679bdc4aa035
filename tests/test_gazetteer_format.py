"""Candidate tables and JSON for ``geo gazetteer lookup``; the package's doctest examples."""

from __future__ import annotations

import doctest
import json

import pytest

import gazetteer.format
import gazetteer.index
import gazetteer.normalize
import gazetteer.sources
from gazetteer import Candidate, Place
from gazetteer.format import candidates_json, candidates_table

TADMUR = Place(
    "geonames:163808",
    "Tadmur",
    38.28402,
    34.5624,
    "SY",
    population=51015,
    source="geonames:163808",
    uncertainty_km=2.4,
    aliases=("Palmyre", "Palmyra"),
)
PALMIRA = Place(
    "geonames:3673164", "Palmira with a very long name indeed", -76.3, 3.54, "CO", population=312519
)


def test_table_has_header_and_one_aligned_line_per_candidate():
    table = candidates_table(
        [Candidate(TADMUR, "Palmyre", 1.0), Candidate(PALMIRA, "Palmira", 0.87, exact=False)]
    )
    header, first, second = table.splitlines()
    assert header.split()[:3] == ["rank", "name", "matched"]
    assert first.split()[:3] == ["1", "Tadmur", "Palmyre"]
    assert "~0.87" in second and "…" in second  # fuzzy marked, long name clipped
    assert first.index("geonames:163808") == second.index("geonames:3673164")
    assert "38.28402" in first and "34.56240" in first and "51015" in first


def test_empty_table_is_just_the_header():
    assert candidates_table([]).splitlines() == [candidates_table([]).strip()]


def test_json_records_round_trip():
    records = candidates_json([Candidate(TADMUR, "Palmyre", 1.0)])
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    (record,) = records
    assert record["rank"] == 1 and record["place_id"] == "geonames:163808"
    assert record["matched_name"] == "Palmyre" and record["exact"] is True
    assert (record["lon"], record["lat"]) == (38.28402, 34.5624)
    assert record["aliases"] == ["Palmyre", "Palmyra"]


@pytest.mark.parametrize(
    "module", [gazetteer.format, gazetteer.index, gazetteer.normalize, gazetteer.sources]
)
def test_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
