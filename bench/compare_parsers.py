"""Parser comparison: the French pack with each spaCy model, on the project's gold, with cost.

Usage::

    python bench/compare_parsers.py                       # fr_core_news_sm vs fr_core_news_md
    python bench/compare_parsers.py MODEL [MODEL ...]     # any installed pipelines
    python bench/compare_parsers.py --out table.md        # also write the markdown table

Each model is measured in a fresh child process, so that load time and memory are its own.
The pack is the bundled French pack with only ``spacy_model`` replaced
(``dataclasses.replace``); the committed default is not touched. Per model:

* quality: the pipeline's toponym figures (``bench/eval_toponyms.py``: recognition P/R/F1,
  accuracy@161 km, metonyms flagged, theatres chosen right) on its default gold and on
  ``tests/data/gold/theatres/dev``, with the spaCy ``LOC`` baseline's F1 beside them (it reads
  the model's NER directly); the events figures (``bench/eval_events.py``: all-relation P/R/F1
  and date agreement) on ``seeds.json``, ``unseen.json`` and ``blind.json``. No held-out test
  set (``theatres/test``, ``events/wars/test``) is read.
* speed, after the model is loaded: parse-only seconds per article (``nlp(text)``, best of
  :data:`REPEATS`) and whole-pipeline seconds per article (``geo.run`` with a loaded
  gazetteer), over the four seeds and the fifteen theatres dev dispatches;
* model load time (``spacy.load``, spaCy already imported), the resident memory the loaded
  model adds, and the process's peak RSS at the end of all of the above;
* the installed size of the model package.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import eval_events  # noqa: E402
import eval_toponyms  # noqa: E402

MODELS = ("fr_core_news_sm", "fr_core_news_md")
THEATRES_DEV = REPO / "tests" / "data" / "gold" / "theatres" / "dev"
EVENTS_GOLD = REPO / "tests" / "data" / "gold" / "events"
EVENT_SETS = ("seeds", "unseen", "blind")
TOPONYM_SETS = {
    "toponyms default": [
        eval_toponyms.GOLD_DIR,
        eval_toponyms.GOLD_DIR / "unseen",
        eval_toponyms.GOLD_DIR / "heldout",
    ],
    "theatres dev": [THEATRES_DEV],
}
REPEATS = 3


def _rss_mb() -> float:
    """The process's current resident set size, in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _package_mb(model: str) -> float | None:
    import importlib.util

    spec = importlib.util.find_spec(model)
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**20


def _toponyms(directories: list[Path], pack, gazetteer) -> dict:
    """The pipeline's and the spaCy baseline's toponym figures over ``directories``."""
    from geo.context import build_context
    from geo.nlp import parse

    pairs = eval_toponyms.load_gold(directories)
    ctx = build_context(gazetteer=gazetteer, theatre="auto", language=pack)
    docs = [parse(article.text, ctx.lang) for article, _ in pairs]
    chosen: dict[str, str] = {}
    ours = eval_toponyms.score(eval_toponyms.pipeline_system(ctx, chosen), pairs, docs)
    baseline = eval_toponyms.score(eval_toponyms.spacy_system(ctx.gazetteer), pairs, docs)
    right = sum(
        t == eval_toponyms.THEATRES.get(a, eval_toponyms.DEFAULT_THEATRE) for a, t in chosen.items()
    )
    return {
        "P": ours.precision,
        "R": ours.recall,
        "F1": ours.f1,
        "acc@10km": ours.accuracy_10,
        "acc@161km": ours.accuracy_161,
        "metonyms": f"{ours.metonyms_flagged}/{ours.metonyms}",
        "wrong country": ours.wrong_country,
        "theatre right": f"{right}/{len(chosen)}",
        "spaCy LOC F1": baseline.f1,
        "mentions": ours.gold,
    }


def _dispatch_folder(articles, folder: Path) -> Path:
    """Write :class:`~geo.records.Article` objects as dated ``.txt`` files for ``geo.run``."""
    for article in articles:
        header = f"date {article.date.isoformat()}\n" if article.date else ""
        (folder / f"{article.id}.txt").write_text(header + article.text + "\n", encoding="utf-8")
    return folder


def _events(name: str, pack, gazetteer) -> dict:
    from geo.pipeline import run

    gold = json.loads((EVENTS_GOLD / f"{name}.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        inputs = None
        if gold.get("articles"):
            inputs = [eval_events._write_articles(gold["articles"], Path(folder))]
        result = run(inputs, gazetteer=gazetteer, language=pack)
    scores = eval_events.evaluate(gold["events"], result.observations)
    row = scores["relations"]["all"]
    return {
        "gold": row["gold"],
        "pred": row["predicted"],
        "tp": row["tp"],
        "P": row["p"],
        "R": row["r"],
        "F1": row["f1"],
        "dates": scores["date_agreement"],
    }


def measure(model: str) -> dict:
    """Every figure of one model, in this process (meant to be a fresh one)."""
    import spacy  # noqa: F401  (imported before the clock starts)

    from gazetteer import Gazetteer
    from geo.articles import read_inputs
    from geo.lang import load_language
    from geo.nlp import load_nlp

    gazetteer = Gazetteer.default()
    pack = dataclasses.replace(load_language("fr"), spacy_model=model)
    before = _rss_mb()
    started = time.perf_counter()
    nlp = load_nlp(model)
    load_s = time.perf_counter() - started
    model_rss = _rss_mb() - before
    nlp("Les forces gouvernementales ont repris Palmyre.")  # warm-up

    seeds = list(read_inputs([REPO / "seeds"]).articles)
    dev = [article for article, _ in eval_toponyms.load_gold([THEATRES_DEV])]
    speed = {}
    for label, articles in (("seeds", seeds), ("theatres dev", dev)):
        texts = [a.text for a in articles]
        best = min(_timed(lambda t=texts: [nlp(x) for x in t]) for _ in range(REPEATS))
        with tempfile.TemporaryDirectory() as folder:
            inputs = None if label == "seeds" else [_dispatch_folder(articles, Path(folder))]
            pipeline = _timed(lambda i=inputs: run_pipeline(i, gazetteer, pack))
        speed[label] = {
            "articles": len(articles),
            "chars": sum(len(a.text) for a in articles),
            "parse s/article": best / len(articles),
            "pipeline s/article": pipeline / len(articles),
        }
    toponyms = {name: _toponyms(dirs, pack, gazetteer) for name, dirs in TOPONYM_SETS.items()}
    events = {name: _events(name, pack, gazetteer) for name in EVENT_SETS}
    return {
        "model": model,
        "version": nlp.meta.get("version"),
        "package MB": _package_mb(model),
        "load s": load_s,
        "model RSS MB": model_rss,
        "peak RSS MB": _peak_rss_mb(),
        "speed": speed,
        "toponyms": toponyms,
        "events": events,
    }


def run_pipeline(inputs, gazetteer, pack) -> None:
    from geo.pipeline import run

    run(inputs, gazetteer=gazetteer, language=pack)


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(results: Sequence[dict]) -> str:
    """The figures of every model side by side, as a markdown table."""
    names = [f"`{r['model'].removeprefix('fr_core_news_')}` {r['version']}" for r in results]
    lines = ["| measure | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(results)]

    def row(label: str, get) -> None:
        lines.append(f"| {label} | " + " | ".join(_cell(get(r)) for r in results) + " |")

    for name in TOPONYM_SETS:
        first = results[0]["toponyms"][name]
        for key in (
            "P",
            "R",
            "F1",
            "acc@10km",
            "acc@161km",
            "metonyms",
            "wrong country",
            "theatre right",
            "spaCy LOC F1",
        ):
            row(
                f"toponyms, {name} ({first['mentions']} mentions): {key}",
                lambda r, n=name, k=key: r["toponyms"][n][k],
            )
    for name in EVENT_SETS:
        first = results[0]["events"][name]
        for key in ("P", "R", "F1", "pred", "tp", "dates"):
            row(
                f"events, {name} ({first['gold']} gold): {key}",
                lambda r, n=name, k=key: r["events"][n][k],
            )
    for label in results[0]["speed"]:
        first = results[0]["speed"][label]
        for key in ("parse s/article", "pipeline s/article"):
            row(
                f"{key}, {label} ({first['articles']} articles, {first['chars']} chars)",
                lambda r, s=label, k=key: r["speed"][s][k],
            )
    row("model load s", lambda r: r["load s"])
    row("RSS added by the loaded model, MB", lambda r: round(r["model RSS MB"]))
    row("peak RSS of the whole run, MB", lambda r: round(r["peak RSS MB"]))
    row("installed package, MB", lambda r: round(r["package MB"]) if r["package MB"] else None)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", default=list(MODELS))
    parser.add_argument("--out", type=Path, help="also write the markdown table there")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    results = []
    for model in args.models:
        child = subprocess.run(
            [sys.executable, __file__, "--child", model],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(f"measured {model}", file=sys.stderr)
    text = table(results)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
