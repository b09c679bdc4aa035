r"""Events evaluation: the pipeline's observations against a hand annotation of dispatches.

Usage::

    python bench/eval_events.py [GOLD] [--inputs PATH ...]
                                [--save-baseline FILE] [--baseline FILE]

``GOLD`` (default ``tests/data/gold/events/seeds.json``) is one of:

* an old-format JSON file, ``{"events": [...], "articles": [...]}``: each event names its
  ``article``; ``articles`` (``id``, ``date``, ``text``) are the dispatches. Without
  ``articles`` the run reads ``--inputs`` or else the bundled seeds (``seeds.json``).
  ``unseen.json`` and ``blind.json`` are held-out dispatches never used to tune the rules.
* a folder of new-format files, one JSON file per dispatch (``tests/data/gold/events/wars/dev``,
  format in the annotators' spec): ``id``, ``theatre`` (the war), ``date`` and either ``text``
  or ``dispatch``, the path relative to ``tests/data/gold/`` of a theatres gold file whose
  ``text`` and ``date`` are the dispatch; its ``events`` add ``actor``, ``source`` and
  ``claimed_by`` to the old fields. A single such file is accepted too. A file that is not
  valid JSON yet (still being written) is skipped with a warning.

Every dispatch is written as a ``.txt`` file with its ``date`` header and
``geo.pipeline.run`` reads them, each article getting its theatre automatically.

A gold event is ``(article, relation, side, place)``; an observation matches it when the
article, relation and side agree and its place is the gold place (same ``place_id``, or the
same ``anchor_id`` for a position relative to that place, or the same folded name when the
gold place is in no gazetteer). Context observations (diplomacy, places abroad) are left out:
they are never front-line events. Predictions are counted once per distinct
``(article, relation, side, place)``; a gold event matched by two distinct predictions (a
place and an anchor) counts one true positive and no false positive.

Printed figures (with ``--baseline``, a second column gives the same figure for the saved run):

* per relation and ``all``: gold and predicted counts, true positives, precision, recall, F1
  of ``(place, side, relation)``;
* ``(place, side)``: the same with the relation ignored, over distinct ``(article, side,
  place)`` on both sides;
* place accuracy: the share of predicted distinct places (per article, context left out)
  that are the place of some gold event of that article;
* side accuracy: over gold events with a side whose ``(place, relation)`` some prediction
  matches, whatever its side: the share where one of those predictions has the gold side;
* actor found: over gold events with an ``actor``, matched on ``(place, relation)`` the same
  way: the share where one of those predictions names an actor;
* source accuracy: over gold events with a ``source`` matched by a prediction (place, side and
  relation): the share where a matching prediction carries a ``source`` that agrees (folded
  texts, one containing the other); and, below it, the same over the gold events whose
  source is named in their own sentence (not only in the paragraph): the issue's measure;
* claimed_by accuracy: likewise over matched gold events with a ``claimed_by``: the share where
  a matching prediction carries that side id;
* date agreement: over matched gold events with a date, the share where a matching
  prediction's date agrees with it to the gold's precision;
* theatre chosen: (gold files naming the war) the share of dispatches whose automatic theatre
  is that war;
* per war (the gold's ``theatre``, else the theatre profile the article got in the run): the
  ``(place, side, relation)`` counts and P/R/F1;
* the missed gold events and the spurious predictions, so that an error can be read, not only
  counted (with ``--baseline``, marked ``[base had it]`` / ``[base too]``).

Figures that need a field the gold does not have (old-format files have no ``actor``,
``source`` or ``claimed_by``) print ``-``.

Observations are read with ``getattr`` for ``source`` and ``claimed_by``, so the script works
on an extractor that does not set them yet (its source and claimed_by figures are then 0).

Side by side with a saved run: ``--save-baseline FILE`` writes this run's distinct
predictions (article, relation, side, place_id, anchor_id, folded place, with their sources,
claimed_by, actors and ISO dates), the theatre each article got, the gold files and articles
it covered and the commit of the ``geo`` code that ran; ``--baseline FILE`` rescores such a
file against the current gold and prints it in the second column. When the gold now holds
dispatches the baseline did not cover, both columns are scored on the dispatches it covers
(a note names the others). ``bench/baseline/events_{seeds,unseen,blind,dev,test}.json`` hold
the extractor of commit a276205, made from a worktree of that commit::

    git worktree add --detach /tmp/base a276205
    cp bench/eval_events.py /tmp/evalcopy/
    PYTHONPATH=/tmp/base python /tmp/evalcopy/eval_events.py tests/data/gold/events/wars/dev \
        --save-baseline bench/baseline/events_dev.json

and compared with::

    python bench/eval_events.py tests/data/gold/events/wars/dev \
        --baseline bench/baseline/events_dev.json

``tests/data/gold/events/wars/test`` is the held-out part: its baseline was saved without
looking at its scores; score it once, at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "gold" / "events" / "seeds.json"
GOLD_ROOT = REPO / "tests" / "data" / "gold"

_ROW_FIELDS = ("article", "relation", "side", "place_id", "anchor_id", "place")
_FACT_FIELDS = ("sources", "claimed_by", "actors", "dates")


@dataclass(frozen=True)
class _Key:
    article: str
    relation: str
    side: str | None
    place_id: str | None  # the place's id, or its anchor's for a position relative to it
    place: str  # the folded name
    spellings: frozenset[str] = frozenset()  # how the article writes that place, folded


@dataclass
class _Facts:
    sources: set[str] = field(default_factory=set)
    claimed_by: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)


@dataclass
class Gold:
    """Gold events (each with its ``article``), the dispatches to run (``None``: the inputs or
    the seeds), the war each article belongs to when the gold says, the files read and the
    files skipped (with why)."""

    events: list[dict]
    articles: list[dict] | None
    wars: dict[str, str]
    files: list[str]
    skipped: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    from geo.theatre import fold

    return " ".join(fold(text).replace("-", " ").split())


# --- gold -----------------------------------------------------------------------------


def _gold_root(path: Path) -> Path:
    """The ``gold`` folder above ``path``, which ``dispatch`` paths are relative to."""
    for folder in (path, *path.resolve().parents):
        if folder.name == "gold":
            return folder
    return GOLD_ROOT


def _dispatch(data: dict, path: Path, gold_root: Path) -> tuple[dict, list[dict]]:
    """The article (id, date, text) and the events of one new-format gold file."""
    article_id = data.get("id") or path.stem
    if data.get("text"):
        text, date = data["text"], data.get("date")
    elif data.get("dispatch"):
        source = json.loads((gold_root / data["dispatch"]).read_text(encoding="utf-8"))
        text, date = source["text"], source.get("date") or data.get("date")
    else:
        raise ValueError("neither `text` nor `dispatch`")
    if not date:
        raise ValueError("no date")
    events = [
        {**event, "article": article_id, "source_here": _named_in_sentence(event, text)}
        for event in data.get("events", [])
    ]
    return {"id": article_id, "date": date, "text": text, "theatre": data.get("theatre")}, events


def _named_in_sentence(event: dict, text: str) -> bool:
    """Whether the gold source of ``event`` is named in the sentence of its evidence (the
    issue's measure of attribution: "the observations whose sentence names who says so"),
    not only in its paragraph."""
    source, at = event.get("source"), text.find(event.get("evidence") or "\0")
    if not source or at < 0:
        return False
    breaks = re.finditer(r"[.!?»]\s+(?=[«A-ZÀ-Ý\"])", text)
    starts = [m.end() for m in breaks if m.end() <= at]
    end = re.search(r"[.!?](?:\s|$)", text[at + len(event["evidence"]) :])
    stop = at + len(event["evidence"]) + (end.end() if end else len(text))
    return _fold(source) in _fold(text[starts[-1] if starts else 0 : stop])


def load_gold(path: Path) -> Gold:
    """Read an old-format gold file, a new-format file or a folder of new-format files."""
    if not path.is_dir():
        data = json.loads(path.read_text(encoding="utf-8"))
        if "text" not in data and "dispatch" not in data:
            return Gold(data["events"], data.get("articles") or None, {}, [path.name])
        files = [path]
    else:
        files = sorted(path.glob("*.json"))
    gold = Gold([], [], {}, [])
    root = _gold_root(path)
    for file in files:
        try:
            article, events = _dispatch(json.loads(file.read_text(encoding="utf-8")), file, root)
        except (OSError, ValueError, KeyError) as error:
            gold.skipped.append(f"{file.name}: {error}")
            continue
        if article["id"] in gold.wars or any(a["id"] == article["id"] for a in gold.articles):
            raise SystemExit(f"{file}: article id {article['id']!r} used twice")
        gold.files.append(file.name)
        gold.articles.append(article)
        gold.events.extend(events)
        if article["theatre"]:
            gold.wars[article["id"]] = article["theatre"]
    return gold


def _write_articles(articles: list[dict], folder: Path) -> Path:
    """Write gold dispatches that carry their own text as ``.txt`` files with a date header."""
    for article in articles:
        text = f"date {article['date']}\n{article['text']}\n"
        (folder / f"{article['id']}.txt").write_text(text, encoding="utf-8")
    return folder


# --- predictions ----------------------------------------------------------------------


def prediction_rows(observations) -> list[dict]:
    """The distinct non-context predictions of a run, as a baseline file keeps them: one row
    per ``(article, relation, side, place_id, anchor_id, folded place)`` with the sources,
    claimed_by, actors and ISO dates of its observations."""
    rows: dict[tuple, dict] = {}
    for obs in observations:
        if obs.context:
            continue
        key = (
            obs.article_id,
            obs.relation,
            obs.side,
            obs.place_id,
            obs.anchor_id,
            _fold(obs.place or ""),
        )
        row = rows.setdefault(
            key, {**dict(zip(_ROW_FIELDS, key, strict=True)), **{f: [] for f in _FACT_FIELDS}}
        )
        facts = {
            "sources": getattr(obs, "source", None),
            "claimed_by": getattr(obs, "claimed_by", None),
            "actors": obs.actor,
            "dates": obs.date.isoformat() if obs.date else None,
        }
        for name, value in facts.items():
            if value and value not in row[name]:
                row[name].append(value)
    return [rows[k] for k in sorted(rows, key=lambda k: tuple(v or "" for v in k))]


def name_anchors(rows: list[dict], mentions) -> list[dict]:
    """Rows whose place is only an anchor ("des raids dans la région de Hodeida", "à 20 km
    de Palmyre") get the anchor's name as that article spells it most often, so that a gold
    place with no id (a region, matched by name) can match them as one with an id matches
    the anchor's id. Applied alike to the pipeline's rows and a baseline's."""
    spelt: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions:
        if m.place is not None:
            spelt.setdefault((m.article_id, m.place.place_id), Counter())[m.surface] += 1
    out = []
    for row in rows:
        counts = spelt.get((row["article"], row["anchor_id"] or ""))
        if not row["place"] and counts:
            row = {**row, "place": _fold(counts.most_common(1)[0][0])}
        # Every spelling the article gives the place: a gold place with no id, annotated as
        # written ("Artsakh"), matches the place the gazetteer calls "Haut-Karabakh".
        where = row["place_id"] or row["anchor_id"] or ""
        written = spelt.get((row["article"], _site_town(where) or where), {})
        out.append({**row, "spellings": sorted({_fold(s) for s in written})})
    return out


def _as_rows(predictions) -> list[dict]:
    predictions = list(predictions)
    if predictions and isinstance(predictions[0], dict):
        return predictions
    return prediction_rows(predictions)


def _predicted(rows: list[dict]) -> dict[_Key, _Facts]:
    keys: dict[_Key, _Facts] = {}
    for row in rows:
        where = row["place_id"] or row["anchor_id"]
        spellings = frozenset(row.get("spellings") or ())
        key = _Key(row["article"], row["relation"], row["side"], where, row["place"], spellings)
        facts = keys.setdefault(key, _Facts())
        for name in _FACT_FIELDS:
            getattr(facts, name).update(row.get(name) or ())
    return keys


# --- scoring --------------------------------------------------------------------------


def _site_town(place_id: str) -> str | None:
    """The town id of a site's id ("site:aeroport:geonames:2210247"), else ``None``."""
    from geo.places import SITE_PREFIX

    if not place_id.startswith(SITE_PREFIX):
        return None
    return place_id.removeprefix(SITE_PREFIX).split(":", 1)[1]


def _place_matches(gold: dict, key: _Key) -> bool:
    if gold.get("place_id"):
        return key.place_id == gold["place_id"]
    name = _fold(gold["place"])
    if key.place_id and _site_town(key.place_id):
        # A site, named in the gold as written ("l'aéroport international de Tripoli"):
        # the same kind of site ("aeroport") of a town the article spells as the gold does.
        kind = key.place_id.split(":", 2)[1]
        words = re.split(r"[\s']+", name)
        return kind in words and any(town in name for town in key.spellings)
    return (bool(key.place) and key.place == name) or name in key.spellings


def _matches(gold: dict, key: _Key) -> bool:
    if (gold["article"], gold["relation"], gold["side"]) != (key.article, key.relation, key.side):
        return False
    return _place_matches(gold, key)


def _date_agrees(gold_date: str, dates) -> bool:
    return any(date.startswith(gold_date) for date in dates)


def _source_agrees(gold_source: str, sources) -> bool:
    """One source names the other: the same folded words, one containing the other, with a
    leading article left out ("l'OSDH" in "L'Observatoire syrien des droits de l'homme
    (OSDH)")."""
    want = _bare(gold_source)
    return any(want and (got := _bare(s)) and (want in got or got in want) for s in sources)


def _bare(source: str) -> str:
    """A source's folded words without a leading article (the French pack's determiners,
    elided or not: the gold is French)."""
    from geo.lang import load_language

    articles = load_language("fr").events.DETERMINERS
    words = _fold(source).split()
    if words and words[0] in articles:
        words = words[1:]
    elif words and (
        elided := next((a for a in articles if a.endswith("'") and words[0].startswith(a)), None)
    ):
        words[0] = words[0][len(elided) :]
    return " ".join(words)


def _prf(gold: int, predicted: int, tp: int) -> dict:
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    if precision and recall:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = 0.0 if predicted and gold else None
    return {"gold": gold, "predicted": predicted, "tp": tp, "p": precision, "r": recall, "f1": f1}


def _ident(key: _Key) -> str:
    return key.place_id or f"name:{key.place}"


def _gold_ident(gold: dict) -> str:
    return gold.get("place_id") or f"name:{_fold(gold['place'])}"


def _pairs(gold_events: list[dict], predicted: dict[_Key, _Facts]) -> dict:
    """P/R/F1 of distinct ``(article, side, place)``, the relation ignored."""
    gold_pairs: dict[tuple, dict] = {}
    for gold in gold_events:
        gold_pairs.setdefault((gold["article"], gold["side"], _gold_ident(gold)), gold)
    tp, matched = 0, set()
    for gold in gold_pairs.values():
        hits = {
            (k.article, k.side, _ident(k))
            for k in predicted
            if (k.article, k.side) == (gold["article"], gold["side"]) and _place_matches(gold, k)
        }
        tp += bool(hits)
        matched |= hits
    spurious = {(k.article, k.side, _ident(k)) for k in predicted} - matched
    return _prf(len(gold_pairs), tp + len(spurious), tp)


def _place_accuracy(gold_events: list[dict], predicted: dict[_Key, _Facts]) -> tuple[int, int]:
    gold_of: dict[str, list[dict]] = defaultdict(list)
    for gold in gold_events:
        gold_of[gold["article"]].append(gold)
    right: dict[tuple, bool] = {}
    for key in predicted:
        ok = any(_place_matches(gold, key) for gold in gold_of[key.article])
        right[key.article, _ident(key)] = right.get((key.article, _ident(key)), False) or ok
    return sum(right.values()), len(right)


def evaluate(gold_events: list[dict], predictions) -> dict:
    """Score ``predictions`` (observations, or the rows of :func:`prediction_rows`).

    Returns ``relations`` (per relation and ``all``: gold, predicted, tp, p, r, f1),
    ``pairs`` (the same for ``(place, side)``), ``date_agreement`` (a share or ``None``),
    ``shares`` (``(right, out of)`` for place, side, actor, source, claimed_by and date),
    ``missed`` (gold events) and ``spurious`` (prediction keys).
    """
    from geo.records import RELATIONS

    predicted = _predicted(_as_rows(predictions))
    matched_keys: set[_Key] = set()
    true_positive: Counter[str] = Counter()
    shares = {
        name: [0, 0] for name in ("side", "actor", "source", "source_here", "claimed_by", "date")
    }

    def count(name: str, applies: bool, ok: bool) -> None:
        if applies:
            shares[name][0] += ok
            shares[name][1] += 1

    missed = []
    for gold in gold_events:
        candidates = [
            k
            for k in predicted
            if (k.article, k.relation) == (gold["article"], gold["relation"])
            and _place_matches(gold, k)
        ]
        hits = [k for k in candidates if k.side == gold["side"]]
        count("side", gold["side"] is not None and bool(candidates), bool(hits))
        count(
            "actor",
            bool(gold.get("actor") and candidates),
            any(predicted[k].actors for k in candidates),
        )
        if not hits:
            missed.append(gold)
            continue
        true_positive[gold["relation"]] += 1
        matched_keys.update(hits)
        facts = [predicted[k] for k in hits]
        sourced = any(_source_agrees(gold.get("source") or "", f.sources) for f in facts)
        count("source", bool(gold.get("source")), sourced)
        count("source_here", bool(gold.get("source_here")), sourced)
        count(
            "claimed_by",
            bool(gold.get("claimed_by")),
            any(gold.get("claimed_by") in f.claimed_by for f in facts),
        )
        count(
            "date",
            bool(gold.get("date")),
            any(_date_agrees(gold["date"], f.dates) for f in facts if gold.get("date")),
        )
    spurious = [key for key in predicted if key not in matched_keys]
    gold_count = Counter(g["relation"] for g in gold_events)
    predicted_count = Counter(k.relation for k in spurious) + true_positive
    rows = {
        relation: _prf(gold_count[relation], predicted_count[relation], true_positive[relation])
        for relation in RELATIONS
    }
    rows["all"] = _prf(gold_count.total(), predicted_count.total(), true_positive.total())
    right, total = shares["date"]
    return {
        "relations": rows,
        "pairs": _pairs(gold_events, predicted),
        "date_agreement": right / total if total else None,
        "shares": {"place": _place_accuracy(gold_events, predicted)}
        | {name: tuple(value) for name, value in shares.items()},
        "missed": missed,
        "spurious": spurious,
    }


def by_war(gold_events: list[dict], predictions, war_of: dict[str, str]) -> dict[str, dict]:
    """:func:`evaluate` per war, gold events and predictions grouped by ``war_of[article]``."""
    rows = _as_rows(predictions)
    wars = {war_of.get(g["article"], "?") for g in gold_events}
    wars |= {war_of.get(r["article"], "?") for r in rows}
    return {
        war: evaluate(
            [g for g in gold_events if war_of.get(g["article"], "?") == war],
            [r for r in rows if war_of.get(r["article"], "?") == war],
        )
        for war in sorted(wars)
    }


# --- baseline files -------------------------------------------------------------------


def _code_version() -> dict:
    """The commit of the ``geo`` package that ran, and whether its tree differs from it."""
    import geo

    root = Path(geo.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "commit": git("rev-parse", "HEAD") or None,
        "geo_modified": bool(git("status", "--porcelain", "--", "geo", "gazetteer")),
    }


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path.resolve())
    except ValueError:
        return str(path)


def _article(choice) -> str:
    return choice.article_id


def baseline_payload(gold_path: Path, gold: Gold, result, rows: list[dict]) -> dict:
    return {
        "description": "Distinct non-context predictions of one run of bench/eval_events.py "
        "(one row per article, relation, side, place_id, anchor_id and folded place; "
        "their sources, claimed_by, actors and dates), rescored by --baseline.",
        "gold": _shown(gold_path),
        "files": gold.files,
        "skipped": gold.skipped,
        "articles": sorted(a.id for a in result.articles),
        "theatres": {c.article_id: c.theatre for c in sorted(result.theatres, key=_article)},
        "code": _code_version(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "predictions": rows,
    }


# --- report ---------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def _counts(row: dict, *, gold: bool) -> str:
    head = f"{row['gold']:>4} " if gold else ""
    return (
        f"{head}{row['predicted']:>4} {row['tp']:>3} "
        f"{_fmt(row['p'])} {_fmt(row['r'])} {_fmt(row['f1'])}"
    )


def _share(pair: tuple[int, int] | None) -> str:
    if pair is None:
        return ""
    right, total = pair
    value = f"{right / total:4.2f}" if total else "  - "
    return f"{value} ({right}/{total})"


def _table(name: str, rows: dict[str, dict], base: dict[str, dict] | None, show_all: bool) -> None:
    head = f"{name:<11} gold pred  tp     P     R    F1"
    print(head + ("  | pred  tp     P     R    F1" if base is not None else ""))
    for label, row in rows.items():
        other = base.get(label) if base is not None else None
        seen = row["gold"] or row["predicted"] or (other and other["predicted"])
        if not show_all and label != "all" and not seen:
            continue
        line = f"{label:<11} {_counts(row, gold=True)}"
        if base is not None:
            empty = {"predicted": 0, "tp": 0, "p": None, "r": None, "f1": None}
            line += f"  | {_counts(other or empty, gold=False)}"
        print(line)


def report(scores: dict, base: dict | None, per_war: dict, base_war: dict | None, theatre) -> None:
    """Print the figures of :func:`evaluate` (and of the baseline's, in a second column)."""
    print("(place, side, relation)")
    _table("relation", scores["relations"], base and base["relations"], show_all=False)
    print()
    _table("place,side", {"all": scores["pairs"]}, base and {"all": base["pairs"]}, show_all=True)
    labels = {
        "place": "place accuracy",
        "side": "side accuracy",
        "actor": "actor found",
        "source": "source accuracy",
        "source_here": "  named in sentence",
        "claimed_by": "claimed_by accuracy",
        "date": "date agreement",
    }
    print(f"\n{'':<21} {'pipeline':<16}" + ("| baseline" if base else ""))
    for name, label in labels.items():
        mine = _share(scores["shares"][name])
        other = f"| {_share(base['shares'][name])}" if base else ""
        print(f"{label:<21} {mine:<16}{other}")
    if theatre:
        mine, other = theatre
        print(f"{'theatre chosen':<21} {_share(mine):<16}" + (f"| {_share(other)}" if base else ""))
    print("\nper war (place, side, relation), all relations:")
    _table(
        "war",
        {war: row["relations"]["all"] for war, row in per_war.items()},
        base_war and {war: row["relations"]["all"] for war, row in base_war.items()},
        show_all=True,
    )
    base_hits = set()
    if base:
        missed_base = {id(g) for g in base["missed"]}
        base_hits = {id(g) for g in scores["missed"] if id(g) not in missed_base}
    print("\nmissed (gold without a matching observation):")
    for gold in scores["missed"]:
        mark = "  [base had it]" if id(gold) in base_hits else ""
        print(
            f"  {gold['article'][:24]:<24} {gold['relation']:<10} {gold['side']!s:<10} "
            f"{gold['place']}{mark}"
        )
    print("spurious (observations matching no gold event):")
    base_spurious = set(base["spurious"]) if base else set()
    for key in scores["spurious"]:
        mark = "  [base too]" if key in base_spurious else ""
        print(
            f"  {key.article[:24]:<24} {key.relation:<10} {key.side!s:<10} "
            f"{key.place or key.place_id}{mark}"
        )


def _theatre_choice(wars: dict[str, str], chosen: dict[str, str]) -> tuple[int, int]:
    return sum(chosen.get(a) == war for a, war in wars.items()), len(wars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--inputs", nargs="*", type=Path, default=None)
    parser.add_argument("--save-baseline", type=Path, metavar="FILE")
    parser.add_argument("--baseline", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    from geo.pipeline import run

    gold = load_gold(args.gold)
    for skipped in gold.skipped:
        print(f"warning: skipped {skipped}", file=sys.stderr)
    if gold.articles is not None and not gold.articles:
        raise SystemExit(f"{args.gold}: no dispatch to run")
    with tempfile.TemporaryDirectory() as folder:
        inputs = args.inputs
        if gold.articles and inputs is None:
            inputs = [_write_articles(gold.articles, Path(folder))]
        result = run(inputs)
    for problem in (*result.skipped, *result.undated):
        print(f"warning: the run left out {problem}", file=sys.stderr)
    rows = name_anchors(prediction_rows(result.observations), result.mentions)
    if args.save_baseline:
        payload = baseline_payload(args.gold, gold, result, rows)
        args.save_baseline.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(payload, indent=1, ensure_ascii=False) + "\n"
        args.save_baseline.write_text(text, encoding="utf-8")
    chosen = {c.article_id: c.theatre for c in result.theatres}
    events = gold.events
    covered = {a.id for a in result.articles}
    print(
        f"gold: {_shown(args.gold)}: {len(gold.files)} file(s), {len(events)} events, "
        f"{len(result.articles)} dispatches run"
    )
    base_rows = base_chosen = None
    if args.baseline:
        saved = json.loads(args.baseline.read_text(encoding="utf-8"))
        common = covered & set(saved["articles"])
        if common != covered:
            left = sorted(covered - common)
            print(
                f"note: the baseline does not cover {', '.join(left)}; both columns are "
                f"scored on the {len(common)} dispatches it covers"
            )
            events = [g for g in events if g["article"] in common]
            rows = [r for r in rows if r["article"] in common]
        covered = common
        base_rows = name_anchors(
            [r for r in saved["predictions"] if r["article"] in common], result.mentions
        )
        base_chosen = saved.get("theatres", {})
        code = saved.get("code", {})
        print(
            f"baseline: {_shown(args.baseline)} (code {str(code.get('commit'))[:7]}, "
            f"{saved.get('created', '?')})"
        )
    print()
    war_of = {**(base_chosen or {}), **chosen, **gold.wars}
    scores = evaluate(events, rows)
    base = evaluate(events, base_rows) if base_rows is not None else None
    theatre = None
    if gold.wars:
        wars = {a: w for a, w in gold.wars.items() if a in covered}
        theatre = (_theatre_choice(wars, chosen), _theatre_choice(wars, base_chosen or {}))
    report(
        scores,
        base,
        by_war(events, rows, war_of),
        by_war(events, base_rows, war_of) if base_rows is not None else None,
        theatre,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
