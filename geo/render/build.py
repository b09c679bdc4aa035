"""Write every map of a build: snapshot pages and images, the time slider and the index."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from geo._io import write_bytes_atomic, write_text_atomic
from geo.render._errors import RenderError
from geo.render._folium import LEAFLET_CDN, copy_assets
from geo.render.html import snapshot_page
from geo.render.index import IndexLinks, WarSection, index_page, wars_index_page
from geo.render.png import render_png
from geo.render.slider import timeline_page
from geo.render.snapshot import Snapshot

if TYPE_CHECKING:
    from geo.theatre import TheatreProfile

FORMATS = ("html", "png")
"""Output formats :func:`build_maps` knows."""

DATA_SUFFIXES = (".geojson", ".json")
"""Files under ``DIR/data/`` that the index links to."""

_SNAPSHOT_FILE = re.compile(r"\d{4}-\d{2}-\d{2}\.(?:html|png)")
"""Names of the files this module writes under ``DIR/snapshots/``."""


def _remove_outdated(folder: Path, keep: Collection[Path]) -> None:
    """Delete snapshot files an earlier build left in ``folder`` that this build did not write.

    Only names of the ``YYYY-MM-DD.html`` / ``.png`` form are touched, so that the folder
    always matches the index.
    """
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_file() and _SNAPSHOT_FILE.fullmatch(path.name) and path not in keep:
            path.unlink()


@dataclass(frozen=True)
class BuildSummary:
    """What :func:`build_maps` wrote.

    Parameters
    ----------
    out_dir
        The output folder.
    snapshots
        Number of snapshots drawn.
    files
        Every file written, sorted.
    places
        Distinct places drawn over all snapshots.
    dates
        The snapshot dates, sorted.
    index
        ``DIR/index.html``.
    timeline
        ``DIR/timeline.html``, or ``None`` when no HTML was asked for or there is no snapshot.
    """

    out_dir: Path
    snapshots: int
    files: list[Path]
    places: int
    dates: tuple[dt.date, ...]
    index: Path
    timeline: Path | None


def _check_formats(formats: Collection[str]) -> frozenset[str]:
    asked = frozenset(fmt.strip().lower() for fmt in formats)
    unknown = sorted(asked - set(FORMATS))
    if unknown or not asked:
        raise RenderError(f"unknown map format(s) {unknown or list(formats)!r}: use {FORMATS!r}")
    return asked


def _sorted_snapshots(snapshots: Sequence[Snapshot]) -> list[Snapshot]:
    ordered = sorted(snapshots, key=lambda s: s.date)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.date == after.date:
            raise RenderError(f"two snapshots share the date {after.slug!r}: one map per date")
    return ordered


def build_maps(
    snapshots: Sequence[Snapshot],
    *,
    out_dir: Path,
    profile: TheatreProfile,
    formats: Collection[str] = FORMATS,
    tiles: str | None = None,
    offline: bool = False,
    parent_index: str | None = None,
    progress: bool = False,
) -> BuildSummary:
    """Write the maps of ``snapshots`` into ``out_dir``.

    Layout: ``snapshots/YYYY-MM-DD.html`` and ``snapshots/YYYY-MM-DD.png`` per snapshot,
    ``timeline.html`` (the time slider), ``index.html`` (links to all of them and to the data
    files already under ``data/``), and ``assets/`` (Leaflet and its licence) when
    ``offline``. Every file is written atomically; the same inputs give the same bytes.
    Snapshot files of an earlier build into the same folder that this build does not
    rewrite are removed, so the folder matches the index.

    Parameters
    ----------
    snapshots
        One per date, in any order.
    out_dir
        Output folder, created when missing.
    profile
        Theatre profile: side labels and colours.
    formats
        Any of ``"html"`` and ``"png"``.
    tiles
        A folium tile set name (``"OpenStreetMap"``, ``"CartoDB positron"``) drawn under the
        data; it needs the network when the page is viewed. ``None`` or ``"none"``: the
        offline country borders only.
    offline
        Copy Leaflet into ``out_dir/assets`` and load it from there, so that the pages open
        with no network at all.
    parent_index
        For one war of a build of several (``out_dir`` is ``DIR/<war>/``): the link to the
        index of every war; the war's index links to it and to the shared ``DIR/data/``.
    progress
        Show a progress bar over the snapshots.

    Returns
    -------
    BuildSummary
        Counts and the files written.

    Raises
    ------
    RenderError
        An unknown format, or two snapshots with the same date.
    """
    asked = _check_formats(formats)
    ordered = _sorted_snapshots(snapshots)
    if tiles is not None and tiles.strip().lower() == "none":
        tiles = None
    out_dir = Path(out_dir)
    files: list[Path] = []
    html = "html" in asked
    png = "png" in asked
    page_assets = timeline_assets = LEAFLET_CDN
    if offline and html:
        files += copy_assets(out_dir / "assets")
        page_assets, timeline_assets = "../assets/", "assets/"
    dates = [s.slug for s in ordered]
    for number, snapshot in enumerate(
        tqdm(ordered, desc="maps", unit="snapshot", disable=not progress)
    ):
        stem = out_dir / "snapshots" / snapshot.slug
        if html:
            page = snapshot_page(
                snapshot,
                profile=profile,
                previous=dates[number - 1] if number > 0 else None,
                following=dates[number + 1] if number + 1 < len(dates) else None,
                tiles=tiles,
                asset_base=page_assets,
            )
            files.append(write_text_atomic(stem.with_suffix(".html"), page))
        if png:
            files.append(
                write_bytes_atomic(
                    stem.with_suffix(".png"), render_png(snapshot, profile=profile).data
                )
            )
    _remove_outdated(out_dir / "snapshots", set(files))
    timeline = None
    if html and ordered:
        page = timeline_page(ordered, profile=profile, tiles=tiles, asset_base=timeline_assets)
        timeline = write_text_atomic(out_dir / "timeline.html", page)
        files.append(timeline)
    else:
        (out_dir / "timeline.html").unlink(missing_ok=True)  # an earlier build's, now stale
    data_files = _data_files(out_dir)
    if parent_index and not data_files:  # one war of several: the data all wars share
        data_files = tuple(f"../{path}" for path in _data_files(out_dir.parent))
    links = IndexLinks(
        html=html,
        png=png,
        timeline="timeline.html" if timeline else None,
        data_files=data_files,
        parent=parent_index,
    )
    index = write_text_atomic(
        out_dir / "index.html", index_page(ordered, profile=profile, links=links)
    )
    files.append(index)
    return BuildSummary(
        out_dir=out_dir,
        snapshots=len(ordered),
        files=sorted(files),
        places=len({state.place_id for s in ordered for state in s.states}),
        dates=tuple(s.date for s in ordered),
        index=index,
        timeline=timeline,
    )


def _data_files(out_dir: Path) -> tuple[str, ...]:
    data_dir = out_dir / "data"
    return tuple(
        sorted(
            path.relative_to(out_dir).as_posix()
            for path in (data_dir.iterdir() if data_dir.is_dir() else ())
            if path.is_file() and path.suffix in DATA_SUFFIXES
        )
    )


def build_wars_index(
    out_dir: Path,
    wars: Sequence[tuple[TheatreProfile, Sequence[Snapshot], BuildSummary]],
    *,
    formats: Collection[str] = FORMATS,
) -> Path:
    """Write ``out_dir/index.html`` for a build whose input spans several wars.

    Each war's maps were written by :func:`build_maps` into ``out_dir/<theatre id>/``; this
    index lists every war's snapshots, with links into those folders, and the shared data.
    """
    asked = _check_formats(formats)
    sections = [
        WarSection(
            profile=profile,
            snapshots=_sorted_snapshots(snapshots),
            folder=summary.out_dir.relative_to(out_dir).as_posix(),
            links=IndexLinks(
                html="html" in asked,
                png="png" in asked,
                timeline="timeline.html" if summary.timeline else None,
                data_files=(),
            ),
        )
        for profile, snapshots, summary in wars
    ]
    page = wars_index_page(sections, data_files=_data_files(out_dir))
    return write_text_atomic(out_dir / "index.html", page)


def remove_stale_wars(out_dir: Path, *, keep: Collection[str], wars: Collection[str]) -> None:
    """Delete what an earlier build into ``out_dir`` drew of wars this build does not draw.

    A build of several wars keeps the folders of ``keep`` (``out_dir/<war>/``) and removes the
    one-war layout (``snapshots/`` files and ``timeline.html``) an earlier build left; a
    one-war build (``keep`` empty) removes the war folders. Only a folder named after a war
    (one of ``wars``, the theatre ids, or ``<id>-<country code>``) that holds what this module
    writes (an ``index.html`` beside a ``snapshots/`` folder) is touched, so the output folder
    matches its index and nothing else of the user's is removed.
    """
    out_dir = Path(out_dir)
    if keep:
        _remove_outdated(out_dir / "snapshots", keep=())
        (out_dir / "timeline.html").unlink(missing_ok=True)
    for folder in sorted(out_dir.iterdir()) if out_dir.is_dir() else ():
        named = folder.name in wars or folder.name.rsplit("-", 1)[0] in wars
        drawn = (folder / "index.html").is_file() and (folder / "snapshots").is_dir()
        if named and drawn and folder.name not in keep:
            shutil.rmtree(folder)
