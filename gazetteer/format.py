"""Candidates as a readable table or as JSON records, for ``geo gazetteer lookup``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gazetteer.records import Candidate

__all__ = ["candidates_json", "candidates_table"]

_COLUMNS = (
    ("rank", ">4"),
    ("name", "<24"),
    ("matched name", "<24"),
    ("score", ">5"),
    ("country", "<7"),
    ("feature", "<9"),
    ("population", ">10"),
    ("lon", ">10"),
    ("lat", ">9"),
    ("place_id", "<0"),
)


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def candidates_table(candidates: Sequence[Candidate]) -> str:
    """A fixed-width table, one candidate per line, best first.

    Columns: rank, name, matched name, score (``~`` marks a fuzzy match), country,
    feature (class.code), population, lon, lat, place_id.

    Examples
    --------
    >>> from gazetteer import Candidate, Place
    >>> place = Place("geonames:163808", "Tadmur", 38.28402, 34.5624, "SY", population=51015)
    >>> print(candidates_table([Candidate(place, "Palmyre", 1.0)]))  # doctest: +NORMALIZE_WHITESPACE
    rank name                     matched name             score country feature   population        lon       lat place_id
       1 Tadmur                   Palmyre                   1.00 SY      P.PPL          51015   38.28402  34.56240 geonames:163808
    """  # noqa: E501
    lines = [" ".join(f"{title:{spec}}" for title, spec in _COLUMNS).rstrip()]
    for rank, c in enumerate(candidates, start=1):
        place = c.place
        cells = (
            str(rank),
            _clip(place.name, 24),
            _clip(c.matched_name, 24),
            f"{c.score:.2f}" if c.exact else f"~{c.score:.2f}",
            place.country_code or "-",
            f"{place.feature_class}.{place.feature_code}",
            str(place.population),
            f"{place.lon:.5f}",
            f"{place.lat:.5f}",
            place.place_id,
        )
        lines.append(
            " ".join(f"{cell:{spec}}" for cell, (_, spec) in zip(cells, _COLUMNS, strict=True))
        )
    return "\n".join(lines)


def candidates_json(candidates: Sequence[Candidate]) -> list[dict[str, Any]]:
    """The candidates as JSON-ready dicts, best first (``rank`` starts at 1)."""
    return [
        {
            "rank": rank,
            "place_id": c.place.place_id,
            "name": c.place.name,
            "matched_name": c.matched_name,
            "score": c.score,
            "exact": c.exact,
            "country_code": c.place.country_code,
            "feature_class": c.place.feature_class,
            "feature_code": c.place.feature_code,
            "population": c.place.population,
            "lon": c.place.lon,
            "lat": c.place.lat,
            "uncertainty_km": c.place.uncertainty_km,
            "source": c.place.source,
            "aliases": list(c.place.aliases),
        }
        for rank, c in enumerate(candidates, start=1)
    ]
