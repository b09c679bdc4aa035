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
    """

    html: bool
    png: bool
    timeline: str | None
    data_files: tuple[str, ...]


def _card(snapshot: Snapshot, *, profile: TheatreProfile, links: IndexLinks) -> str:
    slug = escape_text(snapshot.slug)
    image = (
        f'<img src="snapshots/{slug}.png" alt="Map as of {slug}" loading="lazy">'
        if links.png
        else ""
    )
    if links.html:
        image = f'<a href="snapshots/{slug}.html">{image}</a>' if image else ""
        title = f'<a href="snapshots/{slug}.html">{slug}</a>'
    else:
        title = slug
    files = []
    if links.html:
        files.append(f'<a href="snapshots/{slug}.html">interactive map</a>')
    if links.png:
        files.append(f'<a href="snapshots/{slug}.png">image</a>')
    joined = " \u00b7 ".join(files)
    return (
        f'<div class="geo-card" id="snapshot-{slug}">{image}<h2>{title}</h2>'
        f"<p>{escape_text(counts_line(profile, snapshot))}</p><p>{joined}</p></div>"
    )


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
    if snapshots:
        period = f"{snapshots[0].slug} to {snapshots[-1].slug}"
        intro = f"{len(snapshots)} snapshot{'s' if len(snapshots) != 1 else ''}, {period}."
    else:
        intro = "No dated observation: no snapshot to draw."
    timeline = (
        f'<p><a class="geo-timeline" href="{escape_text(links.timeline)}">'
        "Time slider over the whole period</a></p>"
        if links.timeline
        else ""
    )
    cards = "".join(_card(s, profile=profile, links=links) for s in snapshots)
    data = "".join(
        f'<li><a href="{escape_text(path)}">{escape_text(path)}</a></li>'
        for path in links.data_files
    )
    data_section = f'<h2>Data</h2><ul class="geo-data">{data}</ul>' if data else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Front-line maps: {escape_text(profile.name)}</title>"
        f"<style>{INDEX_CSS}</style></head><body>"
        f"<h1>Front-line maps: {escape_text(profile.name)}</h1>"
        f"<p>{escape_text(intro)}</p>{timeline}"
        f'<div class="geo-grid">{cards}</div>{data_section}'
        "</body></html>\n"
    )
