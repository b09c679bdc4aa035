"""Events evaluation: the pipeline's observations against a hand annotation of the seeds.

Usage::

    python bench/eval_events.py [GOLD_JSON] [--inputs PATH ...]

Default gold: ``tests/data/gold/events/seeds.json``; default inputs: the bundled seeds, or the
dispatches a gold file carries itself (``tests/data/gold/events/unseen.json``: held-out
dispatches never used to tune the rules). A gold
event is ``(article, relation, side, place)``; an observation matches it when the article,
relation and side agree and its place is the gold place (same ``place_id``, or the same
``anchor_id`` for a position relative to that place, or the same folded name when the gold
place is in no gazetteer). Context observations (diplomacy, places abroad) are left out: they
are never front-line events.

Printed per relation, then per war (the theatre profile each article got): gold and
predicted counts, true positives, precision, recall and F1
(predictions are counted once per distinct ``(article, relation, side, place)``), then the
share of matched events whose date agrees with the gold date to the gold's precision, and
the unmatched items on both sides so that an error can be read, not only counted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "gold" / "events" / "seeds.json"


@dataclass(frozen=True)
class _Key:
    article: str
    relation: str
    side: str | None
    place_id: str | None
    place: str


def _fold(text: str) -> str:
    from geo.theatre import fold

    return " ".join(fold(text).replace("-", " ").split())


def _predicted_keys(observations) -> dict[_Key, list]:
    keys: dict[_Key, list] = {}
    for obs in observations:
        if obs.context:
            continue
        where = obs.place_id or obs.anchor_id
        key = _Key(obs.article_id, obs.relation, obs.side, where, _fold(obs.place or ""))
        keys.setdefault(key, []).append(obs)
    return keys


def _matches(gold: dict, key: _Key) -> bool:
    if (gold["article"], gold["relation"], gold["side"]) != (key.article, key.relation, key.side):
        return False
    if gold["place_id"]:
        return key.place_id == gold["place_id"]
    return bool(key.place) and key.place == _fold(gold["place"])


def _date_agrees(gold_date: str, observations) -> bool:
    return any(obs.date and obs.date.isoformat().startswith(gold_date) for obs in observations)


def evaluate(gold_events: list[dict], observations) -> dict:
    """Per-relation precision, recall and F1, date agreement and the unmatched items."""
    from geo.records import RELATIONS

    predicted = _predicted_keys(observations)
    matched_keys: set[_Key] = set()
    true_positive: Counter[str] = Counter()
    dates_ok = 0
    missed = []
    for gold in gold_events:
        hits = [key for key in predicted if _matches(gold, key)]
        if hits:
            true_positive[gold["relation"]] += 1
            matched_keys.update(hits)
            dates_ok += _date_agrees(gold["date"], [o for k in hits for o in predicted[k]])
        else:
            missed.append(gold)
    spurious = [key for key in predicted if key not in matched_keys]
    gold_count = Counter(g["relation"] for g in gold_events)
    # A prediction counts once; a gold event matched by two distinct keys (a place and an
    # anchor) counts one true positive and no false positive.
    predicted_count = Counter(k.relation for k in spurious) + true_positive
    rows = {}
    for relation in (*RELATIONS, "all"):
        if relation == "all":
            g, p, t = gold_count.total(), predicted_count.total(), true_positive.total()
        else:
            g, p, t = gold_count[relation], predicted_count[relation], true_positive[relation]
        precision = t / p if p else None
        recall = t / g if g else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision and recall
            else (0.0 if p and g else None)
        )
        rows[relation] = {"gold": g, "predicted": p, "tp": t, "p": precision, "r": recall, "f1": f1}
    return {
        "relations": rows,
        "date_agreement": dates_ok / true_positive.total() if true_positive.total() else None,
        "missed": missed,
        "spurious": spurious,
    }


def _write_articles(articles: list[dict], folder: Path) -> Path:
    """Write gold dispatches that carry their own text as ``.txt`` files with a date header."""
    for article in articles:
        text = f"date {article['date']}\n{article['text']}\n"
        (folder / f"{article['id']}.txt").write_text(text, encoding="utf-8")
    return folder


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def by_theatre(gold_events: list[dict], result) -> dict[str, dict]:
    """:func:`evaluate` per war: gold events grouped by the profile their article got in
    ``result`` (``geo.pipeline.PipelineResult``), observations by their ``theatre``."""
    theatre_of = {choice.article_id: choice.theatre for choice in result.theatres}
    theatres = sorted({theatre_of.get(g["article"], "?") for g in gold_events})
    return {
        theatre: evaluate(
            [g for g in gold_events if theatre_of.get(g["article"], "?") == theatre],
            [o for o in result.observations if o.theatre == theatre],
        )
        for theatre in theatres
    }


def _print_per_theatre(gold_events: list[dict], result) -> None:
    scores = by_theatre(gold_events, result)
    print("\nper war (all relations):")
    for theatre, row in scores.items():
        total = row["relations"]["all"]
        print(
            f"  {theatre:<11} {total['gold']:>4} {total['predicted']:>4} {total['tp']:>3} "
            f"{_fmt(total['p'])} {_fmt(total['r'])} {_fmt(total['f1'])}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--inputs", nargs="*", type=Path, default=None)
    args = parser.parse_args(argv)
    from geo.pipeline import run

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        inputs = args.inputs
        if gold.get("articles") and inputs is None:
            inputs = [_write_articles(gold["articles"], Path(folder))]
        result = run(inputs)
    gold_events = gold["events"]
    scores = evaluate(gold_events, result.observations)
    print(f"{'relation':<11} {'gold':>4} {'pred':>4} {'tp':>3}     P     R    F1")
    for relation, row in scores["relations"].items():
        if relation != "all" and not (row["gold"] or row["predicted"]):
            continue
        print(
            f"{relation:<11} {row['gold']:>4} {row['predicted']:>4} {row['tp']:>3} "
            f"{_fmt(row['p'])} {_fmt(row['r'])} {_fmt(row['f1'])}"
        )
    print(f"date agreement on matched events: {_fmt(scores['date_agreement'])}")
    _print_per_theatre(gold_events, result)
    print("\nmissed (gold without a matching observation):")
    for gold in scores["missed"]:
        print(
            f"  {gold['article'][:3]} {gold['relation']:<10} {gold['side']!s:<10} {gold['place']}"
        )
    print("spurious (observations matching no gold event):")
    for key in scores["spurious"]:
        print(
            f"  {key.article[:3]} {key.relation:<10} {key.side!s:<10} {key.place or key.place_id}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
