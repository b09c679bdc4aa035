"""The one orchestrating function: articles in, typed records out, stage by stage.

Each stage is one module (see DESIGN.md); this module only calls them in order and keeps
their outputs. Articles are processed oldest first so that a village located from the text
in an early dispatch is reused (and refined) by later ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from geo.articles import ReadResult, SkippedInput, read_inputs
from geo.records import RELATIONS, Article, Claim, Mention, Observation

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place
    from geo.theatre import TheatreProfile


@dataclass(frozen=True, slots=True)
class PipelineResult:
    """Everything the pipeline found in a set of inputs, in stage order."""

    articles: tuple[Article, ...]
    skipped: tuple[SkippedInput, ...]
    undated: tuple[str, ...]
    warnings: tuple[str, ...]
    mentions: tuple[Mention, ...]
    inferred_places: tuple[Place, ...]
    claims: tuple[Claim, ...]
    observations: tuple[Observation, ...]

    @property
    def unresolved(self) -> tuple[Mention, ...]:
        """Location mentions that no source could place."""
        return tuple(m for m in self.mentions if m.resolution == "unresolved")


def _article_order(article: Article) -> tuple[dt.date, str]:
    return (article.date or dt.date.max, article.id)


def run(
    inputs: Sequence[str | Path] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    profile: TheatreProfile | None = None,
    progress: bool = False,
) -> PipelineResult:
    """Read ``inputs`` (default: the bundled seeds) and run every extraction stage.

    Parameters
    ----------
    inputs
        Files or folders of ``.txt``, ``.jsonl`` or ``.csv`` articles; ``None`` for the seeds.
    gazetteer
        The place index; ``Gazetteer.default()`` when omitted. The run works on a fork of it:
        places inferred from the text are added to the fork (a name located in one article is
        reused by the next) and returned in ``inferred_places``, never to ``gazetteer`` itself.
    profile
        The theatre profile (actors, sides); the default Syria-Iraq profile when omitted.
    progress
        Show a progress bar on standard error.
    """
    read: ReadResult = read_inputs(inputs)
    if not read.articles:
        return PipelineResult(
            (), tuple(read.skipped), tuple(read.undated), tuple(read.warnings), (), (), (), ()
        )
    from gazetteer import Gazetteer
    from geo import events, places, relations, resolve, toponyms
    from geo.nlp import parse
    from geo.theatre import load_profile

    # A fork per run: places inferred from these articles must not leak into another run.
    gazetteer = (gazetteer or Gazetteer.default()).fork()
    profile = profile or load_profile()
    mentions: list[Mention] = []
    inferred: dict[str, Place] = {}
    claims: list[Claim] = []
    observations: list[Observation] = []
    ordered = sorted(read.articles, key=_article_order)
    for article in tqdm(ordered, desc="articles", unit="article", disable=not progress):
        doc = parse(article.text)
        found = toponyms.recognise(article, doc, gazetteer)
        resolved = resolve.resolve(article, found, gazetteer, doc=doc)
        article_claims = relations.parse_claims(article, doc, resolved)
        located, new_places = places.locate_unresolved(resolved, article_claims, gazetteer)
        for place in new_places:
            inferred[place.place_id] = place
        mentions.extend(located)
        claims.extend(article_claims)
        observations.extend(
            events.extract_observations(article, doc, located, article_claims, profile)
        )
    return PipelineResult(
        articles=tuple(read.articles),
        skipped=tuple(read.skipped),
        undated=tuple(read.undated),
        warnings=tuple(read.warnings),
        mentions=tuple(mentions),
        inferred_places=tuple(inferred[k] for k in sorted(inferred)),
        claims=tuple(claims),
        observations=tuple(_named_as_written(observations, mentions)),
    )


def _named_as_written(
    observations: Sequence[Observation], mentions: Sequence[Mention]
) -> list[Observation]:
    """Observations whose place carries the spelling the dispatches use most.

    Gazetteer names are GeoNames' transliterations ("Tadmur", "Ar Raqqah"); a map desk reads
    the names its own copy uses ("Palmyre", "Raqa"). The most frequent surface of a place's
    plain location mentions wins (ties: the first seen); ids are unchanged, and the
    gazetteer's name stays in ``mentions.geojson`` and ``places.geojson``.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.place is not None and m.role == "location" and m.kind == "place":
            seen[m.place.place_id][m.surface] += 1
    names = {place_id: counts.most_common(1)[0][0] for place_id, counts in seen.items()}
    return [
        replace(o, place=names[o.place_id]) if o.place_id in names and o.place else o
        for o in observations
    ]


def report(result: PipelineResult) -> dict:
    """The run report of DESIGN.md: every input accounted for, unresolved names, counts."""
    counts = {relation: 0 for relation in RELATIONS}
    for obs in result.observations:
        counts[obs.relation] += 1
    return {
        "articles_read": len(result.articles),
        "articles": [
            {
                "id": a.id,
                "date": a.date.isoformat() if a.date else None,
                "date_precision": a.date_precision,
                "path": str(a.source_path) if a.source_path else None,
            }
            for a in result.articles
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "undated": list(result.undated),
        "warnings": list(result.warnings),
        "unresolved": [
            {
                "surface": m.surface,
                "article": m.article_id,
                "sentence": m.sentence.text,
                "reason": m.reason,
                "candidates": [c.place.place_id for c in m.candidates[:3]],
            }
            for m in result.unresolved
        ],
        "mentions": len(result.mentions),
        "inferred_places": len(result.inferred_places),
        "claims": len(result.claims),
        "observations": len(result.observations),
        "relations": counts,
    }


@dataclass(frozen=True, slots=True)
class MapsSummary:
    """What ``build_maps`` wrote: the snapshot dates, counts and the output folder."""

    out_dir: Path
    snapshots: tuple[dt.date, ...]
    places: int
    unresolved: int
    files: tuple[Path, ...]
    result: PipelineResult


def build_maps(
    inputs: Sequence[str | Path] | None = None,
    *,
    out_dir: str | Path = "maps",
    every: str = "change",
    formats: Sequence[str] = ("html", "png"),
    tiles: str | None = None,
    offline: bool = False,
    gazetteer: Gazetteer | None = None,
    profile: TheatreProfile | None = None,
    progress: bool = False,
) -> MapsSummary:
    """Run the pipeline, then write the data, one map per snapshot date, a time slider and
    an index into ``out_dir`` (see DESIGN.md, output contract of ``geo build-maps``).

    Parameters
    ----------
    every
        Snapshot dates: ``change`` (every date the state changes), ``article``, ``week`` or
        ``month``.
    formats
        Any of ``html`` and ``png``.
    tiles
        A folium tile set name for a background (needs the network when viewed); ``None`` for
        none.
    offline
        Write Leaflet and its plugins beside the HTML so that maps open with no network.
    """
    from geo import export, fronts, timeline
    from geo.render import Snapshot
    from geo.render import build_maps as render_maps
    from geo.theatre import load_profile

    out = Path(out_dir)
    profile = profile or load_profile()
    result = run(inputs, gazetteer=gazetteer, profile=profile, progress=progress)
    if not result.articles:
        return MapsSummary(out, (), 0, 0, (), result)
    files = export.write_extract(result, out / "data")
    dates = timeline.snapshot_dates(result.observations, every=every)
    snapshots = []
    all_states = []
    for date in dates:
        states = timeline.control_at(result.observations, date)
        zone_frame = fronts.zones(states, home_countries=profile.countries)
        snapshots.append(
            Snapshot(
                date=date,
                states=states,
                advances=timeline.advances(result.observations, date),
                observations=[
                    o
                    for o in result.observations
                    if o.date is not None
                    and o.date <= date
                    and (date - o.date).days <= timeline.STALE_AFTER_DAYS
                ],
                zones=zone_frame,
                fronts=fronts.front_lines(zone_frame),
            )
        )
        all_states.extend(states)
    files.append(
        export.write_json_atomic(
            out / "data" / "control.geojson", export.control_collection(all_states)
        )
    )
    rendered = render_maps(
        snapshots,
        out_dir=out,
        profile=profile,
        formats=tuple(formats),
        tiles=tiles,
        offline=offline,
        progress=progress,
    )
    files.extend(rendered.files)
    places = {m.place.place_id for m in result.mentions if m.place and m.role == "location"}
    return MapsSummary(
        out_dir=out,
        snapshots=tuple(dates),
        places=len(places),
        unresolved=len(result.unresolved),
        files=tuple(files),
        result=result,
    )
