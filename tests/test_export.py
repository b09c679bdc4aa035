"""The output contract of ``geo extract`` (DESIGN.md), as other tools read it."""

from __future__ import annotations

import json

import geo

MENTION_KEYS = {
    "article",
    "start",
    "end",
    "surface",
    "place_id",
    "name",
    "role",
    "resolution",
    "confidence",
}
PLACE_KEYS = {"place_id", "name", "country_code", "source", "uncertainty_km", "mentions", "aliases"}
OBSERVATION_KEYS = {
    "article", "evidence", "relation", "actor", "side", "place_id", "place", "anchor_id",
    "distance_min_km", "distance_max_km", "bearing_deg", "lat", "lon", "uncertainty_km",
    "date", "date_precision", "confidence",
}  # fmt: skip


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_extract_writes_the_contract(seed_result, tmp_path):
    written = geo.write_extract(seed_result, str(tmp_path))
    assert sorted(p.name for p in written) == [
        "mentions.geojson",
        "observations.geojson",
        "places.geojson",
        "report.json",
    ]
    texts = {a.id: a.text for a in seed_result.articles}
    mentions = _load(tmp_path / "mentions.geojson")
    assert mentions["type"] == "FeatureCollection"
    for feature in mentions["features"]:
        props = feature["properties"]
        assert props.keys() >= MENTION_KEYS
        assert texts[props["article"]][props["start"] : props["end"]] == props["surface"]
        assert (feature["geometry"] is None) == (props["resolution"] == "unresolved")
        assert props["role"] in {"location", "metonym"}
    places = _load(tmp_path / "places.geojson")["features"]
    assert all(f["properties"].keys() >= PLACE_KEYS for f in places)
    palmyre = next(f for f in places if "Palmyre" in f["properties"]["aliases"])
    lon, lat = palmyre["geometry"]["coordinates"]
    assert (round(lon), round(lat)) == (38, 35)  # lon first, as RFC 7946 has it
    observations = _load(tmp_path / "observations.geojson")["features"]
    assert observations and all(f["properties"].keys() >= OBSERVATION_KEYS for f in observations)
    located = [f for f in observations if f["geometry"] is not None]
    assert {f["geometry"]["type"] for f in located} <= {"Point", "Polygon", "MultiPolygon"}
    for f in observations:  # a place nothing locates: null geometry and coordinates
        if f["geometry"] is None:
            assert f["properties"]["lon"] is None and f["properties"]["place"]
    report = _load(tmp_path / "report.json")
    assert report["articles_read"] == 4 and report["skipped"] == []


def test_extract_is_deterministic(seed_result, tmp_path):
    geo.write_extract(seed_result, tmp_path / "a")
    geo.write_extract(seed_result, tmp_path / "b")
    for name in ("mentions.geojson", "places.geojson", "observations.geojson", "report.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
