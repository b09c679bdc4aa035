"""The one orchestrating function: articles in, typed records out, stage by stage.

Each stage is one module (see DESIGN.md); this module only calls them in order and keeps
their outputs. Articles are processed oldest first so that a village located from the text
in an early dispatch is reused (and refined) by later ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from tqdm import tqdm

from geo.articles import ReadResult, SkippedInput, read_inputs
from geo.records import RELATIONS, Article, Claim, ControlState, Mention, Observation

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gazetteer import Gazetteer, Place
    from geo.assign import TheatreChoice
    from geo.context import Options, RunContext
    from geo.lang import LanguagePack
    from geo.render import BuildSummary, Snapshot
    from geo.theatre import TheatreProfile


@dataclass(frozen=True, slots=True)
class ArticleTheatre:
    """The theatre profile an article got, and why (``auto: 5 of 6 located places in UA``)."""

    article_id: str
    theatre: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateWarning:
    """An article whose text contradicts its dateline (:func:`geo.dates.dateline_conflict`).

    The dateline is kept, neither trusted silently nor replaced: the text's dates with a year
    (``dates_found``, ISO, to their precision) are listed for a reader to judge.
    """

    article_id: str
    dateline: str
    dates_found: tuple[str, ...]
    message: str


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
    theatres: tuple[ArticleTheatre, ...] = ()
    profiles: Mapping[str, TheatreProfile] = field(default_factory=dict)
    date_warnings: tuple[DateWarning, ...] = ()

    @property
    def unresolved(self) -> tuple[Mention, ...]:
        """Location mentions that no source could place."""
        return tuple(m for m in self.mentions if m.resolution == "unresolved")


def _article_order(article: Article) -> tuple[dt.date, str]:
    return (article.date or dt.date.max, article.id)


def run(
    inputs: Sequence[str | Path] | None = None,
    *,
    theatre: str | TheatreProfile = "auto",
    gazetteer: Gazetteer | None = None,
    language: str | LanguagePack = "fr",
    options: Options | None = None,
    progress: bool = False,
) -> PipelineResult:
    """Read ``inputs`` (default: the bundled seeds) and run every extraction stage.

    Parameters
    ----------
    inputs
        Files or folders of ``.txt``, ``.jsonl`` or ``.csv`` articles; ``None`` for the seeds.
    theatre
        ``auto`` (each article gets the bundled profile whose countries hold its places, or
        the generic profile), a bundled profile id, the path of a profile file, or a profile.
    gazetteer
        The place index; ``Gazetteer.default()`` when omitted. The run works on a fork of it:
        places inferred from the text are added to the fork (a name located in one article is
        reused by the next) and returned in ``inferred_places``, never to ``gazetteer`` itself.
    language
        The language pack of the articles (``fr``).
    options
        Thresholds (:class:`geo.context.Options`).
    progress
        Show a progress bar on standard error.

    Raises
    ------
    geo.TheatreProfileError
        A profile asked for is missing or invalid.
    """
    from geo.context import build_context

    read: ReadResult = read_inputs(inputs)
    if not read.articles:
        return PipelineResult(
            (), tuple(read.skipped), tuple(read.undated), tuple(read.warnings), (), (), (), ()
        )
    ctx = build_context(gazetteer=gazetteer, theatre=theatre, language=language, options=options)
    mentions: list[Mention] = []
    inferred: dict[str, Place] = {}
    claims: list[Claim] = []
    observations: list[Observation] = []
    choices: list[ArticleTheatre] = []
    profiles: dict[str, TheatreProfile] = {}
    date_warnings: list[DateWarning] = []
    ordered = sorted(read.articles, key=_article_order)
    for article in tqdm(ordered, desc="articles", unit="article", disable=not progress):
        warning = _dateline_warning(article, ctx.lang)
        if warning is not None:
            date_warnings.append(warning)
        extracted = _extract(article, ctx)
        for place in extracted.places:
            inferred[place.place_id] = place
        mentions.extend(extracted.mentions)
        claims.extend(extracted.claims)
        observations.extend(extracted.observations)
        choices.append(
            ArticleTheatre(article.id, extracted.choice.profile.id, extracted.choice.reason)
        )
        profiles[extracted.choice.profile.id] = extracted.choice.profile
    return PipelineResult(
        articles=tuple(read.articles),
        skipped=tuple(read.skipped),
        undated=tuple(read.undated),
        warnings=tuple(read.warnings),
        mentions=tuple(mentions),
        inferred_places=tuple(inferred[k] for k in sorted(inferred)),
        claims=tuple(claims),
        observations=tuple(_named_as_written(observations, mentions)),
        theatres=tuple(choices),
        profiles=MappingProxyType({k: profiles[k] for k in sorted(profiles)}),
        date_warnings=tuple(date_warnings),
    )


def _dateline_warning(article: Article, lang: LanguagePack) -> DateWarning | None:
    """The warning of an article whose own dates contradict its dateline, if they do."""
    from geo.dates import dateline_conflict, iso_date

    if article.date is None:
        return None
    conflict = dateline_conflict(
        article.text, lang=lang, anchor=article.date, precision=article.date_precision or "day"
    )
    if conflict is None:
        return None
    return DateWarning(
        article.id,
        iso_date(conflict.dateline, conflict.precision),
        tuple(iso_date(m.date, m.precision) for m in conflict.found),
        f"{article.id}: {conflict.message}",
    )


@dataclass(frozen=True, slots=True)
class _Extracted:
    choice: TheatreChoice
    mentions: list[Mention]
    claims: list[Claim]
    places: list[Place]
    observations: list[Observation]


def resolve_article(
    article: Article, doc: Doc, ctx: RunContext
) -> tuple[TheatreChoice, list[Mention], RunContext]:
    """Recognise and resolve the places of one parsed article under the profile it gets.

    Under ``--theatre auto`` the places are first resolved with no theatre prior (the
    generic profile), the article's profile is chosen from them (:mod:`geo.assign`), then
    they are resolved again under that profile. Returns the choice, the resolved mentions and
    the article's context (``ctx`` for that profile).
    """
    from geo import resolve, toponyms
    from geo.assign import choose_profile

    found = toponyms.recognise(article, doc, ctx)
    if ctx.fixed:
        return choose_profile(article, (), ctx), resolve.resolve(article, found, ctx, doc=doc), ctx
    first = resolve.resolve(article, found, ctx.for_profile(ctx.generic), doc=doc)
    choice = choose_profile(article, first, ctx)
    if choice.profile is ctx.generic:
        return choice, first, ctx.for_profile(ctx.generic)
    chosen = ctx.for_profile(choice.profile)
    return choice, resolve.resolve(article, found, chosen, doc=doc), chosen


def _extract(article: Article, ctx: RunContext) -> _Extracted:
    """The per-article stages, in order, under the profile the article gets."""
    from geo import events, places, relations
    from geo.nlp import parse

    doc = parse(article.text, ctx.lang)
    choice, resolved, ctx = resolve_article(article, doc, ctx)
    article_claims = relations.parse_claims(article, doc, resolved, ctx)
    located, new_places = places.locate_unresolved(resolved, article_claims, ctx)
    found_obs = events.extract_observations(article, doc, located, article_claims, ctx)
    return _Extracted(
        choice,
        located,
        article_claims,
        new_places,
        [replace(o, theatre=choice.profile.id) for o in found_obs],
    )


def _named_as_written(
    observations: Sequence[Observation], mentions: Sequence[Mention]
) -> list[Observation]:
    """Observations whose place carries the spelling the dispatches use most.

    Gazetteer names are GeoNames' transliterations ("Tadmur", "Ar Raqqah"); a map desk reads
    the names its own copy uses ("Palmyre", "Raqa"). The most frequent surface of a place's
    plain location mentions wins (ties: the first seen), a dateline's capitals ("TRIPOLI")
    only when the copy spells it no other way; ids are unchanged, and the
    gazetteer's name stays in ``mentions.geojson`` and ``places.geojson``.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.place is not None and m.role == "location" and m.kind == "place":
            seen[m.place.place_id][m.surface] += 1
    names = {
        place_id: max(counts, key=lambda surface: (not surface.isupper(), counts[surface]))
        for place_id, counts in seen.items()
    }
    return [
        replace(o, place=names[o.place_id]) if o.place_id in names and o.place else o
        for o in observations
    ]


def report(result: PipelineResult) -> dict:
    """The run report of DESIGN.md: every input accounted for, unresolved names, counts."""
    counts = {relation: 0 for relation in RELATIONS}
    for obs in result.observations:
        counts[obs.relation] += 1
    theatres = {t.article_id: t for t in result.theatres}
    return {
        "articles_read": len(result.articles),
        "articles": [
            {
                "id": a.id,
                "date": a.date.isoformat() if a.date else None,
                "date_precision": a.date_precision,
                "path": str(a.source_path) if a.source_path else None,
                "theatre": theatres[a.id].theatre if a.id in theatres else None,
                "theatre_reason": theatres[a.id].reason if a.id in theatres else None,
            }
            for a in result.articles
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "undated": list(result.undated),
        "warnings": list(result.warnings),
        "date_warnings": [
            {
                "article": w.article_id,
                "dateline": w.dateline,
                "dates_found": list(w.dates_found),
                "message": w.message,
            }
            for w in result.date_warnings
        ],
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
    theatre: str | TheatreProfile = "auto",
    gazetteer: Gazetteer | None = None,
    language: str | LanguagePack = "fr",
    options: Options | None = None,
    progress: bool = False,
) -> MapsSummary:
    """Run the pipeline, then write the data, one map per snapshot date, a time slider and
    an index into ``out_dir`` (see DESIGN.md, output contract of ``geo build-maps``).

    Each war is drawn with its own profile (sides, colours, title). When the input spans
    several wars, each war's maps go to ``out_dir/<theatre id>/`` and ``out_dir/index.html``
    lists them all; with one war, its maps are ``out_dir/snapshots/`` as before.

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
    theatre, gazetteer, language, options
        As for :func:`run`.
    """
    from geo import export
    from geo.context import Options
    from geo.render import build_wars_index, remove_stale_wars
    from geo.theatre import GENERIC_ID, bundled_profiles

    out = Path(out_dir)
    options = options or Options()
    result = run(
        inputs,
        theatre=theatre,
        gazetteer=gazetteer,
        language=language,
        options=options,
        progress=progress,
    )
    if not result.articles:
        return MapsSummary(out, (), 0, 0, (), result)
    files = export.write_extract(result, out / "data")
    wars = _wars(result)
    several = len(wars) > 1
    drawn = []
    all_states: list[ControlState] = []
    for folder, profile, observations in wars:
        profile = _map_extent(profile, observations)
        snapshots, states = _snapshots(observations, profile, every, options.stale_after_days)
        all_states.extend(replace(s, theatre=profile.id) for s in states)
        drawn.append((folder, profile, snapshots))
    files.append(  # before the maps, so that every index links to it
        export.write_json_atomic(
            out / "data" / "control.geojson", export.control_collection(all_states)
        )
    )
    built = []
    for folder, profile, snapshots in drawn:
        summary = _render(
            snapshots,
            out_dir=out / folder if several else out,
            parent_index="../index.html" if several else None,
            profile=profile,
            formats=tuple(formats),
            tiles=tiles,
            offline=offline,
            progress=progress,
        )
        files.extend(summary.files)
        built.append((profile, snapshots, summary))
    if several:
        files.append(build_wars_index(out, built, formats=tuple(formats)))
    remove_stale_wars(
        out,
        keep={folder for folder, _, _ in wars} if several else set(),
        wars={p.id for p in bundled_profiles()} | set(result.profiles) | {GENERIC_ID},
    )
    places = {m.place.place_id for m in result.mentions if m.place and m.role == "location"}
    return MapsSummary(
        out_dir=out,
        snapshots=tuple(sorted(s.date for _, snaps, _ in built for s in snaps)),
        places=len(places),
        unresolved=len(result.unresolved),
        files=tuple(sorted(set(files))),
        result=result,
    )


def _wars(result: PipelineResult) -> list[tuple[str, TheatreProfile, list[Observation]]]:
    """The wars of a run: ``(folder, profile, observations)``, by folder.

    A bundled or chosen profile is one war (its folder is its id). Articles of the generic
    profile are wars of their own country (the country most of their located places are
    in): a dispatch from Sudan and one from Myanmar are not drawn on one map. With nothing
    dated, the first profile used, so that an index is always written.
    """
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    for m in result.mentions:
        if m.place is not None and m.role == "location" and m.place.country_code:
            countries[m.article_id][m.place.country_code] += 1
    by_war: dict[str, list[Observation]] = defaultdict(list)
    profiles: dict[str, TheatreProfile] = {}
    for obs in result.observations:
        if obs.theatre is None or obs.geometry is None:
            continue  # a place nothing locates is in the data, on no map
        profile = result.profiles[obs.theatre]
        folder = profile.id
        if not profile.countries and countries[obs.article_id]:
            code = countries[obs.article_id].most_common(1)[0][0]
            folder = f"{profile.id}-{code.lower()}"
            profile = _generic_war(profile, code)
        by_war[folder].append(obs)
        profiles.setdefault(folder, profile)
    dated = [w for w in sorted(by_war) if any(o.date for o in by_war[w])]
    if not dated:
        first = next(iter(result.profiles.values()), None)
        return [] if first is None else [(first.id, first, by_war.get(first.id, []))]
    return [(w, profiles[w], by_war[w]) for w in dated]


def _generic_war(profile: TheatreProfile, country_code: str) -> TheatreProfile:
    """The generic profile as the war of one country: its maps are titled after it."""
    import pycountry

    country = pycountry.countries.get(alpha_2=country_code)
    where = getattr(country, "common_name", None) or (country.name if country else country_code)
    return replace(profile, name=f"Armed conflict in {where} (generic profile)")


#: Degrees around the observations of a war fought anywhere (the generic profile): its map
#: shows the countries around them, not the world.
GENERIC_MARGIN_DEG = 3.0


def _map_extent(profile: TheatreProfile, observations: Sequence[Observation]) -> TheatreProfile:
    """``profile`` with the extent its maps draw: a profile fought anywhere (no countries)
    gets the box of its observations, widened by :data:`GENERIC_MARGIN_DEG`."""
    if profile.countries or not observations:
        return profile
    lons = [o.lon for o in observations]
    lats = [o.lat for o in observations]
    m = GENERIC_MARGIN_DEG
    box = (
        max(min(lons) - m, -180.0),
        max(min(lats) - m, -90.0),
        min(max(lons) + m, 180.0),
        min(max(lats) + m, 90.0),
    )
    return replace(profile, bbox=box)


def _snapshots(
    observations: Sequence[Observation], profile: TheatreProfile, every: str, stale: int
) -> tuple[list[Snapshot], list[ControlState]]:
    """One snapshot per date of one war's observations, and every control state drawn."""
    from geo import fronts, timeline
    from geo.render import Snapshot

    snapshots = []
    all_states = []
    for date in timeline.snapshot_dates(observations, every=every, stale_after_days=stale):
        states = timeline.control_at(observations, date, stale_after_days=stale)
        zone_frame = fronts.zones(states, home_countries=profile.countries)
        snapshots.append(
            Snapshot(
                date=date,
                states=states,
                advances=timeline.advances(observations, date),
                observations=[
                    o
                    for o in observations
                    if o.date is not None and o.date <= date and (date - o.date).days <= stale
                ],
                zones=zone_frame,
                fronts=fronts.front_lines(zone_frame),
            )
        )
        all_states.extend(states)
    return snapshots, all_states


def _render(snapshots: list[Snapshot], **kwargs) -> BuildSummary:
    from geo.render import build_maps as render_maps

    return render_maps(snapshots, **kwargs)
