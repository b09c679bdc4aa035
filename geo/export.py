"""GeoJSON and report output, exactly as DESIGN.md's output contract specifies.

RFC 7946: WGS84 lon/lat, one FeatureCollection per file. Features are sorted so that the
same inputs always give byte-identical files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from shapely.geometry import mapping

from geo._io import write_json_atomic

__all__ = [
    "control_collection",
    "mentions_collection",
    "observations_collection",
    "places_collection",
    "write_extract",
    "write_json_atomic",
]
from geo.pipeline import PipelineResult, report
from geo.records import ControlState, Mention, Observation

ROUND = 6  # decimal places of a coordinate: ~0.1 m, far below any claim's precision


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, ROUND)
    if isinstance(obj, list | tuple):
        return [_round_coords(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _round_coords(v) for k, v in obj.items()}
    return obj


def _point(lon: float | None, lat: float | None) -> dict | None:
    if lon is None or lat is None:
        return None
    return {"type": "Point", "coordinates": [round(lon, ROUND), round(lat, ROUND)]}


def _collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def _feature(geometry: dict | None, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def mentions_collection(mentions: Sequence[Mention]) -> dict:
    """``mentions.geojson``: one Point per toponym occurrence (null geometry when unresolved)."""
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.start, m.end))
    return _collection(
        _feature(
            _point(m.place.lon, m.place.lat) if m.place else None,
            {
                "article": m.article_id,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "place_id": m.place.place_id if m.place else None,
                "name": m.place.name if m.place else None,
                "role": m.role,
                "kind": m.kind,
                "resolution": m.resolution,
                "confidence": round(m.confidence, 3),
                "sentence": m.sentence.text,
                "reason": m.reason,
            },
        )
        for m in ordered
    )


def places_collection(mentions: Sequence[Mention]) -> dict:
    """``places.geojson``: one Point per distinct place used, with its mention count."""
    by_id: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.place is not None:
            by_id[m.place.place_id].append(m)
    features = []
    for place_id in sorted(by_id):
        group = by_id[place_id]
        place = group[-1].place
        assert place is not None
        features.append(
            _feature(
                _point(place.lon, place.lat),
                {
                    "place_id": place_id,
                    "name": place.name,
                    "country_code": place.country_code,
                    "source": place.source,
                    "uncertainty_km": round(place.uncertainty_km, 3),
                    "mentions": len(group),
                    "aliases": sorted({m.surface for m in group}),
                    "roles": sorted({m.role for m in group}),
                },
            )
        )
    return _collection(features)


def observation_properties(obs: Observation) -> dict:
    """The contract's properties of one observation (shared by the map layers)."""
    return {
        "article": obs.article_id,
        "evidence": obs.evidence,
        "relation": obs.relation,
        "actor": obs.actor,
        "side": obs.side,
        "place_id": obs.place_id,
        "place": obs.place,
        "anchor_id": obs.anchor_id,
        "distance_min_km": obs.distance_min_km,
        "distance_max_km": obs.distance_max_km,
        "bearing_deg": obs.bearing_deg,
        "lat": _rounded(obs.lat, ROUND),
        "lon": _rounded(obs.lon, ROUND),
        "uncertainty_km": _rounded(obs.uncertainty_km, 3),
        "date": obs.date.isoformat() if obs.date else None,
        "date_precision": obs.date_precision,
        "confidence": round(obs.confidence, 3),
        "context": obs.context,
        "theatre": obs.theatre,
        "source": obs.source,
        "claimed_by": obs.claimed_by,
    }


def observations_collection(observations: Sequence[Observation]) -> dict:
    """``observations.geojson``: one feature per dated claim, footprint or point geometry
    (``null`` for a place the text names but nothing locates)."""
    ordered = sorted(
        observations,
        key=lambda o: (o.article_id, o.evidence_start or 0, o.relation, o.place_id or ""),
    )
    return _collection(
        _feature(
            _round_coords(mapping(o.geometry)) if o.geometry is not None else None,
            observation_properties(o),
        )
        for o in ordered
    )


def _rounded(value: float | None, digits: int) -> float | None:
    """``value`` rounded; ``None`` (a place nothing locates) stays ``null``."""
    return None if value is None else round(value, digits)


def control_collection(states: Sequence[ControlState]) -> dict:
    """``control.geojson``: one Point per (snapshot, place) with the holder as of that date."""
    ordered = sorted(states, key=lambda s: (s.snapshot, s.place_id))
    return _collection(
        _feature(
            _point(s.lon, s.lat),
            {
                "snapshot": s.snapshot.isoformat(),
                "place_id": s.place_id,
                "place": s.place,
                "side": s.side,
                "since": s.since.isoformat() if s.since else None,
                "article": s.article_id,
                "evidence": s.evidence,
                "relation": s.relation,
                "confidence": round(s.confidence, 3),
                "age_days": s.age_days,
                "stale": s.stale,
                "theatre": s.theatre,
                "source": s.source,
                "claimed_only": s.claimed_only,
            },
        )
        for s in ordered
    )


def write_extract(result: PipelineResult, out_dir: str | Path) -> list[Path]:
    """Write ``mentions.geojson``, ``places.geojson``, ``observations.geojson`` and
    ``report.json`` into ``out_dir`` (created if needed); return the paths written."""
    out_dir = Path(out_dir)
    return [
        write_json_atomic(out_dir / "mentions.geojson", mentions_collection(result.mentions)),
        write_json_atomic(out_dir / "places.geojson", places_collection(result.mentions)),
        write_json_atomic(
            out_dir / "observations.geojson", observations_collection(result.observations)
        ),
        write_json_atomic(out_dir / "report.json", report(result)),
    ]
