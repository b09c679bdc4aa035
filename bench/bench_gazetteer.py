"""Benchmark of the default gazetteer: build, load, lookups per second, find, memory.

Targets (issue 3): loading the built index < 1 s; >= 100,000 lookups/s; ``find`` over a
5,000-character article < 5 ms; resident memory of the loaded default < 300 MB.

Lookups are measured twice. "Cold": names never asked before, in a freshly loaded
gazetteer: every distinct name of the index (canonical and alternate, 670,000 names of
235,000 places), sorted, shuffled with a fixed seed, the first :data:`COLD_NAMES` of them;
no answer comes from the result cache and key-mates, prominent places' many names and
non-Latin scripts come in the proportions the index has them. "Corpus": the names ``find``
reports in the seed dispatches looked up 20 times over, as a pipeline does.

Usage::

    python bench/bench_gazetteer.py            # build in a fresh temporary cache, then measure
    python bench/bench_gazetteer.py --cache-dir DIR   # reuse (or fill) that cache

Loading and the figures after it are measured in a fresh child process, so that the build's
memory does not count. Wall-clock and CPU times are both printed: on a shared machine the
CPU time is the figure that does not depend on the neighbours' load.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {
    "load_s": 1.0,
    "load_cpu_s": 1.0,
    "cold_lookups_per_s": 100_000,
    "cold_lookups_per_cpu_s": 100_000,
    "corpus_lookups_per_s": 100_000,
    "corpus_lookups_per_cpu_s": 100_000,
    "find_ms": 5.0,
    "find_cpu_ms": 5.0,
    "rss_mb": 300.0,
}
#: Names looked up cold (drawn from every distinct name of the index, fixed seed).
COLD_NAMES = 50_000
#: Seed of the shuffle that draws the cold names.
COLD_SEED = 20_151_105


def _rss_mb() -> float:
    """Resident set size of this process in MB (Linux ``/proc``)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1e6


def _article(length: int = 5000) -> str:
    """The bundled seed dispatches, bodies joined and cut to ``length`` characters."""
    bodies = [
        p.read_text(encoding="utf-8").split("\n", 1)[-1]
        for p in sorted((REPO / "seeds").glob("*.txt"))
    ]
    text = " ".join(bodies)
    while len(text) < length:
        text += " " + text
    return text[:length]


def measure(cache: Path) -> dict[str, float]:
    """Load the built default from ``cache`` and measure it (run in a fresh process)."""
    from gazetteer import Gazetteer

    before = _rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    gaz = Gazetteer.load(cache_dir_path=cache)
    load_s, load_cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = _rss_mb()

    # Cold: names never asked before (see the module docstring), in the fresh gazetteer.
    store = gaz._store  # the benchmark reads names straight from the index
    every_name = sorted({name for names in store.surfaces for name in names.split("\x1f")})
    random.Random(COLD_SEED).shuffle(every_name)
    names = every_name[:COLD_NAMES]
    del every_name
    start, cpu = time.perf_counter(), time.process_time()
    hits = sum(1 for name in names if gaz.lookup(name))
    lookups_per_s = len(names) / (time.perf_counter() - start)
    lookups_per_cpu_s = len(names) / (time.process_time() - cpu)
    # Corpus: the names found in the seed dispatches, looked up as a pipeline does, with
    # repeats, on top of the distinct ones above (20 passes over the seeds' names).
    found = [
        m.surface
        for p in sorted((REPO / "seeds").glob("*.txt"))
        for m in gaz.find(p.read_text(encoding="utf-8"))
    ]
    stream = found * 20
    start, cpu = time.perf_counter(), time.process_time()
    for name in stream:
        gaz.lookup(name)
    corpus_per_s = len(stream) / (time.perf_counter() - start)
    corpus_per_cpu_s = len(stream) / (time.process_time() - cpu)

    text = _article()
    gaz.find(text)
    runs, cpu_runs = [], []
    for _ in range(30):
        start, cpu = time.perf_counter(), time.process_time()
        gaz.find(text)
        runs.append((time.perf_counter() - start) * 1000)
        cpu_runs.append((time.process_time() - cpu) * 1000)
    return {
        "places": len(gaz),
        "load_s": round(load_s, 3),
        "load_cpu_s": round(load_cpu, 3),
        "cold_lookups": len(names),
        "cold_lookups_per_s": round(lookups_per_s),
        "cold_lookups_per_cpu_s": round(lookups_per_cpu_s),
        "corpus_lookups_per_s": round(corpus_per_s),
        "corpus_lookups_per_cpu_s": round(corpus_per_cpu_s),
        "lookup_hit_rate": round(hits / len(names), 4),
        "find_ms": round(statistics.median(runs), 2),
        "find_cpu_ms": round(statistics.median(cpu_runs), 2),
        "find_chars": len(text),
        "rss_mb": round(rss, 1),
        "rss_of_index_mb": round(rss - before, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Build (unless cached), then measure in a child process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, help="cache directory (default: a fresh one)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache_dir or Path(tmp)
        from gazetteer import Gazetteer

        start = time.perf_counter()
        Gazetteer.load(cache_dir_path=cache)
        build_s = time.perf_counter() - start
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(cache)],
            check=True,
            capture_output=True,
            text=True,
        )
    figures = {"build_or_first_load_s": round(build_s, 1), **json.loads(child.stdout)}
    width = max(map(len, figures))
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            at_least = "lookups_per" in name
            good = value >= target if at_least else value < target
            sign = ">=" if at_least else "<"
            verdict = f"  (target {sign} {target}: {'ok' if good else 'MISSED'})"
        print(f"{name:<{width}}  {value}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
