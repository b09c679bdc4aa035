"""``index.html``: every snapshot with its date, thumbnail, counts and links, and the data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.render._escape import escape_text
from geo.render._page import counts_line

if TYPE_CHECKING:
    from geo.render.snapshot import Snapshot
    from geo.theatre import TheatreProfile

INDEX_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px;
  padding: 0 16px; color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; }
.geo-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr));
  gap: 16px; margin: 16px 0 28px; }
.geo-card { border: 1px solid #ccc; border-radius: 6px; padding: 8px; background: #fafafa; }
.geo-card img { width: 100%; height: auto; border: 1px solid #ddd; display: block; }
.geo-card h2 { font-size: 16px; margin: 6px 0 2px; }
.geo-card p { margin: 2px 0; font-size: 12px; color: #444; }
a { color: #174a7c; }
"""


@dataclass(frozen=True)
class IndexLinks:
    """Relative links the index shows for one build.

    Parameters
    ----------
    html
        Whether snapshot pages (and the time slider) were written.
    png
        Whether snapshot images were written (they are the thumbnails).
    timeline
        Link to the time-slider page, ``None`` when there is none.
    data_files
        Links to the data files (``data/mentions.geojson``...), sorted.
    parent
        Link to the index of every war, for one war's index in a build of several.
    """

    html: bool
    png: bool
    timeline: str | None
    data_files: tuple[str, ...]
    parent: str | None = None


def _card(
    snapshot: Snapshot, *, profile: TheatreProfile, links: IndexLinks, prefix: str = ""
) -> str:
    slug = escape_text(snapshot.slug)
    base = f"{escape_text(prefix)}snapshots/{slug}"
    image = f'<img src="{base}.png" alt="Map as of {slug}" loading="lazy">' if links.png else ""
    if links.html:
        image = f'<a href="{base}.html">{image}</a>' if image else ""
        title = f'<a href="{base}.html">{slug}</a>'
    else:
        title = slug
    files = []
    if links.html:
        files.append(f'<a href="{base}.html">interactive map</a>')
    if links.png:
        files.append(f'<a href="{base}.png">image</a>')
    joined = " \u00b7 ".join(files)
    return (
        f'<div class="geo-card" id="snapshot-{escape_text(prefix.replace("/", "-"))}{slug}">'
        f"{image}<h2>{title}</h2>"
        f"<p>{escape_text(counts_line(profile, snapshot))}</p><p>{joined}</p></div>"
    )


def _intro(snapshots: Sequence[Snapshot]) -> str:
    if not snapshots:
        return "No dated observation: no snapshot to draw."
    period = f"{snapshots[0].slug} to {snapshots[-1].slug}"
    return f"{len(snapshots)} snapshot{'s' if len(snapshots) != 1 else ''}, {period}."


def _data_section(data_files: Sequence[str]) -> str:
    data = "".join(
        f'<li><a href="{escape_text(path)}">{escape_text(path)}</a></li>' for path in data_files
    )
    return f'<h2>Data</h2><ul class="geo-data">{data}</ul>' if data else ""


def index_page(snapshots: Sequence[Snapshot], *, profile: TheatreProfile, links: IndexLinks) -> str:
    """The HTML of ``index.html``.

    Parameters
    ----------
    snapshots
        The snapshots, sorted by date.
    profile
        Theatre profile: side labels for the counts.
    links
        Which files exist to link to.

    Returns
    -------
    str
        A complete HTML document.
    """
    timeline = (
        f'<p><a class="geo-timeline" href="{escape_text(links.timeline)}">'
        "Time slider over the whole period</a></p>"
        if links.timeline
        else ""
    )
    cards = "".join(_card(s, profile=profile, links=links) for s in snapshots)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Front-line maps: {escape_text(profile.name)}</title>"
        f"<style>{INDEX_CSS}</style></head><body>"
        f"<h1>Front-line maps: {escape_text(profile.name)}</h1>"
        + (
            f'<p><a class="geo-parent" href="{escape_text(links.parent)}">All wars</a></p>'
            if links.parent
            else ""
        )
        + f"<p>{escape_text(_intro(snapshots))}</p>{timeline}"
        f'<div class="geo-grid">{cards}</div>{_data_section(links.data_files)}'
        "</body></html>\n"
    )


@dataclass(frozen=True)
class WarSection:
    """One war of a build that spans several: its profile, snapshots and folder."""

    profile: TheatreProfile
    snapshots: Sequence[Snapshot]
    folder: str
    links: IndexLinks


def wars_index_page(wars: Sequence[WarSection], *, data_files: Sequence[str]) -> str:
    """The HTML of the ``index.html`` of a build whose input spans several wars.

    One section per war (its name, period, time slider and snapshot cards, linking into the
    war's own folder), then the data files, which all wars share.
    """
    sections = []
    for war in wars:
        folder = f"{war.folder}/"
        timeline = (
            f' \u00b7 <a class="geo-timeline" href="{escape_text(folder)}'
            f'{escape_text(war.links.timeline)}">time slider</a>'
            if war.links.timeline
            else ""
        )
        cards = "".join(
            _card(s, profile=war.profile, links=war.links, prefix=folder) for s in war.snapshots
        )
        sections.append(
            f'<section class="geo-war" id="war-{escape_text(war.folder)}">'
            f"<h2>{escape_text(war.profile.name)}</h2>"
            f"<p>{escape_text(_intro(war.snapshots))} "
            f'<a href="{escape_text(folder)}index.html">this war\'s page</a>{timeline}</p>'
            f'<div class="geo-grid">{cards}</div></section>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Front-line maps</title>"
        f"<style>{INDEX_CSS}</style></head><body>"
        f"<h1>Front-line maps: {len(wars)} wars</h1>"
        + "".join(sections)
        + _data_section(data_files)
        + "</body></html>\n"
    )
