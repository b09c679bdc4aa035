"""Score the pipeline on the blind dispatches of this folder against their gold files.

Usage::

    python tests/data/blind/score.py

Each ``*.gold.json`` beside its dispatch lists the places (the expected GeoNames id and
country, or ``null`` for a place no embedded gazetteer holds), the capitals used as
metonyms (each as the phrase it opens, so that "réunis à Moscou" stays a location), the
distance claims with the point the text implies, and the front-line events
(same conventions as ``tests/data/gold/events/*.json``). Errors are printed one a line so
that each can be read, then the figures; :func:`score` returns them for ``tests/test_blind.py``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from pyproj import Geod

HERE = Path(__file__).resolve().parent
_GEOD = Geod(ellps="WGS84")
_EVAL = HERE.parent.parent.parent / "bench" / "eval_events.py"


def _load_evaluator():
    spec = importlib.util.spec_from_file_location("_eval_events", _EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000


def gold_files() -> list[dict]:
    """The gold annotations of the blind dispatches, sorted by article id."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HERE.glob("*.gold.json"))]


def score(result) -> dict:
    """Compare a pipeline result on this folder with the gold files.

    Parameters
    ----------
    result
        A ``geo.pipeline.PipelineResult`` of ``run([this folder])``.

    Returns
    -------
    dict
        ``errors`` (one readable line each) and the figures: places right / total,
        metonyms right / total, spurious front-line events on metonym places, claims
        placed within tolerance / total, and the event scores of ``bench/eval_events.py``.
    """
    golds = gold_files()
    errors: list[str] = []
    places_ok = places_total = meto_ok = meto_total = spurious = claims_ok = claims_total = 0
    texts = {a.id: a.text for a in result.articles}
    by_article: dict[str, list] = {}
    for mention in result.mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    for gold in golds:
        art = gold["article"]
        mentions = by_article.get(art, [])
        for place in gold["places"]:
            places_total += 1
            found = [m for m in mentions if m.surface == place["surface"]]
            if not found:
                errors.append(f"{art}: missed place {place['surface']!r}")
                continue
            wrong = [
                m for m in found if (m.place.place_id if m.place else None) != place["place_id"]
            ]
            if place["place_id"] is None:
                wrong = [m for m in found if m.place and m.place.source != "inferred"]
            if wrong:
                got = wrong[0].place
                where = f"{got.name} ({got.country_code})" if got else "unresolved"
                errors.append(f"{art}: {place['surface']!r} placed as {where}")
            else:
                places_ok += 1
        meto_ids = set()
        body = texts[art]
        for phrase in gold["metonyms"]:
            meto_total += 1
            at = body.index(phrase) + next(i for i, c in enumerate(phrase) if c.isupper())
            found = [m for m in mentions if m.start == at]
            meto_ids.update(m.place.place_id for m in found if m.place)
            if found and all(m.role == "metonym" for m in found):
                meto_ok += 1
            else:
                errors.append(f"{art}: metonym missed in {phrase!r}")
        for obs in result.observations:
            if obs.article_id == art and not obs.context and obs.place_id in meto_ids:
                spurious += 1
                errors.append(f"{art}: front-line {obs.relation} in capital {obs.place!r}")
        claims = [c for c in result.claims if c.article_id == art]
        for want in gold["claims"]:
            claims_total += 1
            near = [c for c in claims if c.anchor.place_id == want["anchor_id"]]
            tolerance = max(3.0, 0.25 * want["distance_km"])
            off = [_km(c.lat, c.lon, want["lat"], want["lon"]) for c in near]
            if off and min(off) <= tolerance:
                claims_ok += 1
            elif off:
                errors.append(
                    f"{art}: claim {want['phrase']!r} placed {min(off):.0f} km off "
                    f"(tolerance {tolerance:.0f})"
                )
            else:
                errors.append(f"{art}: missed claim {want['phrase']!r}")
    evaluator = _load_evaluator()
    events = [{**event, "article": gold["article"]} for gold in golds for event in gold["events"]]
    scores = evaluator.evaluate(events, result.observations)
    for gold in scores["missed"]:
        errors.append(
            f"{gold['article']}: missed event {gold['relation']} {gold['side']} {gold['place']}"
        )
    for key in scores["spurious"]:
        errors.append(
            f"{key.article}: spurious event {key.relation} {key.side} {key.place or key.place_id}"
        )
    overall = scores["relations"]["all"]
    return {
        "errors": errors,
        "places": (places_ok, places_total),
        "metonyms": (meto_ok, meto_total),
        "spurious_in_capitals": spurious,
        "claims": (claims_ok, claims_total),
        "events": {k: overall[k] for k in ("gold", "predicted", "tp", "p", "r", "f1")},
        "date_agreement": scores["date_agreement"],
    }


def main() -> int:
    from geo.pipeline import run

    figures = score(run([HERE]))
    for line in figures.pop("errors"):
        print(line)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
